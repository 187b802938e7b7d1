/**
 * Differential test of the expr compiler against a committed sample of scripts/oracle/expr-fuzz.ts: random
 * expressions over the stable core (where expr 1.8.9 and v1.17 agree) on random JSON inputs, answered by the Go
 * reference, plus the minimised divergences the fuzzer found and we fixed (`regressions`, first in the file).
 * Failures compare their phase: a compile error must be ours at compile time, a run error at run time.
 */
import { describe, expect, it } from "vitest";
import golden from "./expr-fuzz-golden.json" with { type: "json" };
import { formatOncePer } from "../../../lib/expr/mod.ts";
import { compileExpr } from "../../../mod.ts";
import { ourKind } from "../../_helpers/expr-kind.ts";

interface FuzzCase {
  readonly source: string;
  readonly vars: Readonly<Record<string, unknown>>;
  readonly ok: boolean;
  readonly phase?: string;
  readonly formatted?: string;
  readonly triggered?: boolean;
  readonly kind?: string;
}


const now = Date.parse(golden.now);

function evaluate(c: FuzzCase): Omit<FuzzCase, "source" | "vars"> {
  const compiled = compileExpr(c.source);
  if (compiled._tag === "Left") return { ok: false, phase: "compile" };
  const r = compiled.right.run(c.vars, { now });
  if (r._tag === "Left") return { ok: false, phase: "run" };
  return { ok: true, formatted: formatOncePer(r.right), triggered: r.right === true, kind: ourKind(r.right) };
}

const cases = golden.cases as readonly FuzzCase[];

describe("compileExpr() against the fuzzer's Go answers", () => {
  const groups = [
    { name: "the fixed divergences (regressions)", cases: cases.slice(0, golden.regressions) },
    { name: "the random sample", cases: cases.slice(golden.regressions) },
  ];
  for (const g of groups) {
    it(`matches ${g.name}`, () => {
      const mismatches: string[] = [];
      for (const c of g.cases) {
        const want = c.ok
          ? { ok: true, formatted: c.formatted, triggered: c.triggered, kind: c.kind }
          : { ok: false, phase: c.phase };
        const got = evaluate(c);
        if (JSON.stringify(got) !== JSON.stringify(want)) {
          mismatches.push(`${c.source} on ${JSON.stringify(c.vars)}: want ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
        }
      }
      expect(mismatches).toEqual([]);
    });
  }

  it("has a sample of at least 500 cases", () => expect(cases.length).toBeGreaterThanOrEqual(500));
});
