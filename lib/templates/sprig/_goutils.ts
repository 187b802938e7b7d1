/**
 * Masterminds/goutils 1.1's word and abbreviation helpers, which sprig 3.2 calls for `initials`, `swapcase`, `untitle`,
 * `nospace`, `wrap`, `wrapWith`, `abbrev` and `abbrevboth`.
 *
 * Some of them index the Go string byte by byte: `Initials` turns each byte into a rune (so the first byte of "é",
 * 0xC3, comes out as "Ã", and the UTF-8 continuation bytes 0x85 and 0xA0 count as spaces), and `AbbreviateFull`
 * counts and cuts bytes (a cut inside a rune leaves invalid UTF-8, which a later cut counts byte by byte). Those work on
 * the UTF-8 bytes here; the rune-wise ones on code points.
 * @module
 */
import { decodeUtf8, encodeUtf8, isGoSpace } from "../../go/mod.ts";
import { mapRune } from "./_xstrings.ts";
import { LimitFailure } from "../go/budget.ts";

// Written as functions, not module constants: V8 builds a Unicode class when its literal is first evaluated, which
// importing the engine should not pay for `swapcase`, which a template may never call.
const isLowerCh = (ch: string): boolean => /^\p{Ll}$/u.test(ch);
const isUpperOrTitleCh = (ch: string): boolean => /^[\p{Lu}\p{Lt}]$/u.test(ch);

/** Go's `unicode.ToTitle` of one rune: the upper case, except the digraphs and Georgian, whose title case differs. */
export function titleRune(c: number): number {
  if (c >= 0x1c4 && c <= 0x1cc) return 0x1c5 + 3 * Math.floor((c - 0x1c4) / 3);
  if (c >= 0x1f1 && c <= 0x1f3) return 0x1f2;
  if ((c >= 0x10d0 && c <= 0x10fa) || (c >= 0x10fd && c <= 0x10ff)) return c;
  return mapRune(c, true);
}

/**
 * goutils' `Initials`: the first byte after each space, each byte read as a rune (Latin-1).
 *
 * @param s the string
 * @returns the initials
 * @example
 * ```ts
 * import { initials } from "./_goutils.ts";
 * import { expect } from "vitest";
 * expect(initials("hello wörld é")).toBe("hwÃ");
 * ```
 */
export function initials(s: string): string {
  let gap = true;
  let out = "";
  for (const b of encodeUtf8(s)) {
    if (isGoSpace(b)) gap = true;
    else if (gap) {
      out += String.fromCharCode(b);
      gap = false;
    }
  }
  return out;
}

/**
 * goutils' `DeleteWhiteSpace`: drops space bytes, each byte read as a rune; a string without any comes back as is, one
 * with some comes back with each remaining byte as a Latin-1 rune ("a 😀" → "að\u009f\u0098\u0080").
 *
 * @param s the string
 * @returns the string without spaces
 * @example
 * ```ts
 * import { deleteWhiteSpace } from "./_goutils.ts";
 * import { expect } from "vitest";
 * expect(deleteWhiteSpace(" a b ")).toBe("ab");
 * ```
 */
export function deleteWhiteSpace(s: string): string {
  const bytes = encodeUtf8(s);
  let out = "";
  let count = 0;
  for (const b of bytes) {
    if (isGoSpace(b)) continue;
    out += String.fromCharCode(b);
    count++;
  }
  return count === bytes.length ? s : out;
}

/**
 * goutils' `SwapCase`: upper and title case letters lower, lower case letters upper, and title case for a lower case
 * letter that starts the string or follows a space (`ǆ` → `ǅ`).
 *
 * @param s the string
 * @returns the swapped string
 * @example
 * ```ts
 * import { swapCase } from "./_goutils.ts";
 * import { expect } from "vitest";
 * expect(swapCase("Hello wORLD")).toBe("hELLO World");
 * ```
 */
export function swapCase(s: string): string {
  let whitespace = true;
  let out = "";
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (isUpperOrTitleCh(ch)) {
      out += String.fromCodePoint(mapRune(c, false));
      whitespace = false;
    } else if (isLowerCh(ch)) {
      out += String.fromCodePoint(whitespace ? titleRune(c) : mapRune(c, true));
      whitespace = false;
    } else {
      out += ch;
      whitespace = isGoSpace(c);
    }
  }
  return out;
}

/**
 * goutils' `Uncapitalize` without delimiters: lower-cases the rune that starts the string or follows a space.
 *
 * @param s the string
 * @returns the string with word starts lowered
 * @example
 * ```ts
 * import { uncapitalize } from "./_goutils.ts";
 * import { expect } from "vitest";
 * expect(uncapitalize("Hello Élan")).toBe("hello élan");
 * ```
 */
