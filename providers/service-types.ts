/**
 * The builtin service types as the configuration needs them: each one's settings decoder and template block, without
 * the code that prepares deliveries. The package entry (`mod.ts`) decodes configurations with these, so its bundle
 * holds no `prepare`; {@linkcode providerOf} (`./providers`) finds the provider of each.
 * @module
 */
import type { ServiceType, ServiceTypes } from "../lib/config/mod.ts";
import type { TemplateBlocks } from "../lib/templates/mod.ts";
import { blocksOf } from "../lib/config/mod.ts";
import { alertmanagerBlock } from "./alertmanager/block.ts";
import { awssqsBlock } from "./awssqs/block.ts";
import { decodeConsoleSettings } from "./console/console.ts";
import { emailBlock } from "./email/block.ts";
import { gcppubsubBlock } from "./gcppubsub/block.ts";
import { githubBlock } from "./github/block.ts";
import { decodeGooglechatSettings } from "./googlechat/googlechat.ts";
import { googlechatBlock } from "./googlechat/block.ts";
import { mattermostBlock } from "./mattermost/block.ts";
import { decodeMattermostSettings } from "./mattermost/settings.ts";
import { newrelicBlock } from "./newrelic/block.ts";
import { opsgenieBlock } from "./opsgenie/block.ts";
import { pagerdutyBlock } from "./pagerduty/block.ts";
import { pagerdutyv2Block } from "./pagerdutyv2/block.ts";
import { pendingProvider } from "./pending.ts";
import type { Provider } from "./provider.ts";
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

/** Service types this package does not deliver to yet: their providers are small, and serve as their service types. */
export const pendingProviders: Readonly<Record<string, Provider<unknown>>> = Object.freeze({
  awssqs: pendingProvider("awssqs", awssqsBlock),
  gcppubsub: pendingProvider("gcppubsub", gcppubsubBlock),
  email: pendingProvider("email", emailBlock),
  opsgenie: pendingProvider("opsgenie", opsgenieBlock),
  github: pendingProvider("github", githubBlock),
  alertmanager: pendingProvider("alertmanager", alertmanagerBlock),
  pagerduty: pendingProvider("pagerduty", pagerdutyBlock),
  pagerdutyv2: pendingProvider("pagerdutyv2", pagerdutyv2Block),
  newrelic: pendingProvider("newrelic", newrelicBlock),
  grafana: pendingProvider("grafana"),
  nats: pendingProvider("nats"),
}) as Readonly<Record<string, Provider<unknown>>>;

const serviceType = <S>(type: string, decodeSettings: ServiceType<S>["decodeSettings"], block?: ServiceType["block"]): ServiceType =>
  ({ type, decodeSettings, ...(block !== undefined ? { block } : {}) }) as ServiceType;

/**
 * Every builtin service type, in the order of `builtinProviders` (the order blocks render in): the same decoders and
 * blocks as the providers.
 */
export const builtinServiceTypes: ServiceTypes = Object.freeze({
  awssqs: pendingProviders["awssqs"]!,
  gcppubsub: pendingProviders["gcppubsub"]!,
  slack: serviceType("slack", decodeSlackSettings, slackBlock),
  mattermost: serviceType("mattermost", decodeMattermostSettings, mattermostBlock),
  rocketchat: serviceType("rocketchat", decodeRocketChatSettings, rocketchatBlock),
  email: pendingProviders["email"]!,
  webhook: serviceType("webhook", decodeWebhookSettings, webhookBlock),
  opsgenie: pendingProviders["opsgenie"]!,
  github: pendingProviders["github"]!,
  teams: serviceType("teams", decodeTeamsSettings, teamsBlock),
  "teams-workflows": serviceType("teams-workflows", decodeTeamsWorkflowsSettings, teamsWorkflowsBlock),
  alertmanager: pendingProviders["alertmanager"]!,
  googlechat: serviceType("googlechat", decodeGooglechatSettings, googlechatBlock),
  pagerduty: pendingProviders["pagerduty"]!,
  pagerdutyv2: pendingProviders["pagerdutyv2"]!,
  newrelic: pendingProviders["newrelic"]!,
  grafana: pendingProviders["grafana"]!,
  telegram: serviceType("telegram", decodeTelegramSettings),
  pushover: serviceType("pushover", decodePushoverSettings),
  webex: serviceType("webex", decodeWebexSettings),
  nats: pendingProviders["nats"]!,
  console: serviceType("console", decodeConsoleSettings),
});

/** The template blocks of {@linkcode builtinServiceTypes}. */
export const builtinBlocks: TemplateBlocks = Object.freeze(blocksOf(builtinServiceTypes));
