/**
 * Subscriptions written as annotations on the resource, in every form argoproj/notifications-engine reads.
 * @module
 */
import type { Diagnostic } from "../diagnostics.ts";
import { diagnostic } from "../diagnostics.ts";
import type { YamlLimits } from "../yaml/mod.ts";
import { defaultLimits, limitMessage, type Limits } from "../limits.ts";
import { annotationSizeHint, exceedsAnnotationBytes } from "./annotation-size.ts";
import type { Destination } from "./destination.ts";
import { parseSubscriptionsYaml } from "./_subscriptions-yaml.ts";

// --- model

/** The annotation prefix the Go engine uses unless configured otherwise. */
export const defaultAnnotationPrefix = "notifications.argoproj.io";

/** Options shared by the annotation readers. */
export interface AnnotationOptions {
  /** The annotation prefix; `notifications.argoproj.io` by default (Argo Rollouts uses `notifications.argoproj.io` too). */
  readonly prefix?: string;
  /** The input limits (`maxAnnotationBytes` and the YAML limits); the defaults when absent. */
  readonly limits?: Pick<Limits, "maxAnnotationBytes"> & YamlLimits;
}

/** One subscription read from an annotation: a destination for a trigger, or for the default triggers. */
export interface AnnotationSubscription {
  /** The annotation it was read from. */
  readonly annotation: string;
  /** The trigger, or `undefined` for "the default triggers" (of the service if it has its own, else the global ones). */
  readonly trigger: string | undefined;
  readonly destination: Destination;
}

/** The subscriptions of one annotation map, with what could not be read. */
export interface AnnotationSubscriptions {
  readonly subscriptions: readonly AnnotationSubscription[];
  readonly diagnostics: readonly Diagnostic[];
}

// --- api

/**
 * Reads the subscriptions out of a resource's annotations, alone (no configuration needed): useful to check what an
 * annotation map subscribes to.
 *
 * The forms, with `p` the prefix:
 * - `p/subscribe.<trigger>.<service>: r1;r2` — recipients split on `;`, trimmed, empty ones dropped; an empty value
 *   is one destination with an empty recipient; parts after the second dot are ignored;
 * - `p/subscribe.<service>` — the default triggers;
 * - `p/subscriptions` (and any key starting with it): a YAML list of `{trigger: [..], destinations: [{service,
 *   recipients: [..]}]}`; a missing or empty trigger list means the default triggers.
 *
 * Annotations are read in key order. Other annotations are ignored; a subscription annotation whose value is not a
 * string, that names no service, or whose YAML is malformed is an `InvalidSubscription` diagnostic naming it; YAML
 * that passes a YAML limit is a `LimitExceeded` diagnostic naming it. When the subscription annotations, names and
 * values together, take more than `maxAnnotationBytes` (more than Kubernetes stores), none is read: one
 * `LimitExceeded` diagnostic. The work is linear in the size of the annotations.
 *
 * @param annotations The resource's `metadata.annotations` (absent or `null` is the same as empty).
 * @param options The annotation prefix and the limits.
 * @returns Subscriptions in annotation-key order, then diagnostics.
 *
 * @example Both short forms
 * ```ts
 * import { expect } from "expect";
 * import { parseSubscriptionAnnotations } from "./annotations.ts";
 *
 * const { subscriptions } = parseSubscriptionAnnotations({
 *   "notifications.argoproj.io/subscribe.on-sync-failed.slack": "ops; dev",
 * });
 * expect(subscriptions.map((s) => s.destination.recipient)).toEqual(["ops", "dev"]);
 * ```
 */
