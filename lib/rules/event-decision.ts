/**
 * The Argo Rollouts way of notifying: the controller emits an event (`RolloutCompleted`), which names a trigger
 * (`on-rollout-completed`); its first condition's templates go to the trigger's destinations whatever the condition
 * says, and nothing is recorded in the notified state. Expressed with `evaluate` on a configuration whose trigger is
 * that condition, always true.
 * @module
 */
import type { Config } from "../config/mod.ts";
import { diagnostic } from "../diagnostics.ts";
import type { Decision, EvaluateOptions } from "../engine/mod.ts";
import { evaluate } from "../engine/mod.ts";
import { alwaysTrue } from "./_always.ts";
import { defaultAnnotationPrefix, type Destinations, resolveDestinations } from "../subscriptions/mod.ts";


function stringMap(value: unknown): Readonly<Record<string, string>> {
  if (typeof value !== "object" || value === null) return {};
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === "string"));
}

/** A decision made the Argo Rollouts way, with the configuration and options that reproduce it through `evaluate`. */
export interface EventDecision {
  readonly config: Config;
  readonly options: EvaluateOptions;
  readonly decision: Decision;
}

/**
 * Decides what the event of `options.trigger` sends for a resource.
 * @param resource the resource the event is about
 * @param config the configuration
 * @param options `evaluate`'s options and the trigger the event names
 * @returns the decision (its state is empty: events record nothing), and how it was made
 */
export function eventDecision(
  resource: unknown,
  config: Config,
  options: EvaluateOptions & { readonly trigger: string },
): EventDecision {
  const { trigger: name, ...base } = options;
  const trigger = config.triggers.get(name);
  const first = trigger?.conditions[0];
  const metadata = typeof resource === "object" && resource !== null ? (resource as Record<string, unknown>)["metadata"] : undefined;
  const meta = typeof metadata === "object" && metadata !== null ? metadata as Record<string, unknown> : {};
  const resolved = resolveDestinations(stringMap(meta["annotations"]), stringMap(meta["labels"]), config, {
    prefix: options.annotationPrefix ?? defaultAnnotationPrefix,
  });
  const destinations = resolved.destinations.get(name) ?? [];
  const subscriptions: Destinations = destinations.length === 0 ? new Map() : new Map([[name, destinations]]);
  const eventConfig: Config = {
    ...config,
    triggers: first === undefined ? new Map() : new Map([[name, { name, conditions: [{ ...first, when: `true (the event of ${name})`, compiledWhen: alwaysTrue }] }]]),
  };
  const eventOptions: EvaluateOptions = { ...base, state: {}, subscriptions };
  const decision = evaluate(resource, eventConfig, eventOptions);
  const missing = first === undefined
    ? [diagnostic("UnknownTrigger", `the event names the trigger "${name}", which has no condition`, { key: `trigger.${name}` })]
    : [];
  return {
    config: eventConfig,
    options: eventOptions,
    decision: { ...decision, state: {}, diagnostics: [...resolved.diagnostics, ...missing, ...decision.diagnostics] },
  };
}
