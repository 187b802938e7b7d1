/**
 * `notifications-engine compile`: the ahead-of-time module of a ConfigMap's trigger conditions, written to a file,
 * and which conditions it covers (see `generateConditionsModule`).
 * @module
 */
import { parseArgs } from "node:util";
import { generateConditionsModule } from "../../compile/mod.ts";
import { decodeConfig } from "../../config/mod.ts";
import { formatDiagnostic } from "../../diagnostics.ts";
import type { CliIO } from "./cli-io.ts";
import { readInput, readManifest } from "./config-input.ts";
import { outputFormat, serialize } from "./output.ts";

/** Where the module goes unless `-o` says. */
export const defaultModuleFile = "conditions.generated.mjs";

const options = {
  help: { type: "boolean", short: "h" },
  out: { type: "string", short: "o" },
  output: { type: "string" },
} as const;

/** What `compile` reports. */
interface CompileReport {
  /** The module's file, or `-` for standard output. */
  readonly module: string;
  readonly covered: readonly string[];
  readonly uncovered: readonly string[];
  /** Triggers left out of the module for their errors (`validate` says more). */
  readonly errors: readonly string[];
}

/**
 * `compile <configmap.yaml|-> [-o <file|->] [--output text|json]`. Its own flags: `-o` names the module's file, as
 * for a compiler, while `--output` is the report's format as for every verb.
 * @param argv the arguments after `compile`
 * @param io the CLI's capabilities
 * @param usage the help text
 * @returns the exit code: 0 written, 1 the ConfigMap could not be read or the module not written, 2 a usage error
 */
export async function compileCommand(argv: readonly string[], io: CliIO, usage: string): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (e) {
    io.stderr(`compile: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}\n\n${usage}`);
    return 2;
  }
  const { values: flags, positionals } = parsed;
  if (flags.help === true) {
    io.stdout(usage);
    return 0;
  }
  const format = outputFormat(flags.output, ["text", "json"]);
  const problem = positionals.length !== 1
    ? "give one ConfigMap file (or - for standard input)"
    : format !== "text" && format !== "json"
    ? format
    : ["text", "json", "yaml"].includes(flags.out ?? "")
    ? `-o names the module's file; for the report's format write --output ${flags.out}`
    : undefined;
  if (problem !== undefined) {
    io.stderr(`compile: ${problem}\n\n${usage}`);
    return 2;
  }
  const [input] = positionals as [string];
  const out = flags.out ?? defaultModuleFile;
  if (input === "-" && out === "-") {
    io.stderr("compile: the ConfigMap and the module cannot both use standard input and output; give -o <file>\n");
    return 2;
  }
  let data: Readonly<Record<string, unknown>>;
  try {
    const cm = readManifest(await readInput(input, io), { what: `the ConfigMap ${input}`, kind: "ConfigMap" });
    if (typeof cm === "string") throw new Error(cm);
    const d = cm["data"] ?? {};
    if (typeof d !== "object" || d === null || Array.isArray(d)) {
      throw new Error(`the ConfigMap ${input}: data must be a map`);
    }
    data = d as Readonly<Record<string, unknown>>;
  } catch (e) {
    io.stderr(`compile: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  const triggers = Object.fromEntries(
    Object.entries(data).filter(([k, v]) => k.startsWith("trigger.") && typeof v === "string"),
  );
  const generated = generateConditionsModule({ data: triggers as Record<string, string> });
  const errors = decodeConfig({ data: triggers as Record<string, string> }).diagnostics
    .filter((d) => d.severity === "error").map(formatDiagnostic);
  try {
    if (out === "-") io.stdout(generated.text);
    else await io.writeFile(out, generated.text);
  } catch (e) {
    io.stderr(`compile: cannot write ${out}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  const report: CompileReport = { module: out, covered: generated.covered, uncovered: generated.uncovered, errors };
  // The report goes to standard error when the module took standard output.
  const write = out === "-" ? io.stderr : io.stdout;
  write(format === "json" ? serialize(report, "json") : reportText(report));
  return 0;
}

function reportText(r: CompileReport): string {
  const total = r.covered.length + r.uncovered.length;
  const lines = [`${r.module}: ${r.covered.length} of ${total} condition expression(s) compiled ahead of time`];
  if (r.uncovered.length > 0) lines.push("left to the closures (same results, not compiled ahead of time):");
  for (const s of r.uncovered) lines.push(`  ${s.split("\n")[0]}`);
  if (r.errors.length > 0) lines.push(`left out for their errors (run validate): ${r.errors.length}`);
  for (const e of r.errors) lines.push(`  ${e}`);
  return `${lines.join("\n")}\n`;
}
