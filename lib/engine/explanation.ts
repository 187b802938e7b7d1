/**
 * Explanations: for every trigger × condition × destination a resource could reach, what happened in one decision
 * and why — the answer to "why didn't it send?". `evaluate(…, { explain: true })` fills one from inside its pass:
 * each condition's value or error as it was evaluated, each destination's state key and the time the draft state
 * records for it, the exact render diagnostic, and what was read to find the subscriptions. Rule tests print one when
 * an expectation fails; `notifications-engine trigger run` prints one for a resource.
 * @module
 */
import type { Diagnostic } from "../diagnostics.ts";
import type { Destination } from "../subscriptions/mod.ts";

/**
 * What became of one trigger × condition × destination:
 * - `Sent`: a notification went out (`notification` is its index in the decision's notifications);
 * - `NotSubscribed`: the resource subscribes no destination to this configured trigger (its conditions still ran, for
 *   the explanation only);
 * - `UnknownTrigger`: a subscription names a trigger the configuration lacks;
 * - `ConditionFalse`: the condition's `when` evaluated to `value` (anything but the boolean `true`);
 * - `ConditionErrored`: the condition's `when` failed to run (`error`, as in the decision's diagnostics);
 * - `AlreadyNotified`: the state records this destination since `at` (unix seconds) under the entry's `stateKey`;
 * - `OncePerUnchanged`: as `AlreadyNotified`, for a condition with `oncePer` whose value (`oncePer`) was notified;
 * - `TemplateFailed`: `template`, sent by the condition, failed to render for this destination or is not configured;
 * - `ServiceNotConfigured`: the destination's service has no `service.<name>` key;
 * - `DestinationAltered`: a host hook changed or dropped the destination (reserved: the core takes no such hook; a
 *   host that alters destinations passes them as `subscriptions`, which {@linkcode SubscriptionSources.given} says);
 * - `Aborted`: the JavaScript engine's own limits stopped the decision for this condition (`error`, a
 *   `LimitExceeded` diagnostic) before this destination was reached.
 */
export type Outcome =
  | { readonly _tag: "Sent"; readonly notification: number }
  | { readonly _tag: "NotSubscribed"; readonly considered: SubscriptionSources }
  | { readonly _tag: "UnknownTrigger" }
  | { readonly _tag: "ConditionFalse"; readonly value: unknown }
  | { readonly _tag: "ConditionErrored"; readonly error: Diagnostic }
  | { readonly _tag: "AlreadyNotified"; readonly at: number }
  | { readonly _tag: "OncePerUnchanged"; readonly oncePer: string; readonly at: number }
  | { readonly _tag: "TemplateFailed"; readonly template: string; readonly error: Diagnostic }
  | { readonly _tag: "ServiceNotConfigured"; readonly service: string }
  | { readonly _tag: "DestinationAltered"; readonly to?: Destination }
  | { readonly _tag: "Aborted"; readonly error: Diagnostic };

/** The tags of {@linkcode Outcome}. */
export type OutcomeTag = Outcome["_tag"];

/** What subscribed a resource to one trigger. */
export interface TriggerSources {
  /** The subscription annotations that name the trigger, or stand for it as a default trigger. */
  readonly annotations: readonly string[];
  /** The indexes in the ConfigMap's `subscriptions` of the entries that select the resource and give the trigger. */
  readonly defaultSubscriptions: readonly number[];
}

/** What was looked at to find a resource's subscriptions. */
export interface SubscriptionSources {
  /** The resource's annotations under the subscription prefix (names only). */
  readonly annotations: readonly string[];
  /**
   * How many of the ConfigMap's `subscriptions` entries there are, and the indexes of those whose selector matches
   * the resource's labels.
   */
  readonly defaultSubscriptions: { readonly total: number; readonly matching: readonly number[] };
  /** The ConfigMap's `defaultTriggers`. */
  readonly defaultTriggers: readonly string[];
  /** Destinations given by the host instead of the annotations (`EvaluateOptions.subscriptions`). */
  readonly given: boolean;
  /** Per subscribed trigger, what subscribed it (empty when the host gave the destinations). */
  readonly triggers: Readonly<Record<string, TriggerSources>>;
}

/** What a condition's `when` gave: its value, or the error that stopped it. */
export type ConditionResult = { readonly value: unknown } | { readonly error: Diagnostic };

/** The condition an entry is about, and what it evaluated to in this decision. */
export interface ExplainedCondition {
  /** Its position in the trigger. */
  readonly index: number;
  /** The Go engine's condition key, `[i].<hash>`. */
  readonly key: string;
  readonly when: string;
  /** What `when` evaluated to. */
  readonly result: ConditionResult;
  /** The `oncePer` expression, when the condition has one. */
  readonly oncePer?: string;
  /** The `oncePer` value (Go's `%v`), when the condition was true and `oncePer` ran. */
  readonly oncePerValue?: string;
  /** Why `oncePer` gave no value (the condition then notifies as if it had none, as in Go). */
  readonly oncePerError?: Diagnostic;
}

/**
 * One trigger × condition × destination and its outcome. Trigger-level outcomes (`UnknownTrigger`, `NotSubscribed`
 * of a trigger without conditions) have no condition; entries of notifications rendered without a condition
 * (`renderNotifications`) have none either.
 */
export interface ExplanationEntry {
  readonly trigger: string;
  readonly condition?: ExplainedCondition;
  readonly destination?: Destination;
  /** The notified-state key of this condition and destination, when the condition was true. */
  readonly stateKey?: string;
  readonly outcome: Outcome;
}

/** Everything one decision did, entry by entry, in trigger, condition and destination order. */
export interface Explanation {
  /** Subscribed (and unknown) triggers first, in the order the subscriptions name them; then the others. */
  readonly entries: readonly ExplanationEntry[];
  /** Where the subscriptions came from. */
  readonly subscriptions: SubscriptionSources;
}
