/**
 * The test oracle: `readYaml` as it was over the `yaml` npm library (its Parser and Composer, with goyaml.v2's tags
 * for YAML 1.1), before our own reader replaced it in the core. The differential tests compare our reader with it.
 * @module
 */
import type { CollectionKey, ReadYamlOptions, YamlLimits, YamlProblem } from "../../lib/yaml/mod.ts";
import { Composer, isAlias, isCollection, isMap, isNode, isPair, isScalar, isSeq, LineCounter, Parser } from "yaml";
import type { Alias, CST, Document, Node, Tags, YAMLMap } from "yaml";
import type { Either } from "../../lib/fp.ts";
import { E } from "../../lib/fp.ts";
import { defaultLimits, limitMessage } from "../../lib/limits.ts";

// --- model

/**
 * Which YAML the Go engine reads: `"1.1"` for values it decodes with `sigs.k8s.io/yaml` (goyaml.v2: `yes`/`on` are
 * booleans), `"1.2"` for service settings, which it reads with yaml.v3 and re-quotes before the service sees them.
 */
export type YamlVersion = "1.1" | "1.2";

/** The same limits, options and problems as our reader's, so the differential tests compare them directly. */
export type { CollectionKey, ReadYamlOptions, YamlLimits, YamlProblem };

/** A read YAML value. */
export interface ReadYaml {
  /** The document; absent when the source was refused before it was built (nested too deep). */
  readonly doc: Document.Parsed | undefined;
  /** Line starts of the source, to turn offsets into lines and columns. */
  readonly lines: LineCounter;
  /** Syntax errors, duplicate keys included, in document order; or the depth limit that refused the source. */
  readonly errors: readonly YamlProblem[];
  /**
   * Map keys that are lists or maps (written, or through an alias), in document order, where each key starts: plain
   * data cannot hold them, and Go's decoding fails.
   */
  readonly collectionKeys: readonly CollectionKey[];
  /** The node an alias names (the last node with that anchor before it, as the YAML library resolves it). */
  resolve(alias: Alias): Node | undefined;
  /**
   * The value as plain data: refused when an alias is inside the node it names, or when the aliases or the nodes
   * they expand to pass their limits; else converted (aliases resolved, merge keys merged).
   */
  toData(): Either<YamlProblem, unknown>;
}

// --- constructors

/**
 * Parses one YAML value: linear in its size (the YAML library's duplicate-key check, a scan per key, is replaced by
 * one set per map with the same rule and message), and refusing, before building it, a value nested deeper than
 * `maxYamlDepth` (the library builds recursively, and a deep enough value exhausts the stack).
 *
 * @param source The YAML text.
 * @param options The YAML version and the limits.
 * @returns The document, its errors, and a bounded conversion to data.
 *
 * @example An alias bomb is refused by count, not expanded
 * ```ts
 * import { expect } from "expect";
 * import { readYaml } from "./read-yaml.ts";
 *
 * const bomb = "a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\nd: [*c, *c]\n";
 * const read = readYaml(bomb, { version: "1.1", limits: { maxYamlDepth: 100, maxYamlAliases: 5, maxYamlNodes: 100 } });
 * expect(read.errors).toEqual([]);
 * const data = read.toData();
 * expect(data._tag === "Left" && data.left.message).toMatch(/^limit exceeded: maxYamlAliases \(5\)/);
 * ```
 */
