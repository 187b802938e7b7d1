/**
 * Go's `%v` of one value: how a template prints the result of an action.
 * @module
 */
import { newPrinter, printArg } from "./_printer.ts";

/**
 * Formats one value as Go's `fmt.Sprint(v)` (`%v`): floats as `%g` with the shortest digits (exponent form when the
 * exponent is below -4 or at least 6: `1e+06`), maps as `map[a:1 b:2]` with sorted keys, slices as `[a b]`, nil as `<nil>`,
 * `[]byte` as `[104 105]`, Stringers and errors through `String()`/`Error()`.
 *
 * @param v the value
 * @returns the text
 * @example Maps and floats
 * ```ts
 * import { formatValue } from "./format-value.ts";
 * import { expect } from "vitest";
 * expect(formatValue({ b: 2, a: [1.5, null] })).toBe("map[a:[1.5 <nil>] b:2]");
 * ```
 */
export function formatValue(v: unknown): string {
  const p = newPrinter();
  printArg(p, v, "v");
  return p.buf;
}
