/**
 * Explanations: for every trigger × condition × destination a resource could reach, what happened in one decision
 * and why — the answer to "why didn't it send?". Rule tests print one when an expectation fails, and
 * `notifications-engine trigger run` prints one for a resource.
 *
 * The type is the contract; today {@linkcode explainDecision} (`explain-decision.ts`) derives it from `evaluate`'s
 * public result. The core will produce it itself, behind the same type.
 * @module
 */
import type { Diagnostic } from "../diagnostics.ts";
import type { Destination } from "../subscriptions/mod.ts";

/**
 * What became of one trigger × condition × destination:
 * - `Sent`: a notification went out (`notification` is its index in the decision's notifications);
 * - `NotSubscribed`: the resource subscribes no destination to this configured trigger;
 * - `UnknownTrigger`: a subscription names a trigger the configuration lacks;
 * - `ConditionFalse`: the condition's `when` evaluated to `value` (anything but the boolean `true`);
 * - `ConditionErrored`: the condition's `when` failed to run;
 * - `AlreadyNotified`: the state records this destination since `at` (unix seconds) under `stateKey`;
 * - `OncePerUnchanged`: as `AlreadyNotified`, for a condition with `oncePer` whose value (`oncePer`) was notified;
 * - `TemplateFailed`: a template of the condition failed to render, or is not configured;
 * - `ServiceNotConfigured`: the destination's service has no `service.<name>` key;
 * - `DestinationAltered`: a host hook changed or dropped the destination (reserved: no hook exists yet);
 * - `NotSent`: none of the above explains it (a derivation gap; `reason` says what is known).
 */
export type Outcome =
  | { readonly _tag: "Sent"; readonly notification: number }
  | { readonly _tag: "NotSubscribed"; readonly considered: SubscriptionSources }
  | { readonly _tag: "UnknownTrigger" }
  | { readonly _tag: "ConditionFalse"; readonly value: unknown }
  | { readonly _tag: "ConditionErrored"; readonly error: Diagnostic }
  | { readonly _tag: "AlreadyNotified"; readonly at: number }
  | { readonly _tag: "OncePerUnchanged"; readonly oncePer: string; readonly at: number }
  | { readonly _tag: "TemplateFailed"; readonly template?: string; readonly error: Diagnostic }
  | { readonly _tag: "ServiceNotConfigured"; readonly service: string }
  | { readonly _tag: "DestinationAltered"; readonly to?: Destination }
  | { readonly _tag: "NotSent"; readonly reason: string };

/** The tags of {@linkcode Outcome}. */
export type OutcomeTag = Outcome["_tag"];

/** What was looked at to find a resource's subscriptions. */
export interface SubscriptionSources {
  /** The resource's annotations under the subscription prefix (names only). */
  readonly annotations: readonly string[];
  /** How many of the ConfigMap's `subscriptions` entries there are, and how many select this resource's labels. */
  readonly defaultSubscriptions: { readonly total: number; readonly matching: number };
  /** The ConfigMap's `defaultTriggers`. */
  readonly defaultTriggers: readonly string[];
  /** Destinations given by the host instead of the annotations (`EvaluateOptions.subscriptions`). */
  readonly given: boolean;
}

/** The condition an entry is about. */
export interface ExplainedCondition {
  /** Its position in the trigger. */
  readonly index: number;
  /** The Go engine's condition key, `[i].<hash>`. */
  readonly key: string;
  readonly when: string;
  /** The `oncePer` expression, when the condition has one. */
  readonly oncePer?: string;
  /** The `oncePer` value this decision computed (Go's `%v`), when the condition was true and has one. */
  readonly oncePerValue?: string;
}

/** One trigger × condition × destination and its outcome. Trigger-level outcomes have no condition or destination. */
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
  readonly entries: readonly ExplanationEntry[];
  /** Where the subscriptions came from. */
  readonly subscriptions: SubscriptionSources;
}
