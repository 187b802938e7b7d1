import { describe, expect, it } from "vitest";
import { sha1 } from "../../../lib/config/_sha1.ts";
import { encodeUtf8 } from "../../../lib/config/_utf8.ts";

const hex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");

// FIPS 180 examples, plus lengths around the 55/56/64-byte padding boundaries (reference: Python's hashlib).
const cases = [
  { name: "the empty string", input: "", expected: "da39a3ee5e6b4b0d3255bfef95601890afd80709" },
  { name: "abc", input: "abc", expected: "a9993e364706816aba3e25717850c26c9cd0d89d" },
  {
    name: "the two-block FIPS example",
    input: "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
    expected: "84983e441c3bd26ebaae4aa1f95129e5e54670f1",
  },
  {
    name: "the quick brown fox",
    input: "The quick brown fox jumps over the lazy dog",
    expected: "2fd4e1c67a2d28fced849ee1bb76e7391b93eb12",
  },
  { name: "multi-byte UTF-8", input: "héllo wörld ✓ 🚀", expected: "c835083866b7f0f1ab18ad805568e5753862c2b0" },
  { name: "1 × a", input: "a".repeat(1), expected: "86f7e437faa5a7fce15d1ddcb9eaeaea377667b8" },
  { name: "55 × a", input: "a".repeat(55), expected: "c1c8bbdc22796e28c0e15163d20899b65621d65a" },
  { name: "56 × a", input: "a".repeat(56), expected: "c2db330f6083854c99d4b5bfb6e8f29f201be699" },
  { name: "57 × a", input: "a".repeat(57), expected: "f08f24908d682555111be7ff6f004e78283d989a" },
  { name: "63 × a", input: "a".repeat(63), expected: "03f09f5b158a7a8cdad920bddc29b81c18a551f5" },
  { name: "64 × a", input: "a".repeat(64), expected: "0098ba824b5c16427bd7a1122a5a442a25ec644d" },
  { name: "65 × a", input: "a".repeat(65), expected: "11655326c708d70319be2610e8a57d9a5b959d3b" },
  { name: "119 × a", input: "a".repeat(119), expected: "ee971065aaa017e0632a8ca6c77bb3bf8b1dfc56" },
  { name: "120 × a", input: "a".repeat(120), expected: "f34c1488385346a55709ba056ddd08280dd4c6d6" },
  { name: "127 × a", input: "a".repeat(127), expected: "89d95fa32ed44a7c610b7ee38517ddf57e0bb975" },
  { name: "128 × a", input: "a".repeat(128), expected: "ad5b3fdbcb526778c2839d2f151ea753995e26a0" },
  { name: "129 × a", input: "a".repeat(129), expected: "d96debf1bdcbc896e6c134ea76e8141f40d78536" },
  { name: "a million × a", input: "a".repeat(1_000_000), expected: "34aa973cd4c4daa4f61eeb2bdbad27316534016f" },
] as const;

describe("sha1()", () => {
  for (const c of cases) {
    it(`hashes ${c.name}`, () => {
      expect(hex(sha1(encodeUtf8(c.input)))).toBe(c.expected);
    });
  }
});
