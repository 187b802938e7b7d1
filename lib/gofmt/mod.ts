/**
 * Go's `fmt` for our value model (plain JS values: integral number = int, other numbers = float64, `null` = nil,
 * arrays = slices, plain objects = maps, `Uint8Array` = []byte, objects with `String()`/`Error()` = Stringers), plus
 * the `strconv` pieces it rests on. Used by the Go template executor and by sprig.
 *
 * @example Printf
 * ```ts
 * import { sprintf } from "./mod.ts";
 * import { expect } from "vitest";
 * expect(sprintf("%s has %d items", ["cart", 3])).toBe("cart has 3 items");
 * ```
 * @module
 */
export { formatValue } from "./format-value.ts";
export { sprint, sprintln } from "./sprint.ts";
export { sprintf } from "./sprintf.ts";
export { type FloatFormat, formatFloat } from "./format-float.ts";
export { canBackquote, isPrint, quote, quoteRune, quoteToAscii } from "./quote.ts";
export { type GoKind, goKind, goTypeName, goTypeTag, isGoInt, isGoMap, withGoType } from "./go-type.ts";
export { compareGoStrings } from "./compare-go-strings.ts";
export { FormatLimitError, type FormatLimits } from "./format-limits.ts";
