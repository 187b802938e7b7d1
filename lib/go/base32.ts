/**
 * Go's `encoding/base32` with the standard alphabet and padding (`base32.StdEncoding`), with Go's
 * `illegal base32 data at input byte N` errors.
 * @module
 */
import type { Either } from "../fp.ts";
import { E } from "../fp.ts";
import { encodeUtf8 } from "./utf8.ts";

const b32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/**
 * Encodes bytes as Go's `base32.StdEncoding.EncodeToString` does (padded with `=`).
 *
 * @param b the bytes (use `encodeUtf8` for a string)
 * @returns the base32 text
 * @example Padding
 * ```ts
 * import { encodeBase32 } from "./base32.ts";
 * import { expect } from "vitest";
 * expect(encodeBase32(Uint8Array.from([104, 105]))).toBe("NBUQ====");
 * ```
 */
export function encodeBase32(b: Uint8Array): string {
  let out = "";
  for (let i = 0; i < b.length; i += 5) {
    const chunk = Array.from(b.subarray(i, i + 5));
    let bits = 0n;
    for (let k = 0; k < 5; k++) bits = (bits << 8n) | BigInt(chunk[k] ?? 0);
    const nchars = [2, 4, 5, 7, 8][chunk.length - 1] ?? 8;
    for (let k = 0; k < 8; k++) {
      out += k < nchars ? b32[Number((bits >> BigInt(35 - 5 * k)) & 31n)] : "=";
    }
  }
  return out;
}

/**
 * Decodes as Go's `base32.StdEncoding.DecodeString` does: padding required, `\r` and `\n` skipped.
 *
 * @param input the text, or its bytes (a string is read as UTF-8, so error offsets count bytes, as in Go)
 * @returns the bytes, or Go's error message (`illegal base32 data at input byte 0`)
 * @example Decoding
 * ```ts
 * import { decodeBase32 } from "./base32.ts";
 * import { expect } from "vitest";
 * expect(decodeBase32("NBUQ====")).toEqual({ _tag: "Right", right: Uint8Array.from([104, 105]) });
 * expect(decodeBase32("NBUQ===")).toEqual({ _tag: "Left", left: "illegal base32 data at input byte 7" });
 * ```
 */
export function decodeBase32(input: string | Uint8Array): Either<string, Uint8Array> {
  const src = Array.from(typeof input === "string" ? encodeUtf8(input) : input).filter((c) => c !== 10 && c !== 13);
  const olen = src.length;
  const corrupt = (n: number): Either<string, Uint8Array> => E.left(`illegal base32 data at input byte ${n}`);
  const out: number[] = [];
  let pos = 0;
  let end = false;
  while (pos < src.length && !end) {
    const dbuf = [0, 0, 0, 0, 0, 0, 0, 0];
    let dlen = 8;
    for (let j = 0; j < 8;) {
      if (pos === src.length) return corrupt(olen - (src.length - pos) - j);
      const c = src[pos++] ?? 0;
      const left = src.length - pos;
      if (c === 61 && j >= 2 && left < 8) {
        if (left + j < 7) return corrupt(olen);
        for (let k = 0; k < 7 - j; k++) if (left > k && src[pos + k] !== 61) return corrupt(olen - left + k - 1);
        dlen = j;
        end = true;
        if (dlen === 1 || dlen === 3 || dlen === 6) return corrupt(olen - left - 1);
        break;
      }
      const d = b32.indexOf(String.fromCharCode(c));
      if (d < 0 || c >= 128) return corrupt(olen - left - 1);
      dbuf[j++] = d;
    }
    let bits = 0n;
    for (const d of dbuf) bits = (bits << 5n) | BigInt(d);
    const bytes = [32n, 24n, 16n, 8n, 0n].map((s) => Number((bits >> s) & 255n));
    const n = [0, 0, 1, 1, 2, 3, 3, 4, 5][dlen] ?? 5;
    out.push(...bytes.slice(0, n));
  }
  return E.right(Uint8Array.from(out));
}
