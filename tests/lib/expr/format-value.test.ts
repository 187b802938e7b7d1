import { describe, expect, it } from "vitest";
import { formatGoFloat, formatValue } from "../../../lib/expr/format-value.ts";

describe("formatGoFloat()", () => {
  const cases = [
    { input: 1.5, expected: "1.5" },
    { input: 100000, expected: "100000" },
    { input: 1e6, expected: "1e+06" },
    { input: 1e21, expected: "1e+21" },
    { input: 0.0001, expected: "0.0001" },
    { input: 0.00001234, expected: "1.234e-05" },
    { input: -Infinity, expected: "-Inf" },
    { input: NaN, expected: "NaN" },
  ];
  for (const c of cases) it(`prints ${c.input} like Go's %v`, () => expect(formatGoFloat(c.input)).toBe(c.expected));
});

describe("formatValue()", () => {
  it("prints nested values like Go's %v", () => {
    expect(formatValue([null, true, "s", { z: 1, a: [] }, new Uint8Array([104, 105])])).toBe("[<nil> true s map[a:[] z:1] [104 105]]");
  });
});
