import { describe, expect, it } from "vitest";
import { nestsDeeperThan } from "../../../lib/values/depth.ts";

function nested(levels: number): unknown {
  let v: unknown = "leaf";
  for (let i = 0; i < levels; i++) v = i % 2 === 0 ? [v] : { k: v };
  return v;
}

describe("nestsDeeperThan()", () => {
  const cases = [
    { name: "a scalar is depth 0", value: 1, max: 0, expected: false },
    { name: "null is depth 0", value: null, max: 0, expected: false },
    { name: "an empty object is depth 1", value: {}, max: 0, expected: true },
    { name: "an empty object fits depth 1", value: {}, max: 1, expected: false },
    { name: "three levels fit 3", value: nested(3), max: 3, expected: false },
    { name: "three levels pass 2", value: nested(3), max: 2, expected: true },
    { name: "the deepest branch counts", value: { a: 1, b: { c: { d: [1] } } }, max: 3, expected: true },
    { name: "a Map's values count", value: new Map([["a", [[1]]]]), max: 2, expected: true },
  ];
  for (const c of cases) it(c.name, () => expect(nestsDeeperThan(c.value, c.max)).toBe(c.expected));

  it("answers for a value nested a million levels without exhausting the stack", () => {
    expect(nestsDeeperThan(nested(1_000_000), 100)).toBe(true);
  });
});
