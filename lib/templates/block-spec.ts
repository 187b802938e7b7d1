/**
 * The schema of a service block of a template document (`slack:`, `teams:`, `webhook:` …): which fields are
 * templates, which are literals, which are parsed after rendering, their defaults, and how a later template of the
 * same condition merges into an earlier one. Each provider owns its block (`providers/<name>/block.ts`); the
 * registry of blocks is passed to `compileTemplate`, as the text compilers are.
 * @module
 */

/** How a templated string is used after rendering. */
export type ParseMode = "text" | "json-array" | "json" | "yaml-array";

/** A field of a block. */
export type FieldSpec =
  | {
    readonly kind: "text";
    /** Parsed after rendering; an empty rendering leaves the field out. */
    readonly parse?: ParseMode;
    /** Set only when the rendering is not empty (otherwise an earlier template's value stays). */
    readonly omitEmpty?: boolean;
    /** The template used when the field is absent or empty, per language. */
    readonly fallback?: { readonly go: string; readonly liquid: string };
    /** The key in the rendered block, when it differs from the document's (github `repoURLPath` → `repoURL`). */
    readonly as?: string;
  }
  | { readonly kind: "bool"; readonly fallback: boolean }
  | { readonly kind: "literal" }
  | { readonly kind: "delivery-policy" }
  | { readonly kind: "literal-list" }
  | { readonly kind: "text-list" }
  | {
    readonly kind: "text-map";
    /** A value that renders to "" keeps its template text (alertmanager, awssqs, gcppubsub). */
    readonly keepRawWhenEmpty?: boolean;
    /** A value that does not parse is kept verbatim (awssqs `messageAttributes`). */
    readonly keepUnparsable?: boolean;
    /** An empty map counts as absent (the Go code checks `len(...) > 0`). */
    readonly emptyIsAbsent?: boolean;
  }
  | { readonly kind: "object"; readonly fields: Fields }
  | { readonly kind: "object-list"; readonly fields: Fields };

/** The fields of a block or sub-object, in the order the Go engine renders them. */
export type Fields = Readonly<Record<string, FieldSpec>>;

/**
 * How a later template's block combines with an earlier one's (`send: [a, b]`):
 * - `replace`: the Go templater overwrites every field, so the later block replaces the earlier one;
 * - `merge`: field by field, fields the later template leaves out (empty `omitEmpty` fields, undefined maps) stay;
 * - `deep`: like `merge`, recursively (github: sub-blocks from earlier templates survive).
 */
export type MergeStrategy = "replace" | "merge" | "deep";

/** What {@linkcode BlockSpec.check} says about a block as written. */
export interface BlockCheck {
  /** Why the block cannot be used (the template is then left out). */
  readonly error?: string;
  /** Values the block gets when the template compiles, by path inside the block (Alertmanager's `alertname`). */
  readonly defaults?: readonly { readonly path: readonly (string | number)[]; readonly value: unknown }[];
}

/** One service block of the template document. */
export interface BlockSpec {
  readonly fields: Fields;
  readonly merge: MergeStrategy;
  /** When set, the block maps names to objects with these fields (webhook: service name → request). */
  readonly entries?: Fields;
  /** Checks the block as written, before its fields compile; `template` is the template's name. */
  readonly check?: (block: Readonly<Record<string, unknown>>, template: string) => BlockCheck;
  /** Finishes the rendered block, as some Go templaters do after rendering; `now` is unix milliseconds. */
  readonly finish?: (block: Readonly<Record<string, unknown>>, now: number) => Readonly<Record<string, unknown>>;
}

/**
 * The blocks a template document may have, by key, in the order they render (the Go engine's order for its own
 * services). A host adds its own by spreading: `{ ...builtinBlocks, myhook: { merge: "merge", fields: … } }`.
 */
export type TemplateBlocks = Readonly<Record<string, BlockSpec>>;
