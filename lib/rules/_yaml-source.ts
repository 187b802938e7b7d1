/**
 * YAML text with positions: the plain value, and the line and column of any path in it, for messages that point into
 * a rule file or a manifest.
 * @module
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments } from "yaml";
import type { Node } from "yaml";
import type { Position } from "./rule-file.ts";

/** One YAML document of a text, with positions. */
export interface YamlSource {
  readonly value: unknown;
  /** Where the value at `path` starts (or, with `key`, its map key); the nearest existing parent when it is absent. */
  at(path: readonly (string | number)[], options?: { readonly key?: boolean }): Position;
}

/** A YAML text: its documents, or the syntax errors that stopped it. */
export type YamlText =
  | { readonly _tag: "Documents"; readonly documents: readonly YamlSource[] }
  | { readonly _tag: "Invalid"; readonly errors: readonly (Position & { readonly message: string })[] };

const limits = { maxAliasCount: 100 };

/**
 * Parses every document of a YAML text.
 * @param text the YAML text
 * @returns the documents with positions, or the syntax errors with their lines
 */
export function readYamlText(text: string): YamlText {
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const position = (offset: number): Position => {
    const p = lines.linePos(offset);
    return { line: p.line, column: p.col };
  };
  const list = Array.isArray(docs) ? docs : [];
  const errors = list.flatMap((d) =>
    d.errors.map((e) => ({ ...position(e.pos[0]), message: e.message.split("\n")[0]! }))
  );
  if (!Array.isArray(docs)) errors.push({ line: 1, column: 1, message: "not a YAML stream" });
  if (errors.length > 0) return { _tag: "Invalid", errors };
  const documents: YamlSource[] = [];
  for (const doc of list) {
    let value: unknown;
    try {
      value = doc.toJS(limits);
    } catch (e) {
      return { _tag: "Invalid", errors: [{ line: 1, column: 1, message: e instanceof Error ? e.message : String(e) }] };
    }
    if (value === null && doc.contents === null && list.length > 1) continue;
    const root = doc.contents as Node | null;
    documents.push({
      value,
      at: (path, options = {}) => position(offsetOf(root, path, options.key === true)),
    });
  }
  return { _tag: "Documents", documents };
}

function offsetOf(root: Node | null, path: readonly (string | number)[], key: boolean): number {
  let node: unknown = root;
  let offset = (root?.range?.[0]) ?? 0;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (pair === undefined) return offset;
      const last = i === path.length - 1;
      const target = (last && key ? pair.key : pair.value) as Node | null;
      offset = target?.range?.[0] ?? (pair.key as Node | null)?.range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === "number") {
      const item = node.items[seg] as Node | undefined;
      if (item === undefined) return offset;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else {
      return offset;
    }
  }
  return offset;
}
