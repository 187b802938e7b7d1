/**
 * Go's `encoding/base64`: the standard and URL alphabets, padded (`StdEncoding`, `URLEncoding`) or raw
 * (`RawStdEncoding`, `RawURLEncoding`), with Go's decoder and its `illegal base64 data at input byte N` errors.
 * Written out because the core has neither `atob`/`btoa` in its ES2022 lib nor `Buffer`.
 * @module
 */
import type { Either } from "../fp.ts";
import { E } from "../fp.ts";
import { encodeUtf8 } from "./utf8.ts";

/** Which of Go's four encodings: the standard, padded one by default. */
export interface Base64Options {
  /** Go's URL alphabet (`-` and `_` for 62 and 63) instead of the standard one (`+` and `/`). */
  readonly url?: boolean;
  /** `false` for Go's `Raw…Encoding`: no `=` padding written, and none accepted. */
  readonly padding?: boolean;
}

const stdAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const urlAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

function decodeMap(alphabet: string): Int8Array {
  const m = new Int8Array(256).fill(-1);
  for (let i = 0; i < alphabet.length; i++) m[alphabet.charCodeAt(i)] = i;
  return m;
}

const stdMap = decodeMap(stdAlphabet);
const urlMap = decodeMap(urlAlphabet);

/**
 * Encodes bytes as Go's `base64.StdEncoding.EncodeToString` does (or the URL/raw variants with `options`).
 *
 * @param bytes the bytes (use `encodeUtf8` for a string)
 * @param options the alphabet and padding
 * @returns the base64 text
 * @example Padded and raw URL-safe
 * ```ts
 * import { encodeBase64 } from "./base64.ts";
 * import { expect } from "vitest";
 * expect(encodeBase64(Uint8Array.from([0xfb, 0xff]))).toBe("+/8=");
 * expect(encodeBase64(Uint8Array.from([0xfb, 0xff]), { url: true, padding: false })).toBe("-_8");
 * ```
 */
export function encodeBase64(bytes: Uint8Array, options: Base64Options = {}): string {
  const alphabet = options.url === true ? urlAlphabet : stdAlphabet;
  const pad = options.padding !== false;
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const rem = bytes.length - i;
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += alphabet[(n >> 18) & 63]! + alphabet[(n >> 12) & 63]!;
    if (rem > 1) out += alphabet[(n >> 6) & 63]!;
    else if (pad) out += "=";
    if (rem > 2) out += alphabet[n & 63]!;
    else if (pad) out += "=";
  }
  return out;
}

const isNewline = (c: number | undefined): boolean => c === 10 || c === 13;

/**
 * Decodes as Go's `base64.StdEncoding.DecodeString` does (or the URL/raw variants with `options`): `\r` and `\n` are
 * skipped anywhere, padding is required unless `padding: false` (which refuses it), and the first bad byte fails.
 *
 * @param src the text, or its bytes (a string is read as UTF-8, so error offsets count bytes, as in Go)
 * @param options the alphabet and padding
 * @returns the bytes, or Go's error message (`illegal base64 data at input byte 0`)
 * @example Decoding and an error
 * ```ts
 * import { decodeBase64 } from "./base64.ts";
 * import { expect } from "vitest";
 * expect(decodeBase64("aGk=")).toEqual({ _tag: "Right", right: Uint8Array.from([104, 105]) });
 * expect(decodeBase64("aGk")).toEqual({ _tag: "Left", left: "illegal base64 data at input byte 0" });
 * ```
 */
export function decodeBase64(src: string | Uint8Array, options: Base64Options = {}): Either<string, Uint8Array> {
  const input = typeof src === "string" ? encodeUtf8(src) : src;
  const map = options.url === true ? urlMap : stdMap;
  const pad = options.padding !== false;
  const out: number[] = [];
  const corrupt = (n: number): Either<string, Uint8Array> => E.left(`illegal base64 data at input byte ${n}`);
  let si = 0;
  while (si < input.length) {
    const dbuf = [0, 0, 0, 0];
    let dlen = 4;
    for (let j = 0; j < 4; j++) {
      if (si === input.length) {
        if (j === 0) return E.right(Uint8Array.from(out));
        if (j === 1 || pad) return corrupt(si - j);
        dlen = j;
        break;
      }
      const c = input[si++]!;
      const d = map[c]!;
      if (d >= 0) {
        dbuf[j] = d;
        continue;
      }
      if (isNewline(c)) {
        j--;
        continue;
      }
      if (c !== 61 || !pad || j < 2) return corrupt(si - 1);
      if (j === 2) {
        while (si < input.length && isNewline(input[si])) si++;
        if (si === input.length) return corrupt(input.length);
        if (input[si] !== 61) return corrupt(si - 1);
        si++;
      }
      while (si < input.length && isNewline(input[si])) si++;
      if (si < input.length) return corrupt(si);
      dlen = j;
      break;
    }
    const n = (dbuf[0]! << 18) | (dbuf[1]! << 12) | (dbuf[2]! << 6) | dbuf[3]!;
    out.push((n >> 16) & 255);
    if (dlen > 2) out.push((n >> 8) & 255);
    if (dlen > 3) out.push(n & 255);
    if (dlen < 4) break;
  }
  return E.right(Uint8Array.from(out));
}
