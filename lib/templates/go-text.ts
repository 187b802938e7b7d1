/**
 * The Go text/template dialect for template documents. PLACEHOLDER until `lib/templates/go/mod.ts` lands: only
 * text and `{{.field.path}}` actions.
 * @module
 */
import { diagnostic, type Diagnostic } from "../diagnostics.ts";
import { E, type Either } from "../fp.ts";
import type { TextTemplate } from "./text-template.ts";

function lookup(vars: unknown, path: readonly string[]): string {
  let v: unknown = vars;
  for (const k of path) {
    if (typeof v !== "object" || v === null || !Object.hasOwn(v, k)) return "<no value>";
    v = (v as Record<string, unknown>)[k];
  }
  return v === null || v === undefined ? "<no value>" : String(v);
}

/** Compiles a Go template for a template document field. */
export function compileGoText(source: string, name: string): Either<Diagnostic, TextTemplate> {
  const parts: (string | readonly string[])[] = [];
  const re = /\{\{\s*\.([A-Za-z0-9_.]+)\s*\}\}/g;
  let last = 0;
  for (const m of source.matchAll(re)) {
    parts.push(source.slice(last, m.index));
    parts.push((m[1] ?? "").split("."));
    last = m.index + m[0].length;
  }
  parts.push(source.slice(last));
  if (parts.some((p) => typeof p === "string" && p.includes("{{"))) {
    return E.left(diagnostic("TemplateParse", `template: ${name}: the Go dialect is not available yet`));
  }
  return E.right({
    render: (vars) => E.right(parts.map((p) => (typeof p === "string" ? p : lookup(vars, p))).join("")),
  });
}
