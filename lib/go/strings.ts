/**
 * Go's `strings` functions that expr's builtins, sprig and Argo CD's `strings` helpers share: `Count`, `Replace`,
 * `SplitN`/`SplitAfterN`, `Trim` and `TrimSpace` (with `unicode.IsSpace`), with Go's rules for an empty separator
 * (runes). The callers check the lengths of what these build against their limits first.
 * @module
 */

/**
 * Go's `strings.Count`: the non-overlapping occurrences of `sub`; an empty `sub` counts the runes, plus one.
 *
 * @param s the string
 * @param sub what to count
 * @returns how many times it occurs
 * @example Occurrences and runes
 * ```ts
 * import { goCount } from "./strings.ts";
 * import { expect } from "vitest";
 * expect(goCount("cheese", "e")).toBe(3);
 * expect(goCount("five", "")).toBe(5);
 * ```
 */
export function goCount(s: string, sub: string): number {
  let n = 0;
  if (sub === "") {
    for (const _ of s) n++;
    return n + 1;
  }
  for (let i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + sub.length)) n++;
  return n;
}

/**
 * Go's `strings.Replace`: the first `n` occurrences of `old` replaced (all when `n < 0`); an empty `old` matches
 * before every rune and at the end.
 *
 * @param s the string
 * @param old what to replace
 * @param replacement what to put instead
 * @param n how many to replace, or -1 for all
 * @returns the new string
 * @example All, or the first n
 * ```ts
 * import { goReplace } from "./strings.ts";
 * import { expect } from "vitest";
 * expect(goReplace("oink oink oink", "k", "ky", 2)).toBe("oinky oinky oink");
 * expect(goReplace("ab", "", "-", -1)).toBe("-a-b-");
 * ```
 */
export function goReplace(s: string, old: string, replacement: string, n: number): string {
  if (old === "") {
    const runes = [...s];
    let out = "";
    for (let i = 0; i <= runes.length; i++) {
      if (n < 0 || i < n) out += replacement;
      if (i < runes.length) out += runes[i];
    }
    return out;
  }
  const parts = s.split(old);
  if (n < 0 || n >= parts.length - 1) return parts.join(replacement);
  return parts.slice(0, n + 1).join(replacement) + old + parts.slice(n + 1).join(old);
}

/**
 * Go's `strings.SplitN` (`after`: `SplitAfterN`): at most `n` pieces (all when `n < 0`, none when `n` is 0); an
 * empty separator splits into runes.
 *
 * @param s the string
 * @param sep the separator
 * @param n the most pieces, or -1 for all
 * @param after keep each separator at the end of its piece
 * @returns the pieces
 * @example Pieces
 * ```ts
 * import { goSplit } from "./strings.ts";
 * import { expect } from "vitest";
 * expect(goSplit("a,b,c", ",", 2)).toEqual(["a", "b,c"]);
 * expect(goSplit("a,b", ",", -1, true)).toEqual(["a,", "b"]);
 * ```
 */
export function goSplit(s: string, sep: string, n: number, after = false): string[] {
  if (n === 0) return [];
  if (sep === "") {
    const runes = [...s];
    if (n < 0 || n >= runes.length) return runes;
    return [...runes.slice(0, n - 1), runes.slice(n - 1).join("")];
  }
  const out: string[] = [];
  let from = 0;
  while (n < 0 || out.length < n - 1) {
    const i = s.indexOf(sep, from);
    if (i < 0) break;
    out.push(s.slice(from, i + (after ? sep.length : 0)));
    from = i + sep.length;
  }
  out.push(s.slice(from));
  return out;
}

/**
 * Go's `strings.Trim`: the runes of `cutset` taken off both ends.
 *
 * @param s the string
 * @param cutset the runes to take off
 * @returns the trimmed string
 * @example Both ends
 * ```ts
 * import { goTrim } from "./strings.ts";
 * import { expect } from "vitest";
 * expect(goTrim("xxhixyx", "xy")).toBe("hi");
 * ```
 */
export function goTrim(s: string, cutset: string): string {
  const set = new Set(cutset);
  const runes = [...s];
  let a = 0;
  let b = runes.length;
  while (a < b && set.has(runes[a]!)) a++;
  while (b > a && set.has(runes[b - 1]!)) b--;
  return runes.slice(a, b).join("");
}

/**
 * Go's `unicode.IsSpace`: the ASCII spaces, U+0085, U+00A0 and the Unicode space separators (all in the BMP).
 *
 * @param c a code point
 * @returns whether it is a space
 * @example Spaces
 * ```ts
 * import { isGoSpace } from "./strings.ts";
 * import { expect } from "vitest";
 * expect(isGoSpace(0x3000)).toBe(true);
 * expect(isGoSpace(0xfeff)).toBe(false);
 * ```
 */
export function isGoSpace(c: number): boolean {
  if (c <= 0xff) return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0x85 || c === 0xa0;
  return c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f ||
    c === 0x205f || c === 0x3000;
}

/**
 * Go's `strings.TrimSpace`: the {@linkcode isGoSpace} runes taken off both ends.
 *
 * @param s the string
 * @returns the trimmed string
 * @example Both ends
 * ```ts
 * import { goTrimSpace } from "./strings.ts";
 * import { expect } from "vitest";
 * expect(goTrimSpace("\u3000 a b\n")).toBe("a b");
 * ```
 */
export function goTrimSpace(s: string): string {
  // Every space is one UTF-16 unit (a BMP code point), and no half of a surrogate pair is a space.
  let a = 0;
  let b = s.length;
  while (a < b && isGoSpace(s.charCodeAt(a))) a++;
  while (b > a && isGoSpace(s.charCodeAt(b - 1))) b--;
  return s.slice(a, b);
}
