/**
 * Differential tests of the Go text/template engine against the Go oracle (Go 1.19 text/template + sprig 3.2.3):
 * the focused cases of scripts/oracle/go-template-cases.ts, rendered by scripts/oracle/go-template-goldens.ts.
 * Outputs must match exactly; a case the oracle fails must fail here too, with the same message unless the case is
 * listed in `knownMessageDifferences` (with the reason).
 */
import { describe, expect, it } from "vitest";
import { compileGoTemplate } from "../../../lib/templates/go/mod.ts";
import { GoFloat } from "../../../lib/values/float.ts";
import actions from "./go-actions.json" with { type: "json" };
import builtins from "./go-builtins.json" with { type: "json" };
import compare from "./go-compare.json" with { type: "json" };
import control from "./go-control.json" with { type: "json" };
import edge from "./go-edge.json" with { type: "json" };
import errors from "./go-errors.json" with { type: "json" };
import functions from "./go-functions.json" with { type: "json" };
import missing from "./go-missing.json" with { type: "json" };
import printf from "./go-printf.json" with { type: "json" };
import printing from "./go-printing.json" with { type: "json" };
import templates from "./go-templates.json" with { type: "json" };
import trim from "./go-trim.json" with { type: "json" };
import variables from "./go-variables.json" with { type: "json" };

interface Golden {
  readonly id: string;
  readonly source: string;
  readonly vars?: unknown;
  readonly numbers?: string;
  readonly expected: { readonly ok: boolean; readonly text?: string; readonly phase?: string; readonly error?: string };
}

interface GoldenFile {
  readonly fixture: unknown;
  readonly cases: readonly Golden[];
}

/** Cases whose error message differs on purpose or by a limit of the JS value model (we still fail). */
const knownMessageDifferences: Readonly<Record<string, string>> = {};

/**
 * Cases where we follow the newer Go that Argo CD and Rollouts build with (1.24+), not the oracle's Go 1.19, or where
 * the JS value model cannot tell Go's int from int64; each asserts what we render instead.
 */
const newerGo: Readonly<Record<string, { readonly reason: string; readonly text: string }>> = {
  "control-039": { reason: "range over an integer iterates since Go 1.22; Go 1.19 fails", text: "x".repeat(42) },
  "errors-055": { reason: "{{else with}} parses since Go 1.23; Go 1.19 rejects it", text: "" },
  "functions-022": { reason: "value model: a function's int64 result is a plain number, which prints as int", text: "int %!v(MISSING)" },
  "functions-056": { reason: "value model: sprig sees a data integer as a number (int), Go as int64", text: "int float64 slice" },
};

/** Go features the JS value model has no value for: we fail with a clear message where Go renders. */
const unsupported: Readonly<Record<string, string>> = {
  "edge-034": "complex numbers",
  "edge-035": "complex numbers",
};

const files: Readonly<Record<string, GoldenFile>> = {
  actions,
  builtins,
  compare,
  control,
  edge,
  errors,
  functions,
  missing,
  printf,
  printing,
  templates,
  trim,
  variables,
} as Readonly<Record<string, GoldenFile>>;

function asFloat64(v: unknown): unknown {
  if (typeof v === "number") return Number.isInteger(v) ? new GoFloat(v) : v;
  if (Array.isArray(v)) return v.map(asFloat64);
  if (v !== null && typeof v === "object") {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, asFloat64(x)]));
  }
  return v;
}

function run(c: Golden, fixture: unknown): { ok: true; text: string } | { ok: false; phase: string; error: string } {
  const compiled = compileGoTemplate(c.source, { name: c.id });
  if (compiled._tag === "Left") return { ok: false, phase: "compile", error: compiled.left.message };
  const raw = c.vars ?? fixture;
  const vars = (c.numbers === "float64" ? asFloat64(raw) : raw) as Record<string, unknown>;
  const r = compiled.right.render(vars, { now: Date.UTC(2024, 0, 2, 3, 4, 5) });
  return r._tag === "Right" ? { ok: true, text: r.right } : { ok: false, phase: "run", error: r.left.message };
}

for (const [group, file] of Object.entries(files)) {
  describe(`go text/template goldens: ${group}`, () => {
    for (const c of file.cases) {
      it(`${c.id} ${JSON.stringify(c.source).slice(0, 60)}`, () => {
        const got = run(c, file.fixture);
        if (c.id in unsupported) {
          expect(got).toMatchObject({ ok: false, error: expect.stringContaining("is not supported") });
          return;
        }
        const newer = newerGo[c.id];
        if (newer !== undefined) {
          expect(got).toEqual({ ok: true, text: newer.text });
          return;
        }
        if (c.expected.ok) {
          expect(got).toEqual({ ok: true, text: c.expected.text });
        } else {
          expect(got.ok).toBe(false);
          if (!got.ok && !(c.id in knownMessageDifferences)) {
            expect({ phase: got.phase, error: got.error }).toEqual({ phase: c.expected.phase, error: c.expected.error });
          }
        }
      });
    }
  });
}
