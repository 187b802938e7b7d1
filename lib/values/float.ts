/**
 * A Go `float64` whose value happens to be integral (`1.0`, `4 / 2`, `Minutes()` of 30 minutes). Plain JS numbers
 * stand for Go `int` when integral and for `float64` otherwise; this box keeps the float type where the value alone
 * cannot, so `%v` prints `1e+06` rather than `1000000` and `%` refuses it as Go does.
 * @module
 */

/**
 * A boxed integral float64.
 *
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { GoFloat, toFloatValue } from "./float.ts";
 * expect(toFloatValue(2)).toBeInstanceOf(GoFloat);
 * expect(toFloatValue(2.5)).toBe(2.5);
 * ```
 */
export class GoFloat {
  readonly value: number;
  constructor(value: number) {
    this.value = value;
  }
  /** The number. */
  valueOf(): number {
    return this.value;
  }
}

/** A float64 result as a value: integral values are boxed, the others stay plain numbers. */
export function toFloatValue(n: number): number | GoFloat {
  return Number.isInteger(n) ? new GoFloat(n) : n;
}

/** Whether `v` is a Go float64 in this representation (a boxed float or a non-integral number, incl. ±Inf and NaN). */
export function isFloat(v: unknown): boolean {
  return v instanceof GoFloat || (typeof v === "number" && !Number.isInteger(v));
}
