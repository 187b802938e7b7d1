/**
 * The executor's view of values: Go's "invalid" value (a missing map key), truthiness, kinds for comparisons and
 * type names (which properties and methods a template may reach is `_access.ts`'s to say).
 * @module
 */
import { goTypeName, isGoMap } from "../../gofmt/mod.ts";
import { GoDuration } from "../../values/mod.ts";
import { GoFloat } from "../../values/mod.ts";
import { GoMonth, GoTime, GoWeekday } from "../../values/mod.ts";

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
