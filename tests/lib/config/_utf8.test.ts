import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { decodeUtf8, encodeUtf8 } from "../../../lib/config/_utf8.ts";

const cases = [
  { name: "ASCII", input: "abc", bytes: [0x61, 0x62, 0x63] },
  { name: "two-byte", input: "é", bytes: [0xc3, 0xa9] },
  { name: "three-byte", input: "✓", bytes: [0xe2, 0x9c, 0x93] },
  { name: "four-byte (a surrogate pair)", input: "🚀", bytes: [0xf0, 0x9f, 0x9a, 0x80] },
  { name: "a lone surrogate as U+FFFD", input: "\ud800", bytes: [0xef, 0xbf, 0xbd] },
] as const;

const invalid = [
  { name: "a stray continuation byte", bytes: [0x80, 0x61], expected: "\ufffda" },
  { name: "a truncated sequence", bytes: [0xe2, 0x9c], expected: "\ufffd\ufffd" },
  { name: "an overlong encoding", bytes: [0xc0, 0xaf], expected: "\ufffd\ufffd" },
] as const;

describe("encodeUtf8()", () => {
  for (const c of cases) {
    it(`encodes ${c.name}`, () => {
      expect(Array.from(encodeUtf8(c.input))).toEqual(c.bytes);
    });
  }
});

describe("decodeUtf8()", () => {
  for (const c of invalid) {
    it(`replaces ${c.name}`, () => {
      expect(decodeUtf8(Uint8Array.from(c.bytes))).toBe(c.expected);
    });
  }
  it("inverts encodeUtf8() for well-formed strings", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme" }), (s) => decodeUtf8(encodeUtf8(s)) === s));
  });
});
