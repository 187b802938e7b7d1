/**
 * huandu/xstrings 1.3's case conversions, which sprig 3.2 calls for `camelcase`, `snakecase` and `kebabcase`.
 *
 * Written from its documented behaviour and checked against the Go oracle: the word splitter has many special cases
 * (an upper-case run before a lower-case letter, digits glued to the word before them, punctuation runs that take no
 * connector) that a regular expression only approximates, so it is followed step by step here.
 *
 * A JS string stands for a Go string; a lone surrogate stands for an invalid UTF-8 byte, which Go decodes as
 * `utf8.RuneError`. Offsets below are UTF-16 indices into the JS string; each step only needs "the next rune and how
 * far it reaches", so they play the part of Go's byte offsets.
 * @module
 */

import { isGoSpace } from "../../go/mod.ts";

const runeError = 0xfffd;

// The Unicode classes are written in the functions, not at the top of the module: V8 builds each when its literal is
// first evaluated, which importing the engine should not pay for functions a template may never call.
const isUpper = (c: number): boolean => /^\p{Lu}$/u.test(String.fromCodePoint(c));
const isLetter = (c: number): boolean => /^\p{L}$/u.test(String.fromCodePoint(c));
const isNumber = (c: number): boolean => /^\p{N}$/u.test(String.fromCodePoint(c));
const isPunct = (c: number): boolean => /^\p{P}$/u.test(String.fromCodePoint(c));

/** Go's `unicode.ToLower`/`ToUpper` of one rune: a one-rune mapping only (`İ` lowers to `i`, `ß` stays). */
export function mapRune(c: number, upper: boolean): number {
  if (c < 0x80) {
    if (upper && c >= 0x61 && c <= 0x7a) return c - 32;
    if (!upper && c >= 0x41 && c <= 0x5a) return c + 32;
    return c;
  }
  if (c === 0x130 && !upper) return 0x69;
  const ch = String.fromCodePoint(c);
  const m = upper ? ch.toUpperCase() : ch.toLowerCase();
  const cp = m.codePointAt(0) ?? c;
  return m.length === String.fromCodePoint(cp).length ? cp : c;
}

/** xstrings' `isAlphabet`: a letter that is not a CJK ideograph. */
function isAlphabet(c: number): boolean {
  if (!isLetter(c)) return false;
  if (c < 0x3400) return true;
  if (c >= 0x4e00 && c <= 0x9fcc) return false;
  if (c >= 0x3400 && c <= 0x4d85) return false;
  if (c >= 0x20000 && c <= 0x2b81d) return false;
  return true;
}

/** xstrings' connector: `-`, `_` or a space. */
export function isConnector(c: number): boolean {
  return c === 0x2d || c === 0x5f || isGoSpace(c);
}

/** The rune at `i` as Go decodes it (a lone surrogate or U+FFFD is `RuneError`) and its length. */
function decodeAt(s: string, i: number): [number, number] {
  const c = s.codePointAt(i) ?? runeError;
  if (c >= 0xd800 && c <= 0xdfff) return [runeError, 1];
  return [c, c > 0xffff ? 2 : 1];
}

/** xstrings' `nextValidRune`: skips `RuneError`s; when only those remain, `prev` with their total length. */
function nextValidRune(s: string, i: number, prev: number): [number, number] {
  let size = 0;
  while (i + size < s.length) {
    const [r, sz] = decodeAt(s, i + size);
    size += sz;
    if (r !== runeError) return [r, size];
  }
  return [prev, size];
}

const invalidWord = 0;
const numberWord = 1;
const upperCaseWord = 2;
const alphabetWord = 3;
const connectorWord = 4;
const punctWord = 5;
const otherWord = 6;

/** A word of `s` starting at `start`: its type and end (the next word starts there). */
interface Word {
  readonly wt: number;
  readonly start: number;
  readonly end: number;
}

/** Extends a word from `pos` while `keep` holds for the next valid rune; returns the end. */
function extend(s: string, pos: number, r: number, keep: (r: number) => boolean): number {
  while (pos < s.length) {
    const [n, size] = nextValidRune(s, pos, r);
    r = n;
    if (!keep(r)) break;
    pos += size;
  }
  return pos;
}

