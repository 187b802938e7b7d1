import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { decodeRune, decodeUtf8, encodeUtf8, sliceBytes, toWellFormed, utf8Length } from "../../../lib/go/utf8.ts";

describe("encodeUtf8()", () => {
  const cases = [
    { name: "ASCII", input: "abc", bytes: [0x61, 0x62, 0x63] },
    { name: "two-byte", input: "é", bytes: [0xc3, 0xa9] },
    { name: "three-byte", input: "✓", bytes: [0xe2, 0x9c, 0x93] },
    { name: "four-byte (a surrogate pair)", input: "🚀", bytes: [0xf0, 0x9f, 0x9a, 0x80] },
    { name: "a lone surrogate as U+FFFD", input: "\ud800", bytes: [0xef, 0xbf, 0xbd] },
    { name: "a lone low surrogate before a letter as U+FFFD", input: "\udc00a", bytes: [0xef, 0xbf, 0xbd, 0x61] },
  ] as const;
  for (const c of cases) {
    it(`encodes ${c.name}`, () => {
      expect(Array.from(encodeUtf8(c.input))).toEqual(c.bytes);
    });
  }
  it("writes what TextEncoder writes, lone surrogates as U+FFFD included (WHATWG encodes them as Go does)", () => {
    const encoder = new TextEncoder();
    const edges = ["\ud800\ud800\udc00", "a\udbff", "\udfff\ud800", "\u07ff\u0800\uffff", "\ud83d\ude80\ud83d"];
    for (const s of edges) expect(Array.from(encodeUtf8(s))).toEqual(Array.from(encoder.encode(s)));
    fc.assert(
      fc.property(
        fc.string({ unit: "binary", maxLength: 200 }),
        (s) => {
          expect(Array.from(encodeUtf8(s))).toEqual(Array.from(encoder.encode(s)));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("decodeUtf8()", () => {
  const invalid = [
    { name: "a stray continuation byte", bytes: [0x80, 0x61], expected: "\ufffda" },
    { name: "a truncated sequence", bytes: [0xe2, 0x9c], expected: "\ufffd\ufffd" },
    { name: "an overlong encoding", bytes: [0xc0, 0xaf], expected: "\ufffd\ufffd" },
    { name: "an encoded surrogate", bytes: [0xed, 0xa0, 0x80], expected: "\ufffd\ufffd\ufffd" },
    { name: "a code point above U+10FFFF", bytes: [0xf4, 0x90, 0x80, 0x80], expected: "\ufffd\ufffd\ufffd\ufffd" },
  ] as const;
  for (const c of invalid) {
    it(`replaces ${c.name}`, () => {
      expect(decodeUtf8(Uint8Array.from(c.bytes))).toBe(c.expected);
    });
  }
  const strings = ["", "abc", "héllo", "日本語", "😀x"];
  for (const s of strings) {
    it(`round-trips ${JSON.stringify(s)}`, () => {
      expect(decodeUtf8(encodeUtf8(s))).toBe(s);
    });
  }
  it("inverts encodeUtf8() for well-formed strings", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme" }), (s) => decodeUtf8(encodeUtf8(s)) === s));
  });
});

describe("utf8Length()", () => {
  it("counts the bytes encodeUtf8() writes", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme" }), (s) => utf8Length(s) === encodeUtf8(s).length));
  });
});

describe("decodeRune(), sliceBytes(), toWellFormed()", () => {
  const cases = [
    {
      name: "decodeRune() reads a two-byte rune",
      got: () => decodeRune(Uint8Array.from([0xc3, 0xa9]), 0),
      want: [0xe9, 2],
    },
    {
      name: "decodeRune() rejects a stray continuation byte",
      got: () => decodeRune(Uint8Array.from([0x80]), 0),
      want: [0xfffd, 1],
    },
    {
      name: "decodeRune() rejects an overlong form",
      got: () => decodeRune(Uint8Array.from([0xc0, 0x80]), 0),
      want: [0xfffd, 1],
    },
    {
      name: "decodeRune() rejects a short sequence",
      got: () => decodeRune(Uint8Array.from([0xe2, 0x9c]), 0),
      want: [0xfffd, 1],
    },
    { name: "sliceBytes() on ASCII", got: () => sliceBytes("hello", 1, 3), want: "el" },
    { name: "sliceBytes() through a rune", got: () => sliceBytes("héllo", 0, 2), want: "h\ufffd" },
    { name: "toWellFormed() replaces a lone high surrogate", got: () => toWellFormed("a\ud800"), want: "a\ufffd" },
    { name: "toWellFormed() replaces a lone low surrogate", got: () => toWellFormed("\udc00b"), want: "\ufffdb" },
    { name: "toWellFormed() keeps a pair", got: () => toWellFormed("\u{1F600}"), want: "\u{1F600}" },
  ] as const;
  for (const c of cases) it(c.name, () => expect(c.got()).toEqual(c.want));
});
