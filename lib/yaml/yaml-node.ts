/**
 * The nodes our YAML reader builds: what the text says, with where each node starts and ends, so that diagnostics
 * can point into the source. Scalars carry their value already resolved for the YAML version read.
 * @module
 */

/** How a scalar is written: its style decides how its text maps back to source offsets. */
export type ScalarStyle = "plain" | "single" | "double" | "literal" | "folded";

/** What every node has: its offsets in the source (`start` after any anchor or tag) and its properties. */
interface NodeBase {
  /** Where the node's content starts: the first character of a scalar, the `[`/`{`, the first key or `-`. */
  readonly start: number;
  /** Where the node's content ends. */
  end: number;
  readonly anchor?: string | undefined;
}

/** A scalar: its value for the YAML version read, and what the position helpers need of its source. */
export interface YamlScalar extends NodeBase {
  readonly kind: "scalar";
  readonly style: ScalarStyle;
  /** The text the value is read from: folded, escapes replaced. */
  readonly text: string;
  readonly value: unknown;
  /** Block scalars: the indentation of their lines, and whether the header gave it (`|2`). */
  readonly indent?: number | undefined;
  readonly indicator?: boolean | undefined;
  /** A plain `<<` key in YAML 1.1: a merge key, never a duplicate of another. */
  readonly merge?: boolean | undefined;
}

/** A key and its value. */
export interface YamlPair {
  readonly key: YamlNode;
  readonly value: YamlNode;
}

/** A block or flow map, its pairs in source order. */
export interface YamlMap extends NodeBase {
  readonly kind: "map";
  readonly flow: boolean;
  readonly pairs: YamlPair[];
}

/** A block or flow list. */
export interface YamlSeq extends NodeBase {
  readonly kind: "seq";
  readonly flow: boolean;
  readonly items: YamlNode[];
}

/** `*name`: the node it names is the last one with that anchor before it. */
export interface YamlAlias extends NodeBase {
  readonly kind: "alias";
  readonly name: string;
  readonly target: YamlNode;
}

/** A node of a YAML document. */
export type YamlNode = YamlScalar | YamlMap | YamlSeq | YamlAlias;
