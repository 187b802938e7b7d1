/**
 * A fast path for the plainest YAML, the shape of most template documents: nested block maps of simple keys whose
 * values are `|` and `|-` blocks, one-line plain words, `true`/`false`, and quoted strings without escapes. The YAML
 * library reads it too, to the same data, but it composes a `Document` first; in a cold process (a configuration
 * decoded once at start-up) that is about half of `decodeConfig`. Anything else, and anything near the YAML limits,
 * is left to the library: this reader says "not mine" rather than guess.
 * @module
 */
import type { YamlLimits } from "./read-yaml.ts";

/** Plain words that are not strings in YAML 1.1 or 1.2 (booleans, null), in lower case; a key or value that is one is not ours. */
const specialWords: ReadonlySet<string> = new Set(["y", "n", "yes", "no", "on", "off", "true", "false", "null"]);

/** `key:` at some indent, then nothing or spaces and the value's text; keys far shorter than YAML's 1024 limit. */
const keyLine = /^( *)([A-Za-z][A-Za-z0-9_-]{0,255}):(?:( +)(.*))?$/;

/**
 * Characters left to the library: control characters (tabs and carriage returns included), DEL and C1, the line and
 * paragraph separators, the byte-order mark, noncharacters, and unpaired surrogates.
 */
const unusual = /[^\n\x20-\x7e\u00a0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\u{10000}-\u{10ffff}]/u;

const doubleQuoted = /^"([^"\\]*)"$/;
const singleQuoted = /^'([^']*)'$/;

/**
 * Reads `source` when it is a block map in the plain subset above, to the data the YAML library makes of it (in
 * either YAML version: no word of the subset reads differently in 1.1 and 1.2).
 *
 * @param source The YAML text.
 * @param limits The YAML limits; a value near `maxYamlDepth` or `maxYamlNodes` is left to the library, which reports
 * them.
 * @returns `{ value }`, or `undefined` when the source is not in the subset (then the library must read it).
 *
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { defaultLimits } from "../limits.ts";
 * import { readPlainYaml } from "./read-plain-yaml.ts";
 *
 * const source = "message: |\n  Hello {{.app.metadata.name}}\nslack:\n  notifyBroadcast: false\n";
 * expect(readPlainYaml(source, defaultLimits)).toEqual({
 *   value: { message: "Hello {{.app.metadata.name}}\n", slack: { notifyBroadcast: false } },
 * });
 * expect(readPlainYaml("- a\n- b\n", defaultLimits)).toBeUndefined();
 * ```
 */
export function readPlainYaml(source: string, limits: YamlLimits): { readonly value: unknown } | undefined {
  if (!source.endsWith("\n") || unusual.test(source)) return undefined;
  const lines = source.split("\n");
  lines.pop();
  const state = { i: 0, nodes: 0 };
  while (state.i < lines.length && lines[state.i] === "") state.i++;
  if (state.i === lines.length || indentOf(lines[state.i]!) !== 0) return undefined;
  const value = readMap(lines, state, 0, 0, limits);
  return value === undefined || state.i !== lines.length || state.nodes >= limits.maxYamlNodes ? undefined : { value };
}

// --- utils

function indentOf(line: string): number {
  let n = 0;
  while (line.charCodeAt(n) === 32) n++;
  return n;
}

/** The index of the next line that is not empty, from `from`. */
function nextContent(lines: readonly string[], from: number): number {
  let j = from;
  while (j < lines.length && lines[j] === "") j++;
  return j;
}

/** Reads the block map whose keys are at `indent`, from `state.i`; `level` is how deep it nests (0 at the top). */
function readMap(
  lines: readonly string[],
  state: { i: number; nodes: number },
  indent: number,
  level: number,
  limits: YamlLimits,
): Record<string, unknown> | undefined {
  if (level + 1 >= limits.maxYamlDepth) return undefined;
  const map: Record<string, unknown> = {};
  const seen = new Set<string>();
  state.nodes++;
  while (state.i < lines.length) {
    const line = lines[state.i]!;
    if (line === "") {
      state.i++;
      continue;
    }
    const m = keyLine.exec(line);
    if (m === null) return undefined;
    const at = m[1]!.length;
    if (at < indent) break;
    const key = m[2]!;
    if (at > indent || seen.has(key) || specialWords.has(key.toLowerCase())) return undefined;
    seen.add(key);
    state.i++;
    state.nodes += 2;
    if (m[3] === undefined) {
      // `key:` alone: a nested map on the lines below, or null
      const j = nextContent(lines, state.i);
      if (j < lines.length && indentOf(lines[j]!) > indent) {
        state.nodes--;
        state.i = j;
        const child = readMap(lines, state, indentOf(lines[j]!), level + 1, limits);
        if (child === undefined) return undefined;
        map[key] = child;
      } else map[key] = null;
      continue;
    }
    const text = m[4]!;
    const value = text === "|" || text === "|-" ? readLiteral(lines, state, indent, text === "|-") : scalar(text);
    if (value === undefined) return undefined;
    // A more indented line after a one-line scalar would continue it (or be an error): not ours.
    if (text[0] !== "|") {
      const j = nextContent(lines, state.i);
      if (j < lines.length && indentOf(lines[j]!) > indent) return undefined;
    }
    map[key] = value;
  }
  return map;
}

/** A one-line value: a quoted string without escapes, `true`, `false`, or a plain string that starts with a letter. */
function scalar(text: string): string | boolean | undefined {
  const quoted = doubleQuoted.exec(text) ?? singleQuoted.exec(text);
  if (quoted !== null) return quoted[1]!;
  if (text === "true") return true;
  if (text === "false") return false;
  const c = text.charCodeAt(0);
  if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122))) return undefined;
  if (specialWords.has(text.toLowerCase())) return undefined;
  if (text.endsWith(" ") || text.endsWith(":") || text.includes(": ") || text.includes(" #")) return undefined;
  return text;
}

/**
 * A literal block (`|` keeps one final newline, `|-` none) below a key at `indent`: its indentation is its first
 * line's. Left to the library: an empty block, and lines of spaces only (their meaning depends on where they are).
 */
function readLiteral(
  lines: readonly string[],
  state: { i: number },
  indent: number,
  strip: boolean,
): string | undefined {
  const first = nextContent(lines, state.i);
  if (first === lines.length) return undefined;
  const n = indentOf(lines[first]!);
  if (n <= indent || n === lines[first]!.length) return undefined;
  const out: string[] = [];
  for (let k = state.i; k < first; k++) out.push("");
  let j = first;
  for (; j < lines.length; j++) {
    const line = lines[j]!;
    if (line === "") {
      out.push("");
      continue;
    }
    const at = indentOf(line);
    if (at === line.length) return undefined;
    if (at < n) break;
    out.push(line.slice(n));
  }
  let end = out.length;
  while (end > 0 && out[end - 1] === "") end--;
  // Trailing empty lines are not the block's (chomped); the map goes on after them.
  state.i = j - (out.length - end);
  const content = out.slice(0, end).join("\n");
  return strip ? content : `${content}\n`;
}
