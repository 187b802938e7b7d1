/**
 * How the CLI writes: text for people (colour only on a terminal without `NO_COLOR`), JSON or YAML for scripts, and
 * every byte through the configuration's redactor.
 * @module
 */
import { stringify } from "yaml";
import { plainStyle, type TextStyle } from "../../rules/mod.ts";
import type { CliIO } from "./cli-io.ts";

/** The output formats a verb may offer. */
export type OutputFormat = "text" | "json" | "yaml" | "junit";

/** ANSI emphasis. */
const ansiStyle: TextStyle = {
  bold: (s) => `\x1b[1m${s}\x1b[22m`,
  dim: (s) => `\x1b[2m${s}\x1b[22m`,
  red: (s) => `\x1b[31m${s}\x1b[39m`,
  green: (s) => `\x1b[32m${s}\x1b[39m`,
  yellow: (s) => `\x1b[33m${s}\x1b[39m`,
};

/**
 * The style for text output: colours on a terminal, unless `NO_COLOR` is set.
 * @param io the CLI's capabilities
 * @returns the style
 */
export function textStyle(io: CliIO): TextStyle {
  const noColor = io.env["NO_COLOR"] !== undefined && io.env["NO_COLOR"] !== "";
  return io.isTTY && !noColor ? ansiStyle : plainStyle;
}

/**
 * Serializes data for scripts.
 * @param data the value (plain data)
 * @param format `json` or `yaml`
 * @returns the text, ending with a newline
 */
export function serialize(data: unknown, format: "json" | "yaml"): string {
  return format === "json" ? `${JSON.stringify(data, null, 2)}\n` : stringify(data, { lineWidth: 0 });
}

/** Reads `--output`, allowing the formats of the verb. */
export function outputFormat(value: string | undefined, allowed: readonly OutputFormat[]): OutputFormat | string {
  const format = value ?? "text";
  if ((allowed as readonly string[]).includes(format)) return format as OutputFormat;
  return `--output must be one of ${allowed.join(", ")}, not "${format}"`;
}
