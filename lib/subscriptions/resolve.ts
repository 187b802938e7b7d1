/**
 * Who gets notified for which trigger: the ConfigMap's default subscriptions merged with the resource's annotations.
 * @module
 */
import type { Diagnostic } from "../diagnostics.ts";
import { diagnostic } from "../diagnostics.ts";
import type { Destination, Destinations } from "./destination.ts";
import type { AnnotationOptions } from "./annotations.ts";
import { parseSubscriptionAnnotations } from "./annotations.ts";
import type { SubscriptionDefaults, TriggerDestination } from "./defaults.ts";
import { defaultTriggersFor, resolveDefaultSubscriptions } from "./defaults.ts";

/** The destinations of one resource, with what could not be read from its annotations. */
export interface ResolvedDestinations {
  readonly destinations: Destinations;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Resolves the destinations of one resource, as the Go controller's `getDestinations` does: first the ConfigMap's
 * default subscriptions whose selector matches the labels, then the annotation subscriptions (a subscription without
 * a trigger stands for the default triggers); then duplicates are removed per trigger, keeping the first.
 *
 * Triggers appear in the order they are first named; destinations in the order they are found. A subscription whose
 * default triggers are empty is reported as a warning, since it can never notify.
 *
 * @param annotations The resource's `metadata.annotations`.
 * @param labels The resource's `metadata.labels`; values that are not strings count as absent.
 * @param config The subscriptions and default triggers of the configuration, and its limits (the defaults when
 *   absent; `options.limits` wins).
 * @param options The annotation prefix (`notifications.argoproj.io` by default) and the limits.
 * @returns Destinations per trigger, and diagnostics for malformed subscription annotations.
 *
 * @example Annotation and default triggers
 * ```ts
 * import { expect } from "expect";
 * import { resolveDestinations } from "./resolve.ts";
 *
 * const config = { subscriptions: [], defaultTriggers: ["on-deployed"], serviceDefaultTriggers: new Map() };
 * const { destinations } = resolveDestinations({ "notifications.argoproj.io/subscribe.slack": "ops" }, {}, config);
 * expect(destinations.get("on-deployed")).toEqual([{ service: "slack", recipient: "ops" }]);
 * ```
 */
export function resolveDestinations(
  annotations: Readonly<Record<string, unknown>> | null | undefined,
  labels: Readonly<Record<string, unknown>> | null | undefined,
  config: SubscriptionDefaults & { readonly limits?: AnnotationOptions["limits"] },
  options: AnnotationOptions = {},
): ResolvedDestinations {
  const items: TriggerDestination[] = [...resolveDefaultSubscriptions(stringLabels(labels), config)];
  const limits = options.limits ?? config.limits;
  const parsed = parseSubscriptionAnnotations(annotations, limits === undefined ? options : { ...options, limits });
  const diagnostics: Diagnostic[] = [...parsed.diagnostics];
  for (const s of parsed.subscriptions) {
    if (s.trigger !== undefined) {
      items.push({ trigger: s.trigger, destination: s.destination });
      continue;
    }
    const triggers = defaultTriggersFor(s.destination.service, config);
    if (triggers.length === 0) {
      diagnostics.push(
        diagnostic(
          "InvalidSubscription",
          `subscribes "${s.destination.service}" to the default triggers, but there are none`,
          {
            key: s.annotation,
            severity: "warning",
            hint: `name a trigger, or set defaultTriggers or defaultTriggers.${s.destination.service} in the ConfigMap`,
          },
        ),
      );
    }
    for (const trigger of triggers) items.push({ trigger, destination: s.destination });
  }
  return { destinations: groupByTrigger(items), diagnostics: dedupDiagnostics(diagnostics) };
}

/**
 * Groups by trigger, dropping repeated destinations of a trigger (the first one stays). A trigger's destinations are
 * compared one by one while they are few, then looked up in a map of recipients per service: linear however many.
 */
export function groupByTrigger(
  items: readonly TriggerDestination[],
): Destinations {
  const out = new Map<string, Destination[]>();
  const indexes = new Map<string, Map<string, Set<string>>>();
  for (const { trigger, destination } of items) {
    const { service, recipient } = destination;
    let list = out.get(trigger);
    if (list === undefined) out.set(trigger, list = []);
    const index = indexes.get(trigger) ?? (list.length < scanned ? undefined : indexOf(list, trigger, indexes));
    if (index === undefined) {
      if (list.some((d) => d.service === service && d.recipient === recipient)) continue;
    } else {
      const recipients = index.get(service) ?? index.set(service, new Set()).get(service)!;
      if (recipients.has(recipient)) continue;
      recipients.add(recipient);
    }
    list.push({ service, recipient });
  }
  return out;
}

/** How many destinations of a trigger are compared one by one before they are indexed. */
const scanned = 16;

function indexOf(
  list: readonly Destination[],
  trigger: string,
  indexes: Map<string, Map<string, Set<string>>>,
): Map<string, Set<string>> {
  const index = new Map<string, Set<string>>();
  for (const { service, recipient } of list) {
    (index.get(service) ?? index.set(service, new Set()).get(service)!).add(recipient);
  }
  indexes.set(trigger, index);
  return index;
}

function stringLabels(
  labels: Readonly<Record<string, unknown>> | null | undefined,
): Readonly<Record<string, string>> {
  return Object.fromEntries(
    Object.entries(labels ?? {}).filter((e): e is [string, string] => typeof e[1] === "string"),
  );
}

function dedupDiagnostics(ds: readonly Diagnostic[]): readonly Diagnostic[] {
  const seen = new Set<string>();
  return ds.filter((d) => {
    const id = JSON.stringify(d);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
