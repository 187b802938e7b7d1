/**
 * Compiles a template document (`template.<name>`, decoded from YAML) into slots: every templated string compiled
 * once, with where its rendering goes, plus the literal values of the document. Unknown fields are warnings with a
 * suggestion (the Go engine ignores them silently); keys match case-insensitively as in Go's JSON decoding.
 * @module
 */
import { diagnostic, type Diagnostic } from "../diagnostics.ts";
import { blockSpecs } from "./_fields.ts";
import { compileField, compileFields, type Ctx, isRecord, kindOf, matchFields, report, withHint } from "./_compile-field.ts";
import { didYouMean } from "../suggest.ts";
import type { CompiledPlan, Literal, Slot, TextCompiler } from "./document-plan.ts";
import type { TemplateLanguage } from "./text-template.ts";

export type { CompiledPlan, ContentPath, DocumentPlan, Literal, Slot, TextCompiler } from "./document-plan.ts";
export type { FieldDiagnostic, FieldLocation } from "./_compile-field.ts";
export { isFieldDiagnostic } from "./_compile-field.ts";

const languages: readonly TemplateLanguage[] = ["go", "liquid"];
const topLevelKeys = ["message", "language", ...Object.keys(blockSpecs)];

// --- blocks

function compileBlock(ctx: Ctx, key: string, value: unknown): void {
  const spec = blockSpecs[key];
  if (spec === undefined || value === undefined || value === null) return;
  if (!isRecord(value)) {
    report(ctx, "InvalidField", `${key}: must be a map, not ${kindOf(value)}`);
    return;
  }
  ctx.literals.push({ path: [key], value: {} });
  const entries = spec.entries;
  if (entries === undefined) {
    compileFields(ctx, spec.fields, value, [key], key, ctx.name);
    if (key === "alertmanager") checkAlertmanager(ctx, value);
    return;
  }
  for (const [entry, v] of Object.entries(value)) {
    if (!isRecord(v)) {
      report(ctx, "InvalidField", `${key}.${entry}: must be a map, not ${kindOf(v)}`);
      continue;
    }
    ctx.literals.push({ path: [key, entry], value: {} });
    compileFields(ctx, entries, v, [key, entry], `${key}.${entry}`, ctx.name + entry);
  }
}

/** The Go engine refuses an alertmanager block without labels, and names the alert after the template by default. */
function checkAlertmanager(ctx: Ctx, value: Readonly<Record<string, unknown>>): void {
  const labels = Object.entries(value).find(([k]) => k.toLowerCase() === "labels")?.[1];
  if (!isRecord(labels) || Object.keys(labels).length === 0) {
    report(ctx, "InvalidField", "alertmanager.labels: at least one label pair required");
  } else if (!("alertname" in labels)) {
    ctx.literals.push({ path: ["alertmanager", "labels", "alertname"], value: ctx.name });
  }
}

function languageOf(ctx: { readonly name: string; readonly diagnostics: Diagnostic[] }, v: unknown): TemplateLanguage {
  if (v === undefined || v === null || v === "go") return "go";
  if (v === "liquid") return "liquid";
  ctx.diagnostics.push(
    diagnostic("InvalidField", `language: must be "go" or "liquid", not ${JSON.stringify(v)}`, {
      key: `template.${ctx.name}`,
      ...withHint(typeof v === "string" ? didYouMean(v, languages) : undefined),
    }),
  );
  return "go";
}

// --- compile

/**
 * Compiles a template document against the field table of the Go engine.
 * @param name the template's name (the part after `template.`)
 * @param document the decoded YAML value
 * @param compilers one text compiler per language
 * @returns the plan (when there is no error) and every diagnostic, warnings included
 */
export function compileDocument(
  name: string,
  document: unknown,
  compilers: Readonly<Record<TemplateLanguage, () => TextCompiler>>,
): CompiledPlan {
  const diagnostics: Diagnostic[] = [];
  const base = { name, diagnostics, literals: [] as Literal[], slots: [] as Slot[] };
  if (document !== undefined && document !== null && !isRecord(document)) {
    diagnostics.push(diagnostic("InvalidField", `must be a map with "message" and service blocks, not ${kindOf(document)}`, { key: `template.${name}` }));
    return { plan: undefined, diagnostics };
  }
  const doc = document ?? {};
  const probe: Ctx = { ...base, language: "go", compile: () => ({ _tag: "Left", left: diagnostic("TemplateParse", "") }) };
  const top = matchFields(probe, doc, topLevelKeys, "");
  const language = languageOf(base, top.get("language"));
  const ctx: Ctx = { ...base, language, compile: compilers[language]() };
  compileField(ctx, { kind: "text", omitEmpty: true }, top.get("message"), ["message"], "message", name);
  for (const key of Object.keys(blockSpecs)) compileBlock(ctx, key, top.get(key));
  const failed = diagnostics.some((d) => d.severity === "error");
  return {
    plan: failed ? undefined : { name, language, literals: ctx.literals, slots: ctx.slots },
    diagnostics,
  };
}
