/**
 * sprig's regex functions (lib/templates/sprig/regex.ts on lib/go/regexp.ts) against Go 1.26's regexp, through the Go
 * oracle (scripts/oracle/regexp-goldens.ts): random patterns, inputs, replacement templates and counts from the RE2
 * grammar of tests/_helpers/regexp-grammar.ts, and hand-picked cases where Go's behaviour is its own (Go 1.25+ Unicode
 * class names, duplicate group names, `$name` expansion, case-folding specials, error messages). Every function of the
 * family runs on each case; outcome, text and error message must match exactly.
 */
import { describe, expect, it } from "vitest";
import { compileGoTemplate } from "../../../lib/templates/go/mod.ts";
import goldens from "./sprig-regex-fuzz.json" with { type: "json" };

interface Golden {
  readonly id: string;
  readonly vars: Readonly<Record<string, unknown>>;
  readonly expected: { readonly ok: boolean; readonly text?: string; readonly phase?: string; readonly error?: string };
}

function run(id: string, vars: Readonly<Record<string, unknown>>): Golden["expected"] {
  const compiled = compileGoTemplate(goldens.source, { name: id });
  if (compiled._tag === "Left") return { ok: false, phase: "compile", error: compiled.left.message };
  const r = compiled.right.render(vars, { now: Date.parse(goldens.now) });
  return r._tag === "Right" ? { ok: true, text: r.right } : { ok: false, phase: "run", error: r.left.message };
}

describe("sprig regex functions: Go oracle goldens over generated patterns", () => {
  for (const c of goldens.cases as readonly Golden[]) {
    it(`${c.id} ${JSON.stringify(c.vars["p"])} on ${JSON.stringify(c.vars["s"])}`, () => {
      expect(run(c.id, c.vars)).toEqual(c.expected);
    });
  }
});
