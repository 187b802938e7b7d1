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
import type { ConfigMapLike, DecodeConfigOptions, DecodedConfig, SecretLike } from "./lib/config/mod.ts";
import { decodeConfig as decodeConfigWith } from "./lib/config/mod.ts";
import type { Diagnostic } from "./lib/diagnostics.ts";
import type { Either } from "./lib/fp.ts";
import { type CompiledTemplate, compileTemplate as compileTemplateWith, type TemplateBlocks } from "./lib/templates/mod.ts";
import { builtinBlocks, builtinProviders } from "./providers/mod.ts";

export type {
  Condition,
  Config,
  ConfigMapLike,
  DecodeConfigOptions,
  DecodedConfig,
  DecodedSettings,
  DefaultSubscription,
  SecretLike,
  ServiceConfig,
  ServiceType,
  ServiceTypes,
  SettingsDiagnostic,
  Trigger,
} from "./lib/config/mod.ts";
export { conditionKey } from "./lib/config/mod.ts";
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
export type { BlockSpec, CompiledTemplate, RenderedContent, TemplateBlocks } from "./lib/templates/mod.ts";
export type {
  ExplainedCondition,
  Explanation,
  ExplanationEntry,
  Outcome,
  OutcomeTag,
  SubscriptionSources,
} from "./lib/rules/mod.ts";
export { explainDecision, formatExplanation } from "./lib/rules/mod.ts";

/**
 * Decodes a notification ConfigMap and its Secret (see the core's `decodeConfig` for the rules), knowing every
 * service type of `builtinProviders` (`./providers`) unless `options.services` names others: their settings are
 * checked, and their template blocks compile.
 *
 * @param configMap The ConfigMap; only `data` is read.
 * @param secret The Secret whose values replace `$key` references in service settings.
 * @param options Host additions to the expression language, limits, and the service types.
 * @returns The configuration (only the parts without errors) and the diagnostics, in key order.
 * @example A service with a misspelt setting
 * ```ts
 * import { decodeConfig, formatDiagnostic } from "notifications-engine";
 * import { expect } from "expect";
 *
 * const { diagnostics } = decodeConfig({ data: { "service.slack": "token: xoxb-1\nusrname: bot\n" } });
 * expect(diagnostics.map(formatDiagnostic)).toEqual([
 *   'service.slack: line 2, column 1: "usrname" is not a setting of the slack service; it is ignored; did you mean "username"?',
 * ]);
 * ```
 */
export function decodeConfig(configMap: ConfigMapLike, secret?: SecretLike, options: DecodeConfigOptions = {}): DecodedConfig {
  return decodeConfigWith(configMap, secret, { services: builtinProviders, ...options });
}

/**
 * Compiles the YAML-decoded value of `template.<name>` with the template blocks of `builtinProviders`, unless
 * `options.blocks` gives others.
 * @param name the template's name
 * @param document the decoded YAML value
 * @param options the blocks, if not the builtin ones
 * @returns the compiled template, or every diagnostic when at least one is an error
 */
export function compileTemplate(
  name: string,
  document: unknown,
  options: { readonly blocks?: TemplateBlocks } = {},
): Either<readonly Diagnostic[], CompiledTemplate> {
  return compileTemplateWith(name, document, { blocks: options.blocks ?? builtinBlocks });
}
