/**
 * Our YAML parser: the text to {@linkcode YamlNode}s, in one pass over it, with positions. It reads what Kubernetes
 * and Argo users write (block and flow collections, all scalar styles, comments, anchors and aliases, core tags,
 * document markers) and refuses, with a sentence naming it, what it does not (explicit `?` keys in flow
 * collections, `%TAG` directives, the YAML 1.1 `!!binary`/`!!set`/`!!omap`/`!!pairs`/`!!timestamp` types). It
 * recurses once per level of nesting and stops at `maxYamlDepth`; every other loop moves forward, so the time is
 * linear in the text. It stops at the first syntax error; it reports every repeated key.
 *
 * Why not the `yaml` npm library: it was a third of the edge bundle, and its generality (a CST, a document model
 * that round-trips comments, schemas) is what the engine never uses.
 * @module
 */
import { limitMessage } from "../limits.ts";
import { plainValue, taggedValue, type YamlVersion } from "./scalar-value.ts";
import type { ScalarStyle, YamlAlias, YamlMap, YamlNode, YamlScalar, YamlSeq } from "./yaml-node.ts";

/** What is wrong with a YAML text: a syntax error, or a limit it passes. */
export interface YamlProblem {
  readonly tag: "YamlSyntax" | "LimitExceeded";
  /** A sentence of ours, without the position. */
  readonly message: string;
  /** Where in the source, when known. */
  readonly offset: number | undefined;
}

/** A map key that is a list or a map (written, or through an alias): plain data cannot hold it. */
export interface CollectionKey {
  readonly kind: "a map" | "a list";
  readonly offset: number;
}

/** How many nodes a node expands to, every alias counted as a copy of its node, and how many aliases that takes. */
export interface Expansion {
  nodes: number;
  aliases: number;
}

/** One document of a YAML text. */
export interface ParsedDocument {
  /** The root node; undefined for a document without content, or one refused before it was built. */
  readonly root: YamlNode | undefined;
  /** Where the document starts (its `---`, or its content). */
  readonly start: number;
  /** The syntax error that stopped the parse or the depth limit, and every repeated key, in source order. */
  readonly errors: YamlProblem[];
  /** Tags we do not know or that do not fit their scalar, read without them. */
  readonly warnings: YamlProblem[];
  /** Expansion of the root (see {@linkcode Expansion}); and aliases inside the node they name, first one. */
  readonly expansion: Expansion;
  readonly cycle: YamlAlias | undefined;
  /** Keys that are collections, in source order. */
  readonly collectionKeys: CollectionKey[];
}

/** Node sizes, kept beside the nodes rather than in them. */
type Sizes = Map<YamlNode, Expansion>;

/**
 * Parses every document of `source`.
 *
 * @param source The YAML text.
 * @param version Which YAML to read scalars as.
 * @param maxDepth `maxYamlDepth`: collections nested deeper are refused, before the parser goes deeper.
 * @returns The documents; after a syntax error, the document it is in is the last.
 *
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { parseYaml } from "./parse-yaml.ts";
 *
 * const [doc] = parseYaml("a: [1, on]\n", "1.1", 100);
 * expect(doc?.root?.kind).toBe("map");
 * expect(doc?.errors).toEqual([]);
 * ```
 */
export function parseYaml(source: string, version: YamlVersion, maxDepth: number): ParsedDocument[] {
  return new Parser(source, version, maxDepth).stream();
}

/** Thrown inside the parser to stop it; caught at the document. */
class Stop {
  constructor(readonly problem: YamlProblem) {}
}

