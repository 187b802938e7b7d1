/**
 * SHA-2's constants, derived as FIPS 180-4 defines them (§4.2.2, §4.2.3, §5.3.3, §5.3.5): SHA-512's 80 round
 * constants are the first 64 bits of the fractional parts of the cube roots of the first 80 primes, its initial hash
 * value the same of the square roots of the first 8 primes; SHA-256 takes the first 32 bits of the first 64 and of
 * the 8. Derived rather than written out because the 176 words of hex are random digits that gzip cannot shrink:
 * written out, they made `mod.ts`'s edge bundle 1.3 KiB larger gzipped (of its 100 KiB budget). Any wrong bit fails
 * the FIPS vectors and the differential test against `node:crypto`. Computed at the first SHA-2 hash (about 0.5 ms),
 * not at import, which must stay cheap (cold start).
 * @module
 */

/** The constants of SHA-512 (64-bit words as high, low pairs) and of SHA-256. */
export interface Sha2Constants {
  readonly k512: Int32Array;
  readonly iv512: Int32Array;
  readonly k256: Int32Array;
  readonly iv256: Int32Array;
}

let derived: Sha2Constants | undefined;

/**
 * The constants, derived at the first call.
 *
 * @returns the constants
 * @example The first round constant
 * ```ts
 * import { sha2Constants } from "./_sha2-constants.ts";
 * import { expect } from "vitest";
 * expect((sha2Constants().k256[0]! >>> 0).toString(16)).toBe("428a2f98");
 * ```
 */
export function sha2Constants(): Sha2Constants {
  if (derived !== undefined) return derived;
  const primes: number[] = [];
  for (let n = 2; primes.length < 80; n++) if (primes.every((p) => n % p !== 0)) primes.push(n);
  /** The first 64 fractional bits of the `k`th roots of the first `count` primes, as high, low pairs. */
  const fractions = (k: number, count: number): Int32Array => {
    const out = new Int32Array(2 * count);
    for (let i = 0; i < count; i++) {
      const x = integerRoot(primes[i]!, k);
      out[2 * i] = Number(BigInt.asIntN(32, x >> 32n));
      out[2 * i + 1] = Number(BigInt.asIntN(32, x));
    }
    return out;
  };
  const k512 = fractions(3, 80);
  const iv512 = fractions(2, 8);
  const high = (words: Int32Array, count: number) => words.filter((_, i) => i % 2 === 0 && i < 2 * count);
  derived = { k512, iv512, k256: high(k512, 64), iv256: high(iv512, 8) };
  return derived;
}

/**
 * ⌊p^(1/k) · 2^64⌋, the `k`th root of p · 2^(64k), by Newton's method on integers: from any start above the root it
 * decreases to the floor and stops there. It starts from the floating-point root rounded up at 40 bits (a double is
 * good to about 50), which halves the derivation's time (0.5 ms instead of 1 in Node) against starting from a power
 * of two.
 */
function integerRoot(p: number, k: number): bigint {
  const big = BigInt(k);
  const n = BigInt(p) << BigInt(64 * k);
  let x = (BigInt(Math.floor(p ** (1 / k) * 2 ** 40)) + 1n) << 24n;
  for (;;) {
    const next = ((big - 1n) * x + n / x ** (big - 1n)) / big;
    if (next >= x) return x;
    x = next;
  }
}
