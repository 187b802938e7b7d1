/**
 * notifications-engine: turn changes of Kubernetes resources (or any JSON object) into notifications, driven by the
 * configuration Argo CD and Argo Rollouts admins already write. This entry point is the pure core: decode the
 * configuration once, then call {@linkcode evaluate} for each version of a resource. No I/O, no clock.
 *
 * @example The cert-manager example
 * ```ts
 * import { decodeConfig, evaluate } from "notifications-engine";
 * import { expect } from "expect";
 *
 * const { config } = decodeConfig({
 *   data: {
 *     "trigger.on-cert-ready": "- when: any(cert.status.conditions, {.reason == 'Ready' && .status == 'True'})\n  send: [cert-ready]",
 *     "template.cert-ready": "message: Certificate {{.cert.metadata.name}} is ready!",
 *     "service.slack": "token: $slack-token",
 *   },
 * }, { stringData: { "slack-token": "xoxb-1" } });
 * const cert = {
 *   metadata: { name: "web", annotations: { "notifications.argoproj.io/subscribe.on-cert-ready.slack": "ops" } },
 *   status: { conditions: [{ type: "Ready", reason: "Ready", status: "True" }] },
 * };
 * const first = evaluate(cert, config, { now: Date.parse("2024-01-02T03:04:05Z"), resourceName: "cert" });
 * expect(first.notifications.map((n) => n.content.message)).toEqual(["Certificate web is ready!"]);
 * const again = evaluate(cert, config, { now: Date.parse("2024-01-02T03:05:00Z"), resourceName: "cert", state: first.state });
 * expect(again.notifications).toEqual([]);
 * ```
 * @module
 */
export type { Diagnostic, DiagnosticTag } from "./lib/diagnostics.ts";
export type { Limits } from "./lib/limits.ts";
export { defaultLimits } from "./lib/limits.ts";
export { formatDiagnostic } from "./lib/diagnostics.ts";
export type {
  Condition,
  Config,
  ConfigMapLike,
  DecodeConfigOptions,
  DecodedConfig,
  DefaultSubscription,
  SecretLike,
  ServiceConfig,
  Trigger,
} from "./lib/config/mod.ts";
export { conditionKey, decodeConfig } from "./lib/config/mod.ts";
export type { Decision, EvaluateOptions, Notification } from "./lib/engine/mod.ts";
export { evaluate } from "./lib/engine/mod.ts";
export type { Destination, Destinations, LabelSelector, Requirement } from "./lib/subscriptions/mod.ts";
export { matchesSelector, parseSelector, parseSubscriptionAnnotations, resolveDestinations } from "./lib/subscriptions/mod.ts";
export type { NotifiedState } from "./lib/state/mod.ts";
export {
  clearNotified,
  decodeNotifiedState,
  encodeNotifiedState,
  markNotified,
  notifiedAnnotationKey,
  readNotifiedState,
  stateKey,
  writeNotifiedState,
} from "./lib/state/mod.ts";
export type { CompiledExpr } from "./lib/expr/mod.ts";
export { compileExpr } from "./lib/expr/mod.ts";
export type { CompiledTemplate, RenderedContent } from "./lib/templates/mod.ts";
export { compileTemplate } from "./lib/templates/mod.ts";
