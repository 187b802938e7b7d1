/**
 * Go's `%v` of one value: how a template prints the result of an action.
 * @module
 */
import { newPrinter, printArg } from "./_printer.ts";
import type { FormatLimits } from "./format-limits.ts";

/**
 * Formats one value as Go's `fmt.Sprint(v)` (`%v`): floats as `%g` with the shortest digits (exponent form when the
 * exponent is below -4 or at least 6: `1e+06`), maps as `map[a:1 b:2]` with sorted keys, slices as `[a b]`, nil as `<nil>`,
 * `[]byte` as `[104 105]`, Stringers and errors through `String()`/`Error()`.
 *
 * @param v the value
 * @param limits bounds on the output's length and the value's depth (none by default)
 * @returns the text
 * @throws FormatLimitError when a bound would be passed
 * @example Maps and floats
 * ```ts
 * import { formatValue } from "./format-value.ts";
 * import { expect } from "vitest";
 * expect(formatValue({ b: 2, a: [1.5, null] })).toBe("map[a:[1.5 <nil>] b:2]");
 * ```
 */
export function formatValue(v: unknown, limits?: FormatLimits): string {
  const p = newPrinter(limits);
  printArg(p, v, "v");
  return p.buf;
}
