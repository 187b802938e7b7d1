/**
 * The decision: given a resource, the configuration, its subscriptions and what was already notified, which
 * notifications go out now and what the notified state becomes. Pure: time comes in as `now`.
 * @module
 */
import type { Config } from "../config/mod.ts";
import { type Diagnostic, diagnostic } from "../diagnostics.ts";
import { draftState, readNotifiedState, truncateNotifiedState } from "../state/mod.ts";
import type { NotifiedState } from "../state/mod.ts";
import type { Destinations } from "../subscriptions/mod.ts";
import type { Explanation } from "./explanation.ts";
import type { Notification } from "./notification.ts";
import { planFor } from "./_plan-for.ts";
import { readResource } from "./resource.ts";
import { type At, engineLimit, explainUnsubscribed, type Pass, runCondition, traced } from "./_run-condition.ts";
import { givenSources, readSources, startTrace } from "./_trace.ts";

/** Inputs of {@linkcode evaluate} besides the resource and the configuration. */
export interface EvaluateOptions {
  /** The current time, unix milliseconds: recorded in the state, and what `time.Now()` and sprig's `now` return. */
  readonly now: number;
  /** What was already notified; by default read from the resource's `notified.<prefix>` annotation. */
  readonly state?: NotifiedState;
  /** Destinations per trigger; by default resolved from the resource's annotations, labels and the configuration. */
  readonly subscriptions?: Destinations;
  /** The name the resource has in expressions and templates (`cert`, `app`); `obj` by default. */
  readonly resourceName?: string;
  /**
   * Host variables for expressions and templates (Argo CD's `appProject`, …). Expressions and templates also see the
   * configuration's helpers (`config.helpers`: Argo CD's `time` and `strings` with the package entry's
   * `decodeConfig`, `time.Now()` being `now`); a host variable of the same name wins in templates, the helper in
   * expressions (as in Argo CD).
   */
  readonly vars?: Readonly<Record<string, unknown>>;
  /** The annotation prefix, `notifications.argoproj.io` by default. */
  readonly annotationPrefix?: string;
  /** The namespace of a self-service (namespaced) configuration: it prefixes every state key, as in the Go engine. */
  readonly apiNamespace?: string;
  /**
   * Whether to explain the decision (see {@linkcode Explanation}): the result then has an `explanation`, recorded
   * during the same pass. The conditions of configured triggers the resource does not subscribe to run too, for the
   * explanation only; notifications, state and diagnostics are the same as without it. Off by default (nothing of an
   * explanation is made then).
   */
  readonly explain?: boolean;
}

/** What {@linkcode evaluate} decides. */
export interface Decision {
  /** The notifications to deliver now, in trigger, condition and destination order. */
  readonly notifications: readonly Notification[];
  /**
   * The notified state after this decision; it already counts every notification above as delivered. Like the Go
   * engine before it writes the annotation, it keeps only the 100 newest entries.
   */
  readonly state: NotifiedState;
  /** Everything that went wrong on the way; each problem only affects its own trigger, condition or destination. */
  readonly diagnostics: readonly Diagnostic[];
}

/** A {@linkcode Decision} with its {@linkcode Explanation}. */
export type ExplainedDecision = Decision & { readonly explanation: Explanation };

/**
 * Decides which notifications a resource causes now, as one pass of the Go controller does: for each subscribed
 * trigger and each of its conditions, a condition that is not true clears its destinations in the state (so a later
 * true notifies again), a condition that is true notifies every destination not yet recorded and records it.
 *
 * Nothing is thrown, whatever the input: an unknown trigger, a failing expression, a missing template or service, a
 * failing render, an expression or template passing one of the configuration's `limits` each become a diagnostic and
 * leave only their own notification out (and unrecorded). Recursive walks of the resource are bounded by
 * `maxValueDepth`; should the JavaScript engine's own stack or string limits be reached anyway, that too becomes a
 * `LimitExceeded` diagnostic (for the condition, or for the whole resource) rather than an exception.
 *
 * @param resource The resource, any JSON-like value (usually a Kubernetes object).
 * @param config The decoded configuration (see `decodeConfig`).
 * @param options `now`, and optionally the state, subscriptions, the resource's variable name, host variables, and
 *   whether to explain the decision.
 * @returns The notifications, the next state and diagnostics; with `explain`, the explanation too.
 *
 * @example Why a condition did not send
 * ```ts
 * import { decodeConfig, evaluate } from "../../mod.ts";
 * import { expect } from "expect";
 *
 * const { config } = decodeConfig({
 *   data: { "trigger.on-ready": "- when: obj.ready\n  send: [t]", "template.t": "message: hi", "service.slack": "token: xoxb-1" },
 * });
 * const resource = { metadata: { annotations: { "notifications.argoproj.io/subscribe.on-ready.slack": "ops" } }, ready: 0 };
 * const { notifications, explanation } = evaluate(resource, config, { now: 0, explain: true });
 * expect(notifications).toEqual([]);
 * expect(explanation.entries.map((e) => e.outcome)).toEqual([{ _tag: "ConditionFalse", value: 0 }]);
 * ```
 */
