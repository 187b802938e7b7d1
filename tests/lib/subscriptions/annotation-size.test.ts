import { describe, expect, it } from "vitest";
import { exceedsAnnotationBytes } from "../../../lib/subscriptions/annotation-size.ts";

const cases = [
  { name: "ASCII at the limit", texts: ["a".repeat(10)], max: 10, expected: false },
  { name: "ASCII one byte over", texts: ["a".repeat(11)], max: 10, expected: true },
  { name: "several texts counted together", texts: ["aaaa", "bbbb", "cc"], max: 10, expected: false },
  { name: "several texts one byte over together", texts: ["aaaa", "bbbb", "ccc"], max: 10, expected: true },
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
      expect(exceedsAnnotationBytes(c.texts, { maxAnnotationBytes: c.max })).toBe(c.expected);
    });
  }

  it("agrees with the UTF-8 encoder", () => {
    const texts = ["héllo", "wörld €", "😀", "plain"];
    const bytes = texts.reduce((n, t) => n + new TextEncoder().encode(t).length, 0);
    expect(exceedsAnnotationBytes(texts, { maxAnnotationBytes: bytes })).toBe(false);
    expect(exceedsAnnotationBytes(texts, { maxAnnotationBytes: bytes - 1 })).toBe(true);
  });
});
