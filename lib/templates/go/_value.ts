/**
 * The executor's view of values: Go's "invalid" value (a missing map key), truthiness, kinds for comparisons,
 * and which properties and methods of a JS value a template may reach.
 * @module
 */
import { goTypeName, isGoMap } from "../../gofmt/mod.ts";
import { GoDuration } from "../../values/duration.ts";
import { GoFloat } from "../../values/float.ts";
import { GoMonth, GoTime, GoWeekday } from "../../values/time.ts";

/** Go's invalid `reflect.Value`: what a missing map key evaluates to (prints `<no value>`). */
export const noValue: unique symbol = Symbol("no value");
/** The type of {@linkcode noValue}. */
export type NoValue = typeof noValue;

/** Whether `v` is Go's invalid value or a nil interface (JSON `null`, `undefined`). */
export function isNil(v: unknown): boolean {
  return v === noValue || v === null || v === undefined;
}

/** Converts the executor's values to what functions see: a missing value is `null`. */
export function toArg(v: unknown): unknown {
  return v === noValue || v === undefined ? null : v;
}

/** Go's `isTrue`: false, 0, "", empty collections, nil and missing are false; structs are true. */
export function isTrue(v: unknown): boolean {
  if (isNil(v)) return false;
  switch (typeof v) {
    case "boolean":
      return v;
    case "number":
      return v !== 0;
    case "bigint":
      return v !== 0n;
    case "string":
      return v.length > 0;
    case "function":
      return true;
  }
  if (v instanceof GoFloat) return v.value !== 0;
  if (Array.isArray(v)) return v.length > 0;
  if (v instanceof Uint8Array) return v.length > 0;
  if (v instanceof Map) return v.size > 0;
  if (isGoMap(v)) return Object.keys(v).length > 0;
  const ns = durationNanos(v);
  if (ns !== undefined) return ns !== 0;
  return true;
}

function durationNanos(v: unknown): number | undefined {
  return v instanceof GoDuration ? v.ns : undefined;
}

/** The comparison kinds of Go's `eq`/`lt`: basic kinds, or `"other"`, or `"invalid"` for nil/missing. */
export type BasicKind = "bool" | "int" | "float" | "string" | "other" | "invalid";

/** The basic kind of a value for comparisons (`time.Month`, `time.Weekday` and durations are ints, as in Go). */
export function basicKind(v: unknown): BasicKind {
  if (isNil(v)) return "invalid";
  switch (typeof v) {
    case "boolean":
      return "bool";
    case "number":
      return Number.isInteger(v) ? "int" : "float";
    case "bigint":
      return "int";
    case "string":
      return "string";
  }
  if (v instanceof GoFloat) return "float";
  if (intLike(v) !== undefined) return "int";
  return "other";
}

/** The integer behind an int-kinded object (`time.Month`, `time.Weekday`, `time.Duration`), if it is one. */
export function intLike(v: unknown): number | undefined {
  if (v instanceof GoMonth || v instanceof GoWeekday) return v.n;
  return durationNanos(v);
}

/** The number behind a basic numeric value. */
export function numberOf(v: unknown): number {
  if (typeof v === "number") return v;
  if (typeof v === "bigint") return Number(v);
  if (v instanceof GoFloat) return v.value;
  return intLike(v) ?? NaN;
}


/**
 * Go's type name of a value, for messages. `boxed` values came out of a `map[string]interface {}` or
 * `[]interface {}` unchanged, where Go's JSON-decoded integers are `int64`.
 */
export function typeName(v: unknown, boxed: boolean): string {
  if (isNil(v)) return "interface {}";
  if (typeof v === "number" && Number.isInteger(v)) return boxed ? "int64" : "int";
  if (v instanceof GoTime) return "time.Time";
  if (v instanceof GoDuration) return "time.Duration";
  if (v instanceof GoMonth) return "time.Month";
  if (v instanceof GoWeekday) return "time.Weekday";
  return goTypeName(v);
}

/** Whether an object is a plain data map (or a JS `Map`), rather than an object with methods. */
export function isMap(v: unknown): v is Readonly<Record<string, unknown>> | ReadonlyMap<unknown, unknown> {
  return v instanceof Map || isGoMap(v);
}

/** Looks a key up in a map value: an own property only (never the prototype), or {@linkcode noValue}. */
export function mapGet(m: Readonly<Record<string, unknown>> | ReadonlyMap<unknown, unknown>, key: string): unknown {
  if (m instanceof Map) return m.has(key) ? m.get(key) : noValue;
  const o = m as Readonly<Record<string, unknown>>;
  if (!Object.hasOwn(o, key)) return noValue;
  const v = o[key];
  return v === undefined ? noValue : v;
}

/** Whether a name is exported in Go's sense (starts with an upper-case letter), the only names reachable on objects. */
export function isExported(name: string): boolean {
  const code = name.charCodeAt(0);
  if (code < 0x80) return code >= 65 && code <= 90;
  return /^\p{Lu}/u.test(name);
}

/**
 * The exported method `name` of a non-map object (found on its prototype chain, never on `Object.prototype`), e.g.
 * `Format` on a GoTime.
 */
export function methodOf(v: unknown, name: string): ((...args: unknown[]) => unknown) | undefined {
  if (typeof v !== "object" || v === null || !isExported(name) || isMap(v) || Array.isArray(v)) return undefined;
  for (let p: unknown = Object.getPrototypeOf(v); p !== null && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    const d = Object.getOwnPropertyDescriptor(p, name);
    if (d !== undefined) return typeof d.value === "function" ? d.value as (...args: unknown[]) => unknown : undefined;
  }
  return undefined;
}

/** Sorted keys of a map value, in Go's order (strings by bytes; numbers numerically). */
export function sortedEntries(
  m: Readonly<Record<string, unknown>> | ReadonlyMap<unknown, unknown>,
): Array<readonly [unknown, unknown]> {
  const entries: Array<readonly [unknown, unknown]> = m instanceof Map
    ? [...m.entries()]
    : Object.keys(m).map((k) => [k, (m as Readonly<Record<string, unknown>>)[k]] as const);
  return entries.sort(([a], [b]) => compareKeys(a, b));
}

function compareKeys(a: unknown, b: unknown): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  const x = String(a);
  const y = String(b);
  const xs = [...x];
  const ys = [...y];
  for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
    const d = (xs[i]?.codePointAt(0) ?? 0) - (ys[i]?.codePointAt(0) ?? 0);
    if (d !== 0) return d;
  }
  return xs.length - ys.length;
}
