/**
 * Regenerates tests/conformance/expr/expr-golden.json: runs every oracle case of expr-cases.ts through the Go
 * reference (/work/shared/oracle/bin/oracle, expr 1.8.9 with Argo CD's helpers) and appends the hand-checked v1.17
 * cases. Usage: `npx tsx scripts/oracle/expr-golden.ts [path-to-oracle]`.
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { handCases, inputs, oracleCases } from "./expr-cases.ts";
import { goKind } from "../../tests/_helpers/expr-kind.ts";

const oracle = process.argv[2] ?? "/work/shared/oracle/bin/oracle";
const now = "2024-01-01T00:30:00Z";

interface Request {
  readonly id: string;
  readonly source: string;
  readonly oracleSource: string | undefined;
  readonly input: string;
}

const requests: Request[] = [];
for (const c of oracleCases) {
  for (const input of c.inputs) {
    requests.push({ id: `c${requests.length}`, source: c.source, oracleSource: c.oracleSource, input });
  }
}

const lines = requests.map((r) =>
  JSON.stringify({
    id: r.id,
    kind: "expr",
    source: r.oracleSource ?? r.source,
    vars: inputs[r.input],
    helpers: true,
    now,
  })
);
const run = spawnSync(oracle, { input: `${lines.join("\n")}\n`, encoding: "utf8", maxBuffer: 1 << 28 });
if (run.status !== 0) throw new Error(`oracle failed: ${run.stderr}`);
const answers = new Map<string, Record<string, unknown>>();
for (const line of run.stdout.split("\n")) {
  if (line.trim() === "") continue;
  const a = JSON.parse(line) as Record<string, unknown>;
  answers.set(String(a["id"]), a);
}

const cases: Record<string, unknown>[] = [];
for (const r of requests) {
  const a = answers.get(r.id);
  if (a === undefined) throw new Error(`no answer for ${r.id}`);
  const base = {
    source: r.source,
    input: r.input,
    origin: r.oracleSource === undefined ? "oracle" : "oracle-rewrite",
    ...(r.oracleSource !== undefined ? { oracleSource: r.oracleSource } : {}),
  };
  if (a["ok"] === true) {
    cases.push({
      ...base,
      ok: true,
      formatted: a["formatted"],
      triggered: a["triggered"],
      kind: goKind(String(a["goType"] ?? "")),
    });
  } else {
    cases.push({ ...base, ok: false, phase: a["phase"], error: a["error"] });
  }
}
for (const c of handCases) {
  cases.push({
    source: c.source,
    input: c.input,
    origin: "hand",
    note: c.note,
    ok: c.ok,
    ...(c.formatted !== undefined ? { formatted: c.formatted, triggered: c.formatted === "true" } : {}),
  });
}

const out = new URL("../../tests/conformance/expr/expr-golden.json", import.meta.url);
writeFileSync(out, `${JSON.stringify({ now, inputs, cases }, null, 1)}\n`);
const count = (o: string): number => cases.filter((c) => c["origin"] === o).length;
process.stdout.write(
  `wrote ${cases.length} cases (${count("oracle")} oracle, ${count("oracle-rewrite")} oracle-rewrite, ${
    count("hand")
  } hand)\n`,
);
