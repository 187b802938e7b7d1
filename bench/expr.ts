/**
 * `npx tsx bench/expr.ts`: evaluations per second of every Argo CD catalog trigger (`when` and `oncePer`) on a sample
 * Application, compiled by lib/expr, next to the same condition hand-written in JavaScript and, where its syntax can
 * express it, expr-eval-fork 3.x. All three are measured in the same run; the ratios compare them.
 */
import { Parser } from "expr-eval-fork";
import { parse as parseYaml } from "yaml";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { argoCdHelpers } from "../lib/argocd/mod.ts";
import {
  type CompiledExpr,
  compileExpr,
  exprRuntime,
  generateExprModule,
  type PrecompiledExprs,
} from "../lib/expr/mod.ts";
import { defaultLimits } from "../lib/limits.ts";
import { application } from "../tests/_helpers/argocd.ts";
import { measure, rate } from "./_measure.ts";

// deno-lint-ignore no-explicit-any
type Vars = { readonly app: any };

interface Row {
  readonly name: string;
  readonly source: string;
  readonly hand: (v: Vars) => unknown;
  /** The expr-eval-fork form, when its syntax can say it (no nil, no `?.`, no method calls). */
  readonly exprEval?: string;
}

const cm = parseYaml(
  readFileSync(new URL("../tests/fixtures/conformance/argo-cd/argocd-notifications-cm.yaml", import.meta.url), "utf8"),
) as {
  data: Record<string, string>;
};
const catalog = new Map<string, { when: string; oncePer?: string }>();
for (const [key, value] of Object.entries(cm.data)) {
  if (!key.startsWith("trigger.")) continue;
  const [cond] = parseYaml(value) as { when: string; oncePer?: string }[];
  if (cond !== undefined) catalog.set(key.slice("trigger.".length), cond);
}
const when = (t: string): string => catalog.get(t)?.when ?? "false";

const hasPhase = (v: Vars, phases: readonly string[]): boolean => {
  const op = v.app.status.operationState;
  return op != null && phases.includes(op.phase);
};

const rows: Row[] = [
  { name: "on-created", source: when("on-created"), hand: () => true, exprEval: "true" },
  { name: "on-deleted", source: when("on-deleted"), hand: (v) => v.app.metadata.deletionTimestamp != null },
  {
    name: "on-deployed",
    source: when("on-deployed"),
    hand: (v) => {
      const s = v.app.status;
      const op = s.operationState;
      if (op == null || op.phase !== "Succeeded" || s.health.status !== "Healthy") return false;
      const changed = Date.parse(s.health.lastTransitionTime);
      return !(changed + 60_000 < Date.parse(op.finishedAt)) || changed < Date.parse(op.startedAt);
    },
  },
  {
    name: "on-health-degraded",
    source: when("on-health-degraded"),
    hand: (v) => v.app.status.health.status === "Degraded",
    exprEval: "app.status.health.status == 'Degraded'",
  },
  {
    name: "on-sync-failed",
    source: when("on-sync-failed"),
    hand: (v) => hasPhase(v, ["Error", "Failed"]),
    exprEval: "app.status.operationState.phase in ['Error', 'Failed']",
  },
  {
    name: "on-sync-running",
    source: when("on-sync-running"),
    hand: (v) => hasPhase(v, ["Running"]),
    exprEval: "app.status.operationState.phase in ['Running']",
  },
  {
    name: "on-sync-status-unknown",
    source: when("on-sync-status-unknown"),
    hand: (v) => v.app.status.sync.status === "Unknown",
    exprEval: "app.status.sync.status == 'Unknown'",
  },
  {
    name: "on-sync-succeeded",
    source: when("on-sync-succeeded"),
    hand: (v) => hasPhase(v, ["Succeeded"]),
    exprEval: "app.status.operationState.phase in ['Succeeded']",
  },
  {
    name: "oncePer: revision",
    source: "app.status.operationState?.syncResult?.revision",
    hand: (v) => v.app.status.operationState?.syncResult?.revision ?? null,
    exprEval: "app.status.operationState.syncResult.revision",
  },
  {
    name: "oncePer: name",
    source: "app.metadata.name",
    hand: (v) => v.app.metadata.name,
    exprEval: "app.metadata.name",
  },
];

