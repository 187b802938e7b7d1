/**
 * Compiles a template document (`template.<name>`, decoded from YAML) into slots: every templated string compiled
 * once, with where its rendering goes, plus the literal values of the document. Unknown fields are warnings with a
 * suggestion (the Go engine ignores them silently); keys match case-insensitively as in Go's JSON decoding.
 * @module
 */
import { diagnostic, type Diagnostic } from "../diagnostics.ts";
import type { Either } from "../fp.ts";
import { blockSpecs, type FieldSpec, type Fields, type ParseMode } from "./_fields.ts";
import { suggest } from "./_suggest.ts";
import type { TemplateLanguage, TextTemplate } from "./text-template.ts";

// --- model

/** Compiles one templated string; `name` is the Go template name (`texttemplate.New(name)`). */
export type TextCompiler = (source: string, name: string) => Either<Diagnostic, TextTemplate>;

/** A path into the rendered content: `["slack", "attachments"]`, `["opsgenie", "tags", 0]`. */
export type ContentPath = readonly (string | number)[];

/** A templated string and where its rendering goes. */
export interface Slot {
  readonly path: ContentPath;
  /** The field as the document spells it, for messages: `slack.attachments`. */
  readonly label: string;
  readonly template: TextTemplate;
  readonly parse: ParseMode;
  readonly omitEmpty: boolean;
  /** The template text, kept when the rendering is empty (alertmanager labels and the like). */
  readonly raw?: string;
}

/** A value of the document that is not a template (Slack `notifyBroadcast`, webhook `method`, containers). */
export interface Literal {
  readonly path: ContentPath;
  readonly value: unknown;
}

/** The compiled document: the slots and literals, block by block in the Go engine's order. */
export interface DocumentPlan {
  readonly name: string;
  readonly language: TemplateLanguage;
  readonly literals: readonly Literal[];
  readonly slots: readonly Slot[];
}

