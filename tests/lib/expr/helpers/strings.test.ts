import { describe, expect, it } from "vitest";
import { makeStringsHelpers, replaceAll, stringsHelpers } from "../../../../lib/expr/helpers/strings.ts";
import { resolveLimits } from "../../../../lib/limits.ts";

describe("stringsHelpers", () => {
  const s = stringsHelpers as Record<string, (...a: unknown[]) => string>;
  it("maps case", () => expect([s["ToUpper"]!("aé"), s["ToLower"]!("AÉ")]).toEqual(["AÉ", "aé"]));
  it("treats nil as the empty string", () => expect(s["ToUpper"]!(null)).toBe(""));
  it("inserts around every rune for an empty old string", () => expect(replaceAll("ab", "", "-")).toBe("-a-b-"));
});

describe("makeStringsHelpers()", () => {
  const s = makeStringsHelpers(resolveLimits({ maxStringLength: 10 })) as Record<string, (...a: unknown[]) => string>;
  it("builds within maxStringLength", () => expect(s["ReplaceAll"]!("aaaa", "a", "bb")).toBe("bbbbbbbb"));
  it("fails before building a longer string", () => {
    expect(() => s["ReplaceAll"]!("aaaa", "a", "bbb")).toThrow("limit exceeded: maxStringLength (10): strings.ReplaceAll would build 12 characters");
    expect(() => s["ReplaceAll"]!("abcde", "", "xx")).toThrow("strings.ReplaceAll would build 17 characters");
    expect(() => s["ToUpper"]!("ß".repeat(6))).toThrow("strings.ToUpper would build 12 characters");
  });
});
