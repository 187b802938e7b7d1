/**
 * bench/evaluate: decisions per second of `evaluate` over the official Argo CD catalog, on a realistic Application
 * subscribed to every trigger (Slack with two channels, e-mail, Teams), next to the same decision by the Go engine
 * (bench/go, when Go is installed) and written by hand in JavaScript, all measured in one run:
 * - steady state: the state already records every notification, so every condition runs and nothing is rendered;
 * - first sight: an empty state, so every triggered condition renders its templates, all service blocks, for each
 *   destination;
 * - each with the state handed over as a value (as a host keeping it elsewhere would), and read from and written back
 *   to the resource's `notified.notifications.argoproj.io` annotation (as one pass of the Go controller does);
 * - steady state with the subscriptions passed in, as a host that caches them per resource version would.
 * The hand-written floor is the steady-state decision written in JavaScript (the catalog's conditions as functions,
 * the same state keys looked up): the price of configuration over code.
 *
 * Each figure is the best of `BENCH_ROUNDS` (default 3) interleaved rounds, so that load from other processes during
 * one measurement hits every contestant alike.
 */
import {
  decodeConfig,
  encodeNotifiedState,
  evaluate,
  exprRuntime,
  formatDiagnostic,
  notifiedAnnotationKey,
  type PrecompiledExprs,
  resolveDestinations,
  writeNotifiedState,
} from "../mod.ts";
import { generateConditionsModule } from "../lib/compile/mod.ts";
import { rmSync, writeFileSync } from "node:fs";
import { measure, rate } from "./_measure.ts";
import { buildGoEngine, type GoEngineRun, runGoEngine } from "./_go-engine.ts";
import { handWrittenSteady } from "./_hand-written.ts";
import { application, argoCdConfigMap, argoCdSecret, subscribeEverything } from "../tests/_helpers/argocd.ts";

const configMap = argoCdConfigMap();
const { config, diagnostics } = decodeConfig(configMap, argoCdSecret);
const errors = diagnostics.filter((d) => d.severity === "error");
if (errors.length > 0) throw new Error(`the catalog does not decode: ${errors.map(formatDiagnostic).join("; ")}`);

const annotations = subscribeEverything([...config.triggers.keys()]);
const app = application(annotations);
const now = Date.parse("2024-01-02T03:05:00Z");
const options = { now, resourceName: "app" } as const;
const first = evaluate(app, config, { ...options, state: {} });
if (first.diagnostics.length > 0) throw new Error(first.diagnostics.map(formatDiagnostic).join("; "));
const steadyState = first.state;
if (evaluate(app, config, { ...options, state: steadyState }).notifications.length !== 0) {
  throw new Error("steady state sent notifications");
}

const annotated = application({ ...annotations, [notifiedAnnotationKey()]: encodeNotifiedState(steadyState) });
/** A whole controller pass: the state read from the annotation, the decision, the annotations to write back. */
const controllerPass = (resource: typeof app): Readonly<Record<string, string>> => {
  const decision = evaluate(resource, config, options);
  const meta = resource["metadata"] as { annotations: Record<string, string> };
  return writeNotifiedState(meta.annotations, decision.state);
};
if (evaluate(annotated, config, options).notifications.length !== 0) {
  throw new Error("the annotated steady state sent notifications");
}

const floor = handWrittenSteady(config, steadyState);
if (floor(app) !== 0) throw new Error("the hand-written baseline disagrees with evaluate");
const subscriptions =
  resolveDestinations(annotations, (app["metadata"] as { labels: Record<string, string> }).labels, config).destinations;

// The catalog's conditions compiled ahead of time, written and imported as a host would.
const aotFile = new URL("./.evaluate-aot.generated.mjs", import.meta.url);
writeFileSync(aotFile, generateConditionsModule(configMap).text);
const aotModule = (await import(aotFile.href)) as { precompiled: (r: typeof exprRuntime) => PrecompiledExprs };
rmSync(aotFile);
const aotConfig =
  decodeConfig(configMap, argoCdSecret, { expr: { precompiled: aotModule.precompiled(exprRuntime) } }).config;
if (evaluate(app, aotConfig, { ...options, state: steadyState }).notifications.length !== 0) {
  throw new Error("the module decided differently");
}

const go = buildGoEngine();
const scenario = { configMap, secret: argoCdSecret, resource: app };

