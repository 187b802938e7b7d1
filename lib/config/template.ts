/**
 * `template.<name>`: a YAML document handed to the template compiler.
 * @module
 */
import type { Diagnostic } from "../diagnostics.ts";
import { diagnostic } from "../diagnostics.ts";
import { E } from "../fp.ts";
import { isFieldDiagnostic } from "../templates/mod.ts";
import type { CompiledTemplate, TemplateBlocks, TemplateLanguages } from "../templates/mod.ts";
import { compileTemplate } from "../templates/mod.ts";
import { decoded, failed } from "./_decoded.ts";
import type { Decoded } from "./_decoded.ts";
import { parseYaml } from "./_yaml-position.ts";
import type { YamlValue } from "./_yaml-position.ts";
import type { YamlLimits } from "../yaml/mod.ts";

/**
 * Decodes `template.<name>` (YAML 1.1, as the Go engine reads it) and compiles it; the compiler's diagnostics are
 * reported with the key added, and a field that does not parse is pointed at its line and column in the value
 * (exact inside `|` blocks and one-line scalars, else where the field's value starts). A template without any field
 * (an empty value, a misspelt `message`) is an error, where Go would send an empty notification.
 */
export function decodeTemplate(
  name: string,
  source: string,
  options: {
    readonly limits?: YamlLimits;
    readonly blocks?: TemplateBlocks;
    readonly languages?: TemplateLanguages | undefined;
  } = {},
): Decoded<CompiledTemplate> {
  const key = `template.${name}`;
  const parsed = parseYaml(source, "1.1", options.limits);
  if (E.isLeft(parsed)) return failed(key, parsed.left);
  const yaml = parsed.right;
  const compiled = compileTemplate(name, yaml.value ?? {}, {
    ...(options.blocks === undefined ? {} : { blocks: options.blocks }),
    ...(options.languages === undefined ? {} : { languages: options.languages }),
  });
  if (E.isLeft(compiled)) return failed(key, [...yaml.warnings, ...compiled.left.map((d) => locate(d, yaml))]);
  return decoded(key, compiled.right, [
    ...yaml.warnings,
    ...(compiled.right.warnings ?? []).map((d) => locate(d, yaml)),
  ]);
}

/** Moves the position inside a field's text (part of the compiler's message) to the YAML value of the key. */
function locate(d: Diagnostic, yaml: YamlValue): Diagnostic {
  if (!isFieldDiagnostic(d)) return d;
  const { path, line, column, message } = d.field;
  const at = line === undefined ? yaml.valueAt(path) : yaml.insideScalar(path, { line, column: column ?? 1 });
  return diagnostic(d._tag, message, {
    severity: d.severity,
    key: d.key,
    line: at?.line,
    column: at?.column,
    hint: d.hint,
    snippet: d.snippet,
  });
}
