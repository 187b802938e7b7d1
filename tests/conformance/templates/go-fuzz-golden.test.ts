/**
 * Divergences from Go found by differential fuzzing (scripts/oracle/template-fuzz.ts) and fixed, reduced to the shape
 * that diverged and rendered by the Go oracle (scripts/oracle/template-fuzz-golden.ts). Outcome, text and error
 * message must match exactly.
 */
import { describe, expect, it } from "vitest";
import { compileGoTemplate } from "../../../lib/templates/go/mod.ts";
import cases from "./go-fuzz-golden.json" with { type: "json" };

interface Golden {
  readonly id: string;
  readonly found: string;
  readonly source: string;
  readonly vars: Readonly<Record<string, unknown>>;
  readonly now: string;
  readonly expected: { readonly ok: boolean; readonly text?: string; readonly phase?: string; readonly error?: string };
}

function run(c: Golden): { ok: true; text: string } | { ok: false; phase: string; error: string } {
  const compiled = compileGoTemplate(c.source, { name: c.id });
  if (compiled._tag === "Left") return { ok: false, phase: "compile", error: compiled.left.message };
  const r = compiled.right.render(c.vars, { now: Date.parse(c.now) });
  return r._tag === "Right" ? { ok: true, text: r.right } : { ok: false, phase: "run", error: r.left.message };
}

describe("go text/template + sprig: fuzzing goldens", () => {
  for (const c of cases as readonly Golden[]) {
    it(`${c.id} ${c.found}: ${JSON.stringify(c.source).slice(0, 60)}`, () => {
      expect(run(c)).toEqual(c.expected);
    });
  }
});
