/**
 * One condition in a decision's pass: its `when`, its `oncePer`, and each of its destinations; and, for an
 * explanation, the conditions of triggers nobody subscribes to.
 * @module
 */
import type { Condition, Plan, PlannedTrigger } from "../config/mod.ts";
import { type Diagnostic, diagnostic } from "../diagnostics.ts";
import { formatOncePerWithin, type RunOptions } from "../expr/mod.ts";
import type { Either } from "../fp.ts";
import type { StateDraft } from "../state/mod.ts";
import type { EvaluateOptions } from "./evaluate.ts";
import type { ConditionResult, Outcome } from "./explanation.ts";
import type { Notification } from "./notification.ts";
import { renderDestination, type RenderScope } from "./_render.ts";
import type { Trace, TracedCondition } from "./_trace.ts";

/** One decision in progress: its inputs and what it found so far. */
export interface Pass extends RenderScope {
  readonly options: EvaluateOptions;
  /** The options of every expression run. */
  readonly run: RunOptions;
  /** The configuration's plan (or the one made for a copy of it). */
  plan: Plan;
  /** The resource, as expressions and templates see it. */
  resource: Readonly<Record<string, unknown>>;
  state: StateDraft;
  readonly notifications: Notification[];
  readonly diagnostics: Diagnostic[];
  /**
   * The variables of expressions: the configuration's context, host variables, the resource, then the host's helpers
   * (a helper wins over a host variable in expressions, as in Argo CD).
   */
  exprVars: Readonly<Record<string, unknown>>;
  /** The explanation being recorded, only when asked for. */
  readonly trace: Trace | undefined;
}

/** Where a condition stands in its trigger, with its destinations and their state keys. */
export interface At {
  readonly planned: PlannedTrigger;
  readonly index: number;
  readonly condition: Condition;
  /** `trigger.<name>`, the key of its diagnostics. */
  readonly key: string;
}

/** The condition of `at`, for the explanation. */
export function traced(at: At): TracedCondition {
  return { trigger: at.planned.name, index: at.index, condition: at.condition, destinations: at.planned.destinations };
}

/**
 * For the explanation only: runs the conditions of the configured triggers the resource does not subscribe to, so
 * that it can say whether they would notify. Nothing of it reaches the decision.
 */
export function explainUnsubscribed(pass: Pass, trace: Trace, subscribed: ReadonlySet<string>): void {
  for (const trigger of pass.config.triggers.values()) {
    if (subscribed.has(trigger.name)) continue;
    if (trigger.conditions.length === 0) trace.notSubscribed(trigger.name);
    const key = `trigger.${trigger.name}`;
    trigger.conditions.forEach((condition, index) => {
      const at: TracedCondition = { trigger: trigger.name, index, condition, destinations: [] };
      try {
        const result = condition.compiledWhen.run(pass.exprVars, pass.run);
        if (result._tag === "Left") return trace.condition(at, { error: { ...result.left, key } });
        if (result.right !== true) return trace.condition(at, { value: result.right });
        const text = oncePerText(pass, condition);
        trace.condition(at, { value: true }, {
          value: text?._tag === "Right" ? text.right : undefined,
          error: text?._tag === "Left" ? { ...text.left, key, severity: "warning" } : undefined,
        });
      } catch (e) {
        trace.condition(at, { error: engineLimit(e, { key }) });
      }
    });
  }
}

/**
 * The last resort against the JavaScript engine's own limits (call stack, string and array sizes), which the budgets
 * of the languages are there to keep out of reach: such a `RangeError` becomes a `LimitExceeded` diagnostic. Anything
 * else is a bug and is rethrown.
 */
export function engineLimit(e: unknown, at: { readonly key?: string }): Diagnostic {
  if (!(e instanceof RangeError)) throw e;
  return diagnostic("LimitExceeded", `limit exceeded: a limit of the JavaScript engine was reached (${e.message})`, at);
}

export function runCondition(pass: Pass, at: At): void {
  const { planned, index, condition, key } = at;
  const { trace } = pass;
  const result = condition.compiledWhen.run(pass.exprVars, pass.run);
  if (result._tag === "Left" || result.right !== true) {
    const error = result._tag === "Left" ? { ...result.left, key } : undefined;
    if (error !== undefined) pass.diagnostics.push(error);
    for (const k of planned.keys[index]!) pass.state.clear(k);
    // Only now, with an explanation asked for, is the result wrapped.
    if (trace !== undefined) {
      explainNotTrue(trace, traced(at), result._tag === "Left" ? { error: error! } : { value: result.right });
    }
    return;
  }
  const text = oncePerText(pass, condition);
  const warning: Diagnostic | undefined = text?._tag === "Left"
    ? { ...text.left, key, severity: "warning" }
    : undefined;
  if (warning !== undefined) pass.diagnostics.push(warning);
  const oncePer = text?._tag === "Right" ? text.right : undefined;
  trace?.condition(traced(at), { value: true }, { value: oncePer, error: warning });
  const keys = oncePer === undefined || oncePer === "" ? planned.keys[index]! : planned.keysOncePer(index, oncePer);
  const destinations = planned.destinations;
  for (let j = 0; j < destinations.length; j++) {
    const stateKey = keys[j]!;
    if (pass.state.has(stateKey)) {
      if (trace !== undefined) trace.outcome(j, alreadyNotified(pass.state.at(stateKey)!, oncePer), stateKey);
      continue;
    }
    const destination = destinations[j]!;
    const rendered = renderDestination(pass, condition.send, { destination, key, diagnostics: pass.diagnostics });
    if ("_tag" in rendered) {
      trace?.outcome(j, rendered, stateKey);
      continue;
    }
    pass.state.mark(stateKey, Math.floor(pass.options.now / 1000));
    trace?.outcome(j, { _tag: "Sent", notification: pass.notifications.length }, stateKey);
    pass.notifications.push({
      trigger: planned.name,
      conditionKey: condition.key,
      stateKey,
      ...(oncePer !== undefined ? { oncePer } : {}),
      destination,
      serviceType: rendered.serviceType,
      templates: condition.send,
      content: rendered.content,
    });
  }
}

/**
 * Runs `oncePer`: its value formatted like Go's `%v`, or why there is none (the condition then notifies as without
 * one, as in Go); `undefined` for a condition without `oncePer`.
 */
function oncePerText(pass: Pass, condition: Condition): Either<Diagnostic, string> | undefined {
  const compiled = condition.compiledOncePer;
  if (compiled === undefined) return undefined;
  const result = compiled.run(pass.exprVars, pass.run);
  return result._tag === "Left" ? result : formatOncePerWithin(result.right, pass.config.limits);
}

/** Explains a condition that is not true: every destination gets its value or error. */
function explainNotTrue(trace: Trace, at: TracedCondition, result: ConditionResult): void {
  trace.condition(at, result);
  trace.outcome(
    undefined,
    "error" in result
      ? { _tag: "ConditionErrored", error: result.error }
      : { _tag: "ConditionFalse", value: result.value },
  );
}

function alreadyNotified(at: number, oncePer: string | undefined): Outcome {
  return oncePer !== undefined && oncePer !== ""
    ? { _tag: "OncePerUnchanged", oncePer, at }
    : { _tag: "AlreadyNotified", at };
}
