/**
 * Produces the golden fixtures `tests/conformance/templates/go-*.json` from the Go oracle (Go 1.19 text/template +
 * sprig 3.2.3): every case of `go-template-cases.ts` is rendered by `/work/shared/oracle/bin/oracle` (or `$ORACLE`).
 *
 *     npx tsx scripts/oracle/go-template-goldens.ts
 *
 * Run it by hand when cases change and commit the JSON; CI never needs Go.
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { type CaseInput, fixture, groups } from "./go-template-cases.ts";

const oracle = process.env.ORACLE ?? "/work/shared/oracle/bin/oracle";
const now = "2024-01-02T03:04:05Z";

interface Golden {
  id: string;
  source: string;
  vars?: Record<string, unknown>;
  numbers?: "float64";
  now: string;
  expected: { ok: true; text: string } | { ok: false; phase: string; error: string };
}

function normalize(c: CaseInput): { source: string; vars: Record<string, unknown>; numbers?: "float64" } {
  if (typeof c === "string") return { source: c, vars: fixture };
  return { source: c.source, vars: c.vars ?? fixture, ...(c.numbers !== undefined ? { numbers: c.numbers } : {}) };
}

let total = 0;
for (const [group, inputs] of Object.entries(groups)) {
  const cases = inputs.map((c, i) => ({ id: `${group}-${String(i + 1).padStart(3, "0")}`, ...normalize(c), now }));
  const stdin = cases.map((c) => JSON.stringify({ ...c, kind: "template", name: c.id })).join("\n") + "\n";
  const run = spawnSync(oracle, { input: stdin, encoding: "utf8", maxBuffer: 1 << 26 });
  if (run.status !== 0) throw new Error(`oracle failed: ${run.stderr}`);
  const lines = run.stdout.trim().split("\n").map((l) =>
    JSON.parse(l) as { ok: boolean; text?: string; error?: string; phase?: string }
  );
  const goldens: Golden[] = cases.map((c, i) => {
    const r = lines[i];
    if (r === undefined) throw new Error(`no answer for ${c.id}`);
    const expected: Golden["expected"] = r.ok
      ? { ok: true, text: r.text ?? "" }
      : { ok: false, phase: r.phase ?? "", error: r.error ?? "" };
    const { vars, ...rest } = c;
    return vars === fixture ? { ...rest, expected } : { ...rest, vars, expected };
  });
  const file = new URL(`../../tests/conformance/templates/go-${group}.json`, import.meta.url);
  writeFileSync(file, JSON.stringify({ fixture, cases: goldens }, null, 1) + "\n");
  total += goldens.length;
  console.log(`go-${group}.json: ${goldens.length} cases, ${goldens.filter((g) => !g.expected.ok).length} errors`);
}
console.log(`total: ${total}`);
