/**
 * Reading untrusted YAML in linear time within the YAML limits, with positions: the one place where lib/ parses YAML
 * text.
 *
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { readYaml } from "./mod.ts";
 *
 * expect(readYaml("a: [1, 2]", { version: "1.2" }).toData()).toEqual({ _tag: "Right", right: { a: [1, 2] } });
 * ```
 * @module
 */
export type { CollectionKey, ReadYaml, ReadYamlOptions, YamlLimits, YamlProblem, YamlVersion } from "./read-yaml.ts";
export { readYaml, readYamlDocuments } from "./read-yaml.ts";
export type { ScalarStyle, YamlAlias, YamlMap, YamlNode, YamlPair, YamlScalar, YamlSeq } from "./yaml-node.ts";
