/**
 * `trigger.<name>`: a YAML list of conditions, each compiled once.
 * @module
 */
import type { Diagnostic } from "../diagnostics.ts";
import { diagnostic } from "../diagnostics.ts";
import { compileExpr } from "../expr/mod.ts";
import type { CompiledExpr, CompileOptions } from "../expr/mod.ts";
import { E } from "../fp.ts";
import { conditionCodec, conditionFields, triggerCodec } from "./_codecs.ts";
import type { RawCondition } from "./_codecs.ts";
import { decoded, failed, refAt } from "./_decoded.ts";
import type { Decoded, Ref } from "./_decoded.ts";
import { checkFields, reportErrors } from "./_report.ts";
import { parseYaml } from "./_yaml-position.ts";
import type { YamlPath, YamlValue } from "./_yaml-position.ts";
import type { YamlLimits } from "../yaml/mod.ts";
import { conditionKey } from "./condition-key.ts";
import type { Condition, Trigger } from "./config.ts";

/** A decoded trigger and the templates it sends, with their positions. */
export interface DecodedTrigger {
  readonly trigger: Trigger;
  readonly templates: readonly Ref[];
}

/**
 * Decodes and compiles `trigger.<name>`. A wrong field type or an expression that does not compile is an error and
 * the whole trigger is left out (its condition keys depend on every condition's position); unknown fields are
 * warnings, as the Go engine ignores them. A condition whose `send` is missing or empty (a misspelt `sned:`) is an
 * error too, and only that condition is left out (the others keep their keys); the trigger goes when none is left.
 */
export function decodeTrigger(
  name: string,
  source: string,
  options: { readonly expr?: CompileOptions | undefined; readonly limits?: YamlLimits } = {},
): Decoded<DecodedTrigger> {
  const key = `trigger.${name}`;
  const parsed = parseYaml(source, "1.1", options.limits);
  if (E.isLeft(parsed)) return failed(key, parsed.left);
  const yaml = parsed.right;
  const items: readonly unknown[] = Array.isArray(yaml.value) ? yaml.value : [];
  if (!Array.isArray(yaml.value)) {
    const list = triggerCodec.decode(yaml.value);
    if (E.isLeft(list)) return failed(key, [...yaml.warnings, ...reportErrors(list.left, yaml, [], "the trigger")]);
  }
  const checks = items.map((c, i) => checkFields(c, conditionFields, "a condition", yaml, [i]));
  const diagnostics: Diagnostic[] = [...yaml.warnings, ...checks.flatMap((c) => c.diagnostics)];
  const raws = checks.map((c, i) => decodeCondition(c.value, i, yaml, diagnostics));
  if (raws.length === 0) {
    diagnostics.push(
      diagnostic("InvalidField", "the trigger has no conditions, so it never fires", { severity: "warning" }),
    );
  }
  const compile = (source: string, path: YamlPath): CompiledExpr =>
    compileField(source, path, yaml, options.expr ?? {}, diagnostics);
  const conditions = raws.map((c, i) => compileCondition(c ?? {}, i, compile));
  const templates = raws.flatMap((c, i) =>
    (c?.send ?? []).map((t, j): Ref => refAt(t, () => yaml.valueAt([i, "send", j])))
  );
  const silent = raws.flatMap((c, i) => (c !== undefined && (c.send ?? []).length === 0 ? [i] : []));
  const result = decoded(key, {
    trigger: { name, conditions: conditions.filter((_, i) => !silent.includes(i)) },
    templates,
  }, diagnostics);
  if (silent.length === 0) return result;
  const leftOut = silent.map((i) => silentCondition(key, i, yaml));
  const kept = result.value !== undefined && result.value.trigger.conditions.length > 0 ? result.value : undefined;
  return { value: kept, diagnostics: [...result.diagnostics, ...leftOut] };
}

/** How the error of a condition without templates ends. */
export const sendsNothing = `sends no template ("send" is missing or empty), so the condition is left out`;

/** The error of a condition that sends no template (a misspelt or empty `send`): it is left out, not sent empty. */
function silentCondition(key: string, i: number, yaml: YamlValue): Diagnostic {
  const at = yaml.valueAt([i, "send"]) ?? yaml.valueAt([i]);
  return diagnostic("InvalidField", `"[${i}]" ${sendsNothing}`, {
    key,
    line: at?.line,
    column: at?.column,
  });
}

function decodeCondition(
  value: unknown,
  i: number,
  yaml: YamlValue,
  diagnostics: Diagnostic[],
): RawCondition | undefined {
  const raw = conditionCodec.decode(value);
  if (E.isRight(raw)) return raw.right;
  diagnostics.push(...reportErrors(raw.left, yaml, [i], `"[${i}]"`));
  return undefined;
}

function compileCondition(
  raw: RawCondition,
  index: number,
  compile: (source: string, path: YamlPath) => CompiledExpr,
): Condition {
  const when = raw.when ?? "";
  const compiledWhen = compile(when === "" ? "false" : when, [index, "when"]);
  const oncePer = raw.oncePer ?? "";
  const compiledOncePer = oncePer === "" ? undefined : compile(oncePer, [index, "oncePer"]);
  return {
    key: conditionKey(index, when),
    when,
    send: raw.send ?? [],
    compiledWhen,
    ...(compiledOncePer !== undefined ? { oncePer, compiledOncePer } : {}),
    ...(raw.description !== undefined && raw.description !== "" ? { description: raw.description } : {}),
  };
}

const never: CompiledExpr = {
  source: "false",
  run: () => E.right(false),
};

function compileField(
  source: string,
  path: YamlPath,
  yaml: YamlValue,
  options: CompileOptions,
  diagnostics: Diagnostic[],
): CompiledExpr {
  const compiled = compileExpr(source, options);
  if (E.isRight(compiled)) return compiled.right;
  const d = compiled.left;
  const at = d.line !== undefined || d.column !== undefined
    ? yaml.insideScalar(path, { line: d.line ?? 1, column: d.column ?? 1 })
    : yaml.valueAt(path);
  const field = path[path.length - 1];
  diagnostics.push({
    ...diagnostic("ExprCompile", `"${String(field)}" does not compile: ${d.message}`, {
      line: at?.line,
      column: at?.column,
      hint: d.hint,
      snippet: d.snippet,
    }),
  });
  return never;
}
