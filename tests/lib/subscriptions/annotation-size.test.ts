import { describe, expect, it } from "vitest";
import { exceedsAnnotationBytes, textExceedsBytes } from "../../../lib/subscriptions/annotation-size.ts";

/** The texts as annotations: the first, third… are names, the others values. */
const exceeds = (texts: readonly string[], max: number): boolean => {
  const keys: string[] = [];
  const annotations: Record<string, string> = {};
  for (let i = 0; i < texts.length; i += 2) {
    keys.push(texts[i]!);
    annotations[texts[i]!] = texts[i + 1] ?? "";
  }
  return exceedsAnnotationBytes(keys, annotations, { maxAnnotationBytes: max });
};

const cases = [
  { name: "ASCII at the limit", texts: ["a".repeat(10)], max: 10, expected: false },
  { name: "ASCII one byte over", texts: ["a".repeat(11)], max: 10, expected: true },
  { name: "names and values counted together", texts: ["aaaa", "bbbb", "cc"], max: 10, expected: false },
  { name: "names and values one byte over together", texts: ["aaaa", "bbbb", "ccc"], max: 10, expected: true },
  { name: "two-byte characters", texts: ["é".repeat(5)], max: 10, expected: false },
  { name: "two-byte characters over", texts: ["é".repeat(6)], max: 11, expected: true },
  { name: "three-byte characters", texts: ["€".repeat(4)], max: 12, expected: false },
  { name: "three-byte characters over", texts: ["€".repeat(4)], max: 11, expected: true },
  { name: "a surrogate pair, 4 bytes", texts: ["😀😀"], max: 8, expected: false },
  { name: "surrogate pairs over", texts: ["😀😀"], max: 7, expected: true },
  { name: "nothing", texts: [], max: 1, expected: false },
] as const;

describe("exceedsAnnotationBytes()", () => {
  for (const c of cases) {
    it(`counts ${c.name}`, () => {
      expect(exceeds(c.texts, c.max)).toBe(c.expected);
      if (c.texts.length === 1) expect(textExceedsBytes(c.texts[0]!, c.max)).toBe(c.expected);
    });
  }

  it("agrees with the UTF-8 encoder", () => {
    const texts = ["héllo", "wörld €", "😀", "plain"];
    const bytes = texts.reduce((n, t) => n + new TextEncoder().encode(t).length, 0);
    expect(exceeds(texts, bytes)).toBe(false);
    expect(exceeds(texts, bytes - 1)).toBe(true);
  });

  it("counts a value that is not a string as empty", () => {
    expect(exceedsAnnotationBytes(["k", "n"], { k: "abc", n: 12345 }, { maxAnnotationBytes: 5 })).toBe(false);
  });
});
