/**
 * bench/cold-start: a fresh process imports the engine, decodes the Argo CD catalog and makes the first decision (an
 * Application subscribed to every trigger, first sight), in Node and in Deno, each timed in milliseconds (best of
 * `BENCH_ROUNDS`, default 5, fresh processes; the last column, the aim's measure, is the best run's sum of the three):
 * - Node and Deno importing the built package (`dist/`, after `npm run build`), as `npm install` users do;
 * - Node and Deno importing one bundle of `mod.ts` made by esbuild for browsers and edge runtimes, as a Worker runs it;
 * - Deno importing the JSR package's build (`jsr/`, after `npm run build:jsr`), as JSR users do (they load the same
 *   files from Deno's cache of the registry, which checks each file's checksum: a few ms more);
 * - Deno importing the TypeScript sources (`mod.ts`), as this repository's tests do (type-checking off, transpiled once
 *   and cached);
 * - the baseline, in the same rounds: the Go engine (bench/go with `-cold`, when Go is installed) in a fresh process,
 *   its packages' initialisation for the import, `api.ParseConfig` + `api.NewAPI` for decodeConfig, then its first
 *   decision; the last column is each total over the Go engine's.
 */
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { buildGoEngine, runGoColdStart } from "./_go-engine.ts";
import { application, argoCdConfigMap, argoCdSecret, subscribeEverything } from "../tests/_helpers/argocd.ts";

const root = fileURLToPath(new URL("../", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "cold-start-"));
const configMap = argoCdConfigMap();
const triggers = Object.keys(configMap.data).filter((k) => k.startsWith("trigger.")).map((k) =>
  k.slice("trigger.".length)
);
const scenario = join(dir, "scenario.json");
const scenarioText = JSON.stringify({
  configMap,
  secret: argoCdSecret,
  resource: application(subscribeEverything(triggers)),
  now: Date.parse("2024-01-02T03:05:00Z"),
});
writeFileSync(scenario, scenarioText);
const bundle = join(dir, "mod.bundle.mjs");
await build({
  entryPoints: [join(root, "mod.ts")],
  bundle: true,
  minify: true,
  format: "esm",
  platform: "browser",
  outfile: bundle,
  logLevel: "warning",
});

const child = join(root, "bench", "_cold-child.mjs");
const deno = join(root, "node_modules", ".bin", "deno");
const dist = join(root, "dist", "mod.js");
const jsr = join(root, "jsr", "mod.js");
type Times = { import: number; decode: number; first: number };
const childRun = (cmd: string, args: readonly string[]) => (): Times & { sent: number } => {
  const run = spawnSync(cmd, [...args, pathToFileURL(scenario).href], { encoding: "utf8", cwd: root });
  if (run.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split("\n").at(-1)!) as Times & { sent: number };
};
const go = buildGoEngine();
const contestants: { name: string; run: () => Times & { sent: number } }[] = [
  ...(existsSync(dist)
    ? [
      { name: "Node, dist/ (npm package)", run: childRun(process.execPath, [child, pathToFileURL(dist).href]) },
      {
        name: "Deno, dist/ (npm package)",
        run: childRun(deno, ["run", "-A", "--no-check", child, pathToFileURL(dist).href]),
      },
    ]
    : []),
  { name: "Node, one bundle (edge build)", run: childRun(process.execPath, [child, pathToFileURL(bundle).href]) },
  {
    name: "Deno, one bundle (edge build)",
    run: childRun(deno, ["run", "-A", "--no-check", child, pathToFileURL(bundle).href]),
  },
  ...(existsSync(jsr)
    ? [{
      name: "Deno, jsr/ (JSR package)",
      run: childRun(deno, ["run", "-A", "--no-check", child, pathToFileURL(jsr).href]),
    }]
    : []),
  {
    name: "Deno, mod.ts (sources)",
    run: childRun(deno, ["run", "-A", "--no-check", child, pathToFileURL(join(root, "mod.ts")).href]),
  },
  ...("binary" in go
    ? [{ name: "Go engine (bench/go), the baseline", run: () => runGoColdStart(go.binary, scenarioText) }]
    : []),
];
if ("skipped" in go) console.log(go.skipped);
if (!existsSync(dist)) console.log("dist/ is not built (npm run build): the Node package row is skipped");
if (!existsSync(jsr)) console.log("jsr/ is not built (npm run build:jsr): the JSR package row is skipped");

const rounds = Number(process.env["BENCH_ROUNDS"] ?? 5);
const best = contestants.map((): Times & { total: number } => ({
  import: Infinity,
  decode: Infinity,
  first: Infinity,
  total: Infinity,
}));
for (let r = 0; r < rounds; r++) {
  contestants.forEach((c, i) => {
    const t = c.run();
    if (t.sent !== 12) throw new Error(`${c.name} sent ${t.sent} notifications, not 12`);
    for (const k of ["import", "decode", "first"] as const) best[i]![k] = Math.min(best[i]![k], t[k]);
    best[i]!.total = Math.min(best[i]!.total, t.import + t.decode + t.first);
  });
}
const ms = (x: number): string => `${x.toFixed(1)} ms`;
const header = [
  `cold process, best of ${rounds}`,
  "import",
  "decodeConfig",
  "first decision",
  "import + decodeConfig + first decision",
  ...("binary" in go ? ["÷ Go"] : []),
];
const goTotal = best.at(-1)!.total;
const rows = contestants.map((c, i) => {
  const b = best[i]!;
  const cells = [c.name, ms(b.import), ms(b.decode), ms(b.first), ms(b.total)];
  return "binary" in go ? [...cells, `${(b.total / goTotal).toFixed(2)}x`] : cells;
});
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
for (const r of [header, ...rows]) {
  console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  "));
}
