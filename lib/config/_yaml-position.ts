/**
 * YAML parsing that keeps positions: each ConfigMap value is parsed into plain data plus a way to find the line and
 * column of any path inside it, so diagnostics can point at the field.
 * @module
 */
import type { Diagnostic } from "../diagnostics.ts";
import { diagnostic } from "../diagnostics.ts";
import type { Either } from "../fp.ts";
import { E } from "../fp.ts";
import { defaultLimits } from "../limits.ts";
import type { LineIndex } from "../line-index.ts";
import { readYaml } from "../yaml/mod.ts";
import type { YamlLimits, YamlMap, YamlNode, YamlPair, YamlProblem, YamlScalar, YamlVersion } from "../yaml/mod.ts";

// --- model

/** A 1-based line and column inside a ConfigMap value. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** A path into parsed YAML: map keys and list indexes. */
export type YamlPath = readonly (string | number)[];

/** A parsed ConfigMap value. */
export interface YamlValue {
  /** The data, as plain JSON-like values (`null` for an empty document). */
  readonly value: unknown;
  /** Tags the value is read without (unknown, or not fitting their scalar), as `YamlSyntax` warnings with their position. */
  readonly warnings: readonly Diagnostic[];
  /**
   * Where the value at `path` starts, or the nearest ancestor that exists. A key of `path` that the map lacks matches
   * a key written in another case, as Go's JSON decoding (and so the template and trigger fields) reads it.
   */
  valueAt(path: YamlPath): Position | undefined;
  /** Where the map key naming the last step of `path` starts; the value's position when there is no key. */
  keyAt(path: YamlPath): Position | undefined;
  /**
   * Maps a position inside the string scalar at `path` (an expression's or a template's error) to the YAML value:
   * exact for one-line plain or quoted scalars (escapes counted) and for literal blocks (`|`, `|-`, `|+`) without
   * an indentation indicator, else the scalar's own position.
   */
  insideScalar(path: YamlPath, inner: Position): Position | undefined;
}

export type { YamlVersion } from "../yaml/mod.ts";

// --- constructors

/**
 * Parses one ConfigMap value; syntax errors are `YamlSyntax` diagnostics with their position. A tag the value is
 * read without is on {@linkcode YamlValue.warnings}, and a map key that is a list or a map (which Go refuses) is an
 * error. A value that passes a YAML limit (see {@linkcode readYaml}) is a `LimitExceeded` error naming it.
 */
export function parseYaml(
  source: string,
  version: YamlVersion,
  limits: YamlLimits = defaultLimits,
): Either<readonly Diagnostic[], YamlValue> {
  const read = readYaml(source, { version, limits });
  const { root, lines } = read;
  const at = (offset: number | undefined): { line?: number; column?: number } =>
    offset === undefined ? {} : lines.position(offset);
  const problem = (p: YamlProblem): Diagnostic =>
    p.tag === "LimitExceeded"
      ? diagnostic("LimitExceeded", p.message, at(p.offset))
      : diagnostic("YamlSyntax", `the value is not valid YAML: ${p.message}`, at(p.offset));
  const errors = [
    ...read.errors.map(problem),
    ...read.collectionKeys.map(({ kind, offset }) =>
      diagnostic(
        "YamlSyntax",
        `the value is not valid YAML: a map key must be a string, number or boolean, not ${kind}`,
        at(offset),
      )
    ),
  ];
  if (errors.length > 0) return E.left(errors);
  const warnings = read.warnings.map((w) =>
    diagnostic("YamlSyntax", w.message, { severity: "warning", ...at(w.offset) })
  );
  const value = read.toData();
  if (E.isLeft(value)) return E.left([problem(value.left)]);
  return E.right(locator(root, lines, source, value.right, warnings));
}

// --- utils

