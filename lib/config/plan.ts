/**
 * The decision plan: what `evaluate` needs that depends only on the configuration, made once by `decodeConfig`, and
 * memos of what depends only on a resource's subscriptions.
 * @module
 */
import type { Diagnostic } from "../diagnostics.ts";
import { internalize } from "../internalize.ts";
import type { Limits } from "../limits.ts";
import { stateKey, withOncePer } from "../state/mod.ts";
import {
  defaultAnnotationPrefix,
  type Destination,
  type Destinations,
  resolveDestinations,
  type SubscriptionDefaults,
} from "../subscriptions/mod.ts";
import {
  annotationsProbe,
  destinationsProbe,
  type SubscriptionsMemo,
  subscriptionsMemo,
} from "./_subscriptions-memo.ts";
import type { HostHelpers, Trigger } from "./config.ts";

// --- model

/** The parts of a configuration a plan is made from. */
export interface PlanSource extends SubscriptionDefaults {
  readonly triggers: ReadonlyMap<string, Trigger>;
  readonly limits: Limits;
  /** The host's helper variables. */
  readonly helpers?: HostHelpers | undefined;
  /**
   * Triggers of the ConfigMap left out for their errors, each with why, as a clause: "its condition does not
   * compile", "it has errors".
   */
  readonly brokenTriggers: ReadonlyMap<string, string>;
}

/** A resource as far as its subscriptions go: what `evaluate` read from its metadata. */
export interface SubscribedResource {
  /** `metadata.uid`, when it is a string: it only picks the memo entry to compare with. */
  readonly uid: string | undefined;
  readonly annotations: Readonly<Record<string, string>>;
  readonly labels: Readonly<Record<string, string>>;
}

/** Where state keys and subscription annotations are read: the evaluate options that shape them. */
export interface PlanScope {
  /** The annotation prefix; `notifications.argoproj.io` by default. */
  readonly prefix?: string | undefined;
  /** The namespace of a self-service configuration, which prefixes every state key. */
  readonly apiNamespace?: string | undefined;
}

/** One subscribed trigger with its destinations and their state keys. */
export interface PlannedTrigger {
  readonly name: string;
  /** The configured trigger; `undefined` when it is not configured (or left out for its errors). */
  readonly trigger: Trigger | undefined;
  readonly destinations: readonly Destination[];
  /** Per condition, per destination: the state key without `oncePer`. */
  readonly keys: readonly (readonly string[])[];
  /** Per destination, the state keys of condition `index` for the `oncePer` value `oncePer` (not empty). */
  keysOncePer(index: number, oncePer: string): readonly string[];
}

