import { describe, expect, it } from "vitest";
import { replaceAll, stringsHelpers } from "../../../../lib/expr/helpers/strings.ts";

describe("stringsHelpers", () => {
  const s = stringsHelpers as Record<string, (...a: unknown[]) => string>;
  it("maps case", () => expect([s["ToUpper"]!("aé"), s["ToLower"]!("AÉ")]).toEqual(["AÉ", "aé"]));
  it("treats nil as the empty string", () => expect(s["ToUpper"]!(null)).toBe(""));
  it("inserts around every rune for an empty old string", () => expect(replaceAll("ab", "", "-")).toBe("-a-b-"));
});
