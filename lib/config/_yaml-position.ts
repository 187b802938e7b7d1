/**
 * YAML parsing that keeps positions: each ConfigMap value is parsed into plain data plus a way to find the line and
 * column of any path inside it, so diagnostics can point at the field.
 * @module
 */
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from "yaml";
import type { Document, Node, ParsedNode, Scalar, Tags } from "yaml";
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
  /** Where the value at `path` starts, or the nearest ancestor that exists. */
  valueAt(path: YamlPath): Position | undefined;
  /** Where the map key naming the last step of `path` starts; the value's position when there is no key. */
  keyAt(path: YamlPath): Position | undefined;
  /**
   * Maps a position inside the string scalar at `path` (e.g. an expression's error) to the YAML value: exact for
   * one-line plain or quoted scalars and for literal blocks, else the scalar's own position.
   */
  insideScalar(path: YamlPath, inner: Position): Position | undefined;
}

/**
 * Which YAML the Go engine reads: `"1.1"` for values it decodes with `sigs.k8s.io/yaml` (goyaml.v2: `yes`/`on` are
 * booleans), `"1.2"` for service settings, which it reads with yaml.v3 and re-quotes before the service sees them.
 */
export type YamlVersion = "1.1" | "1.2";

// --- constructors

/** Parses one ConfigMap value; syntax errors are `YamlSyntax` diagnostics with their position, all of them. */
export function parseYaml(source: string, version: YamlVersion): Either<readonly Diagnostic[], YamlValue> {
  const lines = new LineCounter();
  const doc = parseDocument(source, {
    lineCounter: lines,
    version,
    prettyErrors: false,
    ...(version === "1.1" ? { customTags: goyamlV2Tags } : {}),
  });
  if (doc.errors.length > 0) {
    return E.left(doc.errors.map((e) => {
      const at = lines.linePos(e.pos[0]);
      return diagnostic("YamlSyntax", `the value is not valid YAML: ${firstSentence(e.message)}`, {
        line: at.line,
        column: at.col,
      });
    }));
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return E.left([diagnostic("YamlSyntax", `the value is not valid YAML: ${e instanceof Error ? e.message : "unreadable"}`)]);
  }
  return E.right(locator(doc, lines, source, value));
}

// --- utils

/** goyaml.v2 has no sexagesimal numbers and keeps timestamps as strings when decoding into plain values. */
const goyamlV2Tags = (tags: Tags): Tags =>
  tags.filter((t) => typeof t === "string" || (t.format !== "TIME" && t.tag !== "tag:yaml.org,2002:timestamp"));

const firstSentence = (message: string): string => message.split(" at line ")[0]!.trim();

function locator(doc: Document.Parsed, lines: LineCounter, source: string, value: unknown): YamlValue {
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
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(step));
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
  const at = pos(begin);
  if (node.type === "PLAIN" || node.type === "QUOTE_SINGLE" || node.type === "QUOTE_DOUBLE") {
    if (text.includes("\n") || inner.line !== 1) return undefined;
    return { line: at.line, column: at.column + inner.column - 1 + (node.type === "PLAIN" ? 0 : 1) };
  }
  if (node.type === "BLOCK_LITERAL") {
    const body = text.slice(text.indexOf("\n") + 1);
    const indent = /^ */.exec(body.split("\n").find((l) => l.trim() !== "") ?? "")![0].length;
    return { line: at.line + inner.line, column: indent + inner.column };
  }
  return undefined;
}
