/**
 * YAML text with positions: the plain value, and the line and column of any path in it, for messages that point into
 * a rule file or a manifest.
 * @module
 */
import { readYamlDocuments } from "../yaml/mod.ts";
import type { YamlNode } from "../yaml/mod.ts";
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

/**
 * Parses every document of a YAML text (YAML 1.2, within the default YAML limits).
 * @param text the YAML text
 * @returns the documents with positions, or the syntax errors with their lines
 */
export function readYamlText(text: string): YamlText {
  const docs = readYamlDocuments(text, { version: "1.2" });
  const position = (offset: number): Position => docs[0]!.lines.position(offset);
  const errors = docs.flatMap((d) => d.errors.map((e) => ({ ...position(e.offset ?? 0), message: e.message })));
  if (errors.length > 0) return { _tag: "Invalid", errors };
  const documents: YamlSource[] = [];
  for (const doc of docs) {
    const data = doc.toData();
    if (data._tag === "Left") {
      return { _tag: "Invalid", errors: [{ ...position(data.left.offset ?? 0), message: data.left.message }] };
    }
    if (doc.root === undefined && docs.length > 1) continue;
    const root = doc.root;
    documents.push({
      value: data.right,
      at: (path, options = {}) => position(offsetOf(root, path, options.key === true)),
    });
  }
  return { _tag: "Documents", documents };
}

function offsetOf(root: YamlNode | undefined, path: readonly (string | number)[], key: boolean): number {
  let node = root;
  let offset = root?.start ?? 0;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    if (node?.kind === "alias") node = node.target;
    if (node?.kind === "map") {
      const pair = node.pairs.find((p) => p.key.kind === "scalar" && String(p.key.value) === String(seg));
      if (pair === undefined) return offset;
      offset = (i === path.length - 1 && key ? pair.key : pair.value).start;
      node = pair.value;
    } else if (node?.kind === "seq" && typeof seg === "number") {
      const item = node.items[seg];
      if (item === undefined) return offset;
      offset = item.start;
      node = item;
    } else {
      return offset;
    }
  }
  return offset;
}
