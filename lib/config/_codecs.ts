/**
 * The io-ts codecs of the ConfigMap values, internal to `lib/config`. Each is pinned to a hand-written type, and its
 * `name` is the noun used in diagnostics (`"send" must be a list of template names, not a string`).
 * @module
 */
import * as t from "io-ts";

// --- combinators

/**
 * A string field as the Go engine reads it: `sigs.k8s.io/yaml` turns numbers and booleans into strings when the
 * target field is a string, so `when: true` is the expression `"true"`.
 */
export function goString(name: string): t.Type<string, string, unknown> {
  return new t.Type<string, string, unknown>(
    name,
    (u): u is string => typeof u === "string",
    (u, c) =>
      typeof u === "string"
        ? t.success(u)
        : typeof u === "number" || typeof u === "boolean"
        ? t.success(String(u))
        : t.failure(u, c),
    t.identity,
  );
}

/** A list as Go decodes it into a slice: an absent or `null` list is empty. */
export function goList<A>(item: t.Type<A, A, unknown>, name: string): t.Type<readonly A[], readonly A[], unknown> {
  const list = t.readonlyArray(item, name);
  return new t.Type<readonly A[], readonly A[], unknown>(
    name,
    list.is,
    (u, c) => (u === null || u === undefined ? t.success([]) : list.validate(u, c)),
    t.identity,
  );
}

/** An optional field: `null` (what an empty YAML value is) counts as absent, as Go's zero value does. */
export function optional<A>(codec: t.Type<A, A, unknown>): t.Type<A | undefined, A | undefined, unknown> {
  return new t.Type<A | undefined, A | undefined, unknown>(
    codec.name,
    (u): u is A | undefined => u === undefined || codec.is(u),
    (u, c) => (u === null || u === undefined ? t.success(undefined) : codec.validate(u, c)),
    t.identity,
  );
}

/**
 * A map of strings as Go decodes a `map[string]string` (`context`, and service settings' maps); an empty value is an
 * empty map. One codec rather than io-ts's `record`, whose key domains (literals, unions, `keyof`) are 3 KiB of the
 * edge bundle that string keys do not need; the errors are `record`'s (one per value, at its key).
 */
export function goStringMap(
  name: string,
  valueName: string,
): t.Type<Readonly<Record<string, string>>, Readonly<Record<string, string>>, unknown> {
  const value = goString(valueName);
  return new t.Type<Readonly<Record<string, string>>, Readonly<Record<string, string>>, unknown>(
    name,
    (u): u is Readonly<Record<string, string>> => t.UnknownRecord.is(u) && Object.values(u).every(value.is),
    (u, c) => {
      if (u === null || u === undefined) return t.success({});
      if (!t.UnknownRecord.is(u)) return t.failure(u, c);
      const errors: t.ValidationError[] = [];
      let out: Record<string, string> | undefined;
      for (const [k, v] of Object.entries(u)) {
        const r = value.validate(v, t.appendContext(c, k, value, v));
        if (r._tag === "Left") errors.push(...r.left);
        else if (r.right !== v) {
          out ??= { ...u } as Record<string, string>;
          Object.defineProperty(out, k, { value: r.right, enumerable: true, writable: true, configurable: true });
        }
      }
      return errors.length > 0 ? t.failures(errors) : t.success(out ?? (u as Readonly<Record<string, string>>));
    },
    t.identity,
  );
}

// --- codecs

/** One condition as written in `trigger.<name>`. */
export interface RawCondition {
  readonly when?: string | undefined;
  readonly oncePer?: string | undefined;
  readonly description?: string | undefined;
  readonly send?: readonly string[] | undefined;
}

/** The fields of a condition, for the unknown-field check. */
export const conditionFields: readonly string[] = ["when", "oncePer", "description", "send"];

/** One condition. */
export const conditionCodec: t.Type<RawCondition, RawCondition, unknown> = t.partial({
  when: optional(goString("an expression (a string)")),
  oncePer: optional(goString("an expression (a string)")),
  description: optional(goString("a string")),
  send: optional(goList(goString("a template name"), "a list of template names")),
}, "a condition (a map with when and send)");

/** `trigger.<name>`: a list of conditions. */
export const triggerCodec: t.Type<readonly RawCondition[], readonly RawCondition[], unknown> = goList(
  conditionCodec,
  "a list of conditions",
);

/** One entry of `subscriptions` as written. */
export interface RawSubscription {
  readonly recipients?: readonly string[] | undefined;
  readonly triggers?: readonly string[] | undefined;
  readonly selector?: string | undefined;
}

/** The fields of a default subscription, for the unknown-field check. */
export const subscriptionFields: readonly string[] = ["recipients", "triggers", "selector"];

/** One entry of `subscriptions`. */
export const subscriptionCodec: t.Type<RawSubscription, RawSubscription, unknown> = t.partial({
  recipients: optional(goList(goString("a recipient (service:recipient)"), "a list of recipients")),
  triggers: optional(goList(goString("a trigger name"), "a list of trigger names")),
  selector: optional(goString("a label selector (a string)")),
}, "a subscription (a map with recipients, triggers and selector)");

/** `subscriptions`: decoded entry by entry, so the list itself is only checked to be one. */
export const subscriptionListCodec: t.Type<readonly unknown[], readonly unknown[], unknown> = goList(
  t.unknown,
  "a list of subscriptions",
);

/** `defaultTriggers` and `defaultTriggers.<service>`. */
export const triggerNamesCodec: t.Type<readonly string[], readonly string[], unknown> = goList(
  goString("a trigger name"),
  "a list of trigger names",
);

/** `context`. */
export const contextCodec: t.Type<Readonly<Record<string, string>>, Readonly<Record<string, string>>, unknown> =
  goStringMap("a map of strings", "a string");

/** `service.<type>[.<name>]`: any map; each provider checks its own settings. */
export const settingsCodec: t.Type<Readonly<Record<string, unknown>>, Readonly<Record<string, unknown>>, unknown> =
  new t.Type<Readonly<Record<string, unknown>>, Readonly<Record<string, unknown>>, unknown>(
    "a map of settings",
    (u): u is Readonly<Record<string, unknown>> => t.UnknownRecord.is(u),
    (u, c) => (u === null || u === undefined ? t.success({}) : t.UnknownRecord.validate(u, c)),
    t.identity,
  );
