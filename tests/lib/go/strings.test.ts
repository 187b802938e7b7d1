import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { goCount, goReplace, goSplit, goTrim, goTrimSpace, isGoSpace } from "../../../lib/go/strings.ts";

describe("goCount()", () => {
  const cases = [
    { s: "cheese", sub: "e", expected: 3 },
    { s: "aaaa", sub: "aa", expected: 2 },
    { s: "five", sub: "", expected: 5 },
    { s: "🚀x", sub: "", expected: 3 },
    { s: "\ud800x", sub: "", expected: 3 },
    { s: "", sub: "", expected: 1 },
    { s: "abc", sub: "d", expected: 0 },
  ] as const;
  for (const c of cases) {
    it(`counts ${JSON.stringify(c.sub)} in ${JSON.stringify(c.s)}`, () => expect(goCount(c.s, c.sub)).toBe(c.expected));
  }
});

describe("goReplace()", () => {
  const cases = [
    { s: "oink oink oink", old: "k", repl: "ky", n: 2, expected: "oinky oinky oink" },
    { s: "oink oink oink", old: "oink", repl: "moo", n: -1, expected: "moo moo moo" },
    { s: "ab", old: "", repl: "-", n: -1, expected: "-a-b-" },
    { s: "ab", old: "", repl: "-", n: 2, expected: "-a-b" },
    { s: "🚀", old: "", repl: "-", n: -1, expected: "-🚀-" },
    { s: "abc", old: "b", repl: "x", n: 0, expected: "abc" },
  ] as const;
  for (const c of cases) {
    it(`replaces ${JSON.stringify(c.old)} in ${JSON.stringify(c.s)} (n = ${c.n})`, () => {
      expect(goReplace(c.s, c.old, c.repl, c.n)).toBe(c.expected);
    });
  }

  it("replaces all as String#replaceAll does for a non-empty old string", () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 1 }), fc.string(), (s, old, repl) => {
        return goReplace(s, old, repl, -1) === s.replaceAll(old, () => repl);
      }),
    );
  });
});

describe("goSplit()", () => {
  const cases = [
    { s: "a,b,c", sep: ",", n: -1, after: false, expected: ["a", "b", "c"] },
    { s: "a,b,c", sep: ",", n: 2, after: false, expected: ["a", "b,c"] },
    { s: "a,b,c", sep: ",", n: 0, after: false, expected: [] },
    { s: "a,b,c", sep: ",", n: -1, after: true, expected: ["a,", "b,", "c"] },
    { s: "a,b,c", sep: ",", n: 2, after: true, expected: ["a,", "b,c"] },
    { s: "", sep: ",", n: -1, after: false, expected: [""] },
    { s: "a🚀b", sep: "", n: -1, after: false, expected: ["a", "🚀", "b"] },
    { s: "abc", sep: "", n: 2, after: false, expected: ["a", "bc"] },
    { s: "", sep: "", n: -1, after: false, expected: [] },
  ] as const;
  for (const c of cases) {
    it(`splits ${JSON.stringify(c.s)} at ${JSON.stringify(c.sep)} (n = ${c.n}, after = ${c.after})`, () => {
      expect(goSplit(c.s, c.sep, c.n, c.after)).toEqual(c.expected);
    });
  }

  it("splits all as String#split does for a non-empty separator", () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 1 }), (s, sep) => {
        expect(goSplit(s, sep, -1)).toEqual(s.split(sep));
      }),
    );
  });
});

describe("goTrim()", () => {
  const cases = [
    { s: "xxhixyx", cutset: "xy", expected: "hi" },
    { s: "🚀a🚀", cutset: "🚀", expected: "a" },
    { s: "aaa", cutset: "a", expected: "" },
    { s: "abc", cutset: "", expected: "abc" },
  ] as const;
  for (const c of cases) {
    it(`trims ${JSON.stringify(c.cutset)} off ${JSON.stringify(c.s)}`, () => {
      expect(goTrim(c.s, c.cutset)).toBe(c.expected);
    });
  }
});

describe("isGoSpace()", () => {
  const spaces = [
    0x09,
    0x0a,
    0x0b,
    0x0c,
    0x0d,
    0x20,
    0x85,
    0xa0,
    0x1680,
    0x2000,
    0x200a,
    0x2028,
    0x2029,
    0x202f,
    0x205f,
    0x3000,
  ];
  const others = [0x00, 0x08, 0x0e, 0x1f, 0x21, 0x84, 0x86, 0x9f, 0xa1, 0x180e, 0x200b, 0xfeff, 0xd800, 0x1f680];
  for (const c of spaces) it(`takes U+${c.toString(16)} for a space`, () => expect(isGoSpace(c)).toBe(true));
  for (const c of others) it(`takes U+${c.toString(16)} for no space`, () => expect(isGoSpace(c)).toBe(false));
});

describe("goTrimSpace()", () => {
  const goSpace = "[\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]";
  const trimmed = new RegExp(`^${goSpace}+|${goSpace}+$`, "gu");
  it("trims both ends", () => expect(goTrimSpace("\u3000 a b\n\u0085")).toBe("a b"));
  it("keeps a string without spaces", () => expect(goTrimSpace("\ufeffa")).toBe("\ufeffa"));
  it("trims what a class of Go's spaces matches at the ends", () => {
    const chars = fc.constantFrom(" ", "\t", "\u0085", "\u3000", "a", "\ufeff", "\ud800", "🚀");
    fc.assert(fc.property(fc.array(chars).map((a) => a.join("")), (s) => goTrimSpace(s) === s.replace(trimmed, "")));
  });
});
