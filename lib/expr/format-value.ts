/**
 * Go's `fmt.Sprintf("%v", v)` over the expr value model (including boxed floats, times and durations): what a
 * trigger's `oncePer` result becomes, and what expr's `string()` builtin returns.
 * @module
 */
import { GoDuration } from "../values/duration.ts";
import { GoFloat } from "../values/float.ts";
import { GoMonth, GoTime, GoWeekday } from "../values/time.ts";
import { isMap } from "./runtime.ts";

/** Go's `%v` of a float64: shortest digits, exponent form below 1e-4 and from 1e+06 (`1.234567e+06`). */
export function formatGoFloat(f: number): string {
  if (Number.isNaN(f)) return "NaN";
  if (f === Infinity) return "+Inf";
  if (f === -Infinity) return "-Inf";
  if (f === 0) return Object.is(f, -0) ? "-0" : "0";
  const e = f.toExponential();
  const at = e.indexOf("e");
  const exp = Number(e.slice(at + 1));
  if (exp < -4 || exp >= 6) {
    const mant = e.slice(0, at);
    const abs = Math.abs(exp);
    return `${mant}e${exp < 0 ? "-" : "+"}${abs < 10 ? "0" : ""}${abs}`;
  }
  return String(f);
}

const compareKeys = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Formats a value as Go's `%v`: nil → `<nil>`, maps as `map[k:v]` with sorted keys, slices as `[a b]`, float64 like
 * Go (`1e+06`), times and durations through their `String()`.
 *
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { formatValue } from "./format-value.ts";
 * expect(formatValue({ b: [1, "x", null], a: 2.5 })).toBe("map[a:2.5 b:[1 x <nil>]]");
 * ```
 */
export function formatValue(v: unknown): string {
  if (v === null || v === undefined) return "<nil>";
  switch (typeof v) {
    case "string":
      return v;
    case "boolean":
      return v ? "true" : "false";
    case "number":
      return Number.isInteger(v) ? String(v + 0) : formatGoFloat(v);
    case "bigint":
      return String(v);
    case "function":
      return "0x0";
  }
  if (v instanceof GoFloat) return formatGoFloat(v.value);
  if (Array.isArray(v)) return `[${v.map(formatValue).join(" ")}]`;
  if (v instanceof Uint8Array) return `[${[...v].join(" ")}]`;
  if (v instanceof GoTime || v instanceof GoDuration || v instanceof GoMonth || v instanceof GoWeekday) {
    return v.String();
  }
  if (isMap(v)) {
    const keys = Object.keys(v).sort(compareKeys);
    return `map[${keys.map((k) => `${k}:${formatValue(v[k])}`).join(" ")}]`;
  }
  return "{}";
}
