/**
 * The builtin service types as the configuration needs them: each one's settings decoder and template block, without
 * the code that prepares deliveries. The package entry (`mod.ts`) decodes configurations with these, so its bundle
 * holds no `prepare`; `providerOf` (`./providers`) finds the provider of each. `tests/providers/service-types.test.ts` checks that this list and
 * `builtinProviders` agree, type by type.
 * @module
 */
import type { ServiceType, ServiceTypes } from "../lib/config/mod.ts";
import type { TemplateBlocks } from "../lib/templates/mod.ts";
import { blocksOf } from "../lib/config/mod.ts";
import { alertmanagerBlock } from "./alertmanager/block.ts";
import { decodeAlertmanagerSettings } from "./alertmanager/alertmanager.ts";
import { awssqsBlock } from "./awssqs/block.ts";
import { decodeAwssqsSettings } from "./awssqs/settings.ts";
import { decodeAzuredevopsSettings } from "./azuredevops/settings.ts";
import { decodeBitbucketSettings } from "./bitbucket/settings.ts";
import { commitStatusBlock } from "./commit-status.ts";
import { decodeConsoleSettings } from "./console/settings.ts";
import { decodeDiscordSettings, discordBlock } from "./discord/discord.ts";
import { emailBlock } from "./email/block.ts";
import { decodeEmailSettings } from "./email/email.ts";
import { gcppubsubBlock } from "./gcppubsub/block.ts";
import { decodeGcppubsubSettings } from "./gcppubsub/gcppubsub.ts";
import { decodeGiteaSettings } from "./gitea/settings.ts";
import { githubBlock } from "./github/block.ts";
import { decodeGithubSettings } from "./github/github.ts";
import { decodeGitlabSettings } from "./gitlab/settings.ts";
import { decodeGooglechatSettings } from "./googlechat/googlechat.ts";
import { googlechatBlock } from "./googlechat/block.ts";
import { decodeGrafanaSettings } from "./grafana/grafana.ts";
import { decodeMatrixSettings, matrixBlock } from "./matrix/matrix.ts";
import { mattermostBlock } from "./mattermost/block.ts";
import { decodeMattermostSettings } from "./mattermost/settings.ts";
import { decodeNatsSettings } from "./nats/nats.ts";
import { newrelicBlock } from "./newrelic/block.ts";
import { decodeNewrelicSettings } from "./newrelic/newrelic.ts";
import { decodeNtfySettings, ntfyBlock } from "./ntfy/ntfy.ts";
import { opsgenieBlock } from "./opsgenie/block.ts";
import { decodeOpsgenieSettings } from "./opsgenie/opsgenie.ts";
import { pagerdutyBlock } from "./pagerduty/block.ts";
import { decodePagerdutySettings } from "./pagerduty/pagerduty.ts";
import { pagerdutyv2Block } from "./pagerdutyv2/block.ts";
import { decodePagerdutyv2Settings } from "./pagerdutyv2/pagerdutyv2.ts";
import { decodePushoverSettings } from "./pushover/pushover.ts";
import { rocketchatBlock } from "./rocketchat/block.ts";
import { decodeRocketChatSettings } from "./rocketchat/settings.ts";
import { slackBlock } from "./slack/block.ts";
import { decodeSlackSettings } from "./slack/settings.ts";
import { teamsBlock } from "./teams/block.ts";
import { decodeTeamsSettings } from "./teams/teams.ts";
import { teamsWorkflowsBlock } from "./teams-workflows/block.ts";
import { decodeTeamsWorkflowsSettings } from "./teams-workflows/teams-workflows.ts";
import { decodeTelegramSettings } from "./telegram/settings.ts";
import { decodeWebexSettings } from "./webex/webex.ts";
import { webhookBlock } from "./webhook/block.ts";
import { decodeWebhookSettings } from "./webhook/settings.ts";

const serviceType = <S>(
  type: string,
  decodeSettings: ServiceType<S>["decodeSettings"],
  block?: ServiceType["block"],
): ServiceType => ({ type, decodeSettings, ...(block !== undefined ? { block } : {}) }) as ServiceType;

/**
 * Every builtin service type, in the order of `builtinProviders` (the order blocks render in): the same decoders and
 * blocks as the providers.
 */
export const builtinServiceTypes: ServiceTypes = Object.freeze({
  awssqs: serviceType("awssqs", decodeAwssqsSettings, awssqsBlock),
  gcppubsub: serviceType("gcppubsub", decodeGcppubsubSettings, gcppubsubBlock),
  slack: serviceType("slack", decodeSlackSettings, slackBlock),
  mattermost: serviceType("mattermost", decodeMattermostSettings, mattermostBlock),
  rocketchat: serviceType("rocketchat", decodeRocketChatSettings, rocketchatBlock),
  email: serviceType("email", decodeEmailSettings, emailBlock),
  webhook: serviceType("webhook", decodeWebhookSettings, webhookBlock),
  opsgenie: serviceType("opsgenie", decodeOpsgenieSettings, opsgenieBlock),
  github: serviceType("github", decodeGithubSettings, githubBlock),
  teams: serviceType("teams", decodeTeamsSettings, teamsBlock),
  "teams-workflows": serviceType("teams-workflows", decodeTeamsWorkflowsSettings, teamsWorkflowsBlock),
  alertmanager: serviceType("alertmanager", decodeAlertmanagerSettings, alertmanagerBlock),
  googlechat: serviceType("googlechat", decodeGooglechatSettings, googlechatBlock),
  pagerduty: serviceType("pagerduty", decodePagerdutySettings, pagerdutyBlock),
  pagerdutyv2: serviceType("pagerdutyv2", decodePagerdutyv2Settings, pagerdutyv2Block),
  newrelic: serviceType("newrelic", decodeNewrelicSettings, newrelicBlock),
  grafana: serviceType("grafana", decodeGrafanaSettings),
  telegram: serviceType("telegram", decodeTelegramSettings),
  pushover: serviceType("pushover", decodePushoverSettings),
  webex: serviceType("webex", decodeWebexSettings),
  nats: serviceType("nats", decodeNatsSettings),
  console: serviceType("console", decodeConsoleSettings),
  gitlab: serviceType("gitlab", decodeGitlabSettings, commitStatusBlock),
  gitea: serviceType("gitea", decodeGiteaSettings, commitStatusBlock),
  bitbucket: serviceType("bitbucket", decodeBitbucketSettings, commitStatusBlock),
  azuredevops: serviceType("azuredevops", decodeAzuredevopsSettings, commitStatusBlock),
  discord: serviceType("discord", decodeDiscordSettings, discordBlock),
  matrix: serviceType("matrix", decodeMatrixSettings, matrixBlock),
  ntfy: serviceType("ntfy", decodeNtfySettings, ntfyBlock),
});

/** The template blocks of {@linkcode builtinServiceTypes}. */
export const builtinBlocks: TemplateBlocks = Object.freeze(blocksOf(builtinServiceTypes));
