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
import { E, type Either } from "./lib/fp.ts";
import { argoCdHelpers } from "./lib/argocd/mod.ts";
import { type CompiledExpr, compileExpr as compileExprWith, type CompileOptions } from "./lib/expr/mod.ts";
import { defaultLimits } from "./lib/limits.ts";
import {
  type CompiledTemplate,
  compileTemplate as compileTemplateWith,
  type TemplateBlocks,
  type TemplateLanguages,
} from "./lib/templates/mod.ts";
import { builtinBlocks, builtinServiceTypes } from "./providers/service-types.ts";

export type {
  Condition,
  Config,
  ConfigMapLike,
  DecodeConfigOptions,
  DecodedConfig,
  DecodedSettings,
  DefaultSubscription,
  HostHelpers,
  SecretLike,
  ServiceConfig,
  ServiceType,
  ServiceTypes,
  SettingsDiagnostic,
  Trigger,
} from "./lib/config/mod.ts";
export { conditionKey } from "./lib/config/mod.ts";
export type {
  ConditionResult,
  Decision,
  EvaluateOptions,
  ExplainedCondition,
  ExplainedDecision,
  Explanation,
  ExplanationEntry,
  Notification,
  Outcome,
  OutcomeTag,
  RenderedNotifications,
  RenderNotificationsOptions,
  SubscriptionSources,
  TriggerSources,
} from "./lib/engine/mod.ts";
export { evaluate, renderNotifications } from "./lib/engine/mod.ts";
export type { Destination, Destinations, LabelSelector, Requirement } from "./lib/subscriptions/mod.ts";
export {
  matchesSelector,
  parseSelector,
  parseSubscriptionAnnotations,
  resolveDestinations,
} from "./lib/subscriptions/mod.ts";
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
export type {
  CompiledExpr,
  CompileOptions,
  ExprRuntime,
  GeneratedExprModule,
  PrecompiledExpr,
  PrecompiledExprs,
  RunOptions,
} from "./lib/expr/mod.ts";
export { exprRuntime } from "./lib/expr/mod.ts";
export { argoCdHelpers } from "./lib/argocd/mod.ts";
export type {
  BlockSpec,
  CompiledTemplate,
  RenderedContent,
  TemplateBlocks,
  TemplateLanguages,
  TextCompiler,
  TextCompilerFactory,
  TextRenderOptions,
  TextTemplate,
} from "./lib/templates/mod.ts";

/**
 * Decodes a notification ConfigMap and its Secret (see the core's `decodeConfig` for the rules), knowing every
 * builtin service type (`builtinServiceTypes` of `./providers`: settings decoders and template blocks, without the
 * code that prepares deliveries, which `providerOf` finds) unless `options.services` names others: their settings
 * are checked, and their template blocks compile. Expressions and templates see Argo CD's `time` and `strings`
 * helpers (the preset {@linkcode argoCdHelpers}) unless `options.helpers` gives others.
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
export function decodeConfig(
  configMap: ConfigMapLike,
  secret?: SecretLike,
  options: DecodeConfigOptions = {},
): DecodedConfig {
  return decodeConfigWith(configMap, secret, { services: builtinServiceTypes, ...options });
}

/**
 * Compiles the YAML-decoded value of `template.<name>` with the template blocks of the builtin service types, unless
 * `options.blocks` gives others; in Go's text/template, or in the languages `options.languages` adds (`{ liquid }`
 * from `./liquid`).
 * @param name the template's name
 * @param document the decoded YAML value
 * @param options the blocks, if not the builtin ones, and the added template languages
 * @returns the compiled template, or every diagnostic when at least one is an error
 */
export function compileTemplate(
  name: string,
  document: unknown,
  options: { readonly blocks?: TemplateBlocks; readonly languages?: TemplateLanguages } = {},
): Either<readonly Diagnostic[], CompiledTemplate> {
  return compileTemplateWith(name, document, {
    blocks: options.blocks ?? builtinBlocks,
    ...(options.languages === undefined ? {} : { languages: options.languages }),
  });
}

/**
 * Compiles an expression of the expr language (see the core's `compileExpr`), whose runs see Argo CD's `time` and
 * `strings` helpers (the preset {@linkcode argoCdHelpers}, made from the run's `now`) over same-named variables, as
 * trigger conditions do.
 *
 * @param source The expression; the empty string compiles as `false`.
 * @param options Host functions.
 * @returns The compiled expression, or an `ExprCompile` diagnostic.
 * @example A condition with the time helpers
 * ```ts
 * import { compileExpr } from "notifications-engine";
 * import { expect } from "expect";
 *
 * const c = compileExpr("time.Now().Sub(time.Parse(x)).Minutes() > 5");
 * if (c._tag === "Left") throw new Error(c.left.message);
 * expect(c.right.run({ x: "2024-01-02T03:00:00Z" }, { now: Date.parse("2024-01-02T03:10:00Z") })).toEqual({ _tag: "Right", right: true });
 * ```
 */
export function compileExpr(source: string, options: CompileOptions = {}): Either<Diagnostic, CompiledExpr> {
  const compiled = compileExprWith(source, options);
  if (compiled._tag === "Left") return compiled;
  const inner = compiled.right;
  let last:
    | { readonly now: number; readonly limits: unknown; readonly helpers: Readonly<Record<string, unknown>> }
    | undefined;
  return E.right({
    source: inner.source,
    run(vars, runOptions) {
      const limits = runOptions.limits ?? defaultLimits;
      if (last?.now !== runOptions.now || last.limits !== limits) {
        last = { now: runOptions.now, limits, helpers: argoCdHelpers(runOptions.now, limits) };
      }
      return inner.run({ ...vars, ...last.helpers }, runOptions);
    },
  });
}
