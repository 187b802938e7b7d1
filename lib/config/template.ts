/**
 * `template.<name>`: a YAML document handed to the template compiler.
 * @module
 */
import { E } from "../fp.ts";
import type { CompiledTemplate } from "../templates/mod.ts";
import { compileTemplate } from "../templates/mod.ts";
import { decoded, failed } from "./_decoded.ts";
import type { Decoded } from "./_decoded.ts";
import { parseYaml } from "./_yaml-position.ts";

/**
 * Decodes `template.<name>` (YAML 1.1, as the Go engine reads it) and compiles it; the compiler's diagnostics are
 * reported as they are, with the key added. An empty value is an empty template, as in Go.
 */
export function decodeTemplate(
  name: string,
  source: string,
  compile: typeof compileTemplate = compileTemplate,
): Decoded<CompiledTemplate> {
  const key = `template.${name}`;
  const parsed = parseYaml(source, "1.1");
  if (E.isLeft(parsed)) return failed(key, parsed.left);
  const compiled = compile(name, parsed.right.value ?? {});
  return E.isLeft(compiled) ? failed(key, compiled.left) : decoded(key, compiled.right, (compiled.right.warnings ?? []).map((d) => ({ ...d, key })));
}
