import { describe, expect, it } from "vitest";
import { resolveLimits } from "../../../../lib/limits.ts";
import { newBudget } from "../../../../lib/templates/go/budget.ts";
import { compileTemplate } from "../../../../lib/templates/mod.ts";
import { regexFunctions } from "../../../../lib/templates/sprig/regex.ts";
import type { Limits } from "../../../../lib/limits.ts";

function render(source: string, limits?: Partial<Limits>): { tag: string; text: string } {
  const t = compileTemplate("t", { message: source });
  if (t._tag === "Left") throw new Error(t.left.map((d) => d.message).join("; "));
  const r = t.right.render({}, { now: 0, ...(limits === undefined ? {} : { limits: resolveLimits(limits) }) });
  return r._tag === "Right" ? { tag: "Right", text: r.right.message } : { tag: r.left._tag, text: r.left.message };
}

describe("sprig regex functions within the render's limits", () => {
  const cases = [
    {
      name: "regexReplaceAll stops before its output passes maxStringLength",
      source: '{{ regexReplaceAll "" (repeat 1000 "a") (repeat 1000 "b") }}',
      limits: { maxStringLength: 10_000 },
      expected: { tag: "LimitExceeded", text: "maxStringLength (10000): regexReplaceAll" },
    },
    {
      name: "regexReplaceAllLiteral stops before its output passes maxStringLength",
      source: '{{ regexReplaceAllLiteral "" (repeat 1000 "a") "xyz" }}',
      limits: { maxStringLength: 2_000 },
      expected: { tag: "LimitExceeded", text: "maxStringLength (2000): regexReplaceAllLiteral" },
    },
    {
      name: "regexFindAll refuses a result longer than maxListLength",
      source: '{{ regexFindAll "a" (repeat 300 "a") -1 | len }}',
      limits: { maxListLength: 200 },
      expected: { tag: "LimitExceeded", text: "maxListLength (200): regexFindAll would build a list of 300 elements" },
    },
    {
      name: "regexSplit refuses a result longer than maxListLength",
      source: '{{ regexSplit "," (repeat 300 "a,") -1 | len }}',
      limits: { maxListLength: 200 },
      expected: { tag: "LimitExceeded", text: "maxListLength (200): regexSplit" },
    },
    {
      name: "matching charges the work budget",
      source: '{{ regexMatch "(a+)+$" (repeat 5000 "a") }}',
      limits: { templateSteps: 1_000 },
      expected: { tag: "LimitExceeded", text: "templateSteps (1000): regexMatch used up the work budget" },
    },
    {
      name: "a catastrophic pattern answers within the default budget",
      source: '{{ regexMatch "(a+)+$" (printf "%s!" (repeat 10000 "a")) }}',
      limits: undefined,
      expected: { tag: "Right", text: "false" },
    },
    {
      name: "within the limits the result is Go's",
      source: '{{ regexReplaceAll "a(x*)b" "-ab-axxb-" "${1}W" }}',
      limits: { maxStringLength: 64 },
      expected: { tag: "Right", text: "-W-xxW-" },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = render(c.source, c.limits);
      expect(r.tag).toBe(c.expected.tag);
      expect(r.text).toContain(c.expected.text);
    });
  }

  it("counts the matching work in the render's budget, linearly in the input", () => {
    const steps = (n: number): number => {
      const budget = newBudget();
      expect(regexFunctions.regexMatch!({ now: 0, budget }, ["(x+x+)+y", "x".repeat(n)])).toBe(false);
      return budget.steps;
    };
    const small = steps(200), large = steps(2000);
    expect(small).toBeGreaterThan(0);
    // Ten times the input costs about ten times the steps, never the square.
    expect(large).toBeGreaterThan(small * 5);
    expect(large).toBeLessThan(small * 20);
  });
});
