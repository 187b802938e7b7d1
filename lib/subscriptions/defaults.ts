/**
 * The ConfigMap's side of subscriptions: default triggers and the default subscriptions selected by labels.
 * @module
 */
import type { Destination } from "./destination.ts";
import { type LabelSelector, matchesSelector } from "./selector.ts";

/** One entry of the ConfigMap's `subscriptions` list. */
export interface DefaultSubscription {
  readonly recipients: readonly Destination[];
  /** Empty means the global `defaultTriggers`. */
  readonly triggers: readonly string[];
  readonly selector: LabelSelector;
}

/** What the configuration says about subscriptions: the default subscriptions and the default triggers. */
export interface SubscriptionDefaults {
  /** The ConfigMap's `subscriptions`. */
  readonly subscriptions: readonly DefaultSubscription[];
  /** `defaultTriggers`. */
  readonly defaultTriggers: readonly string[];
  /** `defaultTriggers.<service>`. */
  readonly serviceDefaultTriggers: ReadonlyMap<string, readonly string[]>;
}

/** A destination for one trigger, before grouping by trigger. */
export interface TriggerDestination {
  readonly trigger: string;
  readonly destination: Destination;
}

/**
 * The triggers a subscription without a trigger stands for: the service's `defaultTriggers.<service>` when that key
 * exists (even if its list is empty), else the global `defaultTriggers`.
 *
 * @param service The subscribed service's name.
 * @param config The default triggers of the configuration.
 * @returns The trigger names, possibly none.
 *
 * @example Per-service defaults win
 * ```ts
 * import { expect } from "expect";
 * import { defaultTriggersFor } from "./defaults.ts";
 *
 * const config = { defaultTriggers: ["on-deployed"], serviceDefaultTriggers: new Map([["slack", ["on-sync-failed"]]]) };
 * expect(defaultTriggersFor("slack", config)).toEqual(["on-sync-failed"]);
 * expect(defaultTriggersFor("email", config)).toEqual(["on-deployed"]);
 * ```
 */
export function defaultTriggersFor(
  service: string,
  config: Pick<SubscriptionDefaults, "defaultTriggers" | "serviceDefaultTriggers">,
): readonly string[] {
  return config.serviceDefaultTriggers.get(service) ?? config.defaultTriggers;
}

/**
 * The destinations of the ConfigMap's `subscriptions` whose selector matches the labels, in configuration order. An
 * entry without triggers stands for the global `defaultTriggers` (not the per-service ones, as in the Go engine).
 *
 * @param labels The resource's labels.
 * @param config The default subscriptions and global default triggers.
 * @returns One item per trigger and recipient.
 *
 * @example Selected by label
 * ```ts
 * import { expect } from "expect";
 * import { resolveDefaultSubscriptions } from "./defaults.ts";
 *
 * const selector = { source: "", requirements: [] };
 * const config = {
 *   defaultTriggers: ["on-deployed"],
 *   subscriptions: [{ recipients: [{ service: "slack", recipient: "ops" }], triggers: [], selector }],
 * };
 * expect(resolveDefaultSubscriptions({}, config)).toEqual([
 *   { trigger: "on-deployed", destination: { service: "slack", recipient: "ops" } },
 * ]);
 * ```
 */
export function resolveDefaultSubscriptions(
  labels: Readonly<Record<string, string>>,
  config: Pick<SubscriptionDefaults, "subscriptions" | "defaultTriggers">,
): readonly TriggerDestination[] {
  return config.subscriptions
    .filter((s) => matchesSelector(s.selector, labels))
    .flatMap((s) =>
      (s.triggers.length === 0 ? config.defaultTriggers : s.triggers).flatMap((
        trigger,
      ) => s.recipients.map((destination) => ({ trigger, destination })))
    );
}
