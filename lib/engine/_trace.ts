/**
 * The recorder of an explanation: a decision's pass calls it at each point where something happens to a trigger,
 * condition or destination, only when the caller asked for an explanation.
 * @module
 */
import type { Condition, Config } from "../config/mod.ts";
import type { Diagnostic } from "../diagnostics.ts";
import { type Destination, traceSubscriptions } from "../subscriptions/mod.ts";
import type {
  ConditionResult,
  ExplainedCondition,
  Explanation,
  ExplanationEntry,
  Outcome,
  SubscriptionSources,
  TriggerSources,
} from "./explanation.ts";

/** A condition as the pass reaches it: its trigger, position and destinations. */
export interface TracedCondition {
  readonly trigger: string;
  readonly index: number;
  readonly condition: Condition;
  readonly destinations: readonly Destination[];
}

/** Records one decision's explanation. */
export interface Trace {
  /** Records where the subscriptions came from (before any entry). */
  sources(sources: SubscriptionSources): void;
  /** A subscription names a trigger the configuration lacks. */
  unknownTrigger(trigger: string): void;
  /** A trigger nobody subscribes to, without conditions. */
  notSubscribed(trigger: string): void;
  /** Starts a condition: what its `when` gave, and for a true one what `oncePer` gave. */
  condition(
    at: TracedCondition,
    result: ConditionResult,
    oncePer?: { readonly value: string | undefined; readonly error: Diagnostic | undefined },
  ): void;
  /** The outcome of the started condition for destination `j` (every destination when `j` is `undefined`). */
  outcome(j: number | undefined, outcome: Outcome, stateKey?: string): void;
  /** The outcome for a destination of notifications rendered without a condition. */
  rendered(trigger: string, destination: Destination, outcome: Outcome, stateKey: string): void;
  /** The engine's limits stopped condition `at`: its destinations without an outcome get `Aborted`. */
  aborted(at: TracedCondition, error: Diagnostic): void;
  /** The explanation recorded so far. */
  done(): Explanation;
}

/** The sources when nothing was read (a resource that is not an object), or the host gave the destinations. */
export function givenSources(config: Config, given: boolean): SubscriptionSources {
  return {
    annotations: [],
    defaultSubscriptions: { total: config.subscriptions.length, matching: [] },
    defaultTriggers: config.defaultTriggers,
    given,
    triggers: {},
  };
}

/**
 * What was read to find a resource's subscriptions, traced the way they were resolved.
 * @param meta The resource's annotations and labels.
 * @param config The configuration.
 * @param prefix The annotation prefix, when not the default.
 * @returns The sources.
 */
export function readSources(
  meta: { readonly annotations: Readonly<Record<string, string>>; readonly labels: Readonly<Record<string, string>> },
  config: Config,
  prefix: string | undefined,
): SubscriptionSources {
  const trace = traceSubscriptions(meta.annotations, meta.labels, config, {
    ...(prefix !== undefined ? { prefix } : {}),
    limits: config.limits,
  });
  const triggers: Record<string, TriggerSources> = {};
  for (const [name, sources] of trace.triggers) triggers[name] = sources;
  return {
    annotations: trace.annotations,
    defaultSubscriptions: { total: config.subscriptions.length, matching: trace.matching },
    defaultTriggers: config.defaultTriggers,
    given: false,
    triggers,
  };
}

/**
 * Starts recording.
 * @param config The configuration (for the sources until the pass records them).
 * @returns The recorder.
 */
export function startTrace(config: Config): Trace {
  const entries: ExplanationEntry[] = [];
  let sources = givenSources(config, false);
  /** The condition being recorded, and which of its destinations have an outcome. */
  let current:
    | { readonly at: TracedCondition; readonly described: ExplainedCondition; readonly done: boolean[] }
    | undefined;
  const condition: Trace["condition"] = (at, result, oncePer) => {
    const c = at.condition;
    const described: ExplainedCondition = {
      index: at.index,
      key: c.key,
      when: c.when,
      result,
      ...(c.oncePer !== undefined ? { oncePer: c.oncePer } : {}),
      ...(oncePer?.value !== undefined ? { oncePerValue: oncePer.value } : {}),
      ...(oncePer?.error !== undefined ? { oncePerError: oncePer.error } : {}),
    };
    current = { at, described, done: at.destinations.map(() => false) };
    // Nothing to reach: the condition still ran, and says so in one entry.
    if (at.destinations.length === 0) {
      entries.push({
        trigger: at.trigger,
        condition: described,
        outcome: { _tag: "NotSubscribed", considered: sources },
      });
    }
  };
  const outcome: Trace["outcome"] = (j, what, stateKey) => {
    if (current === undefined) throw new TypeError("an outcome was recorded before its condition");
    const { at, described, done } = current;
    const [from, to] = j === undefined ? [0, at.destinations.length] : [j, j + 1];
    for (let i = from; i < to; i++) {
      done[i] = true;
      entries.push({
        trigger: at.trigger,
        condition: described,
        destination: at.destinations[i]!,
        ...(stateKey !== undefined ? { stateKey } : {}),
        outcome: what,
      });
    }
  };
  return {
    sources(s) {
      sources = s;
    },
    unknownTrigger(trigger) {
      entries.push({ trigger, outcome: { _tag: "UnknownTrigger" } });
    },
    notSubscribed(trigger) {
      entries.push({ trigger, outcome: { _tag: "NotSubscribed", considered: sources } });
    },
    condition,
    outcome,
    rendered(trigger, destination, what, stateKey) {
      entries.push({ trigger, destination, stateKey, outcome: what });
    },
    aborted(at, error) {
      if (current?.at.condition !== at.condition || current.at.trigger !== at.trigger) condition(at, { error });
      current!.done.forEach((d, j) => {
        if (!d) outcome(j, { _tag: "Aborted", error });
      });
      current = undefined;
    },
    done: () => ({ entries, subscriptions: sources }),
  };
}
