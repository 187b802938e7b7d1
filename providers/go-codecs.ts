/**
 * io-ts codecs for service settings, typed as the Go engine's option structs are: strings (numbers and booleans read
 * as their text, as sigs.k8s.io/yaml converts them), booleans, integers, `time.Duration` nanoseconds, maps and lists.
 * Internal to the providers; the public types are the hand-written settings interfaces.
 * @module
 */
import * as t from "io-ts";
import { goString as goStringOf, goStringMap as goStringMapOf } from "../lib/config/mod.ts";
import { parseDuration } from "../lib/values/duration.ts";

/** A Go string field: a string, or a number or boolean as its text (as sigs.k8s.io/yaml converts them). */
export const goString: t.Type<string, string, unknown> = goStringOf("a string");

/** A Go bool field: `true` or `false` (a quoted `"true"` is an error in Go too). */
export const goBool: t.Type<boolean, boolean, unknown> = t.boolean;

/** A Go int field: a whole number. */
export const goInt: t.Type<number, number, unknown> = new t.Type<number, number, unknown>(
  "a whole number",
  (u): u is number => typeof u === "number" && Number.isInteger(u),
  (u, c) => (typeof u === "number" && Number.isInteger(u) ? t.success(u) : t.failure(u, c)),
  t.identity,
);

/** A positive number (rates). */
export const positiveNumber: t.Type<number, number, unknown> = new t.Type<number, number, unknown>(
  "a positive number",
  (u): u is number => typeof u === "number" && u > 0 && Number.isFinite(u),
  (u, c) => (typeof u === "number" && u > 0 && Number.isFinite(u) ? t.success(u) : t.failure(u, c)),
  t.identity,
);

/**
 * A Go `time.Duration` field, in nanoseconds. Go reads only integers (nanoseconds); a duration string such as `1s`
 * is also accepted here (the Go engine's documentation promises it, its decoder refuses it).
 */
export const goNanos: t.Type<number, number, unknown> = new t.Type<number, number, unknown>(
  "a whole number of nanoseconds or a duration such as 1s",
  (u): u is number => typeof u === "number",
  (u, c) => {
    if (typeof u === "number" && Number.isInteger(u)) return t.success(u);
    if (typeof u !== "string") return t.failure(u, c);
    const d = parseDuration(u);
    return d._tag === "Right" ? t.success(d.right.ns) : t.failure(u, c);
  },
  t.identity,
);

/** A duration of our own settings, written as Go writes durations (`10s`, `1m30s`, `500ms`), in milliseconds. */
export const duration: t.Type<number, number, unknown> = new t.Type<number, number, unknown>(
  "a duration such as 10s or 500ms",
  (u): u is number => typeof u === "number",
  (u, c) => {
    if (typeof u !== "string") return t.failure(u, c);
    const d = parseDuration(u);
    return d._tag === "Right" && d.right.ns >= 0 ? t.success(d.right.ns / 1e6) : t.failure(u, c);
  },
  t.identity,
);

/** A Go `map[string]string` field. */
export const goStringMap: t.Type<Readonly<Record<string, string>>, Readonly<Record<string, string>>, unknown> =
  goStringMapOf("a map of strings", "a string");

/** A Go slice field. */
export function goList<A>(item: t.Type<A, A, unknown>, name: string): t.Type<readonly A[], readonly A[], unknown> {
  return t.readonlyArray(item, name);
}

/**
 * The transport keys every Go service built on the shared HTTP client accepts. They are read (so not reported as
 * unknown) and, except `insecureSkipVerify`, left to the runtime's connection pool.
 */
export const transportProps: {
  readonly insecureSkipVerify: typeof goBool;
  readonly maxIdleConns: typeof goInt;
  readonly maxIdleConnsPerHost: typeof goInt;
  readonly maxConnsPerHost: typeof goInt;
  readonly idleConnTimeout: typeof goString;
} = {
  insecureSkipVerify: goBool,
  maxIdleConns: goInt,
  maxIdleConnsPerHost: goInt,
  maxConnsPerHost: goInt,
  idleConnTimeout: goString,
};
