/**
 * Our digests against Node's (OpenSSL's), which Deno's `node:crypto` also provides: every message length from 0 to
 * 300 bytes (each side of SHA-1's and SHA-256's 64-byte and SHA-512's 128-byte blocks, and of the lengths at which the
 * padding spills into another block: 55/56, 119/120, 111/112, 239/240), keys of every length around the blocks, and
 * random bytes and strings (fast-check, fixed seed).
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { createHash, createHmac } from "node:crypto";
import { type HashName, hmac, sha1, sha256, sha512, toHex } from "../../../lib/digest/mod.ts";

const ours: Readonly<Record<HashName, (message: Uint8Array | string) => Uint8Array>> = { sha1, sha256, sha512 };
const names: readonly HashName[] = ["sha1", "sha256", "sha512"];

/** Strings of any code points, with lone surrogates among them (which UTF-8 writes as U+FFFD), of any length to the maximum. */
const anyString = (maxLength: number) =>
  fc.string({
    unit: fc.oneof(fc.string({ unit: "binary", minLength: 1, maxLength: 1 }), fc.constantFrom("\ud800", "\udfff")),
    maxLength,
  });

/** Bytes that differ in every position and from one length to the next (a linear congruential sequence). */
function bytes(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) | 0;
    out[i] = x >>> 24;
  }
  return out;
}

describe("digests against node:crypto", () => {
  for (const name of names) {
    it(`${name}: every length from 0 to 300 bytes`, () => {
      const mismatches: number[] = [];
      for (let n = 0; n <= 300; n++) {
        const m = bytes(n, n);
        if (toHex(ours[name](m)) !== createHash(name).update(m).digest("hex")) mismatches.push(n);
      }
      expect(mismatches).toEqual([]);
    });

    it(`${name}: random bytes`, () => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 700 }), (m) => {
          expect(toHex(ours[name](m))).toBe(createHash(name).update(m).digest("hex"));
        }),
        { numRuns: 200 },
      );
    });

    it(`${name}: strings with any code point (lone surrogates too) as UTF-8`, () => {
      fc.assert(
        fc.property(anyString(200), (s) => {
          expect(toHex(ours[name](s))).toBe(createHash(name).update(s, "utf8").digest("hex"));
        }),
        { numRuns: 200 },
      );
    });

    it(`hmac ${name}: every key length from 0 to 260 bytes, over messages of every length to 300`, () => {
      const mismatches: string[] = [];
      for (let n = 0; n <= 300; n++) {
        const key = bytes(n % 261, n + 1000);
        const m = bytes(n, n);
        if (toHex(hmac(name, key, m)) !== createHmac(name, key).update(m).digest("hex")) {
          mismatches.push(`key ${key.length}, message ${n}`);
        }
      }
      expect(mismatches).toEqual([]);
    });

    it(`hmac ${name}: random keys and messages`, () => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 300 }), anyString(200), (key, m) => {
          expect(toHex(hmac(name, key, m))).toBe(createHmac(name, key).update(m, "utf8").digest("hex"));
        }),
        { numRuns: 200 },
      );
    });
  }
});