export function readYaml(source: string, options: ReadYamlOptions): ReadYaml {
  const limits = options.limits ?? defaultLimits;
  const lines = new LineCounter();
  const tokens = Array.from(new Parser(lines.addNewLine).parse(source));
  const deep = tooDeep(tokens, limits.maxYamlDepth);
  if (deep !== undefined) {
    const message = limitMessage("maxYamlDepth", limits.maxYamlDepth, "lists and maps nest deeper than that");
    return refused(lines, { tag: "LimitExceeded", message, offset: deep });
  }
  const composer = new Composer({
    version: options.version,
    logLevel: "error",
    uniqueKeys: false,
    ...(options.version === "1.1" ? { customTags: goyamlV2Tags } : {}),
  });
  let doc: Document.Parsed | undefined;
  const errors: YamlProblem[] = [];
  for (const next of composer.compose(tokens, true, source.length)) {
    if (doc === undefined) doc = next;
    else {
      errors.push(syntax("Source contains multiple documents; please use YAML.parseAllDocuments()", next.range[0]));
      break;
    }
  }
  if (doc === undefined) throw new TypeError("Cannot read YAML: the composer returned no document");
  const shape = analyse(doc);
  const libraryErrors = doc.errors.map((e) => syntax(e.message, e.pos[0] >= 0 ? e.pos[0] : undefined));
  const all = mergeDuplicates(libraryErrors, shape.duplicateKeys).concat(errors);
  const parsed = doc;
  return {
    doc,
    lines,
    errors: all,
    collectionKeys: shape.collectionKeys,
    resolve: (alias) => shape.targets.get(alias),
    toData: () => toData(parsed, shape, limits),
  };
}

// --- utils

/** goyaml.v2 has no sexagesimal numbers and keeps timestamps as strings when decoding into plain values. */
const goyamlV2Tags = (tags: Tags): Tags =>
  tags.filter((t) => typeof t === "string" || (t.format !== "TIME" && t.tag !== "tag:yaml.org,2002:timestamp"));

const syntax = (message: string, offset: number | undefined): YamlProblem => ({ tag: "YamlSyntax", message, offset });

function refused(lines: LineCounter, problem: YamlProblem): ReadYaml {
  return {
    doc: undefined,
    lines,
    errors: [problem],
    collectionKeys: [],
    resolve: () => undefined,
    toData: () => E.left(problem),
  };
}

/** The offset of the first list or map nested deeper than `max`, walking the parser's tokens without recursion. */
function tooDeep(tokens: readonly CST.Token[], max: number): number | undefined {
  const stack: [CST.Token, number][] = tokens.map((t) => [t, 0]);
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const [token, depth] = top;
    if (token.type === "document" && token.value !== undefined) stack.push([token.value, depth]);
    if (token.type !== "block-map" && token.type !== "block-seq" && token.type !== "flow-collection") continue;
    if (depth >= max) return token.offset;
    for (const item of token.items) {
      if (item.key !== undefined && item.key !== null) stack.push([item.key, depth + 1]);
      if (item.value !== undefined) stack.push([item.value, depth + 1]);
    }
  }
  return undefined;
}

/**
 * Merges duplicate-key errors into the library's errors where the library reports them: a block map checks a key as
 * soon as it is read, a flow map after its value (so after the errors inside the value).
 */
function mergeDuplicates(errors: readonly YamlProblem[], duplicates: readonly Duplicate[]): YamlProblem[] {
  const out: YamlProblem[] = [];
  let j = 0;
  for (const e of errors) {
    while (j < duplicates.length && duplicates[j]!.order < (e.offset ?? 0)) out.push(duplicates[j++]!.problem);
    out.push(e);
  }
  for (; j < duplicates.length; j++) out.push(duplicates[j]!.problem);
  return out;
}

interface Expansion {
  readonly nodes: number;
  readonly aliases: number;
}

/** A repeated key, and where in the library's order of errors it goes (see {@linkcode mergeDuplicates}). */
interface Duplicate {
  readonly problem: YamlProblem;
  readonly order: number;
}

interface Shape {
  readonly targets: ReadonlyMap<Alias, Node | undefined>;
  readonly duplicateKeys: readonly Duplicate[];
  readonly collectionKeys: readonly CollectionKey[];
  /** Aliases inside the node they name. */
  readonly cycles: readonly Alias[];
  readonly expansion: Expansion;
}

/**
 * One walk of the document, in the YAML library's visiting order (a node, then its items; a pair, then its key, then
 * its value): which node each alias names, how many nodes and aliases the value expands to (memoised per anchored
 * node, so linear however the aliases nest), duplicate keys, keys that are collections, and aliases that would make
 * the value contain itself.
 */
