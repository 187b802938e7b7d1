import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { resolveLimits } from "../../../../lib/limits.ts";
import { newBudget } from "../../../../lib/templates/go/budget.ts";
import { deepEqual } from "../../../../lib/templates/sprig/_convert.ts";
import { listFunctions } from "../../../../lib/templates/sprig/lists.ts";
import { GoDuration } from "../../../../lib/values/duration.ts";
import { GoFloat } from "../../../../lib/values/float.ts";
import { GoMonth, GoTime } from "../../../../lib/values/time.ts";

const ctx = () => ({ now: 0, budget: newBudget(resolveLimits({ templateSteps: 10_000_000 })) });
const call = (name: string, args: readonly unknown[]): unknown => listFunctions[name]?.(ctx(), args);

/** The pairwise definitions (quadratic): what sprig does with `reflect.DeepEqual`. */
const reference = {
  uniq: (l: readonly unknown[]) => l.filter((x, i) => !l.slice(0, i).some((y) => deepEqual(x, y, ctx()))),
  without: (l: readonly unknown[], omit: readonly unknown[]) =>
    l.filter((x) => !omit.some((o) => deepEqual(x, o, ctx()))),
  has: (needle: unknown, l: readonly unknown[]) => l.some((h) => deepEqual(needle, h, ctx())),
};

const scalar = fc.oneof(
  fc.integer({ min: -3, max: 3 }),
  fc.constantFrom(0, -0, 1.5, 2 ** 53, 2 ** 64, NaN, Infinity, 3n, 0n, "", "1", "a", true, false, null),
  fc.constantFrom(
    new GoFloat(1),
    new GoFloat(0),
    new GoDuration(1),
    new GoDuration(0),
    new GoTime(0),
    new GoTime(0, 1),
    new GoMonth(1),
  ),
);
const value: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: scalar },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 2 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom("a", "b"), scalar, { maxKeys: 2 }) },
);

describe("uniq, without, has", () => {
  it("agree with the pairwise reflect.DeepEqual definitions", () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 12 }), fc.array(value, { maxLength: 3 }), value, (l, omit, needle) => {
        expect(call("uniq", [l])).toEqual(reference.uniq(l));
        expect(call("without", [l, ...omit])).toEqual(reference.without(l, omit));
        expect(call("has", [needle, l])).toBe(reference.has(needle, l));
      }),
      { numRuns: 2000 },
    );
  });

  const linear = [
    { name: "uniq", args: (l: unknown[]) => [l] },
    { name: "without", args: (l: unknown[]) => [l, ...l.slice(0, 1000)] },
    { name: "has", args: (l: unknown[]) => [-1, l] },
  ] as const;
  for (const c of linear) {
    it(`${c.name} of 100,000 scalars charges steps linear in the list (#7)`, () => {
      const l = Array.from({ length: 100_000 }, (_, i) => (i % 2 === 0 ? i : `s${i}`));
      const context = ctx();
      listFunctions[c.name]?.(context, c.args(l));
      expect(context.budget.steps).toBeLessThan(3 * l.length);
    });
  }
});
