/**
 * Where a resource's subscriptions come from, trigger by trigger: for explanations.
 * @module
 */
import type { AnnotationOptions } from "./annotations.ts";
import { defaultAnnotationPrefix, parseSubscriptionAnnotations } from "./annotations.ts";
import type { SubscriptionDefaults } from "./defaults.ts";
import { defaultTriggersFor } from "./defaults.ts";
import { matchesSelector } from "./selector.ts";

/** What subscribed a resource to one trigger. */
export interface TriggerSubscriptionTrace {
  /** The subscription annotations that name the trigger, or stand for it as a default trigger, in key order. */
  readonly annotations: readonly string[];
  /** The indexes in the ConfigMap's `subscriptions` of the entries that select the resource and give the trigger. */
  readonly defaultSubscriptions: readonly number[];
}

/** What {@linkcode traceSubscriptions} found. */
export interface SubscriptionTrace {
  /** The resource's annotations under the subscription prefix, as read (names, in key order). */
  readonly annotations: readonly string[];
  /** The indexes of the ConfigMap's `subscriptions` entries whose selector matches the labels. */
  readonly matching: readonly number[];
  /** Per trigger, in the order `resolveDestinations` first names them. */
  readonly triggers: ReadonlyMap<string, TriggerSubscriptionTrace>;
}

/**
 * Traces the subscriptions of one resource as `resolveDestinations` resolves them: which default subscriptions and
 * which annotations give each trigger. It reads the same parts in the same way (the annotations through
 * `parseSubscriptionAnnotations`), so it names exactly the triggers `resolveDestinations` gives destinations to.
 *
 * @param annotations The resource's `metadata.annotations`.
 * @param labels The resource's `metadata.labels`.
 * @param config The subscriptions and default triggers of the configuration, and its limits.
 * @param options The annotation prefix and the limits, as for `resolveDestinations`.
 * @returns The annotations read, the matching default subscriptions, and the sources of each trigger.
 *
 * @example A trigger named by an annotation and a default subscription
 * ```ts
 * import { expect } from "expect";
 * import { traceSubscriptions } from "./trace-subscriptions.ts";
 *
 * const selector = { source: "", requirements: [] };
 * const config = {
 *   subscriptions: [{ recipients: [{ service: "slack", recipient: "ops" }], triggers: ["on-x"], selector }],
 *   defaultTriggers: [],
 *   serviceDefaultTriggers: new Map(),
 * };
 * const trace = traceSubscriptions({ "notifications.argoproj.io/subscribe.on-x.email": "a@b.c" }, {}, config);
 * expect(trace.triggers.get("on-x")).toEqual({
 *   annotations: ["notifications.argoproj.io/subscribe.on-x.email"],
 *   defaultSubscriptions: [0],
 * });
 * ```
 */
export function traceSubscriptions(
  annotations: Readonly<Record<string, unknown>> | null | undefined,
  labels: Readonly<Record<string, string>>,
  config: SubscriptionDefaults & { readonly limits?: AnnotationOptions["limits"] },
  options: AnnotationOptions = {},
): SubscriptionTrace {
  const triggers = new Map<string, { annotations: string[]; defaultSubscriptions: number[] }>();
  const at = (trigger: string) =>
    triggers.get(trigger) ?? triggers.set(trigger, { annotations: [], defaultSubscriptions: [] }).get(trigger)!;
  const matching: number[] = [];
  config.subscriptions.forEach((s, i) => {
    if (!matchesSelector(s.selector, labels)) return;
    matching.push(i);
    if (s.recipients.length === 0) return;
    for (const trigger of s.triggers.length === 0 ? config.defaultTriggers : s.triggers) {
      const list = at(trigger).defaultSubscriptions;
      if (list.at(-1) !== i) list.push(i);
    }
  });
  const limits = options.limits ?? config.limits;
  const parsed = parseSubscriptionAnnotations(annotations, limits === undefined ? options : { ...options, limits });
  for (const s of parsed.subscriptions) {
    const named = s.trigger !== undefined ? [s.trigger] : defaultTriggersFor(s.destination.service, config);
    for (const trigger of named) {
      const list = at(trigger).annotations;
      if (!list.includes(s.annotation)) list.push(s.annotation);
    }
  }
  const prefix = options.prefix ?? defaultAnnotationPrefix;
  const read = Object.keys(annotations ?? {}).filter((k) =>
    k.startsWith(`${prefix}/subscribe.`) || k.startsWith(`${prefix}/subscriptions`)
  ).sort();
  return { annotations: read, matching, triggers };
}
