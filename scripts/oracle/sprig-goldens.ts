/**
 * Produces the golden fixtures `tests/conformance/templates/sprig-*.json` from the Go oracle (Go 1.19 text/template +
 * sprig 3.2.3): every case of `sprig-cases.ts` is rendered by `/work/shared/oracle/bin/oracle` (or `$ORACLE`).
 *
 *     npx tsx scripts/oracle/sprig-goldens.ts
 *
 * Run it by hand when cases change and commit the JSON; CI never needs Go.
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { type CaseInput, families } from "./sprig-cases.ts";

const oracle = process.env.ORACLE ?? "/work/shared/oracle/bin/oracle";
const defaultNow = "2024-01-02T03:04:05Z";

interface Golden {
  id: string;
  source: string;
  vars: Record<string, unknown>;
  now: string;
  expected: { ok: true; text: string } | { ok: false; error: string };
}

function normalize(c: CaseInput): { source: string; vars: Record<string, unknown>; now: string } {
  if (typeof c === "string") return { source: c, vars: {}, now: defaultNow };
  return { source: c.source, vars: c.vars ?? {}, now: c.now ?? defaultNow };
}

for (const [family, inputs] of Object.entries(families)) {
  const cases = inputs.map((c, i) => ({ id: `${family}-${String(i + 1).padStart(3, "0")}`, ...normalize(c) }));
  const stdin = cases.map((c) => JSON.stringify({ ...c, kind: "template", name: c.id })).join("\n") + "\n";
  const run = spawnSync(oracle, { input: stdin, encoding: "utf8", maxBuffer: 1 << 26 });
  if (run.status !== 0) throw new Error(`oracle failed: ${run.stderr}`);
  const lines = run.stdout.trim().split("\n").map((l) =>
    JSON.parse(l) as { ok: boolean; text?: string; error?: string }
  );
  const goldens: Golden[] = cases.map((c, i) => {
    const r = lines[i];
    if (r === undefined) throw new Error(`no answer for ${c.id}`);
    return { ...c, expected: r.ok ? { ok: true, text: r.text ?? "" } : { ok: false, error: r.error ?? "" } };
  });
  const file = new URL(`../../tests/conformance/templates/sprig-${family}.json`, import.meta.url);
  writeFileSync(file, JSON.stringify(goldens, null, 1) + "\n");
  console.log(`sprig-${family}.json: ${goldens.length} cases, ${goldens.filter((g) => !g.expected.ok).length} errors`);
}
