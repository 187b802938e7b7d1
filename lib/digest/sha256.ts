/**
 * SHA-256 (FIPS 180-4 §6.2), for sprig's `sha256sum` and webhook signatures.
 * @module
 */
import { merkleDamgard, type Message, word } from "./_merkle-damgard.ts";
import { sha2Constants } from "./_sha2-constants.ts";

/**
 * The SHA-256 digest of a message.
 *
 * @param message bytes, or a string for its UTF-8 bytes
 * @returns the 32-byte digest
 * @example
 * ```ts
 * import { sha256, toHex } from "./mod.ts";
 * import { expect } from "vitest";
 * expect(toHex(sha256("abc"))).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
 * ```
 */
export function sha256(message: Message): Uint8Array {
  return merkleDamgard(message, 64, sha2Constants().iv256.slice(), compress);
}

let scratch: Int32Array | undefined;

function compress(h: Int32Array, bytes: Uint8Array, offset: number): void {
  const k = sha2Constants().k256;
  const w = scratch ??= new Int32Array(64);
  for (let t = 0; t < 16; t++) w[t] = word(bytes, offset + 4 * t);
  for (let t = 16; t < 64; t++) {
    const x = w[t - 15]!, y = w[t - 2]!;
    const s0 = rotr(x, 7) ^ rotr(x, 18) ^ (x >>> 3);
    const s1 = rotr(y, 17) ^ rotr(y, 19) ^ (y >>> 10);
    w[t] = (s1 + w[t - 7]! + s0 + w[t - 16]!) | 0;
  }
  let a = h[0]!, b = h[1]!, c = h[2]!, d = h[3]!, e = h[4]!, f = h[5]!, g = h[6]!, hh = h[7]!;
  for (let t = 0; t < 64; t++) {
    const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + k[t]! + w[t]!) | 0;
    const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    hh = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  h[0] = h[0]! + a;
  h[1] = h[1]! + b;
  h[2] = h[2]! + c;
  h[3] = h[3]! + d;
  h[4] = h[4]! + e;
  h[5] = h[5]! + f;
  h[6] = h[6]! + g;
  h[7] = h[7]! + hh;
}

function rotr(x: number, n: number): number {
  return (x >>> n) | (x << (32 - n));
}
