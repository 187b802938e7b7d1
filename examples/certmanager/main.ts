/**
 * The main job on its embedded default, no cluster needed: the controller loop over the YAML files of
 * `resources/` (a Certificate and the notification ConfigMap), watched for changes, delivering to the console
 * service, with what was notified kept in a local state file. Edit a file while it runs and the next notification
 * goes out; run it again and nothing is sent twice.
 *
 *   npm start                          # watch examples/certmanager/resources/
 *   npm start -- --once                # one pass, then exit (CI, tests)
 *   npm start -- --reset               # forget what was notified first
 *   npm start -- --dir <folder> --kind Certificate=cert --state <file>
 */
import { existsSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { formatDiagnostic } from "../../mod.ts";
import { createFolderController } from "../../lib/shell/controller/folder-controller.ts";
import { createLog } from "../../lib/shell/log.ts";

const { values } = parseArgs({
  options: {
    once: { type: "boolean", default: false },
    reset: { type: "boolean", default: false },
    dir: { type: "string" },
    kind: { type: "string", multiple: true },
    state: { type: "string" },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (values.help) {
  console.log(`Usage: npm start -- [--once] [--reset] [--dir <folder>] [--kind <Kind>=<name>…] [--state <file>]

Runs the controller loop on a folder of YAML files (default examples/certmanager/resources/: a Certificate and the
notification ConfigMap), delivering to the console service, keeping what was notified in a local file.
  --once          one pass over the folder, then exit
  --reset         forget what was notified first
  --dir <folder>  the folder (resources, the ConfigMap and the Secret)
  --kind K=name   a kind of document to watch and its name in conditions and templates (default Certificate=cert)
  --state <file>  the state file (default .cache/notifications-state.json)
For rule tests, validation and previews, see: npx notifications-engine --help`);
  process.exit(0);
}
// Paths given on the command line are relative to where `npm start` was called (npm keeps it in INIT_CWD).
const here = (path: string): string => resolve(process.env["INIT_CWD"] ?? process.cwd(), path);
const dir = values.dir !== undefined ? here(values.dir) : new URL("./resources/", import.meta.url).pathname;
const stateFile = values.state !== undefined
  ? here(values.state)
  : new URL("../../.cache/notifications-state.json", import.meta.url).pathname;
const kinds = (values.kind ?? ["Certificate=cert"]).map((k) => {
  const [kind = "", resourceName = "obj"] = k.split("=");
  return { kind, resourceName };
});
if (values.reset && existsSync(stateFile)) rmSync(stateFile);

let delivered = 0;
const folder = createFolderController({
  dir,
  kinds,
  stateFile,
  watch: !values.once,
  io: {
    print: (text) => {
      delivered++;
      console.log(
        `\n── console ─────────────────────────────\n${text.trimEnd()}\n────────────────────────────────────────`,
      );
    },
  },
  log: createLog({ level: "warn", write: (line) => console.error(line) }),
  onConfig: (report) => {
    for (const d of report.diagnostics) console.log(`config: ${formatDiagnostic(d)}`);
    if (report.outcome === "kept") console.log("config: the new version has errors; the last good one stays in use");
    if (report.outcome === "applied") console.log(`config: applied (${report.diagnostics.length} diagnostic(s))`);
  },
  hooks: {
    onPass: (e) => {
      for (const f of e.failed) console.log(`${e.key}: ${f.notification.destination.service} failed: ${f.cause}`);
      for (const d of e.diagnostics) console.log(`${e.key}: ${formatDiagnostic(d)}`);
    },
  },
});

console.log(`notifications-engine: ${kinds.map((k) => `${k.kind} as ${k.resourceName}`).join(", ")} in ${dir}`);
console.log(`state: ${stateFile}${values.reset ? " (reset)" : ""}`);
await folder.start();
await folder.controller.idle();
if (values.once) {
  await folder.stop();
  console.log(
    `\n${delivered} notification(s) delivered${delivered === 0 ? " (already notified? run with --reset)" : ""}`,
  );
} else {
  if (delivered === 0) {
    console.log("\nnothing to send now: the state file remembers what was notified (npm start -- --reset starts over)");
  }
  console.log(
    `\nwatching ${dir} — edit a file (e.g. set the Certificate's Ready status to "False", save, then "True"); Ctrl-C stops`,
  );
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void folder.stop().then(() => process.exit(0)));
  }
}
