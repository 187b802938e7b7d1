/**
 * Reading untrusted YAML — ConfigMap values, the `subscriptions` annotation, the Google Chat cards a template writes,
 * rule files — in time linear in its size, within the YAML limits (`maxYamlDepth`, `maxYamlAliases`,
 * `maxYamlNodes`): the nodes with their positions, and a bounded conversion to plain data.
 * @module
 */
import type { Either } from "../fp.ts";
import { E } from "../fp.ts";
import { defaultLimits, limitMessage, type Limits } from "../limits.ts";
import { type LineIndex, lineIndex } from "../line-index.ts";
import { type CollectionKey, type ParsedDocument, parseYaml, type YamlProblem } from "./parse-yaml.ts";
import type { YamlVersion } from "./scalar-value.ts";
import type { YamlMap, YamlNode } from "./yaml-node.ts";

export type { CollectionKey, YamlProblem } from "./parse-yaml.ts";
export type { YamlVersion } from "./scalar-value.ts";

/** The limits that bound reading one YAML value. */
export type YamlLimits = Pick<Limits, "maxYamlDepth" | "maxYamlAliases" | "maxYamlNodes">;

/** Options of {@linkcode readYaml}. */
export interface ReadYamlOptions {
  readonly version: YamlVersion;
  /** The YAML limits; the defaults when absent. */
  readonly limits?: YamlLimits | undefined;
}

/** A read YAML value. */
export interface ReadYaml {
  /** The root node; absent for an empty document, and when a syntax error or the depth limit stopped the parse. */
  readonly root: YamlNode | undefined;
  /** Where the document starts in the source. */
  readonly start: number;
  /** Offsets to lines and columns. */
  readonly lines: LineIndex;
  /** The syntax error or the depth limit that stopped the parse, and repeated keys, in source order. */
  readonly errors: readonly YamlProblem[];
  /** Tags read without them (unknown, or not fitting their scalar), where each tag is. */
  readonly warnings: readonly YamlProblem[];
  /**
   * Map keys that are lists or maps (written, or through an alias), in source order: plain data cannot hold them,
   * and Go's decoding fails.
   */
  readonly collectionKeys: readonly CollectionKey[];
  /**
   * The value as plain data: refused when an alias is inside the node it names, or when the aliases or the nodes
   * they expand to pass their limits; else converted (aliases resolved, merge keys merged).
   */
  toData(): Either<YamlProblem, unknown>;
}

/**
 * Reads one YAML value; a second document is an error.
 *
 * @param source The YAML text.
 * @param options The YAML version and the limits.
 * @returns The nodes, their errors, and a bounded conversion to data.
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
  const [first, second] = readYamlDocuments(source, options);
  if (second === undefined) return first!;
  const extra: YamlProblem = {
    tag: "YamlSyntax",
    message: "the text holds more than one YAML document",
    offset: second.start,
  };
  return { ...first!, errors: [...first!.errors, extra] };
}

/**
 * Reads every document of a YAML text (a rule file); after a syntax error, the document it is in is the last.
 *
 * @param source The YAML text.
 * @param options The YAML version and the limits (for each document).
 * @returns One read value per document; one without a root for an empty text.
 */
export function readYamlDocuments(source: string, options: ReadYamlOptions): readonly ReadYaml[] {
  const limits = options.limits ?? defaultLimits;
  const lines = lineIndex(source);
  return parseYaml(source, options.version, limits.maxYamlDepth).map((doc) => ({
    root: doc.root,
    start: doc.start,
    lines,
    errors: doc.errors,
    warnings: doc.warnings,
    collectionKeys: doc.collectionKeys,
    toData: () => toData(doc, limits),
  }));
}

// --- utils

const syntax = (message: string, offset: number | undefined): YamlProblem => ({ tag: "YamlSyntax", message, offset });

/** The node an alias names, or the node itself. */
const resolved = (node: YamlNode): YamlNode => (node.kind === "alias" ? node.target : node);

function toData(doc: ParsedDocument, limits: YamlLimits): Either<YamlProblem, unknown> {
  const first = doc.errors[0];
  if (first !== undefined) return E.left(first);
  if (doc.cycle !== undefined) {
    return E.left(syntax(`the alias "*${doc.cycle.name}" is inside the node its anchor names`, doc.cycle.start));
  }
  const { aliases, nodes } = doc.expansion;
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
  if (doc.root === undefined) return E.right(null);
  const done = new Map<YamlNode, unknown>();
  try {
    return E.right(convert(doc.root, done));
  } catch (e) {
    if (e instanceof Refusal) return E.left(e.problem);
    if (!(e instanceof RangeError)) throw e;
    const what = "lists and maps nest deeper than this host's stack can read";
    return E.left({
      tag: "LimitExceeded",
      message: limitMessage("maxYamlDepth", limits.maxYamlDepth, what),
      offset: undefined,
    });
  }
}

/** Thrown by {@linkcode convert} to stop it. */
class Refusal {
  constructor(readonly problem: YamlProblem) {}
}

/**
 * A node as plain data. Anchored nodes are converted once (`done`), every alias of one sharing its data; the
 * recursion is as deep as the nesting, which the parser bounded.
 */
function convert(node: YamlNode, done: Map<YamlNode, unknown>): unknown {
  if (node.kind === "alias") return convert(node.target, done);
  if (done.has(node)) return done.get(node);
  let out: unknown;
  if (node.kind === "scalar") out = node.value;
  else if (node.kind === "seq") out = node.items.map((item) => convert(item, done));
  else out = convertMap(node, done);
  if (node.anchor !== undefined) done.set(node, out);
  return out;
}

/** A map as a plain object: keys as strings (`null` as `nullKey`); merge keys add the pairs the map lacks. */
function convertMap(map: YamlMap, done: Map<YamlNode, unknown>, nullKey = ""): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const { key, value } of map.pairs) {
    if (key.kind === "scalar" && key.merge === true) {
      const v = resolved(value);
      for (const source of v.kind === "seq" ? v.items.map(resolved) : [v]) {
        if (source.kind !== "map") {
          throw new Refusal(syntax("a merge key (<<) takes a map, an alias of one, or a list of them", value.start));
        }
        // merged as the yaml library did: its keys as JavaScript turns values into property names (`null` too)
        const data = convertMap(source, done, "null");
        for (const k of Object.keys(data)) {
          if (!Object.hasOwn(out, k)) define(out, k, data[k]);
        }
      }
      continue;
    }
    const k = resolved(key);
    if (k.kind !== "scalar") {
      const kind = k.kind === "map" ? "a map" : "a list";
      throw new Refusal(syntax(`a map key must be a string, number or boolean, not ${kind}`, key.start));
    }
    const name = k.value === null ? nullKey : String(k.value);
    const v = convert(value, done);
    if (name in out) define(out, name, v);
    else out[name] = v;
  }
  return out;
}

/** Sets an own property, even `__proto__`. */
function define(out: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(out, key, { value, writable: true, enumerable: true, configurable: true });
}
