/**
 * Go's `strconv` quoting: `Quote`, `QuoteToASCII`, `QuoteRune`, `QuoteRuneToASCII`, `CanBackquote`, `IsPrint`.
 * Used by `%q` and by sprig's `quote`.
 * @module
 */

/**
 * Go's `strconv.IsPrint`: letters, marks, numbers, punctuation, symbols and the ASCII space.
 *
 * @param r a code point
 * @returns whether Go prints it unescaped in `%q`
 * @example Printable runes
 * ```ts
 * import { isPrint } from "./quote.ts";
 * import { expect } from "vitest";
 * expect(isPrint(0x41)).toBe(true);
 * expect(isPrint(0xa0)).toBe(false);
 * ```
 */
export function isPrint(r: number): boolean {
  if (r < 0x100) return (r >= 0x20 && r <= 0x7e) || (r >= 0xa1 && r <= 0xff && r !== 0xad);
  if (r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff)) return false;
  // Written here, not at the top of the module: V8 builds a class of Unicode properties when the literal is first
  // evaluated (about a millisecond), which importing the engine should not pay for a rune it may never see.
  return /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u.test(String.fromCodePoint(r));
}

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, "0");
}

function escapeRune(r: number, quote: number, asciiOnly: boolean): string {
  if (r === quote || r === 0x5c) return "\\" + String.fromCodePoint(r);
  if (asciiOnly ? r < 0x80 && isPrint(r) : isPrint(r)) return String.fromCodePoint(r);
  switch (r) {
    case 7:
      return "\\a";
    case 8:
      return "\\b";
    case 12:
      return "\\f";
    case 10:
      return "\\n";
    case 13:
      return "\\r";
    case 9:
      return "\\t";
    case 11:
      return "\\v";
  }
  if (r < 0x20 || r === 0x7f) return "\\x" + hex(r, 2);
  if (r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff)) r = 0xfffd;
  return r < 0x10000 ? "\\u" + hex(r, 4) : "\\U" + hex(r, 8);
}

function quoteWith(s: string, quote: number, asciiOnly: boolean): string {
  let out = String.fromCharCode(quote);
  for (const ch of s) out += escapeRune(ch.codePointAt(0) ?? 0xfffd, quote, asciiOnly);
  return out + String.fromCharCode(quote);
}

/**
 * Go's `strconv.Quote`: a double-quoted Go string literal, non-printable runes escaped.
 *
 * @param s the string
 * @returns the literal
 * @example Quoting
 * ```ts
 * import { quote } from "./quote.ts";
 * import { expect } from "vitest";
 * expect(quote('a"b\n')).toBe('"a\\"b\\n"');
 * ```
 */
export function quote(s: string): string {
  return quoteWith(s, 0x22, false);
}

/**
 * Go's `strconv.QuoteToASCII`: like {@linkcode quote}, with every non-ASCII rune escaped (`%+q`).
 *
 * @param s the string
 * @returns the literal
 * @example ASCII only
 * ```ts
 * import { quoteToAscii } from "./quote.ts";
 * import { expect } from "vitest";
 * expect(quoteToAscii("é")).toBe('"\\u00e9"');
 * ```
 */
export function quoteToAscii(s: string): string {
  return quoteWith(s, 0x22, true);
}

/**
 * Go's `strconv.QuoteRune` (`asciiOnly`: `QuoteRuneToASCII`): a single-quoted rune literal; invalid runes become
 * U+FFFD.
 *
 * @param r the code point
 * @param asciiOnly escape non-ASCII runes
 * @returns the literal
 * @example A rune
 * ```ts
 * import { quoteRune } from "./quote.ts";
 * import { expect } from "vitest";
 * expect(quoteRune(0x61, false)).toBe("'a'");
 * ```
 */
export function quoteRune(r: number, asciiOnly: boolean): string {
  if (r < 0 || r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff)) r = 0xfffd;
  return "'" + escapeRune(r, 0x27, asciiOnly) + "'";
}

/**
 * Go's `strconv.CanBackquote`: whether `s` can be a raw string literal (no backquote, no control character but tab,
 * no BOM).
 *
 * @param s the string
 * @returns whether `%#q` may use backquotes
 * @example Raw literals
 * ```ts
 * import { canBackquote } from "./quote.ts";
 * import { expect } from "vitest";
 * expect(canBackquote("a\tb")).toBe(true);
 * expect(canBackquote("a`b")).toBe(false);
 * ```
 */
export function canBackquote(s: string): boolean {
  for (const ch of s) {
    const r = ch.codePointAt(0) ?? 0;
    if (r === 0xfeff || (r >= 0xd800 && r <= 0xdfff)) return false;
    if ((r < 0x20 && r !== 9) || r === 0x60 || r === 0x7f) return false;
  }
  return true;
}
