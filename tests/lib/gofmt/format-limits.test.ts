import { describe, expect, it } from "vitest";
import { FormatLimitError, type FormatLimits, formatValue, sprint, sprintf, sprintln } from "../../../lib/gofmt/mod.ts";

const bounds: FormatLimits = { maxStringLength: 100, maxValueDepth: 3 };

/** A list that holds the same list twice at every level: 2^depth leaves, from depth small lists. */
function shared(depth: number): unknown {
  let l: unknown = ["x"];
  for (let i = 0; i < depth; i++) l = [l, l];
  return l;
}

function bound(f: () => string): { kind: string; value: number } | string {
  try {
    return f();
  } catch (e) {
    if (e instanceof FormatLimitError) return { kind: e.kind, value: e.value };
    throw e;
  }
}

describe("FormatLimits", () => {
  const cases = [
    { name: "formatValue() within the bounds", run: () => formatValue([[["a"]]], bounds), want: "[[[a]]]" },
    {
      name: "formatValue() of a value one level too deep",
      run: () => formatValue([[[["a"]]]], bounds),
      want: { kind: "depth", value: 3 },
    },
    {
      name: "formatValue() of a map too deep",
      run: () => formatValue({ a: { b: { c: { d: 1 } } } }, bounds),
      want: { kind: "depth", value: 3 },
    },
    {
      name: "formatValue() of a long string",
      run: () => formatValue("x".repeat(101), bounds),
      want: { kind: "length", value: 100 },
    },
    {
      name: "formatValue() of a shared list with 2^30 leaves",
      run: () => formatValue(shared(30), { ...bounds, maxValueDepth: 40 }),
      want: { kind: "length", value: 100 },
    },
    {
      name: "sprintf() padding past the bound, before padding",
      run: () => sprintf("%1000000d", [1], bounds),
      want: { kind: "length", value: 100 },
    },
    {
      name: "sprintf() precision past the bound",
      run: () => sprintf("%.1000000f", [1.5], bounds),
      want: { kind: "length", value: 100 },
    },
    {
      name: "sprintf() zero-padded integer precision",
      run: () => sprintf("%.200d", [1], bounds),
      want: { kind: "length", value: 100 },
    },
    {
      name: "sprintf() many verbs",
      run: () => sprintf("%60d%60d", [1, 2], bounds),
      want: { kind: "length", value: 100 },
    },
    {
      name: "sprintf() of a deep operand",
      run: () => sprintf("%v", [[[[[1]]]]], bounds),
      want: { kind: "depth", value: 3 },
    },
    {
      name: "sprint() of long operands",
      run: () => sprint(["x".repeat(60), "y".repeat(60)], bounds),
      want: { kind: "length", value: 100 },
    },
    {
      name: "sprintln() within the bound, its newline included",
      run: () => sprintln(["x".repeat(99)], bounds),
      want: "x".repeat(99) + "\n",
    },
    {
      name: "sprintln() of long operands",
      run: () => sprintln(["x".repeat(100)], bounds),
      want: { kind: "length", value: 100 },
    },
    { name: "no bounds by default", run: () => formatValue([[[[["a"]]]]]), want: "[[[[[a]]]]]" },
  ] as const;
  for (const c of cases) it(c.name, () => expect(bound(c.run)).toEqual(c.want));
});
