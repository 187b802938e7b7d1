/**
 * The main job on its embedded default, no cluster needed: decodes the cert-manager ConfigMap and Secret of this
 * folder, then walks the Certificate through not ready → ready → ready → not ready → ready, printing what the engine
 * decides at each step (the notifications, what the `console` service would deliver for each, secrets redacted, and
 * the notified-state annotation it would patch).
 *
 *   npm start                                  # this folder's manifests
 *   npm start -- <configmap.yaml> <resource.yaml> [<secret.yaml>] [--as <name>]
 */
import { decodeConfig, evaluate, formatDiagnostic, type NotifiedState, writeNotifiedState } from "../../mod.ts";
import { builtinProviders } from "../../providers/mod.ts";
import { loadManifest, withReady } from "./load.ts";
import { resolve } from "node:path";

const args = process.argv.slice(2);
if (args.includes("--help") || args.includes("-h")) {
  console.log(`Usage: npm start -- [<configmap.yaml> <resource.yaml> [<secret.yaml>]] [--as <name>]

Without arguments, walks this folder's cert-manager Certificate through not ready → ready → ready → not ready →
ready and prints what the engine decides at each step. With files, decides once for the given resource.
  --as <name>   the resource's name in conditions and templates (default cert)
For rule tests, validation and previews, see: npx notifications-engine --help`);
  process.exit(0);
}
const asIndex = args.indexOf("--as");
const resourceName = asIndex >= 0 ? args.splice(asIndex, 2)[1] ?? "obj" : "cert";
// Paths given on the command line are relative to where `npm start` was called (npm runs scripts from the package
// folder and keeps the caller's folder in INIT_CWD); the defaults live beside this file.
const given = args.map((a) => resolve(process.env["INIT_CWD"] ?? process.cwd(), a));
const custom = given.length > 0;
const [configMapFile = "configmap.yaml", resourceFile = "certificate.yaml", secretFile = custom ? undefined : "secret.yaml"] =
  given;

const { config, diagnostics } = decodeConfig(
  loadManifest(configMapFile),
  secretFile === undefined ? undefined : loadManifest(secretFile),
);
for (const d of diagnostics) console.log(`config: ${formatDiagnostic(d)}`);
console.log(
  `config: ${config.triggers.size} trigger(s), ${config.templates.size} template(s), ${config.services.size} service(s)`,
);

const resource = loadManifest(resourceFile);
const steps: readonly [string, Record<string, unknown>][] = custom ? [["as given", resource]] : [
  ["not ready", withReady(resource, "False")],
  ["ready", withReady(resource, "True")],
  ["still ready", withReady(resource, "True")],
  ["not ready again", withReady(resource, "False")],
  ["ready again", withReady(resource, "True")],
];

const printer = builtinProviders["console"]!;
const printerSettings = printer.decodeSettings({}).value;

let state: NotifiedState = {};
let now = Date.parse("2024-01-02T03:04:05Z");
for (const [label, version] of steps) {
  const decision = evaluate(version, config, { now, state, resourceName });
  console.log(`\n# ${label}: ${decision.notifications.length} notification(s)`);
  for (const n of decision.notifications) {
    console.log(`  → ${n.destination.service}:${n.destination.recipient} (${n.trigger}) ${JSON.stringify(n.content.message)}`);
    const printed = printer.prepare(n, printerSettings, { now });
    if (printed._tag === "Right" && printed.right.kind === "print") {
      console.log(config.redact(printed.right.text).trimEnd().replace(/^/gm, "    | "));
    }
  }
  for (const d of decision.diagnostics) console.log(`  ! ${formatDiagnostic(d)}`);
  const annotations = writeNotifiedState({}, decision.state);
  console.log(`  state: ${JSON.stringify(annotations)}`);
  state = decision.state;
  now += 60_000;
}
