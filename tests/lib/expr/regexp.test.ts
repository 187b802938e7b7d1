import { describe, expect, it } from "vitest";
import { compileRegexp } from "../../../lib/expr/regexp.ts";

describe("compileRegexp()", () => {
  const cases = [
    { name: "is unanchored", pattern: "b", text: "abc", expected: true },
    { name: "turns (?i) into a flag", pattern: "(?i)ABC", text: "xabcx", expected: true },
    { name: "supports POSIX classes", pattern: "^[[:digit:]]+$", text: "123", expected: true },
    { name: "supports \\pL", pattern: "^\\pL+$", text: "héllo", expected: true },
    { name: "anchors \\A and \\z", pattern: "\\Aab\\z", text: "ab", expected: true },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const re = compileRegexp(c.pattern);
      expect(re._tag === "Right" && re.right.test(c.text)).toBe(c.expected);
    });
  }
  it("rejects look-around, which RE2 lacks", () => expect(compileRegexp("a(?=b)")._tag).toBe("Left"));
});
