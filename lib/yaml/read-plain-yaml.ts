/**
 * A fast path for the plainest YAML, the shape of most template, trigger and service documents: nested block maps of
 * simple keys and block lists, whose values are `|` and `|-` blocks, plain words (on one line, or folded over more
 * indented lines), small integers, `true`/`false`, quoted strings without escapes, and flow lists of plain words. The
 * YAML library reads it too, to the same data, but it composes a `Document` first; in a cold process (a configuration
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

/** A flow list of plain words on one line: `[a, b-c]`, or `[]`. */
const flowList = /^\[(?: *([A-Za-z][A-Za-z0-9_.-]*(?: *, *[A-Za-z][A-Za-z0-9_.-]*)*) *)?\]$/;

/** A small decimal integer, which YAML 1.1 and 1.2 read alike. */
const smallInt = /^(?:0|[1-9][0-9]{0,8})$/;

/** The first characters of a continuation line that could mean something else than text: left to the library. */
const notContinuation = /^[-?:,{}#&!|>%@`]/;

/**
 * Reads `source` when it is a block map or a block list in the plain subset above, to the data the YAML library makes
 * of it (in either YAML version: no word of the subset reads differently in 1.1 and 1.2).
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
 * expect(readPlainYaml("- when: a == 'b'\n  send: [on-a, on-b]\n", defaultLimits)).toEqual({
 *   value: [{ when: "a == 'b'", send: ["on-a", "on-b"] }],
 * });
 * expect(readPlainYaml("- a: b # c\n", defaultLimits)).toBeUndefined();
 * ```
 */
export function readPlainYaml(source: string, limits: YamlLimits): { readonly value: unknown } | undefined {
  if (unusual.test(source)) return undefined;
  const open = !source.endsWith("\n");
  const lines = source.split("\n");
  if (!open) lines.pop();
  const state: State = { i: 0, nodes: 0, open };
  while (state.i < lines.length && lines[state.i] === "") state.i++;
  if (state.i === lines.length || indentOf(lines[state.i]!) !== 0) return undefined;
  const value = isItem(lines[state.i]!, 0)
    ? readList(lines, state, 0, 0, limits, false)
    : readMap(lines, state, 0, 0, limits);
  return value === undefined || state.i !== lines.length || state.nodes >= limits.maxYamlNodes ? undefined : { value };
}

// --- utils

/** Where the reading is: the line, the nodes so far, and whether the source lacks a final line break. */
interface State {
  i: number;
  nodes: number;
  readonly open: boolean;
}

function indentOf(line: string): number {
  let n = 0;
  while (line.charCodeAt(n) === 32) n++;
  return n;
}

/** Whether `line` is a list item (`- ` or a lone `-`) at `indent`. */
function isItem(line: string, indent: number): boolean {
  return line.charCodeAt(indent) === 45 && (line.length === indent + 1 || line.charCodeAt(indent + 1) === 32);
}

/** The index of the next line that is not empty, from `from`. */
function nextContent(lines: readonly string[], from: number): number {
  let j = from;
  while (j < lines.length && lines[j] === "") j++;
  return j;
}

/** Reads the block map whose keys are at `indent`, from `state.i`; `level` is how deep it nests (0 at the top). */
function readMap(
  lines: string[],
  state: State,
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
    const at = indentOf(line);
    if (at < indent) break;
    const m = keyLine.exec(line);
    if (m === null) return undefined;
    const key = m[2]!;
    if (at > indent || seen.has(key) || specialWords.has(key.toLowerCase())) return undefined;
    seen.add(key);
    state.i++;
    state.nodes += 2;
    if (m[3] === undefined) {
      // `key:` alone: a nested map or a list on the lines below (a list may start at the key's indent), or null
      const j = nextContent(lines, state.i);
      const below = j < lines.length ? indentOf(lines[j]!) : -1;
      if (below > indent || (below === indent && isItem(lines[j]!, indent))) {
        state.nodes--;
        state.i = j;
        const child = isItem(lines[j]!, below)
          ? readList(lines, state, below, level + 1, limits, below === indent)
          : readMap(lines, state, below, level + 1, limits);
        if (child === undefined) return undefined;
        map[key] = child;
      } else map[key] = null;
      continue;
    }
    const value = valueOf(m[4]!, lines, state, indent, level, limits);
    if (value === undefined) return undefined;
    map[key] = value;
  }
  return map;
}