const isSpace = (c: number) => c === 32 || c === 9;
/** Space, tab, line break, or the end (`NaN`). */
const isBlank = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c !== c;
/** Where plain text ends on its line: a line break, `: ` (`:` at the end), ` #`; in flow also `,[]{}` and `:` before them. */
const plainStop = /[\n\r]|:(?=[ \t\r\n]|$)|[ \t]#/g;
const plainStopFlow = /[\n\r,[\]{}]|:(?=[ \t\r\n,[\]{}]|$)|[ \t]#/g;
/** What a quoted scalar's text runs until. */
const quoteStop = { 39: /['\n\r]/g, 34: /["\\\n\r]/g } as const;

/** `,[]{}` */
const isFlowIndicator = (c: number) => c === 44 || c === 91 || c === 93 || c === 123 || c === 125;

/** Escapes of double-quoted scalars that stand for one character. */
const escapes: Readonly<Record<string, string>> = {
  "0": "\0",
  a: "\x07",
  b: "\b",
  t: "\t",
  "\t": "\t",
  n: "\n",
  v: "\v",
  f: "\f",
  r: "\r",
  e: "\x1b",
  " ": " ",
  '"': '"',
  "/": "/",
  "\\": "\\",
  N: "\x85",
  _: "\xa0",
  L: "\u2028",
  P: "\u2029",
};
const hexLength: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 };

/** YAML 1.1 types with no plain-data meaning for the engine: refused rather than read to something odd. */
const unsupportedTags = new Set(["binary", "set", "omap", "pairs", "timestamp", "merge", "value", "yaml"]);

class Parser {
  /** The position, and the start of its line. */
  p = 0;
  ls = 0;
  anchors = new Map<string, YamlNode>();
  /** Collections being parsed: an alias of one of them is inside the node it names. */
  open = new Set<YamlNode>();
  sizes: Sizes = new Map();
  errors: YamlProblem[] = [];
  warnings: YamlProblem[] = [];
  cycle: YamlAlias | undefined;
  keys: CollectionKey[] = [];

  /** The version scalars are read as: the one asked for, unless a `%YAML` directive says otherwise. */
  version: YamlVersion;

  constructor(readonly src: string, readonly given: YamlVersion, readonly maxDepth: number) {
    this.version = given;
  }

  /** The code unit at `at`, `NaN` outside the text (tested first: optimized code reading past the end deoptimizes). */
  c(at = this.p): number {
    return at >= 0 && at < this.src.length ? this.src.charCodeAt(at) : NaN;
  }
  fail(message: string, at = this.p): never {
    throw new Stop({ tag: "YamlSyntax", message, offset: at });
  }
  col(): number {
    return this.p - this.ls;
  }
  /** Whether a `---` or `...` marker starts here, at the start of a line. */
  marker(at = this.p): boolean {
    const s = this.src;
    return at === this.ls && (s.startsWith("---", at) || s.startsWith("...", at)) && isBlank(this.c(at + 3));
  }
  spaces(): void {
    while (isSpace(this.c())) this.p++;
  }
  /** Past a line break at `p`, if there is one. */
  newline(): boolean {
    const c = this.c();
    if (c === 13 && this.c(this.p + 1) === 10) this.p++;
    else if (c !== 10) return false;
    this.ls = ++this.p;
    return true;
  }
  /**
   * Past spaces, comments and line breaks to the next content; whether a line break was crossed. A content line
   * in block context must not be indented with tabs.
   */
  skip(block: boolean): boolean {
    let crossed = this.p === this.ls;
    for (;;) {
      this.spaces();
      if (this.c() === 35 && (this.p === this.ls || isSpace(this.c(this.p - 1)))) {
        const eol = this.src.indexOf("\n", this.p);
        this.p = eol < 0 ? this.src.length : eol;
        if (this.c(this.p - 1) === 13) this.p--;
      }
      if (!this.newline()) break;
      crossed = true;
    }
    if (crossed && block) this.tabs();
    return crossed;
  }
  /** Refuses a tab before the content of this line. */
  tabs(): void {
    for (let i = this.ls; i < this.p; i++) {
      if (this.c(i) === 9) this.fail("a tab indents this line; YAML indents with spaces", this.ls);
    }
  }

  stream(): ParsedDocument[] {
    const docs: ParsedDocument[] = [];
    const s = this.src;
    while (this.p < s.length || docs.length === 0) {
      const start = this.p;
      this.errors = [];
      this.warnings = [];
      this.cycle = undefined;
      this.keys = [];
      this.anchors = new Map();
      let root: YamlNode | undefined;
      try {
        this.skip(false);
        // document end markers without a document between them (first in the text: one empty document)
        while (s.startsWith("...", this.p) && this.marker()) {
          if (docs.length === 0) docs.push(this.document(this.empty(this.p, undefined, undefined), start));
          this.p += 3;
          this.skip(false);
        }
        if (this.p >= s.length && docs.length > 0) break;
        this.version = this.given;
        while (this.p === this.ls && this.c() === 37) {
          if (s.startsWith("%TAG", this.p)) this.fail("the %TAG directive is not supported");
          const v = /^%YAML[ \t]+1\.([12])\b/.exec(s.slice(this.p, this.p + 12));
          if (v !== null) this.version = v[1] === "1" ? "1.1" : "1.2";
          while (this.p < s.length && this.c() !== 10) this.p++;
          this.skip(false);
          if (!(s.startsWith("---", this.p) && this.marker())) this.fail("a directive must be followed by ---");
        }
        let explicit = false;
        if (s.startsWith("---", this.p) && this.marker()) {
          this.p += 3;
          explicit = true;
        }
        if (this.p >= s.length && !explicit) {
          docs.push(this.document(undefined, start));
          break;
        }
        if (!explicit) this.tabs();
        root = this.node(-1, 0, !explicit, false);
        this.skip(false);
        if (s.startsWith("...", this.p) && this.marker()) {
          this.p += 3;
          this.spaces();
          if (!this.lineEnd()) this.fail("content on the line of a document end marker (...)");
          this.skip(false);
        } else if (this.p < s.length && !(s.startsWith("---", this.p) && this.marker())) {
          this.fail(
            this.col() > 0 ? "this line is indented more than any map or list above it expects" : "unexpected content",
          );
        }
      } catch (e) {
        if (!(e instanceof Stop) && !(e instanceof RangeError)) throw e;
        this.errors.push(e instanceof Stop ? e.problem : this.stackProblem());
        docs.push(this.document(root, start));
        break;
      }
      docs.push(this.document(root, start));
    }
    return docs;
  }

  document(root: YamlNode | undefined, start: number): ParsedDocument {
    return {
      root,
      start,
      errors: this.errors.sort((a, b) => (a.offset ?? 0) - (b.offset ?? 0)),
      warnings: this.warnings.sort((a, b) => (a.offset ?? 0) - (b.offset ?? 0)),
      expansion: root === undefined ? { nodes: 0, aliases: 0 } : this.size(root),
      cycle: this.cycle,
      collectionKeys: this.keys.sort((a, b) => a.offset - b.offset),
    };
  }

  size(node: YamlNode): Expansion {
    return this.sizes.get(node) ?? { nodes: 1, aliases: 0 };
  }

  /** A value nested deeper than the host's stack can read (with `maxYamlDepth` raised far): refused as too deep. */
  stackProblem(): YamlProblem {
    const what = "lists and maps nest deeper than this host's stack can read";
    return { tag: "LimitExceeded", message: limitMessage("maxYamlDepth", this.maxDepth, what), offset: undefined };
  }

  /** Refuses a collection at `depth` (0 at the top) when it passes `maxYamlDepth`. */
  deep(depth: number, at: number): void {
    if (depth >= this.maxDepth) {
      throw new Stop({
        tag: "LimitExceeded",
        message: limitMessage("maxYamlDepth", this.maxDepth, "lists and maps nest deeper than that"),
        offset: at,
      });
    }
  }

  /** Anchors a node: the aliases after it name it (until another node takes the anchor). */
  anchor<N extends YamlNode>(node: N): N {
    if (node.anchor !== undefined) this.anchors.set(node.anchor, node);
    return node;
  }

  /**
   * A node in block context, whose parent collection is at column `indent` (-1 at the top), `depth` the depth a
   * collection here has. `compact`: a block collection may start on this line (after `- `, `? ` or `---`); `seqHere`:
   * a list may start at the parent's column (a map's value).
   */
  node(indent: number, depth: number, compact: boolean, seqHere: boolean): YamlNode {
    const atStart = this.p === this.ls;
    this.spaces();
    let emptyAt = this.p;
    let anchor: string | undefined;
    let tag: [string, number] | undefined;
    let crossed = this.skip(true);
    if (atStart && !crossed) {
      this.tabs();
      crossed = true;
    }
    /** Where the node's line starts to hold it: a map's keys are at the column of the first key's properties. */
    let first = this.p;
    /** Properties alone on their line are the next node's, even when it is a map (not its first key's). */
    let ownLine = false;
    // properties: an anchor and a tag, in either order, maybe on the line before the node
    for (;;) {
      const c = this.c();
      if (crossed && (this.col() <= indent || this.marker())) break;
      const at = this.p;
      if (c === 38 && anchor === undefined) anchor = this.name(1);
      else if (c === 33 && tag === undefined) tag = [this.name(0), this.p];
      else break;
      this.spaces();
      if (ownLine && !this.lineEnd()) {
        // after properties alone on their line, those written before content are the content's (a key's)
        this.p = at;
        if (c === 38) anchor = undefined;
        else tag = undefined;
        break;
      }
      emptyAt = this.p;
      if (this.skip(true)) {
        crossed = true;
        first = this.p;
        ownLine = true;
      }
    }
    if (tag !== undefined) tag[1] -= tag[0].length;
    const col = this.col();
    const c = this.c();
    if (
      this.p >= this.src.length || this.marker() ||
      (crossed && (col < indent || (col === indent && !(seqHere && this.dash()))))
    ) {
      return this.empty(emptyAt, anchor, tag);
    }
    const inline = !crossed;
    if (
      (this.dash() || (c === 63 && isBlank(this.c(this.p + 1)))) && (anchor !== undefined || tag !== undefined) &&
      !ownLine
    ) {
      this.fail("an anchor or a tag cannot come before - or ? on its line; put it on the line before");
    }
    if (this.dash()) {
      if (inline && !compact) this.fail("a list cannot start on the line of its key; start it on the next line");
      return this.tagged(this.seq(col, depth, anchor), tag);
    }
    if (c === 63 && isBlank(this.c(this.p + 1))) {
      if (inline && !compact) this.fail("a map cannot start on the line of its key; start it on the next line");
      return this.tagged(this.map(col, depth, anchor, undefined), tag);
    }
    if (c === 124 || c === 62) return this.scalarNode(this.block(indent), anchor, tag);
    if (c === 125 || c === 93 || c === 44) this.fail(`unexpected "${String.fromCharCode(c)}"`);
    // a scalar, an alias or a flow collection; followed by `:`, the first key of a map at its column
    const start = this.p;
    const byKey = !ownLine || c === 91 || c === 123;
    let key = byKey
      ? this.inlineNode(indent, depth, anchor, tag, false)
      : c === 38 || c === 33
      ? this.keyNode(indent, depth)
      : this.inlineNode(indent, depth, undefined, undefined, false);
    this.spaces();
    if (this.c() === 58 && (isBlank(this.c(this.p + 1)) || key.kind !== "scalar" || key.style !== "plain")) {
      if (inline && !compact) {
        this.fail("a map cannot start on the line of its key; start it on the next line", start);
      }
      if (this.src.slice(start, this.p).includes("\n")) this.fail("a map key must be on one line", start);
      if (byKey && key.kind === "alias" && (anchor !== undefined || tag !== undefined)) {
        this.fail("an alias cannot have an anchor or a tag", start);
      }
      // The properties written before a key on its line belong to the key, as in `&a key: value`.
      return byKey
        ? this.map(first - this.ls, depth, undefined, key)
        : this.tagged(this.map(col, depth, anchor, key), tag);
    }
    if (!byKey && (anchor !== undefined || tag !== undefined)) {
      // properties on the lines before a scalar: its own on its line may add the other kind (`&a` then `!!str x`)
      if (key.kind !== "scalar") this.fail("an alias cannot have an anchor or a tag", start);
      if (c !== 38 && c !== 33) key = this.scalarNode(key, anchor, tag);
      else if (tag === undefined && key.anchor === undefined) key = this.anchor({ ...key, anchor });
      else this.fail("a node has one anchor and one tag at most", start);
    }
    return key;
  }

  /** Whether the line ends here (a comment may follow). */
  lineEnd(): boolean {
    const c = this.c();
    return c !== c || c === 10 || c === 13 || c === 35;
  }

  /** Whether `- ` (or a lone `-`) starts here. */
  dash(): boolean {
    return this.c() === 45 && isBlank(this.c(this.p + 1));
  }

  /** An anchor (`skip` 1: without its `&`) or a tag, as written. */
  name(skip: number): string {
    const s = this.p;
    if (skip === 0 && this.src.startsWith("!<", s)) {
      const end = this.src.indexOf(">", s);
      if (end < 0) this.fail("a verbatim tag (!<...>) is not closed");
      this.p = end + 1;
      return this.src.slice(s, this.p);
    }
    while (!isBlank(this.c()) && !isFlowIndicator(this.c())) this.p++;
    if (this.p === s + skip && skip === 1) this.fail("an anchor needs a name");
    return this.src.slice(s + skip, this.p);
  }

  empty(at: number, anchor: string | undefined, tag: [string, number] | undefined): YamlScalar {
    return this.scalarNode({ start: at, end: at, style: "plain", text: "" }, anchor, tag);
  }

  /** A scalar node, its value read with its tag. */
  scalarNode(
    s: {
      start: number;
      end: number;
      style: ScalarStyle;
      text: string;
      indent?: number | undefined;
      indicator?: boolean | undefined;
    },
    anchor: string | undefined,
    tag: [string, number] | undefined,
  ): YamlScalar {
    const { text, style } = s;
    let value: unknown = style === "plain" ? plainValue(text, this.version) : text;
    if (tag !== undefined) {
      const [name, at] = tag;
      const core = name.startsWith("!!") ? name.slice(2) : undefined;
      if (core !== undefined && unsupportedTags.has(core)) this.fail(`the tag ${name} is not supported`, at);
      if (name === "!") value = text;
      else {
        const v = core === undefined ? undefined : taggedValue(text, core, this.version);
        if (v === undefined) this.warn(name, at, core !== undefined && /^(null|bool|int|float)$/.test(core));
        value = v === undefined ? text : v.value;
      }
    }
    const node: YamlScalar = { kind: "scalar", ...s, value, anchor };
    if (this.version === "1.1" && style === "plain" && tag === undefined && text === "<<") {
      return this.anchor({ ...node, merge: true });
    }
    return this.anchor(node);
  }

  /** A tag the value is read without: unknown, or (`core`) a core type the text is not written as. */
  warn(tag: string, at: number, core = false): void {
    const message = core
      ? `the value is not written as a ${tag} value, so it is read without the tag`
      : `the tag "${tag}" is unknown, so the value is read without it`;
    this.warnings.push({ tag: "YamlSyntax", message, offset: at });
  }

  /** Checks a collection's tag: `!!map` on a map and `!!seq` on a list are the default; others are warned about. */
  tagged<N extends YamlMap | YamlSeq>(node: N, tag: [string, number] | undefined): N {
    if (tag === undefined || tag[0] === "!" || tag[0] === (node.kind === "map" ? "!!map" : "!!seq")) return node;
    const core = tag[0].startsWith("!!") ? tag[0].slice(2) : undefined;
    if (core !== undefined && unsupportedTags.has(core)) this.fail(`the tag ${tag[0]} is not supported`, tag[1]);
    this.warn(tag[0], tag[1]);
    return node;
  }

  /** A node that fits on one line in block context, or starts there: a flow collection, quoted scalar, alias, or plain. */
  inlineNode(
    indent: number,
    depth: number,
    anchor: string | undefined,
    tag: [string, number] | undefined,
    flow: boolean,
  ): YamlNode {
    const c = this.c();
    if (c === 42) {
      const start = this.p;
      const name = this.name(1);
      if (anchor !== undefined || tag !== undefined) this.fail("an alias cannot have an anchor or a tag", start);
      return this.alias(name, start);
    }
    if (c === 91 || c === 123) return this.tagged(this.flow(indent, depth, anchor), tag);
    if (c === 39 || c === 34) return this.scalarNode(this.quoted(indent), anchor, tag);
    if (c === 124 || c === 62 || c === 35 || c === 64 || c === 96 || c === 37 || c === 38 || c === 33) {
      if (c === 38 || c === 33) this.fail("a node has one anchor and one tag at most");
      this.fail(`a plain value cannot start with "${String.fromCharCode(c)}"`);
    }
    if (flow && c === 63 && isBlank(this.c(this.p + 1))) {
      this.fail("explicit keys (?) in flow collections are not supported");
    }
    if (flow && c === 45 && (isBlank(this.c(this.p + 1)) || isFlowIndicator(this.c(this.p + 1)))) {
      this.fail("a block list item inside a flow collection");
    }
    return this.scalarNode(this.plain(indent, flow), anchor, tag);
  }

  alias(name: string, start: number): YamlAlias {
    const target = this.anchors.get(name);
    if (target === undefined) this.fail(`the alias "*${name}" names no anchor before it`, start);
    if (this.open.has(target) && this.cycle === undefined) {
      this.cycle = { kind: "alias", name, target, start, end: this.p };
    }
    const node: YamlAlias = { kind: "alias", name, target, start, end: this.p };
    const t = this.size(target);
    this.sizes.set(node, {
      nodes: this.open.has(target) ? 0 : t.nodes,
      aliases: 1 + (this.open.has(target) ? 0 : t.aliases),
    });
    return node;
  }

  /** Adds a pair to a map, and its key to the collection keys when it is one. */
  pair(map: YamlMap, size: Expansion, key: YamlNode, value: YamlNode): void {
    const k = key.kind === "alias" ? key.target : key;
    if (k.kind === "map" || k.kind === "seq") {
      this.keys.push({ kind: k.kind === "map" ? "a map" : "a list", offset: key.start });
    }
    this.add(size, key);
    this.add(size, value);
    map.pairs.push({ key, value });
  }

  /** Adds a child's size to its collection's. */
  add(to: Expansion, node: YamlNode): YamlNode {
    const s = this.size(node);
    to.nodes += s.nodes;
    to.aliases += s.aliases;
    return node;
  }

  /** A block list whose `-` are at column `col`. */
  seq(col: number, depth: number, anchor: string | undefined): YamlSeq {
    this.deep(depth, this.p);
    const node = this.anchor<YamlSeq>({ kind: "seq", flow: false, items: [], start: this.p, end: this.p, anchor });
    const size = { nodes: 1, aliases: 0 };
    this.open.add(node);
    while (this.col() === col && this.dash() && !this.marker()) {
      this.p++;
      node.items.push(this.add(size, this.node(col, depth + 1, true, false)));
      node.end = this.p;
      this.skip(true);
    }
    this.open.delete(node);
    this.sizes.set(node, size);
    return node;
  }

  /** A block map whose keys are at column `col`; `first`, its first key when already read. */
  map(col: number, depth: number, anchor: string | undefined, first: YamlNode | undefined): YamlMap {
    this.deep(depth, first?.start ?? this.p);
    const node = this.anchor<YamlMap>({
      kind: "map",
      flow: false,
      pairs: [],
      start: first?.start ?? this.p,
      end: this.p,
      anchor,
    });
    const size = { nodes: 1, aliases: 0 };
    this.open.add(node);
    let key = first;
    for (;;) {
      let value: YamlNode;
      if (key === undefined && this.c() === 63 && isBlank(this.c(this.p + 1))) {
        // an explicit key: `? key`, then `: value` at the map's column, or no value
        this.p++;
        key = this.node(col, depth + 1, true, false);
        this.skip(true);
        if (this.col() === col && this.c() === 58 && isBlank(this.c(this.p + 1)) && !this.marker()) {
          this.p++;
          value = this.node(col, depth + 1, true, true);
        } else value = this.empty(node.start, undefined, undefined);
      } else {
        if (key === undefined) {
          const start = this.p;
          key = this.keyNode(col, depth + 1);
          this.spaces();
          if (this.c() !== 58) this.fail('a map key must be followed by ":"', start);
        }
        this.p++;
        value = this.node(col, depth + 1, false, true);
      }
      this.pair(node, size, key, value);
      node.end = this.p;
      this.skip(true);
      if (this.col() !== col || this.p >= this.src.length || this.marker()) break;
      key = undefined;
      if (this.dash()) this.fail("a list item where the map expects a key");
    }
    this.open.delete(node);
    this.sizes.set(node, size);
    this.duplicates(node);
    return node;
  }

  /** An anchor and a tag, in either order, each followed by `space()`; the tag with where it starts. */
  props(space: () => void): { anchor: string | undefined; tag: [string, number] | undefined } {
    let anchor: string | undefined;
    let tag: [string, number] | undefined;
    for (;;) {
      const at = this.p;
      if (this.c() === 38 && anchor === undefined) anchor = this.name(1);
      else if (this.c() === 33 && tag === undefined) tag = [this.name(0), at];
      else break;
      space();
    }
    return { anchor, tag };
  }

  /** A key of a block map: its properties, then a node on one line. */
  keyNode(indent: number, depth: number): YamlNode {
    const { anchor, tag } = this.props(() => this.spaces());
    const start = this.p;
    if (this.c() === 58 && isBlank(this.c(this.p + 1))) return this.empty(start, anchor, tag);
    const key = this.inlineNode(indent, depth, anchor, tag, false);
    if (this.src.slice(start, this.p).includes("\n")) this.fail("a map key must be on one line", start);
    return key;
  }

  /**
   * Repeated keys, each where it starts: keys are the same when both are scalars with the same value (`1` and
   * `1.0` are, `.nan` never is, nor two merge keys); other keys never are.
   */
  duplicates(map: YamlMap): void {
    const seen = new Set<unknown>();
    for (const { key } of map.pairs) {
      if (key.kind !== "scalar" || key.merge === true) continue;
      if (typeof key.value === "number" && Number.isNaN(key.value)) continue;
      if (seen.has(key.value)) {
        this.errors.push({ tag: "YamlSyntax", message: "the map has this key already", offset: key.start });
      }
      seen.add(key.value);
    }
  }

  /** A flow list or map, from its `[` or `{`; its lines must be indented more than `indent`. */
  flow(indent: number, depth: number, anchor: string | undefined): YamlMap | YamlSeq {
    const start = this.p;
    this.deep(depth, start);
    const isMap = this.c() === 123;
    const close = isMap ? 125 : 93;
    const node = this.anchor<YamlMap | YamlSeq>(
      isMap
        ? { kind: "map", flow: true, pairs: [], start, end: start, anchor }
        : { kind: "seq", flow: true, items: [], start, end: start, anchor },
    );
    const size = { nodes: 1, aliases: 0 };
    this.open.add(node);
    this.p++;
    for (;;) {
      this.flowSpace(indent, start);
      if (this.c() === close) break;
      if (this.c() === 44) this.fail("an empty entry: two commas, or a comma first");
      const keyStart = this.p;
      let key: YamlNode;
      if (this.c() === 58 && (isBlank(this.c(this.p + 1)) || isFlowIndicator(this.c(this.p + 1)))) {
        key = this.empty(this.p, undefined, undefined);
      } else key = this.flowNode(indent, depth + 1, start);
      this.flowSpace(indent, start);
      let value: YamlNode | undefined;
      if (
        this.c() === 58 &&
        (isBlank(this.c(this.p + 1)) || isFlowIndicator(this.c(this.p + 1)) ||
          !(key.kind === "scalar" && key.style === "plain"))
      ) {
        this.p++;
        this.flowSpace(indent, start);
        const c = this.c();
        value = c === 44 || c === close
          ? this.empty(this.p, undefined, undefined)
          : this.flowNode(indent, depth + 1, start);
        this.flowSpace(indent, start);
      }
      if (node.kind === "map") {
        // a key without a value: its null is where the map starts, as the yaml library placed it
        const v = value ?? this.empty(start, undefined, undefined);
        this.pair(node, size, key, v);
      } else if (value !== undefined) {
        // `[a: 1]`: a map of one pair
        this.deep(depth + 1, keyStart);
        const pair: YamlMap = { kind: "map", flow: true, pairs: [], start: keyStart, end: value.end };
        const s = { nodes: 1, aliases: 0 };
        this.pair(pair, s, key, value);
        this.sizes.set(pair, s);
        node.items.push(this.add(size, pair));
      } else node.items.push(this.add(size, key));
      if (this.c() === 44) this.p++;
      else if (this.c() !== close) {
        if (this.p >= this.src.length) this.fail(`the flow ${isMap ? "map" : "list"} is not closed`, start);
        this.fail(`expected "," or "${isMap ? "}" : "]"}"`);
      }
    }
    this.p++;
    node.end = this.p;
    this.open.delete(node);
    this.sizes.set(node, size);
    if (node.kind === "map") this.duplicates(node);
    return node;
  }

  /** A node inside a flow collection: its properties, then the node. */
  flowNode(indent: number, depth: number, open: number): YamlNode {
    const { anchor, tag } = this.props(() => this.flowSpace(indent, open));
    const c = this.c();
    if (c === 44 || c === 93 || c === 125 || (c === 58 && isBlank(this.c(this.p + 1)))) {
      return this.empty(this.p, anchor, tag);
    }
    return this.inlineNode(indent, depth, anchor, tag, true);
  }

  /** Spaces, line breaks and comments inside a flow collection; its lines must be indented more than `indent`. */
  flowSpace(indent: number, open: number): void {
    if (this.skip(false)) {
      if (this.p >= this.src.length) this.fail(`the flow ${this.c(open) === 123 ? "map" : "list"} is not closed`, open);
      if (this.marker()) this.fail("a document marker inside a flow collection");
      if (this.col() <= indent) {
        this.fail("the lines of a flow collection must be indented more than its key or list item", this.ls);
      }
    }
  }

  /**
   * A plain scalar: its first line, then, unless it is a key (`: ` follows), the lines below that continue it:
   * indented more than `indent`, joined by a space, an empty line standing for a line break. A comment, a less
   * indented line or a document marker ends it.
   */
  plain(indent: number, flow: boolean): { start: number; end: number; style: ScalarStyle; text: string } {
    const start = this.p;
    this.p = this.plainEnd(flow);
    let text = this.src.slice(start, this.p);
    let i = this.p;
    while (isSpace(this.c(i))) i++;
    if (this.c(i) === 58 && (isBlank(this.c(i + 1)) || flow)) return { start, end: this.p, style: "plain", text };
    for (;;) {
      const save = this.p;
      const ls = this.ls;
      this.spaces();
      let breaks = 0;
      while (this.newline()) {
        breaks++;
        this.spaces();
      }
      const c = this.c();
      if (
        breaks === 0 || c !== c || c === 35 || this.col() <= indent || this.marker() ||
        (flow
          ? isFlowIndicator(c) || (c === 58 && isBlank(this.c(this.p + 1)))
          : (c === 58 && isBlank(this.c(this.p + 1))))
      ) {
        this.p = save;
        this.ls = ls;
        break;
      }
      const from = this.p;
      this.p = this.plainEnd(flow);
      text += (breaks > 1 ? "\n".repeat(breaks - 1) : " ") + this.src.slice(from, this.p);
      if (!flow && this.c() === 58) this.fail("a map key must be on one line", start);
    }
    return { start, end: this.p, style: "plain", text };
  }

  /** Where plain text from `p` ends on its line: before `: `, ` #`, trailing spaces, and in flow `,[]{}`. */
  plainEnd(flow: boolean): number {
    // found by a regular expression, not a loop per character: a configuration is read once, in a cold process
    const stop = flow ? plainStopFlow : plainStop;
    stop.lastIndex = this.p;
    let end = stop.exec(this.src)?.index ?? this.src.length;
    while (end > this.p && isSpace(this.c(end - 1))) end--;
    return end;
  }

  /** A single- or double-quoted scalar, folded over lines. */
  quoted(indent: number): { start: number; end: number; style: ScalarStyle; text: string } {
    const s = this.src;
    const start = this.p;
    const q = this.c();
    const double = q === 34;
    let out = "";
    /** The length of `out` that trailing spaces of a line must not be trimmed below (an escape ends there). */
    let keep = 0;
    this.p++;
    for (;;) {
      const c = this.c();
      if (c !== c) this.fail("the quoted value is not closed", start);
      if (c === q) {
        if (!double && this.c(this.p + 1) === 39) {
          out += "'";
          keep = out.length;
          this.p += 2;
          continue;
        }
        break;
      }
      if (c === 10 || c === 13) {
        out = out.slice(0, keep) + out.slice(keep).replace(/[ \t]+$/, "");
        out += this.lineFold(indent, start, true);
        keep = out.length;
        continue;
      }
      if (double && c === 92) {
        const e = s[this.p + 1] ?? "";
        if (e === "\n" || e === "\r") {
          this.p++;
          out += this.lineFold(indent, start, false);
        } else if (escapes[e] !== undefined) {
          out += escapes[e];
          this.p += 2;
        } else if (hexLength[e] !== undefined) {
          const hex = s.slice(this.p + 2, this.p + 2 + hexLength[e]);
          if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== hexLength[e]) this.fail(`a bad escape "\\${e}${hex}"`);
          const code = parseInt(hex, 16);
          if (code > 0x10ffff) this.fail(`a bad escape "\\${e}${hex}"`);
          out += String.fromCodePoint(code);
          this.p += 2 + hexLength[e];
        } else this.fail(`an unknown escape "\\${e}"`);
        keep = out.length;
        continue;
      }
      const stop = quoteStop[q as 39 | 34];
      stop.lastIndex = this.p;
      const next = stop.exec(s)?.index ?? s.length;
      out += s.slice(this.p, next);
      this.p = next;
    }
    this.p++;
    return { start, end: this.p, style: double ? "double" : "single", text: out };
  }

  /**
   * At a line break inside a quoted scalar: past it and the indentation of the lines after it. One break is a
   * space (`space`: none after an escaped break); each empty line, a line break.
   */
  lineFold(indent: number, start: number, space: boolean): string {
    let breaks = 0;
    while (this.newline()) {
      breaks++;
      while (isSpace(this.c())) this.p++;
    }
    if (this.marker()) this.fail("a document marker inside a quoted value", this.p);
    if (this.p < this.src.length && this.col() <= indent && this.c() !== 39 && this.c() !== 34) {
      this.fail("the lines of a quoted value must be indented more than its key", start);
    }
    return breaks > 1 ? "\n".repeat(breaks - 1) : space ? " " : "";
  }

  /** A `|` or `>` block scalar, from its header; its lines are indented more than `indent`. */
  block(indent: number): {
    start: number;
    end: number;
    style: ScalarStyle;
    text: string;
    indent: number;
    indicator: boolean;
  } {
    const s = this.src;
    const start = this.p;
    const literal = this.c() === 124;
    this.p++;
    let chomp = "";
    let given = 0;
    for (let k = 0; k < 2; k++) {
      const c = this.c();
      if ((c === 45 || c === 43) && chomp === "") chomp = s[this.p++]!;
      else if (c >= 49 && c <= 57 && given === 0) given = c - 48, this.p++;
    }
    if (!isBlank(this.c())) this.fail("a block scalar header is | or >, then - or +, then an indentation digit");
    this.spaces();
    if (this.c() === 35) { while (this.p < s.length && this.c() !== 10) this.p++; }
    const header = this.p;
    this.newline();
    const lines: [string, string][] = [];
    let trim = given > 0 ? Math.max(indent, 0) + given : 0;
    let leading = 0;
    /** The indentation of the first line of text. */
    let first = -1;
    let i = this.p;
    while (i < s.length) {
      let j = i;
      while (s.charCodeAt(j) === 32) j++;
      let eol = s.indexOf("\n", j);
      if (eol < 0) eol = s.length;
      const content = s.slice(j, s.charCodeAt(eol - 1) === 13 ? eol - 1 : eol);
      const n = j - i;
      if (content !== "") {
        if (trim === 0) {
          if (n <= indent) break;
          if (leading > n) this.fail("an empty line at the start of the block is indented more than its text", i);
          trim = n;
        }
        if (first < 0) first = n;
        if (
          n < trim || (n === 0 && (s.startsWith("---", i) || s.startsWith("...", i)) && isBlank(s.charCodeAt(i + 3)))
        ) {
          break;
        }
      } else if (trim === 0) leading = Math.max(leading, n);
      lines.push([s.slice(i, j), content]);
      i = eol + 1;
    }
    // without `+`, trailing empty lines no more indented than the first line of text are not the block's
    const body = lines.length;
    if (chomp !== "+") {
      while (lines.length > 0 && lines.at(-1)![1] === "" && lines.at(-1)![0].length <= first) lines.pop();
    }
    // a block that ends with a line break has an empty line after it, as the spec counts lines for `+`
    if (lines.length > 0 && i <= s.length) lines.push(["", ""]);
    let chompStart = lines.length;
    while (chompStart > 0 && lines[chompStart - 1]![1] === "") chompStart--;
    const text = blockText(lines, chompStart, trim, given > 0, literal, chomp);
    // the node ends after its last line of text; the position goes on to the line after the block
    let end = header;
    for (let k = 0, at = this.p; k < Math.min(body, lines.length); k++) {
      at += lines[k]![0].length + lines[k]![1].length;
      if (k < chompStart) end = at;
      at++;
    }
    if (body > 0) this.p = this.ls = Math.min(i, s.length);
    if (this.p >= s.length && body > 0) this.ls = s.lastIndexOf("\n", s.length - 1) + 1;
    return { start, end, style: literal ? "literal" : "folded", text, indent: trim, indicator: given > 0 };
  }
}