/** The subscriptions of one resource, planned. */
export interface PlannedSubscriptions {
  readonly triggers: readonly PlannedTrigger[];
  /** What could not be read from the resource's subscription annotations. */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * The plan of a configuration. Its memos are the only state it holds; they are invisible to its users: a memo
 * answers exactly what computing again would (see {@linkcode subscriptionsMemo}), and what it hands out is frozen.
 */
export interface Plan {
  /** What the plan was made from; a plan serves only a configuration whose parts are these very objects. */
  readonly source: PlanSource;
  /** The subscriptions of a resource, resolved from its annotations and labels and the configuration. */
  subscriptionsOf(resource: SubscribedResource, scope: PlanScope): PlannedSubscriptions;
  /** The host's helper variables at `now` (none without helpers); the last ones made are kept. */
  helpersAt(now: number): Readonly<Record<string, unknown>>;
  /** Destinations the host resolved itself, with their state keys; `uid` as in {@linkcode SubscribedResource}. */
  destinationsOf(
    destinations: Destinations,
    scope: PlanScope & { readonly uid?: string | undefined },
  ): PlannedSubscriptions;
}

// --- constructors

/** At most this many state keys are kept per trigger for destinations given by the host. */
const maxKeptDestinations = 4096;

/**
 * Plans a configuration: the state-key prefix of each condition, and empty memos of subscriptions and state keys.
 *
 * @param source The configuration's triggers, subscriptions, default triggers and limits.
 * @returns The plan.
 */
export function planConfig(source: PlanSource): Plan {
  const resolved: SubscriptionsMemo<PlannedSubscriptions> = subscriptionsMemo();
  const given: SubscriptionsMemo<PlannedSubscriptions> = subscriptionsMemo();
  const kept = new Map<string, Map<string, readonly string[]>>();
  let keptCount = 0;
  /** The state keys of a destination for each condition of a trigger (no `oncePer`). */
  const keysOf = (trigger: Trigger, d: Destination, apiNamespace: string | undefined): readonly string[] => {
    const id = `${apiNamespace === undefined ? "-" : `:${apiNamespace}`}\u0000${trigger.name}`;
    const byDestination = kept.get(id);
    const memoKey = `${d.service}\u0000${d.recipient}`;
    const hit = byDestination?.get(memoKey);
    if (hit !== undefined) return hit;
    const keys = Object.freeze(
      trigger.conditions.map((c) =>
        internalize(stateKey({ trigger: trigger.name, conditionKey: c.key, destination: d, apiNamespace }))
      ),
    );
    if (keptCount < maxKeptDestinations) {
      (byDestination ?? kept.set(id, new Map()).get(id)!).set(memoKey, keys);
      keptCount++;
    }
    return keys;
  };
  const plan = (
    destinations: Destinations,
    scope: PlanScope,
    diagnostics: readonly Diagnostic[],
  ): PlannedSubscriptions => {
    const triggers: PlannedTrigger[] = [];
    for (const [name, to] of destinations) {
      const trigger = source.triggers.get(name);
      triggers.push(
        plannedTrigger(
          name,
          trigger,
          to,
          trigger === undefined ? [] : to.map((d) => keysOf(trigger, d, scope.apiNamespace)),
        ),
      );
    }
    return Object.freeze({
      triggers: Object.freeze(triggers),
      diagnostics: Object.freeze(diagnostics.map((d) => Object.freeze(d))),
    });
  };
  let helpers: { readonly now: number; readonly vars: Readonly<Record<string, unknown>> } | undefined;
  return {
    source,
    helpersAt(now) {
      if (source.helpers === undefined) return noHelpers;
      if (helpers?.now !== now) helpers = { now, vars: Object.freeze({ ...source.helpers(now, source.limits) }) };
      return helpers.vars;
    },
    subscriptionsOf(resource, scope) {
      const prefix = scope.prefix ?? defaultAnnotationPrefix;
      const labels = source.subscriptions.length === 0 ? undefined : resource.labels;
      const probe = annotationsProbe(resource.uid ?? "", scopeOf(scope), `${prefix}/subscri`, {
        annotations: resource.annotations,
        labels,
      });
      return resolved.get(probe, () => {
        const r = resolveDestinations(resource.annotations, resource.labels, source, { prefix, limits: source.limits });
        return plan(frozenDestinations(r.destinations), scope, r.diagnostics);
      });
    },
    destinationsOf(destinations, scope) {
      const probe = destinationsProbe(scope.uid ?? "", scopeOf(scope), destinations);
      return given.get(probe, () => plan(destinations, scope, []));
    },
  };
}

// --- utils

const noHelpers: Readonly<Record<string, unknown>> = Object.freeze({});

/** What else than the subscriptions a planned value depends on: the namespace of the state keys. */
function scopeOf(scope: PlanScope): string {
  return scope.apiNamespace === undefined ? "-" : `:${scope.apiNamespace}`;
}

function frozenDestinations(destinations: Destinations): Destinations {
  for (const list of destinations.values()) {
    for (const d of list) Object.freeze(d);
    Object.freeze(list);
  }
  return destinations;
}

/**
 * A planned trigger. `perDestination[j][i]` is the key of condition `i` for destination `j`; the plan holds them the
 * other way round. The keys of the last `oncePer` value of each condition are kept.
 */
function plannedTrigger(
  name: string,
  trigger: Trigger | undefined,
  destinations: readonly Destination[],
  perDestination: readonly (readonly string[])[],
): PlannedTrigger {
  const conditions = trigger?.conditions.length ?? 0;
  const keys: (readonly string[])[] = [];
  for (let i = 0; i < conditions; i++) keys.push(Object.freeze(perDestination.map((k) => k[i]!)));
  const last: ({ readonly oncePer: string; readonly keys: readonly string[] } | undefined)[] = new Array(conditions);
  return Object.freeze({
    name,
    trigger,
    destinations,
    keys: Object.freeze(keys),
    keysOncePer(index: number, oncePer: string): readonly string[] {
      const hit = last[index];
      if (hit !== undefined && hit.oncePer === oncePer) return hit.keys;
      const made = Object.freeze(keys[index]!.map((k) => internalize(withOncePer(k, oncePer))));
      last[index] = { oncePer, keys: made };
      return made;
    },
  });
}
