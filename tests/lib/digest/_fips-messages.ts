/**
 * The messages of the FIPS 180 examples (NIST's "Examples with intermediate values" for SHA-1, SHA-256 and SHA-512),
 * which each digest's test checks against the published digests.
 */

/** The one-block example: "abc". */
export const abc = "abc";
/** The 448-bit message: its padding fills a second 64-byte block (SHA-1, SHA-256). */
export const bits448 = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
/** The 896-bit message: its padding fills a second 128-byte block (SHA-512). */
export const bits896 =
  "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";
/** One million "a" bytes, the long example. */
export const millionA: Uint8Array = new Uint8Array(1_000_000).fill(0x61);