function locator(
  root: YamlNode | undefined,
  lines: LineIndex,
  source: string,
  value: unknown,
  warnings: readonly Diagnostic[],
): YamlValue {
  const indexes = new Map<YamlMap, PairIndex>();
  const walk = (path: YamlPath): { node: YamlNode | undefined; key: YamlNode | undefined } => {
    let node: YamlNode | undefined = root;
    let key: YamlNode | undefined;
    let last = root;
    for (const step of path) {
      if (node?.kind === "alias") node = node.target;
      if (node?.kind === "map") {
        const pair = pairNamed(node, String(step), indexes);
        key = pair?.key.kind === "scalar" ? pair.key : undefined;
        node = pair?.value;
      } else if (node?.kind === "seq" && typeof step === "number") {
        key = undefined;
        node = node.items[step];
      } else node = undefined;
      if (node === undefined) return { node: last, key };
      last = node;
    }
    return { node: last, key };
  };
  const start = (n: YamlNode | undefined): Position | undefined =>
    n === undefined ? undefined : lines.position(n.start);
  return {
    value,
    warnings,
    valueAt: (path) => start(walk(path).node),
    keyAt: (path) => {
      const w = walk(path);
      return start(w.key ?? w.node);
    },
    insideScalar: (path, inner) => {
      const { node } = walk(path);
      if (node?.kind !== "scalar") return start(node);
      return scalarPosition(node, source, lines, inner) ?? start(node);
    },
  };
}

/** The pairs of one map by key, built on the first lookup. */
export interface PairIndex {
  readonly exact: ReadonlyMap<string, YamlPair>;
  readonly folded: ReadonlyMap<string, YamlPair>;
}

/**
 * The first pair whose scalar key, as a string, is `name`; else the first that matches it without regard to case.
 * Indexed once per map, so that reporting on every key of a large map stays linear.
 */
export function pairNamed(map: YamlMap, name: string, indexes: Map<YamlMap, PairIndex>): YamlPair | undefined {
  let index = indexes.get(map);
  if (index === undefined) {
    const exact = new Map<string, YamlPair>();
    const folded = new Map<string, YamlPair>();
    for (const p of map.pairs) {
      if (p.key.kind !== "scalar" || p.key.merge === true) continue;
      const key = String(p.key.value);
      if (!exact.has(key)) exact.set(key, p);
      if (!folded.has(key.toLowerCase())) folded.set(key.toLowerCase(), p);
    }
    index = { exact, folded };
    indexes.set(map, index);
  }
  return index.exact.get(name) ?? index.folded.get(name.toLowerCase());
}

function scalarPosition(node: YamlScalar, source: string, lines: LineIndex, inner: Position): Position | undefined {
  const { start: begin, end, style } = node;
  if (style === "literal") {
    // with an indentation indicator, the indent is the parent's plus it: not worth it
    if (node.indicator === true) return undefined;
    return { line: lines.position(begin).line + inner.line, column: (node.indent ?? 0) + inner.column };
  }
  const text = source.slice(begin, end);
  if (text.includes("\n") || style === "folded" || begin === end) return undefined;
  const parts = (style === "plain" ? text : String(node.value)).split("\n");
  if (inner.line < 1 || inner.line > parts.length) return undefined;
  const offset = parts.slice(0, inner.line - 1).reduce((n, l) => n + l.length + 1, 0) + inner.column - 1;
  const at = style === "plain"
    ? offset
    : style === "single"
    ? 1 + sourceOffset(text, 1, offset, (i) => (text.startsWith("''", i) ? 2 : 1))
    : 1 + sourceOffset(text, 1, offset, (i) => (text[i] === "\\" ? escapeLength(text, i) : 1));
  return lines.position(begin + at);
}

/**
 * The offset in `text` (from `start`) of the value's character number `offset`, where `step(i)` says how many
 * source characters the value character at source index `i` takes; past the end, the closing quote.
 */
function sourceOffset(text: string, start: number, offset: number, step: (i: number) => number): number {
  let i = start;
  for (let k = 0; k < offset && i < text.length - 1; k++) i += step(i);
  return i - start;
}

/** How many characters a double-quoted escape takes: `\n` 2, `\xFF` 4, `\u00e9` 6, `\U0001F600` 10. */
function escapeLength(text: string, i: number): number {
  const c = text[i + 1];
  return c === "x" ? 4 : c === "u" ? 6 : c === "U" ? 10 : 2;
}
