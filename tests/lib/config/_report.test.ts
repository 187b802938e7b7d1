import { describe, expect, it } from "vitest";
import { describeValue, pathLabel } from "../../../lib/config/_report.ts";

const labels = [
  { path: [0, "send"], expected: "send" },
  { path: [0, "send", 1], expected: "send[1]" },
  { path: [2], expected: "[2]" },
  { path: [0, "a", 1, "b", 2, 3], expected: "b[2][3]" },
] as const;

const values = [
  { value: "x", expected: "a string" },
  { value: 1, expected: "a number" },
  { value: false, expected: "a boolean (false)" },
  { value: null, expected: "empty" },
  { value: [1], expected: "a list" },
  { value: { a: 1 }, expected: "a map" },
] as const;

describe("pathLabel()", () => {
  for (const c of labels) {
    it(`labels ${JSON.stringify(c.path)} as ${c.expected}`, () => {
      expect(pathLabel(c.path)).toBe(c.expected);
    });
  }
});

describe("describeValue()", () => {
  for (const c of values) {
    it(`describes ${JSON.stringify(c.value)} as ${c.expected}`, () => {
      expect(describeValue(c.value)).toBe(c.expected);
    });
  }
});
