/**
 * Compiles a template document (`template.<name>`, decoded from YAML) into slots: every templated string compiled
 * once, with where its rendering goes, plus the literal values of the document. The blocks a document may have come
 * from the registry the caller passes (each provider owns its block). Unknown fields are warnings with a suggestion
 * (the Go engine ignores them silently); keys match case-insensitively as in Go's JSON decoding.
 * @module
 */
import { type Diagnostic, diagnostic } from "../diagnostics.ts";
import type { BlockSpec, TemplateBlocks } from "./block-spec.ts";
import {
  compileField,
  compileFields,
  type Ctx,
  isRecord,
  kindOf,
  matchFields,
  report,
  withHint,
} from "./_compile-field.ts";
import { didYouMean } from "../suggest.ts";
import type { CompiledPlan, Literal, Slot } from "./document-plan.ts";
import type { TextCompilers } from "./compilers.ts";
import type { TemplateLanguage } from "./text-template.ts";

export type { CompiledPlan, ContentPath, DocumentPlan, Literal, Slot, TextCompiler } from "./document-plan.ts";
export type { FieldDiagnostic, FieldLocation } from "./_compile-field.ts";
export { isFieldDiagnostic } from "./_compile-field.ts";

const languages: readonly TemplateLanguage[] = ["go", "liquid"];

// --- blocks

/** Compiles one block; `true` when the document has it. */
function compileBlock(ctx: Ctx, key: string, spec: BlockSpec, value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (!isRecord(value)) {
    report(ctx, "InvalidField", `${key}: must be a map, not ${kindOf(value)}`);
    return false;
  }
  ctx.literals.push({ path: [key], value: {} });
  const entries = spec.entries;
  if (entries === undefined) {
    compileFields(ctx, spec.fields, value, [key], key, ctx.name);
    const checked = spec.check?.(value, ctx.name);
    if (checked?.error !== undefined) report(ctx, "InvalidField", checked.error);
    for (const d of checked?.defaults ?? []) ctx.literals.push({ path: [key, ...d.path], value: d.value });
    return true;
  }
  for (const [entry, v] of Object.entries(value)) {
    if (!isRecord(v)) {
      report(ctx, "InvalidField", `${key}.${entry}: must be a map, not ${kindOf(v)}`);
      continue;
    }
    ctx.literals.push({ path: [key, entry], value: {} });
    compileFields(ctx, entries, v, [key, entry], `${key}.${entry}`, ctx.name + entry);
  }
  return true;
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

/** Options of {@linkcode compileDocument}. */
export interface CompileDocumentOptions {
  /** One text compiler factory per language the host has (Go always; Liquid when added). */
  readonly compilers: TextCompilers;
  /** The service blocks a document may have, in render order. */
  readonly blocks: TemplateBlocks;
}

/**
 * Compiles a template document against the blocks of the registry.
 * @param name the template's name (the part after `template.`)
 * @param document the decoded YAML value
 * @param options the text compilers and the block registry
 * @returns the plan (when there is no error) and every diagnostic, warnings included
 */
export function compileDocument(name: string, document: unknown, options: CompileDocumentOptions): CompiledPlan {
  const { compilers, blocks } = options;
  const diagnostics: Diagnostic[] = [];
  const base = { name, diagnostics, literals: [] as Literal[], slots: [] as Slot[] };
  if (document !== undefined && document !== null && !isRecord(document)) {
    diagnostics.push(
      diagnostic("InvalidField", `must be a map with "message" and service blocks, not ${kindOf(document)}`, {
        key: `template.${name}`,
      }),
    );
    return { plan: undefined, diagnostics };
  }
  const doc = document ?? {};
  const probe: Ctx = {
    ...base,
    language: "go",
    compile: () => ({ _tag: "Left", left: diagnostic("TemplateParse", "") }),
  };
  const top = matchFields(probe, doc, ["message", "language", ...Object.keys(blocks)], "");
  if (!top.has("message") && !Object.keys(blocks).some((b) => top.has(b))) {
    const names = Object.keys(blocks);
    const shown = names.length > 3 ? `${names.slice(0, 3).join(", ")}, …` : names.join(", ");
    diagnostics.push(diagnostic("InvalidField", `the template has no field, so it would send nothing; it is left out`, {
      key: `template.${name}`,
      hint: names.length === 0 ? 'write "message"' : `write "message" or a service block (${shown})`,
    }));
  }
  const language = languageOf(base, top.get("language"));
  const factory = compilers[language];
  if (factory === undefined) {
    diagnostics.push(
      diagnostic("InvalidField", "language: liquid: the Liquid compiler is not loaded, so the template is left out", {
        key: `template.${name}`,
        hint: 'add it: import { liquid } from "notifications-engine/liquid" and pass decodeConfig(configMap, secret, ' +
          "{ languages: { liquid } })",
      }),
    );
    return { plan: undefined, diagnostics };
  }
  const ctx: Ctx = { ...base, language, compile: factory() };
  compileField(ctx, { kind: "text", omitEmpty: true }, top.get("message"), ["message"], "message", name);
  const finishers: { block: string; finish: NonNullable<BlockSpec["finish"]> }[] = [];
  for (const [key, spec] of Object.entries(blocks)) {
    if (compileBlock(ctx, key, spec, top.get(key)) && spec.finish !== undefined) {
      finishers.push({ block: key, finish: spec.finish });
    }
  }
  const failed = diagnostics.some((d) => d.severity === "error");
  return {
    plan: failed ? undefined : { name, language, literals: ctx.literals, slots: ctx.slots, finishers },
    diagnostics,
  };
}