export function parseSubscriptionAnnotations(
  annotations: Readonly<Record<string, unknown>> | null | undefined,
  options: AnnotationOptions = {},
): AnnotationSubscriptions {
  const prefix = options.prefix ?? defaultAnnotationPrefix;
  const limits = options.limits ?? defaultLimits;
  const subscribe = `${prefix}/subscribe.`;
  const yamlList = `${prefix}/subscriptions`;
  const subscriptions: AnnotationSubscription[] = [];
  const diagnostics: Diagnostic[] = [];
  const names = Object.keys(annotations ?? {}).filter((k) => k.startsWith(subscribe) || k.startsWith(yamlList));
  if (exceedsAnnotationBytes(names, annotations ?? {}, limits)) {
    const what = "the subscription annotations are larger together, so none is read";
    const d = diagnostic("LimitExceeded", limitMessage("maxAnnotationBytes", limits.maxAnnotationBytes, what), {
      hint: annotationSizeHint,
    });
    return { subscriptions, diagnostics: [d] };
  }
  // Sorted for a fixed order (the Go engine walks a map, in random order).
  for (const key of sortedIfNeeded(names)) {
    const isShort = key.startsWith(subscribe);
    const value = annotations?.[key];
    if (typeof value !== "string") {
      diagnostics.push(
        diagnostic(
          "InvalidSubscription",
          `the annotation's value must be a string, not ${typeOf(value)}; it is skipped`,
          {
            key,
          },
        ),
      );
    } else if (isShort) {
      readSubscribe(key, key.slice(subscribe.length), value, subscriptions, diagnostics);
    } else {
      readYaml(key, value, limits, { subscriptions, diagnostics });
    }
  }
  return { subscriptions, diagnostics };
}

/**
 * The recipients of a `subscribe.*` annotation value: split on `;`, trimmed, empty ones dropped.
 *
 * @param value The annotation's value.
 * @returns The recipients; `[""]` for the empty value (one destination without a recipient, as in the Go engine).
 */
export function parseRecipients(value: string): readonly string[] {
  if (value === "") return [""];
  const out: string[] = [];
  for (const part of value.split(";")) {
    const r = part.trim();
    if (r !== "") out.push(r);
  }
  return out;
}

// --- utils

function readSubscribe(
  key: string,
  rest: string,
  value: string,
  subscriptions: AnnotationSubscription[],
  diagnostics: Diagnostic[],
): void {
  const dot = rest.indexOf(".");
  const trigger = dot < 0 ? "" : rest.slice(0, dot);
  const end = dot < 0 ? -1 : rest.indexOf(".", dot + 1);
  const service = dot < 0 ? rest : rest.slice(dot + 1, end < 0 ? undefined : end);
  if (service === "") {
    diagnostics.push(
      diagnostic("InvalidSubscription", "the annotation names no service; it is skipped", {
        key,
        hint: "write <prefix>/subscribe.<trigger>.<service> or <prefix>/subscribe.<service>",
      }),
    );
    return;
  }
  for (const recipient of parseRecipients(value)) {
    subscriptions.push({
      annotation: key,
      trigger: trigger === "" ? undefined : trigger,
      destination: { service, recipient },
    });
  }
}

function readYaml(
  key: string,
  value: string,
  limits: YamlLimits,
  out: { subscriptions: AnnotationSubscription[]; diagnostics: Diagnostic[] },
): void {
  const { subscriptions, diagnostics } = out;
  const parsed = parseSubscriptionsYaml(value, key, limits);
  for (const d of parsed.diagnostics) diagnostics.push(d);
  parsed.entries.forEach((entry, i) => {
    if (entry.destinations.length === 0) {
      diagnostics.push(
        diagnostic("InvalidSubscription", `subscriptions[${i}] has no destinations`, { key, severity: "warning" }),
      );
    }
    const destinations = entry.destinations.filter((d, j) => {
      if (d.service !== "") return true;
      diagnostics.push(
        diagnostic("InvalidSubscription", `subscriptions[${i}].destinations[${j}] names no service; it is skipped`, {
          key,
        }),
      );
      return false;
    });
    const triggers = entry.triggers.length === 0 ? [undefined] : entry.triggers.map((t) => (t === "" ? undefined : t));
    for (const trigger of triggers) {
      for (const d of destinations) {
        for (const recipient of d.recipients) {
          subscriptions.push({ annotation: key, trigger, destination: { service: d.service, recipient } });
        }
      }
    }
  });
}

/** Sorts in place unless already sorted (the API server sends annotations sorted); `<` compares UTF-16 code units. */
function sortedIfNeeded(keys: string[]): string[] {
  for (let i = 1; i < keys.length; i++) if ((keys[i - 1] as string) > (keys[i] as string)) return keys.sort();
  return keys;
}

function typeOf(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  return typeof v === "object" ? "an object" : `a ${typeof v}`;
}
