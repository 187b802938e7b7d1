import { describe, expect, it } from "vitest";
import { compileMatcher, runMatcher } from "../../../lib/rules/mod.ts";
import { lineDiff } from "../../../lib/rules/matcher.ts";

const cases = [
  { name: "a string exactly", spec: "ready", actual: "ready", expected: undefined },
  { name: "a string that differs", spec: "ready", actual: "Ready", expected: 'expected "ready", got "Ready"' },
  { name: "an absent field", spec: "x", actual: undefined, expected: 'expected "x", got (absent)' },
  { name: "contains", spec: { contains: "is ready" }, actual: "web is ready!", expected: undefined },
  {
    name: "contains in a parsed JSON field",
    spec: { contains: '"color":"red"' },
    actual: [{ color: "red" }],
    expected: undefined,
  },
  {
    name: "contains that fails",
    spec: { contains: "gone" },
    actual: "here",
    expected: 'expected it to contain "gone", got "here"',
  },
  { name: "an RE2 regex", spec: { regex: "^web (is|was) ready" }, actual: "web is ready", expected: undefined },
  {
    name: "a regex that does not match",
    spec: { regex: "^x$" },
    actual: "y",
    expected: 'expected it to match the regex "^x$", got "y"',
  },
  {
    name: "a regex that backtracking engines hang on, in linear time",
    spec: { regex: "(a+)+$" },
    actual: `${"a".repeat(5000)}!`,
    expected: 'expected it to match the regex "(a+)+$", got "',
  },
  {
    name: "a JSON subset of a JSON string",
    spec: { json: [{ color: "#18be52" }] },
    actual: '[{"title":"t","color":"#18be52"}]',
    expected: undefined,
  },
  {
    name: "a JSON subset that differs deep inside",
    spec: { json: { a: { b: [1, 2] } } },
    actual: { a: { b: [1, 3] } },
    expected: "JSON differs at a.b[1]: expected 2, got 3",
  },
  {
    name: "a JSON list of another length",
    spec: { json: [{}] },
    actual: "[]",
    expected: "JSON differs at the top: expected a list of 1, got []",
  },
  {
    name: "JSON expected of text that is not JSON",
    spec: { json: {} },
    actual: "{nope",
    expected: 'expected JSON, got "{nope"',
  },
  {
    name: "an exact map",
    spec: { exact: { a: 1 } },
    actual: { a: 1, b: 2 },
    expected: 'expected {"a":1}, got {"a":1,"b":2}',
  },
] as const;

describe("runMatcher()", () => {
  for (const c of cases) {
    it(`matches ${c.name}`, () => {
      const m = compileMatcher(c.spec);
      if (m._tag === "Left") throw new Error(m.left);
      const result = runMatcher(m.right, c.actual);
      if (c.expected === undefined) expect(result).toBeUndefined();
      else expect(result?.slice(0, c.expected.length)).toBe(c.expected);
    });
  }

  it("shows a line diff when multi-line texts differ", () => {
    const m = compileMatcher("a\nb\nc\n");
    if (m._tag === "Left") throw new Error(m.left);
    expect(runMatcher(m.right, "a\nB\nc\n")).toBe("differs (- expected, + got):\n  a\n- b\n+ B\n  c\n  ");
  });
});

describe("compileMatcher()", () => {
  it("refuses a regex that does not compile and a contains that is not a string", () => {
    expect(compileMatcher({ regex: "(" })).toEqual({
      _tag: "Left",
      left: "regex: error parsing regexp: missing closing ): `(`",
    });
    expect(compileMatcher({ contains: 1 })).toEqual({ _tag: "Left", left: "contains: takes a string" });
  });
});

describe("lineDiff()", () => {
  it("keeps common lines and marks the rest", () => {
    expect(lineDiff("x\ny", "y\nz")).toEqual(["- x", "  y", "+ z"]);
  });
});
