import { describe, expect, it } from "vitest";
import { formatValue, sprintf } from "../../../../lib/gofmt/mod.ts";
import { resolveLimits } from "../../../../lib/limits.ts";
import {
  budgetOf,
  charge,
  chargeList,
  chargeString,
  checkDepth,
  formatWithin,
  LimitFailure,
  newBudget,
} from "../../../../lib/templates/go/budget.ts";

const limits = resolveLimits({ templateSteps: 100, maxListLength: 10, maxStringLength: 64, maxValueDepth: 3 });

function failure(f: () => unknown): { limit: string; message: string } | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof LimitFailure) return { limit: e.limit, message: e.message };
    throw e;
  }
  return undefined;
}

describe("budget", () => {
  const cases = [
    {
      name: "chargeList() refuses a list longer than maxListLength, before counting it",
      run: () => chargeList({ now: 0, budget: newBudget(limits) }, 11, "until"),
      limit: "maxListLength",
      message: "limit exceeded: maxListLength (10): until would build a list of 11 elements",
    },
    {
      name: "chargeString() refuses a string longer than maxStringLength",
      run: () => chargeString({ now: 0, budget: newBudget(limits) }, 65, "repeat"),
      limit: "maxStringLength",
      message: "limit exceeded: maxStringLength (64): repeat would build a string of 65 characters",
    },
    {
      name: "charge() fails once the steps pass templateSteps",
      run: () => {
        const ctx = { now: 0, budget: newBudget(limits) };
        for (let i = 0; i < 11; i++) charge(ctx, 10, "append");
      },
      limit: "templateSteps",
      message: "limit exceeded: templateSteps (100): append used up the work budget",
    },
    {
      name: "checkDepth() fails past maxValueDepth",
      run: () => checkDepth({ now: 0, budget: newBudget(limits) }, 4, "deepEqual"),
      limit: "maxValueDepth",
      message: "limit exceeded: maxValueDepth (3): deepEqual reached a value nested more than 3 levels deep",
    },
    {
      name: "formatWithin() turns a formatting bound into maxStringLength",
      run: () => formatWithin({ now: 0, budget: newBudget(limits) }, "printf", (l) => sprintf("%100d", [1], l)),
      limit: "maxStringLength",
      message: "limit exceeded: maxStringLength (64): printf would print more than 64 characters",
    },
    {
      name: "formatWithin() turns a depth bound into maxValueDepth",
      run: () => formatWithin({ now: 0, budget: newBudget(limits) }, "printing", (l) => formatValue([[[[1]]]], l)),
      limit: "maxValueDepth",
      message: "limit exceeded: maxValueDepth (3): printing reached a value nested more than 3 levels deep",
    },
  ] as const;
  for (const c of cases) it(c.name, () => expect(failure(c.run)).toEqual({ limit: c.limit, message: c.message }));

  it("charges lists per element and strings per charsPerStep characters", () => {
    const budget = newBudget(limits);
    const ctx = { now: 0, budget };
    chargeList(ctx, 10, "list");
    chargeString(ctx, 64, "join");
    expect(budget.steps).toBe(10 + 4);
    expect(formatWithin(ctx, "print", (l) => formatValue([1, 2], l))).toBe("[1 2]");
    expect(budget.steps).toBe(15);
  });

  it("gives a function called outside a render a fresh default budget", () => {
    expect(budgetOf({ now: 0 }).steps).toBe(0);
    expect(budgetOf({ now: 0 }).limits.templateSteps).toBe(1_000_000);
    expect(failure(() => chargeList({ now: 0 }, 100_001, "until"))?.limit).toBe("maxListLength");
  });
});