export function evaluate(
  resource: unknown,
  config: Config,
  options: EvaluateOptions & { readonly explain: true },
): ExplainedDecision;
export function evaluate(resource: unknown, config: Config, options: EvaluateOptions): Decision;
export function evaluate(resource: unknown, config: Config, options: EvaluateOptions): Decision | ExplainedDecision {
  const pass: Pass = {
    config,
    options,
    run: { now: options.now, limits: config.limits },
    state: draftState(options.state ?? {}),
    plan: config.plan,
    resource: {},
    notifications: [],
    diagnostics: [],
    exprVars: {},
    trace: options.explain === true ? startTrace(config) : undefined,
  };
  try {
    decide(pass, resource);
  } catch (e) {
    pass.diagnostics.push(engineLimit(e, {}));
  }
  const decision: Decision = {
    notifications: pass.notifications,
    state: truncateNotifiedState(pass.state.done()),
    diagnostics: pass.diagnostics,
  };
  return pass.trace === undefined ? decision : { ...decision, explanation: pass.trace.done() };
}

function decide(pass: Pass, resource: unknown): void {
  const { config, options, diagnostics } = pass;
  const meta = readResource(resource, diagnostics);
  const scope = { prefix: options.annotationPrefix, apiNamespace: options.apiNamespace };
  if (options.state === undefined) {
    const decoded = readNotifiedState(meta?.annotations, {
      limits: config.limits,
      ...(scope.prefix !== undefined ? { prefix: scope.prefix } : {}),
    });
    for (const d of decoded.diagnostics) diagnostics.push(d);
    pass.state = draftState(decoded.state);
  }
  const { trace } = pass;
  if (meta === undefined) {
    trace?.sources(givenSources(config, options.subscriptions !== undefined));
    return;
  }

  const plan = pass.plan = planFor(config);
  pass.resource = meta.object;
  const planned = options.subscriptions !== undefined
    ? plan.destinationsOf(options.subscriptions, { ...scope, uid: meta.uid })
    : plan.subscriptionsOf({ uid: meta.uid, annotations: meta.annotations, labels: meta.labels }, scope);
  for (const d of planned.diagnostics) diagnostics.push(d);
  if (trace !== undefined) {
    trace.sources(
      options.subscriptions !== undefined ? givenSources(config, true) : readSources(meta, config, scope.prefix),
    );
  }

  pass.exprVars = {
    context: config.context,
    ...options.vars,
    [options.resourceName ?? "obj"]: meta.object,
    ...plan.helpersAt(options.now),
  };
  for (const p of planned.triggers) {
    const trigger = p.trigger;
    if (trigger === undefined) {
      diagnostics.push(unknownTrigger(p.name, plan.source.brokenTriggers.get(p.name)));
      trace?.unknownTrigger(p.name);
      continue;
    }
    const key = `trigger.${trigger.name}`;
    const conditions = trigger.conditions;
    for (let index = 0; index < conditions.length; index++) {
      const at: At = { planned: p, index, condition: conditions[index]!, key };
      try {
        runCondition(pass, at);
      } catch (e) {
        const error = engineLimit(e, { key });
        diagnostics.push(error);
        trace?.aborted(traced(at), error);
      }
    }
  }
  if (trace !== undefined) explainUnsubscribed(pass, trace, new Set(planned.triggers.map((p) => p.name)));
}

function unknownTrigger(name: string, why: string | undefined): Diagnostic {
  const message = why === undefined
    ? `a subscription names the trigger "${name}", which is not configured`
    : `a subscription names the trigger "${name}", which is left out because ${why}`;
  return diagnostic("UnknownTrigger", message, { key: `trigger.${name}` });
}
