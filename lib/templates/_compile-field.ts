/**
 * Compiles the fields of a block against its spec (`block-spec.ts`): templated strings become slots, everything else
 * literals; problems become diagnostics on the context. Private to `compile-document.ts`.
 * @module
 */
import { type Diagnostic, diagnostic } from "../diagnostics.ts";
import type { Fields, FieldSpec, ParseMode } from "./block-spec.ts";
import { didYouMean } from "../suggest.ts";
import type { ContentPath, Literal, Slot, TextCompiler } from "./document-plan.ts";
import type { TemplateLanguage, TextTemplate } from "./text-template.ts";

/** What compiling one document accumulates: its slots, literals and diagnostics. */
export interface Ctx {
  readonly name: string;
  readonly language: TemplateLanguage;
  readonly compile: TextCompiler;
  readonly diagnostics: Diagnostic[];
  readonly literals: Literal[];
  readonly slots: Slot[];
}

/**
 * Where a template that does not parse sits in the document, for a caller that knows where the document came from
 * (`decodeConfig` maps it to the line and column of the ConfigMap value).
 */
export interface FieldLocation {
  /** The field's path in the document, fields named as the spec spells them: `["slack", "attachments"]`. */
  readonly path: ContentPath;
  /** 1-based line and column inside the field's text, when the parser gives them. */
  readonly line?: number;
  readonly column?: number;
  /** The diagnostic's message without that position: `slack.attachments: unexpected "}" in operand`. */
  readonly message: string;
}

/** A `TemplateParse` diagnostic that also says which field it is in and where inside it. */
export interface FieldDiagnostic extends Diagnostic {
  readonly field: FieldLocation;
}

/** Whether a diagnostic of `compileTemplate` carries its {@linkcode FieldLocation}. */
export function isFieldDiagnostic(d: Diagnostic): d is FieldDiagnostic {
  return "field" in d && isRecord(d.field) && Array.isArray(d.field.path);
}

export function isRecord(v: unknown): v is Readonly<Record<string, unknown>> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function kindOf(v: unknown): string {
  return v === null ? "null" : Array.isArray(v) ? "a list" : typeof v === "object" ? "a map" : `a ${typeof v}`;
}

export function report(
  ctx: Ctx,
  tag: Diagnostic["_tag"],
  message: string,
  extra: { severity?: "warning"; hint?: string } = {},
): void {
  ctx.diagnostics.push(diagnostic(tag, message, { key: `template.${ctx.name}`, ...extra }));
}

/** Pairs the keys of a map with the fields of a spec: exact match first, then case-insensitive, as Go does. */
export function matchFields(
  ctx: Ctx,
  value: Readonly<Record<string, unknown>>,
  fields: readonly string[],
  label: string,
): Map<string, unknown> {
  const matched = new Map<string, unknown>();
  for (const [key, v] of Object.entries(value)) {
    const field = fields.includes(key) ? key : fields.find((f) => f.toLowerCase() === key.toLowerCase());
    if (field === undefined) {
      const where = label === "" ? "the template" : `"${label}"`;
      report(
        ctx,
        "UnknownField",
        `"${label === "" ? key : `${label}.${key}`}" is not a field of ${where}; it is ignored`,
        {
          severity: "warning",
          ...withHint(didYouMean(key, fields)),
        },
      );
    } else if (!matched.has(field) || field === key) {
      matched.set(field, v);
    }
  }
  return matched;
}

export function withHint(hint: string | undefined): { hint?: string } {
  return hint === undefined ? {} : { hint };
}

export function join(label: string, key: string | number): string {
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

function compileText(
  ctx: Ctx,
  source: string,
  label: string,
  goName: string,
  field: ContentPath,
): TextTemplate | undefined {
  const compiled = ctx.compile(source, goName);
  if (compiled._tag === "Right") return compiled.right;
  const d = compiled.left;
  const at = d.line === undefined ? "" : `line ${d.line}${d.column === undefined ? "" : `, column ${d.column}`}: `;
  const location: FieldLocation = {
    path: field,
    ...(d.line === undefined ? {} : { line: d.line }),
    ...(d.column === undefined ? {} : { column: d.column }),
    message: `${label}: ${d.message}`,
  };
  const problem: FieldDiagnostic = {
    ...diagnostic("TemplateParse", `${label}: ${at}${d.message}`, {
      key: `template.${ctx.name}`,
      hint: d.hint,
      snippet: d.snippet,
    }),
    field: location,
  };
  ctx.diagnostics.push(problem);
  return undefined;
}

function addSlot(ctx: Ctx, path: ContentPath, label: string, source: string, options: {
  parse?: ParseMode;
  omitEmpty?: boolean;
  keepRaw?: boolean;
  goName?: string;
  /** The field's path in the document, when the content path differs (a field renamed with `as`). */
  field?: ContentPath;
}): void {
  const parse = options.parse ?? "text";
  const omitEmpty = options.omitEmpty ?? false;
  if (source === "") {
    if (parse === "text" && !omitEmpty) ctx.literals.push({ path, value: "" });
    return;
  }
  const template = compileText(ctx, source, label, options.goName ?? ctx.name, options.field ?? path);
  if (template === undefined) return;
  ctx.slots.push({ path, label, template, parse, omitEmpty, ...(options.keepRaw === true ? { raw: source } : {}) });
}

/** Compiles one field by its kind: templated strings become slots, other values literals. */
export function compileField(
  ctx: Ctx,
  spec: FieldSpec,
  v: unknown,
  path: ContentPath,
  label: string,
  goName: string,
): void {
  switch (spec.kind) {
    case "text": {
      const source = asString(ctx, v, label);
      if (source === undefined) return;
      const effective = source === "" && spec.fallback !== undefined ? spec.fallback[ctx.language] : source;
      const target = spec.as === undefined ? path : [...path.slice(0, -1), spec.as];
      addSlot(ctx, target, label, effective, {
        parse: spec.parse ?? "text",
        omitEmpty: spec.omitEmpty ?? false,
        goName,
        field: path,
      });
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
          ...withHint(didYouMean(v, ["Post", "PostAndUpdate", "Update"])),
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
    const keepRaw = spec.keepRawWhenEmpty === true;
    if (s === "") {
      ctx.literals.push({ path: [...path, key], value: "" });
    } else if (spec.keepUnparsable === true) {
      const compiled = ctx.compile(s, goName);
      if (compiled._tag === "Right") {
        ctx.slots.push({
          path: [...path, key],
          label: join(label, key),
          template: compiled.right,
          parse: "text",
          omitEmpty: false,
          ...(keepRaw ? { raw: s } : {}),
        });
        continue;
      }
      report(ctx, "TemplateParse", `${join(label, key)}: does not parse as a template; it is sent as written`, {
        severity: "warning",
      });
      ctx.literals.push({ path: [...path, key], value: s });
    } else {
      addSlot(ctx, [...path, key], join(label, key), s, { keepRaw, goName });
    }
  }
}

/** Compiles the fields of a map against their specs, warning about keys that are not fields. */
export function compileFields(
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
