/**
 * Renders a compiled template document: every slot in the registry's order, then the JSON (or YAML) fields parsed,
 * then the finishing step of each block that has one (GitHub comment tags, Alertmanager URLs).
 * @module
 */
import { lineIndex } from "../line-index.ts";
import { readYaml } from "../yaml/mod.ts";
import { type Diagnostic, diagnostic, type DiagnosticTag } from "../diagnostics.ts";
import { E, type Either } from "../fp.ts";
import type { ParseMode } from "./block-spec.ts";
import type { ContentPath, DocumentPlan, Slot } from "./document-plan.ts";
import type { RenderedContent, RenderOptions } from "./rendered-content.ts";
import type { TextRenderOptions } from "./text-template.ts";
import { copyData } from "./go/copy-data.ts";
import { LimitFailure } from "./go/budget.ts";
import { defaultLimits, type Limits } from "../limits.ts";

/** One templated field and the text it rendered to, before any parsing: `{ field: "slack.attachments", text }`. */
export interface RenderedField {
  readonly field: string;
  readonly text: string;
}

type Mutable = Record<string | number, unknown>;

function clone(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(clone);
  if (typeof v === "object" && v !== null) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, clone(x)]));
  }
  return v;
}

function setPath(root: Mutable, path: ContentPath, value: unknown): void {
  let node: Mutable = root;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i] as string | number;
    let next = node[key];
    if (typeof next !== "object" || next === null) {
      next = typeof path[i + 1] === "number" ? [] : {};
      node[key] = next;
    }
    node = next as Mutable;
  }
  const last = path[path.length - 1];
  if (last !== undefined) node[last] = value;
}

function renderSlot(
  plan: DocumentPlan,
  slot: Slot,
  vars: Readonly<Record<string, unknown>>,
  options: TextRenderOptions,
): Either<Diagnostic, string> {
  const r = slot.template.render(vars, options);
  if (r._tag === "Right") return r;
  const d = r.left;
  const at = d.line === undefined ? "" : `line ${d.line}${d.column === undefined ? "" : `, column ${d.column}`}: `;
  const tag = d._tag === "LimitExceeded" ? "LimitExceeded" : "TemplateRender";
  return E.left(diagnostic(tag, `${slot.label}: ${at}${d.message}`, { key: `template.${plan.name}`, hint: d.hint }));
}

/** The variables and the options every slot of a document renders with. */
interface Prepared {
  readonly vars: Readonly<Record<string, unknown>>;
  readonly options: TextRenderOptions;
}

/**
 * The variables the slots render over, and how. When a field changes its data (Go's `set`, `merge`…), every field
 * renders over one private copy: the caller's objects never change, and later fields see the change as they do in
 * the Go engine, whose templaters share one map. A copy deeper than `maxValueDepth` is a `LimitExceeded` failure.
 */
function prepare(
  plan: DocumentPlan,
  vars: Readonly<Record<string, unknown>>,
  options: RenderOptions,
): Either<Diagnostic, Prepared> {
  const limits = options.limits !== undefined ? { limits: options.limits } : {};
  if (!plan.slots.some((slot) => slot.template.mutates === true)) {
    return E.right({ vars, options: { now: options.now, ...limits } });
  }
  try {
    return E.right({
      vars: copyData(vars, options.limits ?? defaultLimits),
      options: { now: options.now, ownsVars: true, ...limits },
    });
  } catch (e) {
    if (!(e instanceof LimitFailure)) throw e;
    return E.left(
      diagnostic("LimitExceeded", `copying the data for the template: ${e.message}`, { key: `template.${plan.name}` }),
    );
  }
}

/**
 * Renders every templated field of the document to its text, in the Go engine's order, without parsing or merging:
 * what the Go engine's templaters write into the notification before a service reads it.
 */
export function renderFields(
  plan: DocumentPlan,
  vars: Readonly<Record<string, unknown>>,
  options: RenderOptions,
): Either<Diagnostic, readonly RenderedField[]> {
  const out: RenderedField[] = [];
  const prepared = prepare(plan, vars, options);
  if (prepared._tag === "Left") return prepared;
  const data = prepared.right;
  for (const slot of plan.slots) {
    const r = renderSlot(plan, slot, data.vars, data.options);
    if (r._tag === "Left") return r;
    out.push({ field: slot.label, text: r.right });
  }
  return E.right(out);
}

