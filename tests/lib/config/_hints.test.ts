import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { boundedHints, hintBudget } from "../../../lib/config/_hints.ts";
import { didYouMean } from "../../../lib/suggest.ts";

describe("boundedHints()", () => {
  it("gives the hint didYouMean gives, while the budget lasts", () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 8 }), { maxLength: 20 }),
        fc.string({ maxLength: 8 }),
        (known, word) => {
          expect(boundedHints(known, { left: hintBudget })(word)).toEqual(didYouMean(word, known));
        },
      ),
    );
  });

  const cases = [
    {
      name: "a typo",
      known: ["on-deployed", "on-sync-failed"],
      word: "on-deploy",
      expected: 'did you mean "on-deployed"?',
    },
    { name: "the first of equally near names", known: ["ab", "ac"], word: "aa", expected: 'did you mean "ab"?' },
    { name: "no hint for a far name", known: ["on-deployed"], word: "slack", expected: undefined },
    { name: "a name that differs only in case", known: ["İx"], word: "i̇x", expected: 'did you mean "İx"?' },
  ] as const;
  for (const c of cases) {
    it(`gives ${c.name}`, () => {
      expect(boundedHints(c.known, { left: hintBudget })(c.word)).toBe(c.expected);
    });
  }

  it("spends a bounded budget on many unknown names among many known ones (#7)", () => {
    const spent = (n: number, budget = { left: hintBudget }): { spent: number; hinted: number } => {
      const hint = boundedHints(Array.from({ length: n }, (_, i) => `template-${i}`), budget);
      let hinted = 0;
      for (let i = 0; i < n; i++) if (hint(`templat-${i}`) !== undefined) hinted++;
      return { spent: hintBudget - budget.left, hinted };
    };
    // Unbounded, the work would grow as n² (10,000 names: ~2·10⁹ character comparisons); it stops at the budget,
    // overdrawn by at most one scan of the names.
    expect(spent(100)).toEqual({ spent: expect.any(Number), hinted: 100 });
    expect(spent(100).spent).toBeLessThan(hintBudget / 10);
    const big = spent(10_000);
    expect(big.spent).toBeLessThanOrEqual(hintBudget + 10_000);
    expect(big.hinted).toBeGreaterThan(10);
    expect(big.hinted).toBeLessThan(10_000);
  });

  it("hints the first names while the budget lasts, then none", () => {
    const budget = { left: 1_000 };
    const hint = boundedHints(["alpha", "beta"], budget);
    const hints = Array.from({ length: 40 }, () => hint("alpah"));
    expect(hints[0]).toBe('did you mean "alpha"?');
    expect(hints.at(-1)).toBeUndefined();
    expect(budget.left).toBe(0);
  });
});