/** The value of a block scalar from its lines (`[indentation, content]`), as the YAML spec folds and chomps them. */
function blockText(
  lines: readonly [string, string][],
  chompStart: number,
  trimIndent: number,
  given: boolean,
  literal: boolean,
  chomp: string,
): string {
  if (chompStart === 0) return chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
  let trim = trimIndent;
  let contentStart = 0;
  for (let i = 0; i < chompStart; i++) {
    const [indent, content] = lines[i]!;
    if (content === "") {
      if (!given && indent.length > trim) trim = indent.length;
    } else {
      contentStart = i;
      break;
    }
  }
  let end = chompStart;
  for (let i = lines.length - 1; i >= chompStart; i--) if (lines[i]![0].length > trim) end = Math.max(end, i + 1);
  let value = "";
  let sep = "";
  let prevMore = false;
  for (let i = 0; i < contentStart; i++) value += lines[i]![0].slice(trim) + "\n";
  for (let i = contentStart; i < end; i++) {
    const [indent, content] = lines[i]!;
    if (literal) {
      value += sep + indent.slice(trim) + content;
      sep = "\n";
    } else if (indent.length > trim || content[0] === "\t") {
      if (sep === " ") sep = "\n";
      else if (!prevMore && sep === "\n") sep = "\n\n";
      value += sep + indent.slice(trim) + content;
      sep = "\n";
      prevMore = true;
    } else if (content === "") {
      if (sep === "\n") value += "\n";
      else sep = "\n";
    } else {
      value += sep + content;
      sep = " ";
      prevMore = false;
    }
  }
  if (chomp === "+") {
    for (let i = end; i < lines.length; i++) value += "\n" + lines[i]![0].slice(trim);
    if (!value.endsWith("\n")) value += "\n";
  } else if (chomp === "") value += "\n";
  return value;
}
