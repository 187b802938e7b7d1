import { describe, expect, it } from "vitest";
import { compareGoStrings } from "../../../lib/gofmt/compare-go-strings.ts";

describe("compareGoStrings()", () => {
  const cases = [
    { a: "a", b: "b", want: -1 },
    { a: "B", b: "a", want: -1 },
    { a: "ab", b: "a", want: 1 },
    { a: "\uffff", b: "😀", want: -1 },
    { a: "x", b: "x", want: 0 },
  ] as const;
  for (const c of cases) {
    it(`orders ${JSON.stringify(c.a)} against ${JSON.stringify(c.b)} by code points`, () => {
      expect(Math.sign(compareGoStrings(c.a, c.b))).toBe(c.want);
    });
  }
});