/** The result of compiling: the plan when no error was found, and every diagnostic. */
export interface CompiledPlan {
  readonly plan: DocumentPlan | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

const languages: readonly TemplateLanguage[] = ["go", "liquid"];
const topLevelKeys = ["message", "language", ...Object.keys(blockSpecs)];

// --- decoding

interface Ctx {
  readonly name: string;
  readonly language: TemplateLanguage;
  readonly compile: TextCompiler;
  readonly diagnostics: Diagnostic[];
  readonly literals: Literal[];
  readonly slots: Slot[];
}

function isRecord(v: unknown): v is Readonly<Record<string, unknown>> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function kindOf(v: unknown): string {
  return v === null ? "null" : Array.isArray(v) ? "a list" : typeof v === "object" ? "a map" : `a ${typeof v}`;
}

function report(ctx: Ctx, tag: Diagnostic["_tag"], message: string, extra: { severity?: "warning"; hint?: string } = {}): void {
  ctx.diagnostics.push(diagnostic(tag, message, { key: `template.${ctx.name}`, ...extra }));
}

/** Pairs the keys of a map with the fields of a spec: exact match first, then case-insensitive, as Go does. */
function matchFields(ctx: Ctx, value: Readonly<Record<string, unknown>>, fields: readonly string[], label: string): Map<string, unknown> {
  const matched = new Map<string, unknown>();
  for (const [key, v] of Object.entries(value)) {
    const field = fields.includes(key) ? key : fields.find((f) => f.toLowerCase() === key.toLowerCase());
    if (field === undefined) {
      const where = label === "" ? "the template" : `"${label}"`;
      report(ctx, "UnknownField", `"${label === "" ? key : `${label}.${key}`}" is not a field of ${where}; it is ignored`, {
        severity: "warning",
        ...withHint(suggest(key, fields)),
      });
    } else if (!matched.has(field) || field === key) {
      matched.set(field, v);
    }
  }
  return matched;
}

function withHint(hint: string | undefined): { hint?: string } {
  return hint === undefined ? {} : { hint };
}

function join(label: string, key: string | number): string {
  return typeof key === "number" ? `${label}[${key}]` : label === "" ? key : `${label}.${key}`;
}

/** A string field: strings as written, numbers and booleans in their text form (as sigs.k8s.io/yaml converts). */
function asString(ctx: Ctx, v: unknown, label: string): string | undefined {
  if (v === undefined || v === null) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  report(ctx, "InvalidField", `${label}: must be a string, not ${kindOf(v)}`);
  return undefined;
}

function compileText(ctx: Ctx, source: string, label: string, goName: string): TextTemplate | undefined {
  const compiled = ctx.compile(source, goName);
  if (compiled._tag === "Right") return compiled.right;
  const d = compiled.left;
  const at = d.line === undefined ? "" : `line ${d.line}${d.column === undefined ? "" : `, column ${d.column}`}: `;
  ctx.diagnostics.push(
    diagnostic("TemplateParse", `${label}: ${at}${d.message}`, {
      key: `template.${ctx.name}`,
      hint: d.hint,
      snippet: d.snippet,
    }),
  );
  return undefined;
}

function addSlot(ctx: Ctx, path: ContentPath, label: string, source: string, options: {
  parse?: ParseMode;
  omitEmpty?: boolean;
  keepRaw?: boolean;
  goName?: string;
}): void {
  const parse = options.parse ?? "text";
  const omitEmpty = options.omitEmpty ?? false;
  if (source === "") {
    if (parse === "text" && !omitEmpty) ctx.literals.push({ path, value: "" });
    return;
  }
  const template = compileText(ctx, source, label, options.goName ?? ctx.name);
  if (template === undefined) return;
  ctx.slots.push({ path, label, template, parse, omitEmpty, ...(options.keepRaw === true ? { raw: source } : {}) });
}

function compileField(ctx: Ctx, spec: FieldSpec, v: unknown, path: ContentPath, label: string, goName: string): void {
  switch (spec.kind) {
    case "text": {
      const source = asString(ctx, v, label);
      if (source === undefined) return;
      const effective = source === "" && spec.fallback !== undefined ? spec.fallback[ctx.language] : source;
      const target = spec.as === undefined ? path : [...path.slice(0, -1), spec.as];
      addSlot(ctx, target, label, effective, { parse: spec.parse ?? "text", omitEmpty: spec.omitEmpty ?? false, goName });
      return;
    }
    case "bool":
      if (v === undefined || v === null) ctx.literals.push({ path, value: spec.fallback });
      else if (typeof v === "boolean") ctx.literals.push({ path, value: v });
      else report(ctx, "InvalidField", `${label}: must be true or false, not ${kindOf(v)}`);
      return;
    case "literal": {
      const s = asString(ctx, v, label);
      if (s !== undefined) ctx.literals.push({ path, value: s });
      return;
    }
    case "delivery-policy": {
      if (v !== undefined && v !== null && typeof v !== "string") {
        report(ctx, "InvalidField", `${label}: must be one of Post, PostAndUpdate, Update, not ${kindOf(v)}`);
        return;
      }
      const known = v === "PostAndUpdate" || v === "Update";
      if (typeof v === "string" && v !== "" && v !== "Post" && !known) {
        report(ctx, "InvalidField", `${label}: "${v}" is not a delivery policy; "Post" is used`, {
          severity: "warning",
          ...withHint(suggest(v, ["Post", "PostAndUpdate", "Update"])),
        });
      }
      ctx.literals.push({ path, value: known ? v : "Post" });
      return;
    }
    case "literal-list":
      if (v === undefined || v === null) return;
      if (!Array.isArray(v) || !v.every((x) => typeof x === "string")) {
        report(ctx, "InvalidField", `${label}: must be a list of strings`);
        return;
      }
      ctx.literals.push({ path, value: [...v] });
      return;
    case "text-list":
      if (v === undefined || v === null) return;
      if (!Array.isArray(v)) {
        report(ctx, "InvalidField", `${label}: must be a list of strings, not ${kindOf(v)}`);
        return;
      }
      ctx.literals.push({ path, value: [] });
      v.forEach((item, i) => {
        const s = asString(ctx, item, join(label, i));
        if (s !== undefined) addSlot(ctx, [...path, i], join(label, i), s, { goName });
      });
      return;
    case "text-map":
      compileTextMap(ctx, spec, v, path, label, goName);
      return;
    case "object":
      if (v === undefined || v === null) return;
      if (!isRecord(v)) {
        report(ctx, "InvalidField", `${label}: must be a map, not ${kindOf(v)}`);
        return;
      }
      ctx.literals.push({ path, value: {} });
      compileFields(ctx, spec.fields, v, path, label, goName);
      return;
    case "object-list":
      if (v === undefined || v === null) return;
      if (!Array.isArray(v)) {
        report(ctx, "InvalidField", `${label}: must be a list, not ${kindOf(v)}`);
        return;
      }
      ctx.literals.push({ path, value: [] });
      v.forEach((item, i) => {
        if (!isRecord(item)) {
          report(ctx, "InvalidField", `${join(label, i)}: must be a map, not ${kindOf(item)}`);
          return;
        }
        ctx.literals.push({ path: [...path, i], value: {} });
        compileFields(ctx, spec.fields, item, [...path, i], join(label, i), goName);
      });
      return;
  }
}

function compileTextMap(
  ctx: Ctx,
  spec: Extract<FieldSpec, { kind: "text-map" }>,
  v: unknown,
  path: ContentPath,
  label: string,
  goName: string,
): void {
  if (v === undefined || v === null) return;
  if (!isRecord(v)) {
    report(ctx, "InvalidField", `${label}: must be a map of strings, not ${kindOf(v)}`);
    return;
  }
  const entries = Object.entries(v);
  if (entries.length === 0 && spec.emptyIsAbsent === true) return;
  ctx.literals.push({ path, value: {} });
  for (const [key, item] of entries) {
    const s = asString(ctx, item, join(label, key));
    if (s === undefined) continue;
    if (spec.keepUnparsable === true && ctx.compile(s, goName)._tag === "Left") {
      report(ctx, "TemplateParse", `${join(label, key)}: does not parse as a template; it is sent as written`, {
        severity: "warning",
      });
      ctx.literals.push({ path: [...path, key], value: s });
      continue;
    }
    const keepRaw = spec.keepRawWhenEmpty === true;
    if (s === "") ctx.literals.push({ path: [...path, key], value: "" });
    else addSlot(ctx, [...path, key], join(label, key), s, { keepRaw, goName });
  }
}

function compileFields(
  ctx: Ctx,
  fields: Fields,
  value: Readonly<Record<string, unknown>>,
  path: ContentPath,
  label: string,
  goName: string,
): void {
  const matched = matchFields(ctx, value, Object.keys(fields), label);
  for (const [key, spec] of Object.entries(fields)) {
    compileField(ctx, spec, matched.get(key), [...path, key], join(label, key), goName);
  }
}

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
      ...withHint(typeof v === "string" ? suggest(v, languages) : undefined),
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