export function uncapitalize(s: string): string {
  let next = true;
  let out = "";
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (isGoSpace(c)) {
      next = true;
      out += ch;
    } else if (next) {
      out += String.fromCodePoint(mapRune(c, false));
      next = false;
    } else out += ch;
  }
  return out;
}

const marker = [0x2e, 0x2e, 0x2e];

function abbreviateBytes(b: Uint8Array, offset: number, maxWidth: number): number[] {
  const n = b.length;
  if (n === 0 || maxWidth < 4) return [];
  if (n <= maxWidth) return [...b];
  if (offset > n) offset = n;
  if (n - offset < maxWidth - 3) offset = n - (maxWidth - 3);
  if (offset <= 4) return [...b.subarray(0, maxWidth - 3), ...marker];
  if (maxWidth < 7) return [];
  if (offset + maxWidth - 3 < n) return [...marker, ...abbreviateBytes(b.subarray(offset, n), 0, maxWidth - 3)];
  return [...marker, ...b.subarray(n - (maxWidth - 3), n)];
}

/**
 * goutils' `AbbreviateFull` (its errors become ""): cuts to `maxWidth` bytes with "..." markers around `offset`.
 *
 * @param s the string
 * @param offset where the kept part should start, in bytes
 * @param maxWidth the width, in bytes, markers included
 * @returns the abbreviated string
 * @example
 * ```ts
 * import { abbreviateFull } from "./_goutils.ts";
 * import { expect } from "vitest";
 * expect(abbreviateFull("abcdefghijklmno", 5, 10)).toBe("...fghi...");
 * ```
 */
export function abbreviateFull(s: string, offset: number, maxWidth: number): string {
  const b = encodeUtf8(s);
  if (b.length <= maxWidth && maxWidth >= 4) return s;
  return decodeUtf8(Uint8Array.from(abbreviateBytes(b, offset, maxWidth)));
}

const space = 0x20;

function tooLong(maxLength: number, wrapLong: boolean): never {
  const what = `${wrapLong ? "wrapWith" : "wrap"} would build a string of more than ${maxLength} bytes`;
  throw new LimitFailure("maxStringLength", maxLength, what);
}

function lastSpace(b: Uint8Array, from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) if (b[i] === space) return i;
  return -1;
}

/**
 * goutils' `WrapCustom`: wraps at the last space within `width` bytes; a longer word is cut at `width` bytes when
 * `wrapLong` (so a cut can fall inside a rune) or else kept whole up to the next space.
 *
 * @param s the string
 * @param width the line width, in bytes (below 1: 1)
 * @param nl the line break ("" means "\n")
 * @param wrapLong whether to cut words longer than a line
 * @param maxLength the longest result to build, in bytes (`maxStringLength`)
 * @returns the wrapped string
 * @throws LimitFailure as soon as the result would be longer than `maxLength`
 * @example
 * ```ts
 * import { wrapCustom } from "./_goutils.ts";
 * import { expect } from "vitest";
 * expect(wrapCustom("hello big world", 6, "", false)).toBe("hello\nbig\nworld");
 * ```
 */
export function wrapCustom(
  s: string,
  width: number,
  nl: string,
  wrapLong: boolean,
  maxLength: number = Infinity,
): string {
  if (s === "") return "";
  const b = encodeUtf8(s);
  const brk = [...encodeUtf8(nl === "" ? "\n" : nl)];
  if (width < 1) width = 1;
  const n = b.length;
  let offset = 0;
  const out: number[] = [];
  const write = (from: number, to: number): void => {
    for (let i = from; i < to; i++) out.push(b[i] ?? 0);
  };
  while (n - offset > width) {
    if (out.length > maxLength) tooLong(maxLength, wrapLong);
    if (b[offset] === space) {
      offset++;
      continue;
    }
    const at = lastSpace(b, offset, Math.min(width + offset + 1, n));
    if (at >= offset) {
      write(offset, at);
      for (const x of brk) out.push(x);
      offset = at + 1;
    } else if (wrapLong) {
      write(offset, width + offset);
      for (const x of brk) out.push(x);
      offset += width;
    } else {
      const end = width + offset;
      const idx = b.indexOf(space, end);
      if (idx === -1) {
        write(offset, n);
        offset = n;
      } else {
        write(offset, idx);
        for (const x of brk) out.push(x);
        offset = idx + 1;
      }
    }
  }
  write(offset, n);
  if (out.length > maxLength) tooLong(maxLength, wrapLong);
  return decodeUtf8(Uint8Array.from(out));
}
