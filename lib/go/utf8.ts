/**
 * UTF-8 bytes of JS strings, for Go's byte-oriented string operations (`len`, `%x`, slicing, hashing, base64).
 * Written out because the core targets `lib: ES2022`, which has neither `TextEncoder` nor `String#toWellFormed`.
 *
 * A JS string stands for a Go string; a lone surrogate, which UTF-8 cannot encode, stands for invalid UTF-8 and is
 * encoded as U+FFFD, as Go encodes an invalid rune.
 * @module
 */

/**
 * Encodes a string as UTF-8 (a lone surrogate becomes U+FFFD, as Go's conversion of an invalid rune does).
 *
 * @param s the string
 * @returns its UTF-8 bytes
 * @example Bytes of a string
 * ```ts
 * import { encodeUtf8 } from "./utf8.ts";
 * import { expect } from "vitest";
 * expect([...encodeUtf8("é")]).toEqual([0xc3, 0xa9]);
 * ```
 */
export function encodeUtf8(s: string): Uint8Array {
  // At most 3 bytes per UTF-16 unit (a surrogate pair's 4 bytes are 2 per unit), written into one buffer.
  const out = new Uint8Array(s.length * 3);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      out[n++] = c;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = c <= 0xdbff && i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (next >= 0xdc00 && next <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
        i++;
      } else c = 0xfffd;
    }
    if (c < 0x800) {
      out[n++] = 0xc0 | (c >> 6);
      out[n++] = 0x80 | (c & 63);
    } else if (c < 0x10000) {
      out[n++] = 0xe0 | (c >> 12);
      out[n++] = 0x80 | ((c >> 6) & 63);
      out[n++] = 0x80 | (c & 63);
    } else {
      out[n++] = 0xf0 | (c >> 18);
      out[n++] = 0x80 | ((c >> 12) & 63);
      out[n++] = 0x80 | ((c >> 6) & 63);
      out[n++] = 0x80 | (c & 63);
    }
  }
  return out.slice(0, n);
}

/**
 * Decodes UTF-8 bytes; each byte of an invalid sequence becomes U+FFFD, as Go's `range` over a string does.
 *
 * @param b the bytes
 * @returns the string
 * @example Round trip
 * ```ts
 * import { decodeUtf8, encodeUtf8 } from "./utf8.ts";
 * import { expect } from "vitest";
 * expect(decodeUtf8(encodeUtf8("héllo"))).toBe("héllo");
 * ```
 */
export function decodeUtf8(b: Uint8Array): string {
  let out = "";
  let i = 0;
  while (i < b.length) {
    const [cp, size] = decodeRune(b, i);
    out += String.fromCodePoint(cp);
    i += size;
  }
  return out;
}

/**
 * Decodes one rune at `i`, as Go's `utf8.DecodeRune`: `[U+FFFD, 1]` for an invalid or short sequence.
 *
 * @param b the bytes
 * @param i the offset
 * @returns the code point and the number of bytes it used
 * @example One rune
 * ```ts
 * import { decodeRune } from "./utf8.ts";
 * import { expect } from "vitest";
 * expect(decodeRune(Uint8Array.from([0xc3, 0xa9]), 0)).toEqual([0xe9, 2]);
 * ```
 */
export function decodeRune(b: Uint8Array, i: number): [number, number] {
  const c0 = b[i] ?? 0;
  if (c0 < 0x80) return [c0, 1];
  const need = c0 >= 0xf0 && c0 <= 0xf4 ? 3 : c0 >= 0xe0 ? (c0 < 0xf0 ? 2 : -1) : c0 >= 0xc2 ? 1 : -1;
  if (need < 0 || i + need >= b.length) return [0xfffd, 1];
  let cp = c0 & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
  for (let k = 1; k <= need; k++) {
    const c = b[i + k] ?? 0;
    if ((c & 0xc0) !== 0x80) return [0xfffd, 1];
    cp = (cp << 6) | (c & 0x3f);
  }
  const min = need === 1 ? 0x80 : need === 2 ? 0x800 : 0x10000;
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return [0xfffd, 1];
  return [cp, need + 1];
}

/**
 * The number of UTF-8 bytes of a string (Go's `len(s)`).
 *
 * @param s the string
 * @returns the byte length
 * @example Byte length
 * ```ts
 * import { utf8Length } from "./utf8.ts";
 * import { expect } from "vitest";
 * expect(utf8Length("héllo")).toBe(6);
 * ```
 */
export function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/**
 * Go's `s[start:end]` on the UTF-8 bytes, decoded back (a cut inside a rune yields U+FFFD per stray byte).
 *
 * @param s the string
 * @param start the first byte
 * @param end the byte after the last
 * @returns the sliced string
 * @example Slicing bytes
 * ```ts
 * import { sliceBytes } from "./utf8.ts";
 * import { expect } from "vitest";
 * expect(sliceBytes("hello", 1, 3)).toBe("el");
 * ```
 */
export function sliceBytes(s: string, start: number, end: number): string {
  // deno-lint-ignore no-control-regex
  if (/^[\x00-\x7f]*$/.test(s)) return s.slice(start, end);
  return decodeUtf8(encodeUtf8(s).subarray(start, end));
}

const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Replaces each lone surrogate with U+FFFD, as Go's JSON decoder does with an unpaired `\uD800`-style escape.
 *
 * @param s the string
 * @returns the string without lone surrogates
 * @example A lone surrogate
 * ```ts
 * import { toWellFormed } from "./utf8.ts";
 * import { expect } from "vitest";
 * expect(toWellFormed("a\ud800b")).toBe("a\ufffdb");
 * ```
 */
export function toWellFormed(s: string): string {
  return s.replace(loneSurrogate, "\ufffd");
}
