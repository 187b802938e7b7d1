/**
 * Derives an {@linkcode Explanation} of one `evaluate` decision from its public result (notifications, diagnostics)
 * and the public configuration: each condition's compiled `when` and `oncePer` are run again with the same variables,
 * and the state keys rebuilt. To be replaced by the core's own explanation, behind the same type.
 * @module
 */
import type { Condition, Config } from "../config/mod.ts";
import type { Diagnostic } from "../diagnostics.ts";
import type { Decision, EvaluateOptions } from "../engine/mod.ts";
import { formatOncePer } from "../expr/mod.ts";
import { type NotifiedState, readNotifiedState, stateKey } from "../state/mod.ts";
import {
  defaultAnnotationPrefix,
  type Destination,
  type Destinations,
  matchesSelector,
  resolveDestinations,
} from "../subscriptions/mod.ts";
import type { ExplainedCondition, Explanation, ExplanationEntry, Outcome, SubscriptionSources } from "./explanation.ts";

interface Context {
  readonly config: Config;
  readonly options: EvaluateOptions;
  readonly decision: Decision;
  readonly vars: Readonly<Record<string, unknown>>;
  readonly state: NotifiedState;
  readonly sent: ReadonlyMap<string, number>;
  /** Render diagnostics not yet attributed, in the order `evaluate` produced them. */
  readonly renderErrors: Diagnostic[];
  readonly entries: ExplanationEntry[];
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function stringMap(value: unknown): Readonly<Record<string, string>> {
  if (!isRecord(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === "string"));
}

/**
 * Explains one decision of `evaluate`: what happened to every trigger × condition × destination, and why.
 *
 * @param resource the resource the decision was made for
 * @param config the configuration it was made with
 * @param options the options `evaluate` was called with, and its decision
 * @returns the explanation, entries in trigger, condition and destination order
 */
export function explainDecision(
  resource: unknown,
  config: Config,
  options: EvaluateOptions & { readonly decision: Decision },
): Explanation {
  const metadata = isRecord(resource) && isRecord(resource["metadata"]) ? resource["metadata"] : {};
  const annotations = stringMap(metadata["annotations"]);
  const labels = stringMap(metadata["labels"]);
  const prefix = options.annotationPrefix ?? defaultAnnotationPrefix;
  const sources = subscriptionSources(annotations, labels, config, prefix, options.subscriptions !== undefined);
  const destinations: Destinations = options.subscriptions ??
    resolveDestinations(annotations, labels, config, { prefix }).destinations;
  const { decision } = options;
  const ctx: Context = {
    config,
    options,
    decision,
    vars: { context: config.context, ...options.vars, [options.resourceName ?? "obj"]: isRecord(resource) ? resource : {} },
    state: options.state ?? readNotifiedState(annotations, { prefix, limits: config.limits }).state,
    sent: new Map(decision.notifications.map((n, i) => [n.stateKey, i])),
    renderErrors: decision.diagnostics.filter((d) => d._tag === "TemplateRender" || d._tag === "UnknownTemplate" || d.key?.startsWith("template.") === true),
    entries: [],
  };
  if (!isRecord(resource)) return { entries: [], subscriptions: sources };
  for (const [name, to] of destinations) {
    const trigger = config.triggers.get(name);
    if (trigger === undefined) {
      ctx.entries.push({ trigger: name, outcome: { _tag: "UnknownTrigger" } });
      continue;
    }
    trigger.conditions.forEach((c, i) => explainCondition(ctx, name, c, i, to));
  }
  for (const name of config.triggers.keys()) {
    if (!destinations.has(name)) ctx.entries.push({ trigger: name, outcome: { _tag: "NotSubscribed", considered: sources } });
  }
  return { entries: ctx.entries, subscriptions: sources };
}

function subscriptionSources(
  annotations: Readonly<Record<string, string>>,
  labels: Readonly<Record<string, string>>,
  config: Config,
  prefix: string,
  given: boolean,
): SubscriptionSources {
  return {
    annotations: Object.keys(annotations).filter((k) => k.startsWith(`${prefix}/subscribe`)).sort(),
    defaultSubscriptions: {
      total: config.subscriptions.length,
      matching: config.subscriptions.filter((s) => matchesSelector(s.selector, labels)).length,
    },
    defaultTriggers: config.defaultTriggers,
    given,
  };
}

function explainCondition(
  ctx: Context,
  trigger: string,
  condition: Condition,
  index: number,
  destinations: readonly Destination[],
): void {
  const run = { now: ctx.options.now, limits: ctx.config.limits };
  const described: ExplainedCondition = {
    index,
    key: condition.key,
    when: condition.when,
    ...(condition.oncePer !== undefined ? { oncePer: condition.oncePer } : {}),
  };
  const result = condition.compiledWhen.run(ctx.vars, run);
  if (result._tag === "Left" || result.right !== true) {
    const outcome: Outcome = result._tag === "Left"
      ? { _tag: "ConditionErrored", error: result.left }
      : { _tag: "ConditionFalse", value: result.right };
    for (const destination of destinations) ctx.entries.push({ trigger, condition: described, destination, outcome });
    return;
  }
  const once = condition.compiledOncePer?.run(ctx.vars, run);
  const oncePer = once?._tag === "Right" ? formatOncePer(once.right) : undefined;
  const withValue: ExplainedCondition = oncePer !== undefined ? { ...described, oncePerValue: oncePer } : described;
  for (const destination of destinations) {
    const key = stateKey({
      trigger,
      conditionKey: condition.key,
      destination,
      oncePer,
      apiNamespace: ctx.options.apiNamespace,
    });
    const outcome = outcomeOf(ctx, key, condition, destination, oncePer);
    ctx.entries.push({ trigger, condition: withValue, destination, stateKey: key, outcome });
  }
}

function outcomeOf(
  ctx: Context,
  key: string,
  condition: Condition,
  destination: Destination,
  oncePer: string | undefined,
): Outcome {
  const sent = ctx.sent.get(key);
  if (sent !== undefined) return { _tag: "Sent", notification: sent };
  const at = ctx.state[key];
  if (at !== undefined) {
    return oncePer !== undefined && oncePer !== ""
      ? { _tag: "OncePerUnchanged", oncePer, at }
      : { _tag: "AlreadyNotified", at };
  }
  if (!ctx.config.services.has(destination.service)) return { _tag: "ServiceNotConfigured", service: destination.service };
  const index = ctx.renderErrors.findIndex((d) =>
    d._tag === "UnknownTemplate" || condition.send.some((t) => d.key === `template.${t}`)
  );
  if (index < 0) return { _tag: "NotSent", reason: "the decision has no notification and no diagnostic for it" };
  const [error] = ctx.renderErrors.splice(index, 1) as [Diagnostic];
  const template = error.key?.startsWith("template.") === true ? error.key.slice("template.".length) : undefined;
  return { _tag: "TemplateFailed", ...(template !== undefined ? { template } : {}), error };
}
