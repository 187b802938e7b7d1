/**
 * The test oracle: the engine's YAML parsing with positions as it was with the `yaml` npm library. YAML parsing that keeps positions: each ConfigMap value is parsed into plain data plus a way to find the line and
 * column of any path inside it, so diagnostics can point at the field.
 * @module
 */
import type { Position, YamlPath, YamlValue } from "../../lib/config/_yaml-position.ts";
import { isAlias, isMap, isPair, isScalar, isSeq } from "yaml";
import type { Document, LineCounter, Node, Pair, ParsedNode, Scalar, YAMLMap, YAMLWarning } from "yaml";
import type { Diagnostic } from "../../lib/diagnostics.ts";
import { diagnostic } from "../../lib/diagnostics.ts";
import type { Either } from "../../lib/fp.ts";
import { E } from "../../lib/fp.ts";
import { defaultLimits } from "../../lib/limits.ts";
import { readYaml } from "./yaml-oracle.ts";
import type { ReadYaml, YamlLimits, YamlProblem, YamlVersion } from "./yaml-oracle.ts";

// --- model

/** The oracle answers with the same model as the engine's `parseYaml`, so the two compare directly. */
export type { Position, YamlPath, YamlValue };

// --- constructors

/**
 * Parses one ConfigMap value; syntax errors are `YamlSyntax` diagnostics with their position, all of them. The
 * library never prints (`logLevel: "error"`): what it would warn about is on {@linkcode YamlValue.warnings}, and a
 * map key that is a list or a map (which it would stringify with a warning, and Go refuses) is an error. A value
 * that passes a YAML limit (see {@linkcode readYaml}) is a `LimitExceeded` error naming it. A value in the plain
 * (The engine's parseYaml before our own reader: kept as the test oracle.)
 */
export function parseYaml(
  source: string,
  version: YamlVersion,
  limits: YamlLimits = defaultLimits,
): Either<readonly Diagnostic[], YamlValue> {
  return parseWithPositions(source, version, limits);
}

function parseWithPositions(
  source: string,
  version: YamlVersion,
  limits: YamlLimits,
): Either<readonly Diagnostic[], YamlValue> {
  const read = readYaml(source, { version, limits });
  const { doc, lines } = read;
  const at = (offset: number | undefined): { line?: number; column?: number } => {
    if (offset === undefined) return {};
    const p = lines.linePos(offset);
    return { line: p.line, column: p.col };
  };
  const problem = (p: YamlProblem): Diagnostic =>
    p.tag === "LimitExceeded"
      ? diagnostic("LimitExceeded", p.message, at(p.offset))
      : diagnostic("YamlSyntax", `the value is not valid YAML: ${firstSentence(p.message)}`, at(p.offset));
  if (doc === undefined) return E.left(read.errors.map(problem));
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
  const warnings = doc.warnings.map((w) =>
    diagnostic("YamlSyntax", warningMessage(w), { severity: "warning", ...at(w.pos[0]) })
  );
  const value = read.toData();
  if (E.isLeft(value)) return E.left([problem(value.left)]);
  return E.right(locator(doc, lines, source, value.right, warnings, read.resolve));
}

// --- utils

const firstSentence = (message: string): string => message.split(" at line ")[0]!.trim();

function warningMessage(w: YAMLWarning): string {
  const tag = /^Unresolved tag: (.*)$/.exec(firstSentence(w.message));
  return tag !== null
    ? `the tag "${tag[1]}" is unknown, so the value is read without it`
    : `the YAML library warns: ${firstSentence(w.message)}`;
}

function locator(
  doc: Document.Parsed,
  lines: LineCounter,
  source: string,
  value: unknown,
  warnings: readonly Diagnostic[],
  resolve: ReadYaml["resolve"],
): YamlValue {
  const pos = (offset: number): Position => {
    const p = lines.linePos(offset);
    return { line: p.line, column: p.col };
  };
  const indexes = new Map<YAMLMap, PairIndex>();
  const walk = (path: YamlPath): { node: Node | undefined; key: Node | undefined } => {
    let node: unknown = doc.contents;
    let key: Node | undefined;
    let last: Node | undefined = doc.contents ?? undefined;
    for (const step of path) {
      if (isAlias(node)) node = resolve(node);
      if (isMap(node)) {
        const pair = pairNamed(node, String(step), indexes);
        key = pair !== undefined && isScalar(pair.key) ? pair.key : undefined;
        node = pair?.value;
      } else if (isSeq(node) && typeof step === "number") {
        key = undefined;
        node = node.items[step];
      } else node = undefined;
      if (node === undefined || node === null) return { node: last, key: key ?? undefined };
      last = node as Node;
    }
    return { node: last, key };
  };
  const start = (n: Node | undefined): Position | undefined =>
    n?.range !== undefined && n.range !== null ? pos(n.range[0]) : undefined;
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
      if (!isScalar(node)) return start(node);
      return scalarPosition(node as Scalar & ParsedNode, source, pos, inner) ?? start(node);
    },
  };
}

/** The pairs of one map by key, built on the first lookup. */
export interface PairIndex {
  readonly exact: ReadonlyMap<string, Pair>;
  readonly folded: ReadonlyMap<string, Pair>;
}

/**
 * The first pair whose scalar key, as a string, is `name`; else the first that matches it without regard to case.
 * Indexed once per map, so that reporting on every key of a large map stays linear.
 */
export function pairNamed(map: YAMLMap, name: string, indexes: Map<YAMLMap, PairIndex>): Pair | undefined {
  let index = indexes.get(map);
  if (index === undefined) {
    const exact = new Map<string, Pair>();
    const folded = new Map<string, Pair>();
    for (const p of map.items) {
      if (!isPair(p) || !isScalar(p.key)) continue;
      const key = String(p.key.value);
      if (!exact.has(key)) exact.set(key, p);
      if (!folded.has(key.toLowerCase())) folded.set(key.toLowerCase(), p);
    }
    index = { exact, folded };
    indexes.set(map, index);
  }
  return index.exact.get(name) ?? index.folded.get(name.toLowerCase());
}

function scalarPosition(
  node: Scalar & ParsedNode,
  source: string,
  pos: (offset: number) => Position,
  inner: Position,
): Position | undefined {
  const [begin, end] = node.range;
  const text = source.slice(begin, end);
  if (node.type === "BLOCK_LITERAL") {
    const header = /^\|[-+]?(?=[ \t]|#|\r?\n|$)/.exec(text);
    if (header === null) return undefined; // an explicit indentation indicator: the indent is the parent's plus it
    const body = text.slice(text.indexOf("\n") + 1);
    const indent = /^ */.exec(body.split("\n").find((l) => l.trim() !== "") ?? "")![0].length;
    return { line: pos(begin).line + inner.line, column: indent + inner.column };
  }
  if (text.includes("\n")) return undefined;
  const lines = (node.type === "PLAIN" ? text : String(node.value)).split("\n");
  if (inner.line < 1 || inner.line > lines.length) return undefined;
  const offset = lines.slice(0, inner.line - 1).reduce((n, l) => n + l.length + 1, 0) + inner.column - 1;
  const at = node.type === "PLAIN"
    ? offset
    : node.type === "QUOTE_SINGLE"
    ? 1 + sourceOffset(text, 1, offset, (i) => (text.startsWith("''", i) ? 2 : 1))
    : node.type === "QUOTE_DOUBLE"
    ? 1 + sourceOffset(text, 1, offset, (i) => (text[i] === "\\" ? escapeLength(text, i) : 1))
    : undefined;
  return at === undefined ? undefined : pos(begin + at);
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
