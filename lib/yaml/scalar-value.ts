/**
 * What a scalar's text means in each YAML version we read: YAML 1.1 as goyaml.v2 decodes it (`yes`/`on`/`y` are
 * booleans, `0` octal; no sexagesimal numbers, timestamps stay strings) and the YAML 1.2 core schema. The patterns
 * and the order they are tried in are the `yaml` npm library's (ISC), which the engine read YAML with before.
 * @module
 */

/** Which YAML the Go engine reads: `"1.1"` (goyaml.v2) for most values, `"1.2"` (yaml.v3) for service settings. */
export type YamlVersion = "1.1" | "1.2";

/** A core type: its patterns in each version, tried in order, and how to read a text that matches. */
type Rule = readonly [RegExp | undefined, RegExp | undefined, (text: string) => unknown];

/** `parseInt` after the sign and prefix, underscores dropped; negated after, so `-0` is `-0` as before. */
const int = (skip: number, radix: number) => (text: string): number => {
  const sign = text[0] === "-" || text[0] === "+" ? 1 : 0;
  const n = parseInt(text.slice(skip + sign).replace(/_/g, ""), radix);
  return text[0] === "-" ? -1 * n : n;
};
const float = (text: string): number => parseFloat(text.replace(/_/g, ""));
const special = (text: string): number =>
  text.slice(-3).toLowerCase() === "nan" ? NaN : text[0] === "-" ? -Infinity : Infinity;

const rules: Readonly<Record<string, readonly Rule[]>> = {
  null: [[/^(?:~|[Nn]ull|NULL)?$/, /^(?:~|[Nn]ull|NULL)?$/, () => null]],
  bool: [
    [/^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/, /^(?:[Tt]rue|TRUE)$/, () => true],
    [/^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/, /^(?:[Ff]alse|FALSE)$/, () => false],
  ],
  int: [
    [/^[-+]?0b[01_]+$/, undefined, int(2, 2)],
    [/^[-+]?0[0-7_]+$/, undefined, int(1, 8)],
    [undefined, /^0o[0-7]+$/, int(2, 8)],
    [/^[-+]?[0-9][0-9_]*$/, /^[-+]?[0-9]+$/, int(0, 10)],
    [/^[-+]?0x[0-9a-fA-F_]+$/, /^0x[0-9a-fA-F]+$/, int(2, 16)],
  ],
  float: [
    [/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/, /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/, special],
    [
      /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      float,
    ],
    [/^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/, /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, float],
  ],
};

/** The core types, in the order an untagged plain scalar is tried. */
const order = ["null", "bool", "int", "float"] as const;

/** The value of `text` read as the core type `type`, or `undefined` when it is not written as one. */
function asType(text: string, type: string, version: YamlVersion): { value: unknown } | undefined {
  for (const [v11, v12, read] of rules[type] ?? []) {
    if ((version === "1.1" ? v11 : v12)?.test(text)) return { value: read(text) };
  }
  return undefined;
}

/**
 * The value of an untagged plain scalar: null, a boolean, a number, else the text.
 *
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { plainValue } from "./scalar-value.ts";
 *
 * expect(["yes", "010", "1_000", "12:30", "~"].map((t) => plainValue(t, "1.1"))).toEqual([true, 8, 1000, "12:30", null]);
 * expect(["yes", "010", "0o10", ".inf"].map((t) => plainValue(t, "1.2"))).toEqual(["yes", 10, 8, Infinity]);
 * ```
 */
export function plainValue(text: string, version: YamlVersion): unknown {
  // Most text is none of these, and says so by its first character or its length: a configuration is read once, in
  // a cold process, where every pattern tried costs.
  const c = text.charCodeAt(0);
  const numeric = (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46;
  const types = numeric ? order : text.length <= 5 ? order.slice(0, 2) : undefined;
  for (const type of types ?? []) {
    const v = asType(text, type, version);
    if (v !== undefined) return v.value;
  }
  return text;
}

/**
 * The value of a scalar with a core tag (`!!str`, `!!null`, `!!bool`, `!!int`, `!!float`): `undefined` when the text
 * is not written as that type (the caller warns and keeps the text, as the engine did), or when the tag is not one
 * of them.
 */
export function taggedValue(text: string, tag: string, version: YamlVersion): { value: unknown } | undefined {
  if (tag === "str") return { value: text };
  return tag === "null" || tag === "bool" || tag === "int" || tag === "float" ? asType(text, tag, version) : undefined;
}