const now = Date.parse("2024-01-02T03:05:00Z");
// As evaluate gives them: the resource and the Argo CD preset's helpers.
const vars: Vars = { app: application({}), ...argoCdHelpers(now, defaultLimits) };
const eef = new Parser();
let sink = 0;
const consume = (x: unknown): void => {
  if (x === true || typeof x === "string") sink++;
};

// The ahead-of-time module of every row, written and imported as a host would (bench/.expr-aot.generated.mjs).
const generated = generateExprModule(rows.map((r) => r.source));
const aotFile = new URL("./.expr-aot.generated.mjs", import.meta.url);
writeFileSync(aotFile, generated.text);
const aotModule = (await import(aotFile.href)) as { precompiled: (r: typeof exprRuntime) => PrecompiledExprs };
rmSync(aotFile);
const precompiled = aotModule.precompiled(exprRuntime);

/**
 * The machine is shared and noisy: each contestant is measured in `rounds` interleaved rounds (closures, ahead of
 * time, hand-written, expr-eval-fork, then the next round) and the best rate of each is kept, so a burst of load
 * elsewhere during one measurement does not decide a ratio.
 */
const rounds = Number(process.env["BENCH_ROUNDS"] ?? 5);
const header = [
  "trigger",
  "closures",
  "ahead of time",
  "hand-written",
  "closures/hand",
  "aot/hand",
  "expr-eval-fork",
  "closures ÷ eef",
];
const table: string[][] = [];
const slowdowns: number[] = [];
const aotSlowdowns: number[] = [];
const speedups: number[] = [];
const runner = (program: CompiledExpr) => () => {
  const res = program.run(vars, { now });
  consume(res._tag === "Right" ? res.right : undefined);
};
for (const row of rows) {
  const compiled = compileExpr(row.source), ahead = compileExpr(row.source, { precompiled });
  if (compiled._tag === "Left" || ahead._tag === "Left") throw new Error(`${row.name} does not compile`);
  const check = compiled.right.run(vars, { now });
  if (check._tag === "Left") throw new Error(`${row.name}: ${check.left.message}`);
  if (JSON.stringify(ahead.right.run(vars, { now })) !== JSON.stringify(check)) {
    throw new Error(`${row.name}: the module disagrees`);
  }
  const e = row.exprEval === undefined ? undefined : eef.parse(row.exprEval);
  let ours = 0, aot = 0, hand = 0, theirs: number | undefined;
  for (let r = 0; r < rounds; r++) {
    ours = Math.max(ours, measure(runner(compiled.right), 200));
    aot = Math.max(aot, measure(runner(ahead.right), 200));
    hand = Math.max(hand, measure(() => consume(row.hand(vars)), 200));
    if (e !== undefined) theirs = Math.max(theirs ?? 0, measure(() => consume(e.evaluate(vars as never)), 200));
  }
  slowdowns.push(hand / ours);
  aotSlowdowns.push(hand / aot);
  if (theirs !== undefined) speedups.push(ours / theirs);
  const covered = generated.covered.includes(row.source);
  table.push([
    row.name,
    rate(ours),
    covered ? rate(aot) : "(closures)",
    rate(hand),
    `${(hand / ours).toFixed(2)}x`,
    `${(hand / aot).toFixed(2)}x`,
    theirs === undefined ? "n/a" : rate(theirs),
    theirs === undefined ? "n/a" : `${(ours / theirs).toFixed(1)}x faster`,
  ]);
}

const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i]!.length)));
const line = (cells: readonly string[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ");
console.log(line(header));
for (const r of table) console.log(line(r));
const geo = (xs: readonly number[]): number => Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length);
console.log(
  `\ngeometric mean of the time over hand-written: closures ${geo(slowdowns).toFixed(2)}x (worst ${
    Math.max(...slowdowns).toFixed(2)
  }x), ` +
    `ahead of time ${geo(aotSlowdowns).toFixed(2)}x (worst ${
      Math.max(...aotSlowdowns).toFixed(2)
    }x; ${generated.covered.length} of ` +
    `${rows.length} rows in the module); closures ${geo(speedups).toFixed(1)}x faster than expr-eval-fork (least ` +
    `${Math.min(...speedups).toFixed(1)}x)${sink < 0 ? "" : ""}`,
);
