import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { exprValues } from "../../_helpers/expr-values.ts";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import {
  compileExpr,
  exprRuntime,
  generateExprModule,
  namespace,
  type PrecompiledExprs,
} from "../../../lib/expr/mod.ts";
import { GoDuration, GoFloat, GoTime } from "../../../lib/values/mod.ts";

/** Loads a generated module the way a host does: from a file, with `import()`. */
async function load(text: string): Promise<PrecompiledExprs> {
  const file = join(mkdtempSync(join(tmpdir(), "expr-aot-")), "conditions.mjs");
  writeFileSync(file, text);
  const m = (await import(pathToFileURL(file).href)) as { precompiled: (r: typeof exprRuntime) => PrecompiledExprs };
  return m.precompiled(exprRuntime);
}

const now = Date.UTC(2024, 0, 2);
const runBoth = (source: string, precompiled: PrecompiledExprs, vars: Record<string, unknown>) => {
  const closures = compileExpr(source), ahead = compileExpr(source, { precompiled });
  if (closures._tag === "Left" || ahead._tag === "Left") throw new Error(`${source} does not compile`);
  // A Go method value (`t.Unix`) is a new bound function on every run: compare that both are functions.
  const comparable = (r: ReturnType<typeof closures.right.run>) =>
    r._tag === "Right" && typeof r.right === "function" ? { _tag: "Right", right: "<function>" } : r;
  return [comparable(closures.right.run(vars, { now })), comparable(ahead.right.run(vars, { now }))];
};

describe("generateExprModule()", () => {
  const catalog = [
    { source: "app.metadata.deletionTimestamp != nil", covered: true },
    { source: "app.status.health.status == 'Degraded'", covered: true },
    { source: "app.status.operationState.phase in ['Error', 'Failed']", covered: true },
    { source: "app.status.operationState?.syncResult?.revision", covered: true },
    { source: "app.metadata.name", covered: true },
    { source: "not (a.b == true) || c != 'x' and d", covered: true },
    { source: "true", covered: false },
    { source: "time.Now().Sub(time.Parse(app.x)).Minutes() > 5", covered: false },
    { source: "any(cert.status.conditions, {.reason == 'Ready'})", covered: false },
    { source: "a == 1", covered: false },
    { source: "a.b ==", covered: false },
  ];
  for (const c of catalog) {
    it(`${c.covered ? "covers" : "leaves to the closures"} ${c.source}`, () => {
      const m = generateExprModule([c.source]);
      expect([m.covered.includes(c.source), m.uncovered.includes(c.source)]).toEqual([c.covered, !c.covered]);
    });
  }

  it("writes names and strings of the expression only as JSON literals (#8)", async () => {
    const source = `a["\\"}}); globalThis.pwned = 1; ({"] == '"); globalThis.pwned = 2; ("'`;
    const m = generateExprModule([source]);
    expect(m.covered).toEqual([source]);
    const precompiled = await load(m.text);
    expect((globalThis as Record<string, unknown>)["pwned"]).toBeUndefined();
    const [closures, ahead] = runBoth(source, precompiled, {
      a: { ['"}}); globalThis.pwned = 1; ({']: `"); globalThis.pwned = 2; ("` },
    });
    expect(ahead).toEqual(closures);
    expect(ahead).toEqual({ _tag: "Right", right: true });
  });

  it("is not used when a variable it reads is a host function", async () => {
    const precompiled = await load(generateExprModule(["f == nil"]).text);
    const c = compileExpr("f == nil", { precompiled, functions: { f: () => 1 } });
    expect(c._tag === "Right" && c.right.run({}, { now })).toEqual({ _tag: "Right", right: false });
  });

  const keys = ["a", "b", "status", "phase", "constructor", "toString", "Unix", "f"];
  const leaf = fc.constantFrom<unknown>(
    null,
    undefined,
    "x",
    "Degraded",
    "",
    3,
    true,
    false,
    new GoFloat(1),
    GoTime.fromUnixMilli(1000),
    new GoDuration(5e9),
    Uint8Array.from([1]),
    () => "f",
    Object,
    namespace({ f: () => "ns", a: "Degraded" }),
  );
  const value = exprValues(leaf, keys);
  const safe = fc.constantFrom("a", "b", "status", "phase", "Unix", "f");
  const chain = fc.tuple(fc.constantFrom("a", "b"), fc.array(fc.tuple(safe, fc.boolean()), { maxLength: 3 }))
    .map(([root, steps]) => steps.reduce((s: string, [k, opt]) => `${s}${opt ? "?." : "."}${k}`, root as string));
  const { cond } = fc.letrec<{ cond: string }>((tie) => ({
    cond: fc.oneof(
      { maxDepth: 3, depthSize: "small" },
      chain,
      chain.chain((c: string) =>
        fc.constantFrom(`${c} == 'Degraded'`, `${c} != 'x'`, `${c} == true`, `nil == ${c}`, `${c} != nil`)
      ),
      chain.map((c: string) => `${c} in ['Degraded', 'x']`),
      fc.tuple(
        tie("cond") as fc.Arbitrary<string>,
        tie("cond") as fc.Arbitrary<string>,
        fc.constantFrom("&&", "||", "and", "or"),
      )
        .map(([l, r, op]) => `(${l}) ${op} (${r})`),
      (tie("cond") as fc.Arbitrary<string>).map((c) => `!(${c})`),
    ),
  }));

  it("runs what the closures run: the same value or the same error at the same position (property)", async () => {
    const sources = fc.sample(cond, { numRuns: 300, seed: 8 });
    const m = generateExprModule(sources);
    expect(m.uncovered).toEqual([]);
    const precompiled = await load(m.text);
    fc.assert(
      fc.property(fc.constantFrom(...sources), fc.record({ a: value, b: value }), (source, vars) => {
        const [closures, ahead] = runBoth(source, precompiled, vars);
        expect(ahead).toEqual(closures);
      }),
      { numRuns: 2000 },
    );
  });
});
