/**
 * `notifications-engine validate`: every problem of a configuration at once, with its key and its line in the
 * ConfigMap file.
 * @module
 */
import { isScalar, LineCounter, parseAllDocuments, type Scalar } from "yaml";
import type { Diagnostic } from "../../diagnostics.ts";
import { formatDiagnostic } from "../../diagnostics.ts";
import type { CliIO } from "./cli-io.ts";
import { type SourceFlags, startVerb } from "./config-input.ts";
import { serialize, textStyle } from "./output.ts";

/** A diagnostic placed in the ConfigMap file. */
export interface PlacedDiagnostic extends Diagnostic {
  /** The ConfigMap's file. */
  readonly file: string;
  /** The line and column in the file, when the key is found in it. */
  readonly fileLine?: number;
  readonly fileColumn?: number;
}

/**
 * Finds where each ConfigMap key's value starts in the file, so a line inside the value becomes a line of the file.
 * @param text the ConfigMap's YAML text
 * @returns for each key, the file line of the value's first line and the indentation of its lines
 */
export function keyLines(text: string): ReadonlyMap<string, { readonly line: number; readonly indent: number }> {
  const lines = new LineCounter();
  const out = new Map<string, { line: number; indent: number }>();
  const docs = parseAllDocuments(text, { lineCounter: lines });
  if (!Array.isArray(docs)) return out;
  const source = text.split("\n");
  for (const doc of docs) {
    if (doc.get("kind") !== "ConfigMap" && docs.length > 1) continue;
    const data = doc.get("data", true);
    if (data === undefined || data === null || typeof data !== "object" || !("items" in data)) continue;
    for (const pair of (data as { items: { key: unknown; value: unknown }[] }).items) {
      if (!isScalar(pair.key) || !isScalar(pair.value)) continue;
      const value = pair.value as Scalar;
      const start = lines.linePos(value.range?.[0] ?? 0);
      const block = value.type === "BLOCK_LITERAL" || value.type === "BLOCK_FOLDED";
      const line = block ? start.line + 1 : start.line;
      const indent = block ? (/^ */.exec(source[line - 1] ?? "")?.[0].length ?? 0) : start.col - 1;
      out.set(String(pair.key.value), { line, indent });
    }
  }
  return out;
}

function place(
  d: Diagnostic,
  file: string,
  keys: ReadonlyMap<string, { line: number; indent: number }>,
): PlacedDiagnostic {
  const at = d.key !== undefined ? keys.get(d.key) : undefined;
  if (at === undefined) return { ...d, file };
  const fileLine = at.line + (d.line ?? 1) - 1;
  return { ...d, file, fileLine, ...(d.column !== undefined ? { fileColumn: at.indent + d.column } : {}) };
}

/**
 * Runs the `validate` verb.
 * @param flags the parsed flags
 * @param io the CLI's capabilities
 * @returns the exit code: 0 no error, 1 errors, 2 a usage error or an unreadable configuration
 */
export async function validateCommand(
  flags: SourceFlags & { readonly output?: string | undefined },
  io: CliIO,
): Promise<number> {
  const started = await startVerb(flags, io, { verb: "validate" });
  if (typeof started === "number") return started;
  const { loaded, format } = started;
  const keys = loaded.text !== undefined ? keyLines(loaded.text) : new Map();
  const placed = loaded.diagnostics.map((d) => place(d, loaded.origin, keys));
  const errors = placed.filter((d) => d.severity === "error").length;
  const { config } = loaded;
  if (format !== "text") {
    const summary = {
      triggers: config.triggers.size,
      templates: config.templates.size,
      services: config.services.size,
    };
    io.stdout(
      loaded.redact(
        serialize(
          { valid: errors === 0, errors, warnings: placed.length - errors, ...summary, diagnostics: placed },
          format,
        ),
      ),
    );
    return errors === 0 ? 0 : 1;
  }
  const style = textStyle(io);
  for (const d of placed) {
    const where = d.fileLine !== undefined
      ? `${d.file}:${d.fileLine}${d.fileColumn !== undefined ? `:${d.fileColumn}` : ""}`
      : d.file;
    const severity = d.severity === "error" ? style.red("error") : style.yellow("warning");
    io.stdout(loaded.redact(`${where}: ${severity}: ${formatDiagnostic(d)}\n`));
    if (d.snippet !== undefined) io.stdout(loaded.redact(`${d.snippet}\n`));
  }
  const counts =
    `${config.triggers.size} trigger(s), ${config.templates.size} template(s), ${config.services.size} service(s)`;
  io.stdout(
    `${errors === 0 ? style.green("valid") : style.red("invalid")}: ${errors} error(s), ${
      placed.length - errors
    } warning(s); ${counts}\n`,
  );
  return errors === 0 ? 0 : 1;
}
