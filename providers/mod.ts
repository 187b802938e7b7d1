/**
 * The notification services: for each service type, how its settings decode, its block in template documents, and
 * a pure `prepare` that turns a notification into the request(s) to send, as data. Edge-clean: a serverless handler
 * can build a Slack request here and send it with its own `fetch`; `./shell` sends them under the delivery policy.
 *
 * @example Preparing a Slack request without a network
 * ```ts
 * import { builtinProviders } from "./mod.ts";
 * import { expect } from "expect";
 *
 * const slack = builtinProviders["slack"]!;
 * const settings = slack.decodeSettings({ token: "xoxb-1" }).value;
 * const prepared = slack.prepare(
 *   { destination: { service: "slack", recipient: "ops" }, content: { message: "Deployed", blocks: {} } },
 *   settings,
 *   { now: 0 },
 * );
 * if (prepared._tag === "Left" || prepared.right.kind !== "http") throw new Error("not prepared");
 * expect(prepared.right.request.url).toBe("https://slack.com/api/chat.postMessage");
 * expect(prepared.right.request.body).toBe("channel=ops&text=Deployed&token=xoxb-1");
 * ```
 * @module
 */
import type { ServiceType } from "../lib/config/mod.ts";
import { alertmanagerProvider } from "./alertmanager/alertmanager.ts";
import { awssqsProvider } from "./awssqs/awssqs.ts";
import { consoleProvider } from "./console/console.ts";
import { emailProvider } from "./email/email.ts";
import { gcppubsubProvider } from "./gcppubsub/gcppubsub.ts";
import { githubProvider } from "./github/github.ts";
import { natsProvider } from "./nats/nats.ts";
import { grafanaProvider } from "./grafana/grafana.ts";
import { newrelicProvider } from "./newrelic/newrelic.ts";
import { opsgenieProvider } from "./opsgenie/opsgenie.ts";
import { pagerdutyProvider } from "./pagerduty/pagerduty.ts";
import { pagerdutyv2Provider } from "./pagerdutyv2/pagerdutyv2.ts";
import { isProvider, type Provider, type Providers } from "./provider.ts";
import { builtinServiceTypes } from "./service-types.ts";
import { slackProvider } from "./slack/slack.ts";
import { webhookProvider } from "./webhook/webhook.ts";
import { googlechatProvider } from "./googlechat/googlechat.ts";
import { mattermostProvider } from "./mattermost/mattermost.ts";
import { pushoverProvider } from "./pushover/pushover.ts";
import { rocketchatProvider } from "./rocketchat/rocketchat.ts";
import { teamsProvider } from "./teams/teams.ts";
import { teamsWorkflowsProvider } from "./teams-workflows/teams-workflows.ts";
import { telegramProvider } from "./telegram/telegram.ts";
import { webexProvider } from "./webex/webex.ts";
import { azuredevopsProvider } from "./azuredevops/azuredevops.ts";
import { bitbucketProvider } from "./bitbucket/bitbucket.ts";
import { discordProvider } from "./discord/discord.ts";
import { giteaProvider } from "./gitea/gitea.ts";
import { gitlabProvider } from "./gitlab/gitlab.ts";
import { matrixProvider } from "./matrix/matrix.ts";
import { ntfyProvider } from "./ntfy/ntfy.ts";

export type {
  AwsCredentialsDelivery,
  AwsIdentity,
  Delivery,
  DeliveryPolicy,
  GcpCredentialsDelivery,
  GcpKeyFile,
  HttpDelivery,
  HttpRequest,
  HttpResponse,
  Outgoing,
  PrepareOptions,
  PrintDelivery,
  Provider,
  Providers,
  RateLimit,
  References,
  StepResult,
} from "./provider.ts";
export { isProvider } from "./provider.ts";
export { builtinBlocks, builtinServiceTypes } from "./service-types.ts";
export { blocksOf } from "../lib/config/mod.ts";
export { defaultPolicy } from "./delivery-policy.ts";
export { isRetryableStatus } from "./rejection.ts";
export { decideRetry, parseRetryAfter } from "./retry-timing.ts";

/**
 * Every service type of the Go engine (and `console`), in the order the Go engine renders their template blocks,
 * then the services the Go engine lacks. E-mail and NATS prepare deliveries as data like the rest; the shell sends
 * them over sockets (Node and Deno). A host adds or replaces providers by spreading: `{ ...builtinProviders, myhook }`.
 */
export const builtinProviders: Providers = Object.freeze({
  awssqs: awssqsProvider,
  gcppubsub: gcppubsubProvider,
  slack: slackProvider,
  mattermost: mattermostProvider,
  rocketchat: rocketchatProvider,
  email: emailProvider,
  webhook: webhookProvider,
  opsgenie: opsgenieProvider,
  github: githubProvider,
  teams: teamsProvider,
  "teams-workflows": teamsWorkflowsProvider,
  alertmanager: alertmanagerProvider,
  googlechat: googlechatProvider,
  pagerduty: pagerdutyProvider,
  pagerdutyv2: pagerdutyv2Provider,
  newrelic: newrelicProvider,
  grafana: grafanaProvider,
  telegram: telegramProvider,
  pushover: pushoverProvider,
  webex: webexProvider,
  nats: natsProvider,
  console: consoleProvider,
  gitlab: gitlabProvider,
  gitea: giteaProvider,
  bitbucket: bitbucketProvider,
  azuredevops: azuredevopsProvider,
  discord: discordProvider,
  matrix: matrixProvider,
  ntfy: ntfyProvider,
});

const builtinByServiceType: ReadonlyMap<ServiceType, Provider<unknown>> = new Map(
  Object.entries(builtinServiceTypes).flatMap(([type, s]) => {
    const p = builtinProviders[type];
    return p === undefined ? [] : [[s, p] as const];
  }),
);

/**
 * The provider of a configured service's type: the service type itself when it is a provider (`decodeConfig` was
 * given providers), the builtin provider when it is a builtin service type (`decodeConfig` of the package entry, which
 * decodes with `builtinServiceTypes`), else `undefined`.
 *
 * @param serviceType A service's `serviceType` in a decoded configuration.
 * @returns Its provider, if there is one.
 *
 * @example The builtin Slack service type
 * ```ts
 * import { builtinProviders, builtinServiceTypes, providerOf } from "./mod.ts";
 * import { expect } from "expect";
 *
 * expect(providerOf(builtinServiceTypes["slack"]!)).toBe(builtinProviders["slack"]);
 * ```
 */
export function providerOf(serviceType: ServiceType): Provider<unknown> | undefined {
  return isProvider(serviceType) ? serviceType : builtinByServiceType.get(serviceType);
}