function analyse(doc: Document.Parsed): Shape {
  const targets = new Map<Alias, Node | undefined>();
  const anchors = new Map<string, Node>();
  const anchored = new Map<Node, Expansion>();
  const open = new Set<Node>();
  const duplicateKeys: Duplicate[] = [];
  const collectionKeys: CollectionKey[] = [];
  const cycles: Alias[] = [];
  const walk = (node: unknown): Expansion => {
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      targets.set(node, target);
      if (target !== undefined && open.has(target)) cycles.push(node);
      const named = target === undefined ? undefined : anchored.get(target);
      return { nodes: named?.nodes ?? 0, aliases: 1 + (named?.aliases ?? 0) };
    }
    if (isPair(node)) {
      const key = isAlias(node.key) ? anchors.get(node.key.source) : node.key;
      if (isCollection(key)) {
        collectionKeys.push({ kind: isMap(key) ? "a map" : "a list", offset: (node.key as Node).range?.[0] ?? 0 });
      }
      const k = walk(node.key);
      const v = walk(node.value);
      return { nodes: k.nodes + v.nodes, aliases: k.aliases + v.aliases };
    }
    if (!isScalar(node) && !isMap(node) && !isSeq(node)) return { nodes: 0, aliases: 0 };
    if (node.anchor !== undefined) anchors.set(node.anchor, node);
    let nodes = 1;
    let aliases = 0;
    if (!isScalar(node)) {
      open.add(node);
      for (const item of node.items) {
        const e = walk(item);
        nodes += e.nodes;
        aliases += e.aliases;
      }
      open.delete(node);
      if (isMap(node)) addDuplicates(node, duplicateKeys);
    }
    const expansion = { nodes, aliases };
    if (node.anchor !== undefined) anchored.set(node, expansion);
    return expansion;
  };
  const expansion = walk(doc.contents);
  duplicateKeys.sort((a, b) => a.order - b.order);
  return { targets, duplicateKeys, collectionKeys, cycles, expansion };
}

/**
 * The YAML library's duplicate-key rule in linear time: two keys are the same when both are scalars with the same
 * value (`===`, so `1` and `1.0` are, `.nan` never is, and each merge key `<<` is its own symbol); other keys never
 * are. Reported where the repeated key starts, with the library's message.
 */
function addDuplicates(map: YAMLMap, out: Duplicate[]): void {
  const seen = new Set<unknown>();
  for (const pair of map.items) {
    if (!isPair(pair) || !isScalar(pair.key)) continue;
    const value = pair.key.value;
    if (typeof value === "number" && Number.isNaN(value)) continue;
    if (!seen.has(value)) {
      seen.add(value);
      continue;
    }
    const start = pair.key.range?.[0] ?? 0;
    const end = (isNode(pair.value) ? pair.value.range?.[1] : undefined) ?? pair.key.range?.[1] ?? start;
    out.push({ problem: syntax("Map keys must be unique", start), order: map.flow === true ? end - 0.5 : start });
  }
}

function toData(doc: Document.Parsed, shape: Shape, limits: YamlLimits): Either<YamlProblem, unknown> {
  const cycle = shape.cycles[0];
  if (cycle !== undefined) {
    return E.left(syntax(`the alias "*${cycle.source}" is inside the node its anchor names`, cycle.range?.[0]));
  }
  const { aliases, nodes } = shape.expansion;
  if (aliases > limits.maxYamlAliases) {
    const what = `the value uses ${aliases} aliases, counting each copy`;
    return E.left({
      tag: "LimitExceeded",
      message: limitMessage("maxYamlAliases", limits.maxYamlAliases, what),
      offset: undefined,
    });
  }
  if (nodes > limits.maxYamlNodes) {
    const what = `the value expands to ${nodes} nodes`;
    return E.left({
      tag: "LimitExceeded",
      message: limitMessage("maxYamlNodes", limits.maxYamlNodes, what),
      offset: undefined,
    });
  }
  try {
    return E.right(doc.toJS({ maxAliasCount: -1 }));
  } catch (e) {
    return E.left(syntax(e instanceof Error ? e.message : "unreadable", undefined));
  }
}
