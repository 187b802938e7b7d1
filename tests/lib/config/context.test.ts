import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../../lib/diagnostics.ts";
import { decodeContext } from "../../../lib/config/context.ts";
import { growth, nearLinear } from "../../_helpers/growth.ts";

const cases = [
  {
    name: "a map of strings",
    source: "argocdUrl: https://argocd.example.com\n",
    expected: { argocdUrl: "https://argocd.example.com" },
  },
  {
    name: "numbers and booleans as strings, as Go does",
    source: "port: 8080\ndebug: yes\n",
    expected: { port: "8080", debug: "true" },
  },
  { name: "an empty value", source: "", expected: {} },
] as const;

const problems = [
  {
    name: "a list",
    source: "- a\n",
    expected: ["context: line 1, column 1: the context must be a map of strings, not a list"],
  },
  {
    name: "a nested map",
    source: "a:\n  b: c\n",
    expected: ['context: line 2, column 3: "a" must be a string, not a map'],
  },
] as const;

describe("decodeContext()", () => {
  for (const c of cases) {
    it(`decodes ${c.name}`, () => {
      const r = decodeContext(c.source);
      expect(r.diagnostics).toEqual([]);
      expect(r.value).toEqual(c.expected);
    });
  }
  for (const c of problems) {
    it(`reports ${c.name}`, () => {
      const r = decodeContext(c.source);
      expect(r.value).toBeUndefined();
      expect(r.diagnostics.map(formatDiagnostic)).toEqual(c.expected);
    });
  }
});

describe("decodeContext() on large values (#7)", () => {
  const context = (n: number): string => Array.from({ length: n }, (_, i) => `key${i}: value${i}`).join("\n");

  it("decodes a context of many keys in near-linear time", () => {
    const r = decodeContext(context(2_000));
    expect(Object.keys(r.value ?? {})).toHaveLength(2_000);
    expect(r.value?.["key1999"]).toBe("value1999");
    expect(growth((n) => {
      const source = context(n);
      return () => decodeContext(source);
    }, 200)).toBeLessThan(nearLinear);
  });

  it("reports every bad value of a large context at its line", () => {
    const source = Array.from({ length: 1_000 }, (_, i) => `key${i}: [${i}]`).join("\n");
    const r = decodeContext(source);
    expect(r.value).toBeUndefined();
    expect(r.diagnostics.map((d) => d.line)).toEqual(Array.from({ length: 1_000 }, (_, i) => i + 1));
  });
});