/** xstrings' `nextWord`. */
function nextWord(s: string, start: number): Word {
  if (start >= s.length) return { wt: invalidWord, start, end: start };
  let [r, size] = nextValidRune(s, start, runeError);
  let pos = start + size;
  if (r === runeError) return { wt: invalidWord, start, end: pos };
  if (isConnector(r)) return { wt: connectorWord, start, end: extend(s, pos, r, isConnector) };
  if (isPunct(r)) return { wt: punctWord, start, end: extend(s, pos, r, isPunct) };
  const lowerAlpha = (c: number): boolean => isAlphabet(c) && !isUpper(c);
  if (isUpper(r)) {
    if (pos >= s.length) return { wt: upperCaseWord, start, end: pos };
    [r, size] = nextValidRune(s, pos, r);
    if (isUpper(r)) {
      // An upper-case run; in "HTTPStatus" the last upper-case letter starts the next word.
      let prevSize = size;
      pos += size;
      while (pos < s.length) {
        [r, size] = nextValidRune(s, pos, r);
        if (!isUpper(r)) break;
        prevSize = size;
        pos += size;
      }
      if (pos < s.length && isAlphabet(r)) pos -= prevSize;
    } else if (isAlphabet(r)) pos = extend(s, pos + size, r, lowerAlpha);
    return { wt: upperCaseWord, start, end: pos };
  }
  if (isAlphabet(r)) return { wt: alphabetWord, start, end: extend(s, pos, r, lowerAlpha) };
  if (isNumber(r)) return { wt: numberWord, start, end: extend(s, pos, r, isNumber) };
  const other = (c: number): boolean => !(isConnector(c) || isAlphabet(c) || isNumber(c) || isPunct(c));
  return { wt: otherWord, start, end: extend(s, pos, r, other) };
}

/** xstrings' `toLower` of one word: upper-case and connector words are mapped rune by rune, others kept. */
function lowerWord(s: string, w: Word, connector: string): string {
  const text = s.slice(w.start, w.end);
  if (w.wt !== upperCaseWord && w.wt !== connectorWord) return text;
  let out = "";
  for (let i = 0; i < text.length;) {
    const [r, size] = decodeAt(text, i);
    i += size;
    out += isConnector(r) ? connector : String.fromCodePoint(isUpper(r) ? mapRune(r, false) : r);
  }
  return out;
}

/**
 * xstrings' `ToSnakeCase` (connector `_`) and `ToKebabCase` (`-`): words lower-cased and joined by the connector;
 * digits stay with the word before them unless lower-case letters follow ("Bld4Floor" → "bld4_floor",
 * "HTTP2xx" → "http_2xx"), punctuation takes no connector, connector runs become one connector each rune.
 *
 * @param s the string
 * @param connector `_` or `-`
 * @returns the converted string
 * @example
 * ```ts
 * import { toLowerCaseWords } from "./_xstrings.ts";
 * import { expect } from "vitest";
 * expect(toLowerCaseWords("HTTPServer", "_")).toBe("http_server");
 * ```
 */
export function toLowerCaseWords(s: string, connector: "_" | "-"): string {
  if (s === "") return "";
  let out = "";
  let w = nextWord(s, 0);
  const rest = (): boolean => w.end < s.length;
  while (rest()) {
    if (w.wt !== connectorWord) out += lowerWord(s, w, connector);
    const prev = w;
    w = nextWord(s, w.end);
    switch (prev.wt) {
      case numberWord:
        while (w.wt === alphabetWord || w.wt === numberWord) {
          out += lowerWord(s, w, connector);
          w = nextWord(s, w.end);
        }
        if (w.wt !== invalidWord && w.wt !== punctWord && w.wt !== connectorWord) out += connector;
        break;
      case connectorWord:
        out += lowerWord(s, prev, connector);
        break;
      case punctWord:
        break;
      default: {
        if (w.wt !== numberWord) {
          if (w.wt !== connectorWord && w.wt !== punctWord) out += connector;
          break;
        }
        if (!rest()) break;
        const num = w;
        w = nextWord(s, w.end);
        // A number followed by anything but letters belongs to the word before it ("Bld4Floor" → "bld4_floor").
        if (w.wt !== alphabetWord) {
          out += lowerWord(s, num, connector);
          if (w.wt !== connectorWord && w.wt !== punctWord) out += connector;
          break;
        }
        // Lower-case letters after a number: the number starts a word ("HTTP2xx" → "http_2xx").
        out += connector + lowerWord(s, num, connector);
        while (w.wt === alphabetWord || w.wt === numberWord) {
          out += lowerWord(s, w, connector);
          w = nextWord(s, w.end);
        }
        if (w.wt !== invalidWord && w.wt !== connectorWord && w.wt !== punctWord) out += connector;
      }
    }
  }
  return out + lowerWord(s, w, connector);
}