/** The value written after `key: ` (a block, a flow list, or a scalar, maybe folded over the lines below). */
function valueOf(
  text: string,
  lines: readonly string[],
  state: State,
  indent: number,
  level: number,
  limits: YamlLimits,
): unknown {
  if (text === "|" || text === "|-") return readLiteral(lines, state, indent, text === "|-");
  const list = flowList.exec(text);
  if (list !== null) {
    if (level + 2 >= limits.maxYamlDepth) return undefined;
    const words = list[1] === undefined ? [] : list[1].split(",").map((w) => w.trim());
    if (words.some((w) => specialWords.has(w.toLowerCase()))) return undefined;
    state.nodes += words.length;
    return nextIsDeeper(lines, state.i, indent) ? undefined : words;
  }
  if (!nextIsDeeper(lines, state.i, indent)) return scalar(text);
  // A plain scalar folded over more indented lines: joined by spaces (an empty line between would be a line break).
  const c = text.charCodeAt(0);
  if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 36) || text.endsWith(" ")) return undefined;
  let joined = text;
  while (state.i < lines.length && lines[state.i] !== "" && indentOf(lines[state.i]!) > indent) {
    const part = lines[state.i]!.slice(indentOf(lines[state.i]!));
    if (part === "" || notContinuation.test(part) || part.endsWith(" ")) return undefined;
    joined += ` ${part}`;
    state.i++;
  }
  if (nextIsDeeper(lines, state.i, indent)) return undefined;
  const value = scalar(joined);
  return typeof value === "string" ? value : undefined;
}

/** Whether the next non-empty line from `from` is indented more than `indent` (it would continue a one-line value). */
function nextIsDeeper(lines: readonly string[], from: number, indent: number): boolean {
  const j = nextContent(lines, from);
  return j < lines.length && indentOf(lines[j]!) > indent;
}

/**
 * Reads the block list whose `- ` are at `indent`. An item is a scalar on one line or a map whose first key follows
 * the `- ` (its keys are then at `indent + 2`). `inMap`: the list is the value of a key at the same indent, so a key
 * line there ends it.
 */
function readList(
  lines: string[],
  state: State,
  indent: number,
  level: number,
  limits: YamlLimits,
  inMap: boolean,
): unknown[] | undefined {
  if (level + 1 >= limits.maxYamlDepth) return undefined;
  const list: unknown[] = [];
  state.nodes++;
  while (state.i < lines.length) {
    const line = lines[state.i]!;
    if (line === "") {
      state.i++;
      continue;
    }
    const at = indentOf(line);
    if (at < indent || (at === indent && inMap && !isItem(line, at))) break;
    if (at > indent || !isItem(line, at)) return undefined;
    const rest = line.slice(indent + 2);
    if (rest === "" || rest.charCodeAt(0) === 32) return undefined;
    if (keyLine.test(rest)) {
      // `- key: ...`: a map at `indent + 2`, read as if the dash were a space
      lines[state.i] = `${" ".repeat(indent + 2)}${rest}`;
      const item = readMap(lines, state, indent + 2, level + 1, limits);
      if (item === undefined) return undefined;
      list.push(item);
      continue;
    }
    state.i++;
    state.nodes++;
    if (nextIsDeeper(lines, state.i, indent)) return undefined;
    const item = scalar(rest);
    if (item === undefined) return undefined;
    list.push(item);
  }
  return list;
}

/**
 * A one-line value: a quoted string without escapes, `true`, `false`, a small integer, or a plain string that starts
 * with a letter or `$`.
 */
function scalar(text: string): string | boolean | number | undefined {
  const quoted = doubleQuoted.exec(text) ?? singleQuoted.exec(text);
  if (quoted !== null) return quoted[1]!;
  if (text === "true") return true;
  if (text === "false") return false;
  if (smallInt.test(text)) return Number(text);
  const c = text.charCodeAt(0);
  if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 36)) return undefined;
  if (specialWords.has(text.toLowerCase())) return undefined;
  if (text.endsWith(" ") || text.endsWith(":") || text.includes(": ") || text.includes(" #")) return undefined;
  return text;
}

/**
 * A literal block (`|` keeps one final newline, `|-` none) below a key at `indent`: its indentation is its first
 * line's. Left to the library: an empty block, lines of spaces only (their meaning depends on where they are), and a
 * block that ends the source without a final line break.
 */
function readLiteral(
  lines: readonly string[],
  state: State,
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
  if (j === lines.length && state.open) return undefined;
  let end = out.length;
  while (end > 0 && out[end - 1] === "") end--;
  // Trailing empty lines are not the block's (chomped); the map goes on after them.
  state.i = j - (out.length - end);
  const content = out.slice(0, end).join("\n");
  return strip ? content : `${content}\n`;
}
