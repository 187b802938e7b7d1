/**
 * `defaultTriggers` and `defaultTriggers.<service>`: the triggers a subscription without trigger names gets.
 * @module
 */
import { E } from "../fp.ts";
import { triggerNamesCodec } from "./_codecs.ts";
import { decoded, failed, refAt } from "./_decoded.ts";
import type { Decoded, Ref } from "./_decoded.ts";
import { reportErrors } from "./_report.ts";
import { parseYaml } from "./_yaml-position.ts";
import type { YamlLimits } from "../yaml/mod.ts";

/** Decodes a YAML list of trigger names; also returns each name with its position, to check it exists. */
export function decodeDefaultTriggers(
  key: string,
  source: string,
  options: { readonly limits?: YamlLimits } = {},
): Decoded<readonly Ref[]> {
  const parsed = parseYaml(source, "1.1", options.limits);
  if (E.isLeft(parsed)) return failed(key, parsed.left);
  const yaml = parsed.right;
  const names = triggerNamesCodec.decode(yaml.value);
  if (E.isLeft(names)) return failed(key, [...yaml.warnings, ...reportErrors(names.left, yaml, [], `"${key}"`)]);
  return decoded(key, names.right.map((name, i): Ref => refAt(name, () => yaml.valueAt([i]))), yaml.warnings);
}
