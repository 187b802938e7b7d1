/**
 * SHA-1 (FIPS 180-4 §6.1). Broken for collision resistance, and used here only where a format asks for it: the Go
 * engine's condition keys, sprig's `sha1sum`, ConfigMap keys and idempotency tokens, and webhook signatures whose
 * receiver chose SHA-1.
 * @module
 */
import { merkleDamgard, type Message, word } from "./_merkle-damgard.ts";

/**
 * The SHA-1 digest of a message.
 *
 * @param message bytes, or a string for its UTF-8 bytes
 * @returns the 20-byte digest
 * @example
 * ```ts
 * import { sha1, toHex } from "./mod.ts";
 * import { expect } from "vitest";
 * expect(toHex(sha1("abc"))).toBe("a9993e364706816aba3e25717850c26c9cd0d89d");
 * ```
 */
export function sha1(message: Message): Uint8Array {
  const iv = Int32Array.of(0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0);
  return merkleDamgard(message, 64, iv, compress);
}

let scratch: Int32Array | undefined;

function compress(h: Int32Array, bytes: Uint8Array, offset: number): void {
  const w = scratch ??= new Int32Array(80);
  for (let t = 0; t < 16; t++) w[t] = word(bytes, offset + 4 * t);
  for (let t = 16; t < 80; t++) {
    const x = w[t - 3]! ^ w[t - 8]! ^ w[t - 14]! ^ w[t - 16]!;
    w[t] = (x << 1) | (x >>> 31);
  }
  let a = h[0]!, b = h[1]!, c = h[2]!, d = h[3]!, e = h[4]!;
  for (let t = 0; t < 80; t++) {
    const f = t < 20
      ? ((b & c) | (~b & d)) + 0x5a827999
      : t < 40
      ? (b ^ c ^ d) + 0x6ed9eba1
      : t < 60
      ? ((b & c) | (b & d) | (c & d)) + 0x8f1bbcdc
      : (b ^ c ^ d) + 0xca62c1d6;
    const next = (((a << 5) | (a >>> 27)) + f + e + w[t]!) | 0;
    e = d;
    d = c;
    c = (b << 30) | (b >>> 2);
    b = a;
    a = next;
  }
  h[0] = h[0]! + a;
  h[1] = h[1]! + b;
  h[2] = h[2]! + c;
  h[3] = h[3]! + d;
  h[4] = h[4]! + e;
}
