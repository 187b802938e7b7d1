import { describe, expect, it } from "vitest";
import { EvalFailure } from "../../../lib/expr/_failure.ts";
import type { Ctx } from "../../../lib/expr/_run.ts";
import { compileTree } from "../../../lib/expr/compile.ts";
import { defaultLimits } from "../../../lib/limits.ts";
import { parse } from "../../../lib/expr/parser.ts";
import { sharedPaths } from "../../../lib/expr/shared-paths.ts";

/** The shared prefixes chosen for `src`, as dotted names in slot order. */
const chosen = (src: string): string[] => {
  const uses: string[][] = [];
  let slots = 0;
  const shared = sharedPaths(parse(src), () => slots++);
  const probe = (keys: string[]): void => {
    const p = shared.prefixOf({ keys, positions: keys.map(() => 0), optional: keys.map(() => false) });
    if (p !== undefined) uses.push(keys.slice(0, p.length));
  };
  for (const dotted of ["a", "a.b", "a.b.c", "a.b.c.d", "a.b.e", "a.f", "x.y"]) probe(dotted.split("."));
  return [...new Set(uses.map((k) => k.join(".")))];
};

const evaluate = (src: string, vars: Record<string, unknown>): unknown => {
  const { fn, slots } = compileTree(parse(src), { functions: {}, helpers: true });
  const ctx: Ctx = { vars, now: 0, limits: defaultLimits, steps: 0, utf8: undefined, el: null, idx: 0, acc: null, locals: new Array<unknown>(slots), timeNs: undefined };
  try {
    return fn(ctx);
  } catch (e) {
    if (e instanceof EvalFailure) return { fail: e.message, pos: e.pos };
    throw e;
  }
};

describe("sharedPaths()", () => {
  const choices = [
    { name: "shares a chain read and then read below", input: "a.b.c != nil and a.b.c.d == 1", expected: ["a.b.c"] },
    { name: "shares where uses branch", input: "a.b.c == 1 or a.b.e == 2", expected: ["a.b"] },
    { name: "shares nothing used once", input: "a.b.c == 1 or x.y == 2", expected: [] },
    { name: "does not share past ?.", input: "a.b?.c == 1 or a.b?.e == 2", expected: ["a.b"] },
    { name: "shares the prefix of an optional chain", input: "a.b.c?.d ?? a.b.c", expected: ["a.b.c"] },
    { name: "nests shared prefixes", input: "a.b.c.d + a.b.c.d + a.b.e + a.f", expected: ["a", "a.b", "a.b.c.d"] },
  ];
  for (const c of choices) it(c.name, () => expect(chosen(c.input)).toEqual(c.expected));
});

describe("shared prefixes at run time", () => {
  const app = { status: { operationState: { phase: "Failed" }, health: { status: "Healthy" } } };
  const cases = [
    {
      name: "reads the shared prefix once for both uses",
      input: "app.status.operationState != nil and app.status.operationState.phase in ['Error', 'Failed']",
      vars: { app },
      expected: true,
    },
    {
      name: "is nil-safe where the first use is",
      input: "app.status.operationState != nil and app.status.operationState.phase == 'x'",
      vars: { app: { status: {} } },
      expected: false,
    },
    {
      name: "fails at the position of the use that reads first",
      input: "app.x.y == 1 || app.x.y.z == 1",
      vars: { app: {} },
      expected: { fail: "cannot fetch y from <nil>", pos: 6 },
    },
    {
      name: "fails at the second use when the first is skipped",
      input: "flag && app.x.y == 1 || app.x.y.z == 1",
      vars: { app: {}, flag: false },
      expected: { fail: "cannot fetch y from <nil>", pos: 30 },
    },
    {
      name: "keeps ?. ending the chain",
      input: "app.status.operationState?.syncResult?.revision ?? app.status.operationState.phase",
      vars: { app },
      expected: "Failed",
    },
    {
      name: "does not confuse a let name with a variable of the same name",
      input: "(let app = {status: {health: 1}}; app.status.health) == app.status.health",
      vars: { app: { status: { health: 1 } } },
      expected: true,
    },
    {
      name: "reads variables inside predicates once per run",
      input: "all([1, 2, 3], {app.status.health.status == 'Healthy' and app.status.health != nil})",
      vars: { app },
      expected: true,
    },
  ];
  for (const c of cases) it(c.name, () => expect(evaluate(c.input, c.vars)).toEqual(c.expected));
});
