import { describe, expect, it } from "vitest";
import { decodeRune, decodeUtf8, encodeUtf8, sliceBytes, utf8Length } from "../../../lib/gofmt/utf8.ts";

describe("utf8 helpers", () => {
  const strings = ["", "abc", "héllo", "日本語", "😀x"];
  for (const s of strings) {
    it(`round-trips ${JSON.stringify(s)} and measures its bytes`, () => {
      expect(decodeUtf8(encodeUtf8(s))).toBe(s);
      expect(utf8Length(s)).toBe(encodeUtf8(s).length);
    });
  }
  const cases = [
    { name: "decodeRune rejects a stray continuation byte", got: () => decodeRune(Uint8Array.from([0x80]), 0), want: [0xfffd, 1] },
    { name: "decodeRune rejects an overlong form", got: () => decodeRune(Uint8Array.from([0xc0, 0x80]), 0), want: [0xfffd, 1] },
    { name: "sliceBytes on ASCII", got: () => sliceBytes("hello", 1, 3), want: "el" },
    { name: "sliceBytes through a rune", got: () => sliceBytes("héllo", 0, 2), want: "h\ufffd" },
  ] as const;
  for (const c of cases) it(c.name, () => expect(c.got()).toEqual(c.want));
});