const rows = [
  { name: "hand-written steady state (floor)", ours: () => floor(app) },
  {
    name: "steady state",
    ours: () => evaluate(app, config, { ...options, state: steadyState }),
    go: (r: GoEngineRun) => r.steady.stateValue,
  },
  {
    name: "  … subscriptions resolved by the host",
    ours: () => evaluate(app, config, { ...options, state: steadyState, subscriptions }),
  },
  {
    name: "  … conditions compiled ahead of time",
    ours: () => evaluate(app, aotConfig, { ...options, state: steadyState }),
  },
  {
    name: "  … state in and out of the annotation",
    ours: () => controllerPass(annotated),
    go: (r: GoEngineRun) => r.steady.annotation,
  },
  {
    name: "first sight",
    ours: () => evaluate(app, config, { ...options, state: {} }),
    go: (r: GoEngineRun) => r.firstSight.stateValue,
  },
  {
    name: "  … state in and out of the annotation",
    ours: () => controllerPass(app),
    go: (r: GoEngineRun) => r.firstSight.annotation,
  },
];
const rounds = Number(process.env["BENCH_ROUNDS"] ?? 3);
const best = rows.map(() => ({ ours: 0, go: 0 }));
let goRun: GoEngineRun | undefined;
for (let round = 0; round < rounds; round++) {
  if ("binary" in go) {
    const run = runGoEngine(go.binary, scenario, 400);
    if (goRun === undefined) checkSameDecision(run);
    goRun = run;
    rows.forEach((row, i) => best[i]!.go = Math.max(best[i]!.go, row.go?.(run) ?? 0));
  }
  rows.forEach((row, i) => best[i]!.ours = Math.max(best[i]!.ours, measure(row.ours)));
}

console.log(
  `catalog: ${config.triggers.size} triggers, ${config.templates.size} templates; ${first.notifications.length} notifications at first sight`,
);
if (goRun === undefined) console.log("skipped" in go ? go.skipped : "");
else {
  const m = goRun.modules;
  console.log(
    `Go engine (bench/go): notifications-engine ${m["github.com/argoproj/notifications-engine"]}, expr ${
      m["github.com/expr-lang/expr"]
    }, ` +
      `sprig ${
        m["github.com/Masterminds/sprig/v3"]
      }, ${goRun.go}; same decision as evaluate (${goRun.check.sends.length} sends, ${goRun.check.stateKeys.length} state keys)`,
  );
}
const floorOps = best[0]!.ours;
const table = rows.map((row, i) => {
  const { ours, go: theirs } = best[i]!;
  const cells = [row.name, rate(ours), i === 0 ? "" : `${(floorOps / ours).toFixed(1)}x`];
  return goRun === undefined
    ? cells
    : [...cells, theirs > 0 ? rate(theirs) : "", theirs > 0 ? `${(ours / theirs).toFixed(2)}x` : ""];
});
const header = [`decisions/s, best of ${rounds}`, "evaluate", "floor's time", "Go engine", "evaluate ÷ Go"].slice(
  0,
  table[0]!.length,
);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i]!.length)));
for (const r of [header, ...table]) {
  console.log(r.map((c, i) => i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)).join("  ").trimEnd());
}

/** The comparison means something only if both engines decided the same: same sends, same messages, same state. */
function checkSameDecision(run: GoEngineRun): void {
  const key = (s: { templates: readonly string[]; service: string; recipient: string }): string =>
    `${s.templates.join(",")}\u0000${s.service}\u0000${s.recipient}`;
  const ours = first.notifications
    .map((n) => ({
      templates: n.templates,
      service: n.destination.service,
      recipient: n.destination.recipient,
      message: n.content.message,
    }))
    .sort((a, b) => key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
  const theirs = [...run.check.sends].sort((a, b) => key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
  const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
  if (!same(ours, theirs)) {
    throw new Error(
      `the Go engine decided differently:\n  evaluate: ${JSON.stringify(ours)}\n  Go:       ${JSON.stringify(theirs)}`,
    );
  }
  const keys = Object.keys(steadyState).sort();
  if (!same(keys, [...run.check.stateKeys].sort())) {
    throw new Error(
      `the Go engine recorded other state keys:\n  evaluate: ${keys.join(" ")}\n  Go:       ${
        run.check.stateKeys.join(" ")
      }`,
    );
  }
}