/** V8 says `… in JSON at position 812`; a line and column in the rendered text are easier to find. */
function withLine(text: string, why: string): string {
  const m = /^(.*?)(?: in JSON)? at position (\d+)/.exec(why);
  if (m === null) return why;
  const { line, column } = lineIndex(text).position(Number(m[2]));
  return `line ${line}, column ${column}: ${m[1]}`;
}

/** Why a rendered text could not be parsed: the tag of the diagnostic and its sentence. */
type ParseFailure = readonly [tag: DiagnosticTag, message: string];

function parseText(mode: ParseMode, text: string, limits: Limits): Either<ParseFailure, unknown> {
  let value: unknown;
  if (mode === "yaml-array") {
    const yaml = parseYamlText(text, limits);
    if (yaml._tag === "Left") return yaml;
    value = yaml.right;
  } else {
    try {
      value = JSON.parse(text);
    } catch (e) {
      const why = e instanceof Error ? (e.message.split("\n")[0] ?? "").replace(/:$/, "") : String(e);
      return E.left(["TemplateRender", `the rendered text is not valid JSON: ${withLine(text, why)}`]);
    }
  }
  if (mode !== "json" && value !== null && !Array.isArray(value)) {
    const what = `not ${typeof value === "object" ? "an object" : `a ${typeof value}`}`;
    return E.left([
      "TemplateRender",
      `the rendered text must be a ${mode === "yaml-array" ? "YAML" : "JSON"} list, ${what}`,
    ]);
  }
  return E.right(value);
}

/** YAML written by a template (it may hold values from the resource), read within the YAML limits. */
function parseYamlText(text: string, limits: Limits): Either<ParseFailure, unknown> {
  const read = readYaml(text, { version: "1.1", limits });
  const first = read.errors[0];
  const data = first === undefined ? read.toData() : E.left(first);
  if (data._tag === "Right") return data;
  const { tag, message, offset } = data.left;
  const pos = offset === undefined ? undefined : read.lines.position(offset);
  const at = pos === undefined ? "" : ` at line ${pos.line}, column ${pos.column}`;
  return E.left(
    tag === "LimitExceeded"
      ? ["LimitExceeded", `${message}${at}`]
      : ["TemplateRender", `the rendered text is not valid YAML: ${message}${at}`],
  );
}

/**
 * Renders a compiled document into {@linkcode RenderedContent}.
 * @returns the content, or a `TemplateRender` diagnostic naming the field that failed
 */
export function renderPlan(
  plan: DocumentPlan,
  vars: Readonly<Record<string, unknown>>,
  options: RenderOptions,
): Either<Diagnostic, RenderedContent> {
  const root: Mutable = {};
  for (const lit of plan.literals) setPath(root, lit.path, clone(lit.value));
  const prepared = prepare(plan, vars, options);
  if (prepared._tag === "Left") return prepared;
  const data = prepared.right;
  for (const slot of plan.slots) {
    const r = renderSlot(plan, slot, data.vars, data.options);
    if (r._tag === "Left") return r;
    const text = r.right;
    if (text === "") {
      if (slot.raw !== undefined) setPath(root, slot.path, slot.raw);
      else if (slot.parse === "text" && !slot.omitEmpty) setPath(root, slot.path, "");
      continue;
    }
    if (slot.parse === "text") {
      setPath(root, slot.path, text);
      continue;
    }
    const parsed = parseText(slot.parse, text, options.limits ?? defaultLimits);
    if (parsed._tag === "Right") setPath(root, slot.path, parsed.right);
    else if (options.service !== undefined && options.service !== slot.path[0]) setPath(root, slot.path, text);
    else {
      const [tag, message] = parsed.left;
      return E.left(diagnostic(tag, `${slot.label}: ${message}`, { key: `template.${plan.name}` }));
    }
  }
  for (const { block, finish } of plan.finishers) {
    const value = root[block];
    if (typeof value === "object" && value !== null) {
      root[block] = finish(value as Readonly<Record<string, unknown>>, options.now);
    }
  }
  const { message, ...blocks } = root;
  return E.right({
    message: typeof message === "string" ? message : "",
    blocks: blocks as Record<string, Readonly<Record<string, unknown>>>,
  });
}
