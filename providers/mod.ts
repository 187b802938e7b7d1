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
import { consoleProvider } from "./console/console.ts";
import { builtinServiceTypes, pendingProviders } from "./service-types.ts";
import { isProvider, type Provider, type Providers } from "./provider.ts";
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

export type {
  Delivery,
  DeliveryPolicy,
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
 * Every service type of the Go engine (and `console`), in the order the Go engine renders their template blocks.
 * Types not delivered yet (e-mail, incidents, forges, queues) decode and compile, and fail to deliver with a clear
 * cause. A host adds or replaces providers by spreading: `{ ...builtinProviders, myhook }`.
 */
export const builtinProviders: Providers = Object.freeze({
  awssqs: pendingProviders["awssqs"]!,
  gcppubsub: pendingProviders["gcppubsub"]!,
  slack: slackProvider,
  mattermost: mattermostProvider,
  rocketchat: rocketchatProvider,
  email: pendingProviders["email"]!,
  webhook: webhookProvider,
  opsgenie: pendingProviders["opsgenie"]!,
  github: pendingProviders["github"]!,
  teams: teamsProvider,
  "teams-workflows": teamsWorkflowsProvider,
  alertmanager: pendingProviders["alertmanager"]!,
  googlechat: googlechatProvider,
  pagerduty: pendingProviders["pagerduty"]!,
  pagerdutyv2: pendingProviders["pagerdutyv2"]!,
  newrelic: pendingProviders["newrelic"]!,
  grafana: pendingProviders["grafana"]!,
  telegram: telegramProvider,
  pushover: pushoverProvider,
  webex: webexProvider,
  nats: pendingProviders["nats"]!,
  console: consoleProvider,
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
