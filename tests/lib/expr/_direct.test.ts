import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { exprValues } from "../../_helpers/expr-values.ts";
import { runState } from "../../_helpers/sandbox.ts";
import { EvalFailure } from "../../../lib/expr/_failure.ts";
import { compileTree } from "../../../lib/expr/compile.ts";
import { namespace } from "../../../lib/expr/namespace.ts";
import { parse } from "../../../lib/expr/parser.ts";
import { GoDuration, GoFloat, GoTime } from "../../../lib/values/mod.ts";

const functions = { host: () => 1 };

/** What a run does: its value, or its failure's message and position. A Go method value only as "a function". */
const outcome = (run: () => unknown): unknown => {
  try {
    const v = run();
    return typeof v === "function" && v !== functions.host ? "<function>" : v === undefined ? null : v;
  } catch (e) {
    if (e instanceof EvalFailure) return { fail: e.message, pos: e.pos };
    throw e;
  }
};

/** The generic closures of `source` and its specialised closure, each run on `vars`. */
const both = (source: string, vars: Record<string, unknown>): { generic: unknown; specialised: unknown } => {
  const { fn, slots, direct } = compileTree(parse(source), { functions });
  if (direct === undefined) throw new Error(`${source} is not specialised`);
  const ctx = runState(vars, slots);
  const generic = outcome(() => fn(ctx));
  expect(ctx.steps).toBe(0);
  return { generic, specialised: outcome(() => direct(vars, new Array<unknown>(slots))) };
};

describe("the specialised closures", () => {
  const cases = [
    { name: "a chain compared with a string", source: "a.status == 'Degraded'", specialised: true },
    {
      name: "a guarded chain in a list of strings",
      source: "a.b != nil and a.b.phase in ['x', 'y']",
      specialised: true,
    },
    { name: "negation, ?? and ?:", source: "!(a.f ?? true) ? a.b : 'no'", specialised: true },
    { name: "$env and a host function", source: "$env.a == nil || host == nil", specialised: true },
    { name: "not a call", source: "host() == 1", specialised: false },
    { name: "not a predicate", source: "any(a.b, # == 1)", specialised: false },
    { name: "not an equality between two chains", source: "a.b == a.f", specialised: false },
  ];
  for (const c of cases) {
    it(`${c.specialised ? "cover" : "leave to the generic closures"} ${c.name}`, () => {
      expect(compileTree(parse(c.source), { functions }).direct !== undefined).toBe(c.specialised);
    });
  }

  const keys = ["a", "b", "status", "phase", "constructor", "toString", "Unix", "f"];
  // Strings of the grammar's literals come often, so `==` and `in` meet every outcome.
  const leaf = fc.oneof(
    { arbitrary: fc.constantFrom<unknown>("x", "Degraded", "a", "d", ""), weight: 3 },
    {
      arbitrary: fc.constantFrom<unknown>(
        null,
        undefined,
        "y",
        3,
        true,
        false,
        new GoFloat(1),
        GoTime.fromUnixMilli(1000),
        new GoDuration(5e9),
        Uint8Array.from([1]),
        () => "f",
        namespace({ f: () => "ns", a: "Degraded" }),
      ),
      weight: 3,
    },
  );
  const value = exprValues(leaf, keys);
  const safe = fc.constantFrom("a", "b", "status", "phase", "Unix", "f");
  const chain = fc.tuple(
    fc.constantFrom("a", "b", "$env", "host"),
    fc.oneof(fc.constant([]), fc.array(fc.tuple(safe, fc.boolean()), { maxLength: 5 })),
  )
    .map(([root, steps]) => steps.reduce((s: string, [k, opt]) => `${s}${opt ? "?." : "."}${k}`, root as string));
  const literal = fc.constantFrom("'Degraded'", "'x'", "true", "false", "nil");
  const { cond } = fc.letrec<{ cond: string }>((tie) => ({
    cond: fc.oneof(
      { maxDepth: 3, depthSize: "small" },
      chain,
      literal,
      fc.tuple(chain, literal, fc.constantFrom("==", "!="), fc.boolean())
        .map(([c, l, op, flip]) => (flip ? `${l} ${op} ${c}` : `${c} ${op} ${l}`)),
      fc.tuple(
        chain,
        fc.constantFrom("['Degraded']", "['Degraded', 'x']", "['a', 'b', 'x']", "['a', 'b', 'c', 'd', 'x']"),
      )
        .map(([c, list]) => `${c} in ${list}`),
      fc.tuple(
        tie("cond") as fc.Arbitrary<string>,
        tie("cond") as fc.Arbitrary<string>,
        fc.constantFrom("&&", "||", "and", "or", "??"),
      )
        .map(([l, r, op]) => `(${l}) ${op} (${r})`),
      fc.tuple(
        tie("cond") as fc.Arbitrary<string>,
        tie("cond") as fc.Arbitrary<string>,
        tie("cond") as fc.Arbitrary<string>,
      )
        .map(([c, y, n]) => `(${c}) ? (${y}) : (${n})`),
      (tie("cond") as fc.Arbitrary<string>).map((c) => `!(${c})`),
    ),
  }));
  /** The expressions of the grammar that compile (a literal `!` or `&&` operand of the wrong type does not). */
  const compiles = (source: string): boolean => {
    try {
      compileTree(parse(source), { functions });
      return true;
    } catch {
      return false;
    }
  };

  it("do what the generic closures do: the same value or the same error at the same position (property)", () => {
    const sources = fc.sample(cond, { numRuns: 600, seed: 8 }).filter(compiles);
    expect(sources.length).toBeGreaterThan(300);
    fc.assert(
      fc.property(fc.constantFrom(...sources), fc.record({ a: value, b: value }), (source, vars) => {
        const { generic, specialised } = both(source, vars);
        expect(specialised).toEqual(generic);
      }),
      { numRuns: 4000 },
    );
  });
});
