/**
 * YAML parsing that keeps positions: each ConfigMap value is parsed into plain data plus a way to find the line and
 * column of any path inside it, so diagnostics can point at the field.
 * @module
 */
import { isAlias, isCollection, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit } from "yaml";
import type { Document, Node, ParsedNode, Scalar, Tags, YAMLWarning } from "yaml";
import type { Diagnostic } from "../diagnostics.ts";
import { diagnostic } from "../diagnostics.ts";
import type { Either } from "../fp.ts";
import { E } from "../fp.ts";

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
  /** What the YAML library only warns about (an unknown tag), as `YamlSyntax` warnings with their position. */
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

/**
 * Which YAML the Go engine reads: `"1.1"` for values it decodes with `sigs.k8s.io/yaml` (goyaml.v2: `yes`/`on` are
 * booleans), `"1.2"` for service settings, which it reads with yaml.v3 and re-quotes before the service sees them.
 */
export type YamlVersion = "1.1" | "1.2";

// --- constructors

/**
 * Parses one ConfigMap value; syntax errors are `YamlSyntax` diagnostics with their position, all of them. The
 * library never prints (`logLevel: "error"`): what it would warn about is on {@linkcode YamlValue.warnings}, and a
 * map key that is a list or a map (which it would stringify with a warning, and Go refuses) is an error.
 */
export function parseYaml(source: string, version: YamlVersion): Either<readonly Diagnostic[], YamlValue> {
  const lines = new LineCounter();
  const doc = parseDocument(source, {
    lineCounter: lines,
    version,
    prettyErrors: false,
    logLevel: "error",
    ...(version === "1.1" ? { customTags: goyamlV2Tags } : {}),
  });
  const at = (offset: number): { line: number; column: number } => {
    const p = lines.linePos(offset);
    return { line: p.line, column: p.col };
  };
  const errors = [
    ...doc.errors.map((e) => diagnostic("YamlSyntax", `the value is not valid YAML: ${firstSentence(e.message)}`, at(e.pos[0]))),
    ...collectionKeys(doc).map(([key, offset]) =>
      diagnostic("YamlSyntax", `the value is not valid YAML: a map key must be a string, number or boolean, not ${key}`, at(offset))
    ),
  ];
  if (errors.length > 0) return E.left(errors);
  const warnings = doc.warnings.map((w) => diagnostic("YamlSyntax", warningMessage(w), { severity: "warning", ...at(w.pos[0]) }));
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return E.left([diagnostic("YamlSyntax", `the value is not valid YAML: ${e instanceof Error ? e.message : "unreadable"}`)]);
  }
  return E.right(locator(doc, lines, source, value, warnings));
}

// --- utils

/** goyaml.v2 has no sexagesimal numbers and keeps timestamps as strings when decoding into plain values. */
const goyamlV2Tags = (tags: Tags): Tags =>
  tags.filter((t) => typeof t === "string" || (t.format !== "TIME" && t.tag !== "tag:yaml.org,2002:timestamp"));

const firstSentence = (message: string): string => message.split(" at line ")[0]!.trim();

function warningMessage(w: YAMLWarning): string {
  const tag = /^Unresolved tag: (.*)$/.exec(firstSentence(w.message));
  return tag !== null
    ? `the tag "${tag[1]}" is unknown, so the value is read without it`
    : `the YAML library warns: ${firstSentence(w.message)}`;
}

/**
 * Map keys that are lists or maps (written or through an alias), with their offsets: JS objects cannot hold them,
 * and Go's decoding fails.
 */
function collectionKeys(doc: Document.Parsed): [kind: string, offset: number][] {
  const found: [string, number][] = [];
  visit(doc, {
    Pair: (_, pair) => {
      const key = isAlias(pair.key) ? pair.key.resolve(doc) : pair.key;
      if (isCollection(key)) found.push([isMap(key) ? "a map" : "a list", (pair.key as Node).range?.[0] ?? 0]);
    },
  });
  return found;
}

function locator(
  doc: Document.Parsed,
  lines: LineCounter,
  source: string,
  value: unknown,
  warnings: readonly Diagnostic[],
): YamlValue {
  const pos = (offset: number): Position => {
    const p = lines.linePos(offset);
    return { line: p.line, column: p.col };
  };
  const walk = (path: YamlPath): { node: Node | undefined; key: Node | undefined } => {
    let node: unknown = doc.contents;
    let key: Node | undefined;
    let last: Node | undefined = doc.contents ?? undefined;
    for (const step of path) {
      if (isAlias(node)) node = node.resolve(doc);
      if (isMap(node)) {
        const name = (p: unknown): string | undefined => (isPair(p) && isScalar(p.key) ? String(p.key.value) : undefined);
        const pair = node.items.find((p) => name(p) === String(step)) ??
          node.items.find((p) => name(p)?.toLowerCase() === String(step).toLowerCase());
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
