/**
 * Go's string order, for sorted map keys.
 * @module
 */

/**
 * Compares strings by their UTF-8 bytes (Go's `<` on strings), which is code point order; JS's default `sort` uses
 * UTF-16 code units and differs for characters above U+FFFF versus U+E000–U+FFFF.
 *
 * @param a a string
 * @param b another string
 * @returns negative, zero or positive
 * @example Sorting keys
 * ```ts
 * import { compareGoStrings } from "./compare-go-strings.ts";
 * import { expect } from "vitest";
 * expect(["b", "a", "B"].sort(compareGoStrings)).toEqual(["B", "a", "b"]);
 * ```
 */
export function compareGoStrings(a: string, b: string): number {
  if (a === b) return 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a.codePointAt(i) ?? 0;
    const y = b.codePointAt(j) ?? 0;
    if (x !== y) return x < y ? -1 : 1;
    i += x > 0xffff ? 2 : 1;
    j += y > 0xffff ? 2 : 1;
  }
  return (a.length - i) - (b.length - j);
}
