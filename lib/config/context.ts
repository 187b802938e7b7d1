/**
 * `context`: Argo CD's map of strings that templates and expressions see as `.context` (e.g. `argocdUrl`).
 * @module
 */
import { E } from "../fp.ts";
import { contextCodec } from "./_codecs.ts";
import { decoded, failed } from "./_decoded.ts";
import type { Decoded } from "./_decoded.ts";
import { reportErrors } from "./_report.ts";
import { parseYaml } from "./_yaml-position.ts";
import type { YamlLimits } from "../yaml/mod.ts";

/** Decodes `context`; numbers and booleans become strings, as Go decodes them into a `map[string]string`. */
export function decodeContext(
  source: string,
  options: { readonly limits?: YamlLimits } = {},
): Decoded<Readonly<Record<string, string>>> {
  const parsed = parseYaml(source, "1.1", options.limits);
  if (E.isLeft(parsed)) return failed("context", parsed.left);
  const yaml = parsed.right;
  const context = contextCodec.decode(yaml.value);
  if (E.isLeft(context)) {
    return failed("context", [...yaml.warnings, ...reportErrors(context.left, yaml, [], "the context")]);
  }
  return decoded("context", context.right, yaml.warnings);
}
