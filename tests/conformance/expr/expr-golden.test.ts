/**
 * Differential test of the expr compiler against committed goldens: oracle cases come from the Go reference
 * (expr 1.8.9 with Argo CD's helpers; see scripts/oracle/expr-golden.ts), "oracle-rewrite" cases record the oracle's
 * answer for an equivalent 1.8.9 form of v1.17 syntax, and "hand" cases are v1.17 behaviour checked by hand.
 * For failures only the fact that the expression fails is compared.
 */
import { describe, expect, it } from "vitest";
import golden from "./expr-golden.json" with { type: "json" };
import { formatOncePer } from "../../../lib/expr/mod.ts";
import { compileExpr } from "../../../mod.ts";
import { ourKind } from "../../_helpers/expr-kind.ts";

interface GoldenCase {
  readonly source: string;
  readonly input: string;
  readonly origin: string;
  readonly ok: boolean;
  readonly formatted?: string;
  readonly triggered?: boolean;
  readonly kind?: string;
}

const inputs = golden.inputs as unknown as Readonly<Record<string, Readonly<Record<string, unknown>>>>;
const now = Date.parse(golden.now);


function evaluate(c: GoldenCase): { ok: boolean; formatted?: string; triggered?: boolean; kind?: string } {
  const compiled = compileExpr(c.source);
  if (compiled._tag === "Left") return { ok: false };
  const r = compiled.right.run(inputs[c.input] ?? {}, { now });
  if (r._tag === "Left") return { ok: false };
  return { ok: true, formatted: formatOncePer(r.right), triggered: r.right === true, kind: ourKind(r.right) };
}

const cases = golden.cases as readonly GoldenCase[];

describe("compileExpr() against the Go reference", () => {
  for (const origin of ["oracle", "oracle-rewrite", "hand"]) {
    it(`matches every ${origin} golden case`, () => {
      const mismatches: string[] = [];
      for (const c of cases.filter((x) => x.origin === origin)) {
        const got = evaluate(c);
        const want = c.ok
          ? { ok: true, formatted: c.formatted, triggered: c.triggered, ...(c.kind !== undefined ? { kind: c.kind } : {}) }
          : { ok: false };
        const comparable = c.ok ? { ...got, ...(c.kind === undefined ? { kind: undefined } : {}) } : { ok: got.ok };
        const wanted = c.ok ? { ...want, ...(c.kind === undefined ? { kind: undefined } : {}) } : want;
        if (JSON.stringify(comparable) !== JSON.stringify(wanted)) {
          mismatches.push(`${c.input} :: ${c.source}: want ${JSON.stringify(wanted)}, got ${JSON.stringify(comparable)}`);
        }
      }
      expect(mismatches).toEqual([]);
    });
  }

  it("has at least 500 cases and covers every catalog trigger", () => {
    expect(cases.length).toBeGreaterThanOrEqual(500);
    const sources = new Set(cases.map((c) => c.source.replace(/\s+/g, " ")));
    for (const s of [
      "app.status.operationState?.syncResult?.revision",
      "app.metadata.deletionTimestamp != nil",
      "app.status.health.status == 'Degraded'",
      "any(cert.status.conditions, {.reason == 'Ready' && .status == 'True'})",
      "foo.status.ready",
    ]) expect(sources.has(s)).toBe(true);
  });
});
