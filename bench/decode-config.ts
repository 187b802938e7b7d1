/**
 * bench/decode-config: configurations read per second by `decodeConfig` (warm: the same process, after warm-up) on
 * the official Argo CD catalog with Slack, e-mail and Teams services, next to, in the same run:
 * - the Go engine reading the same ConfigMap and Secret (bench/go, when Go is installed): `api.ParseConfig` and
 *   `api.NewAPI`, which decode the YAML, compile the expressions and the text/templates, and make the services;
 * - `yaml.parse` of the same ConfigMap values, no positions, limits or compiling: what reading the YAML alone costs.
 * Each figure is the best of `BENCH_ROUNDS` (default 3) interleaved rounds. A cold process is `bench/cold-start`.
 */
import { parse } from "yaml";
import { decodeConfig, formatDiagnostic } from "../mod.ts";
import { measure, rate } from "./_measure.ts";
import { buildGoEngine, type GoEngineRun, runGoEngine } from "./_go-engine.ts";
import { application, argoCdConfigMap, argoCdSecret, subscribeEverything } from "../tests/_helpers/argocd.ts";

const configMap = argoCdConfigMap();
const { config, diagnostics } = decodeConfig(configMap, argoCdSecret);
if (diagnostics.length > 0) {
  throw new Error(`the catalog does not decode: ${diagnostics.map(formatDiagnostic).join("; ")}`);
}
const values = Object.values(configMap.data);
const yamlOnly = (): unknown[] => values.map((v) => parse(v));

const go = buildGoEngine();
const scenario = {
  configMap,
  secret: argoCdSecret,
  resource: application(subscribeEverything([...config.triggers.keys()])),
};
const rounds = Number(process.env["BENCH_ROUNDS"] ?? 3);
const best = { ours: 0, yaml: 0, go: 0 };
let goRun: GoEngineRun | undefined;
for (let round = 0; round < rounds; round++) {
  if ("binary" in go) {
    goRun = runGoEngine(go.binary, scenario, 400);
    best.go = Math.max(best.go, goRun.config);
  }
  best.ours = Math.max(best.ours, measure(() => decodeConfig(configMap, argoCdSecret)));
  best.yaml = Math.max(best.yaml, measure(yamlOnly));
}

console.log(
  `catalog: ${values.length} keys (${config.triggers.size} triggers, ${config.templates.size} templates, ` +
    `${config.services.size} services), ${values.reduce((n, v) => n + v.length, 0)} characters of YAML`,
);
if (goRun === undefined && "skipped" in go) console.log(go.skipped);
const table = [
  [`configurations/s, best of ${rounds}`, "rate", "decodeConfig's time ÷ this"],
  ["decodeConfig (warm)", rate(best.ours), ""],
  ["yaml.parse of the values alone", rate(best.yaml), `${(best.yaml / best.ours).toFixed(2)}x`],
  ...(best.go > 0 ? [["Go engine: ParseConfig + NewAPI", rate(best.go), `${(best.go / best.ours).toFixed(2)}x`]] : []),
];
const widths = table[0]!.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
for (const r of table) {
  console.log(r.map((c, i) => i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)).join("  ").trimEnd());
}
