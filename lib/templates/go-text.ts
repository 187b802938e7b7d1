/**
 * The Go text/template dialect of template documents: `lib/templates/go` with its default function map (Go's
 * builtins and sprig without `env`/`expandenv`), as the Go engine compiles each field.
 * @module
 */
import type { Diagnostic } from "../diagnostics.ts";
import { E, type Either } from "../fp.ts";
import { compileGoTemplate } from "./go/mod.ts";
import type { TextTemplate } from "./text-template.ts";

/**
 * Go's messages start with `template: <name>:<line>:<column>:`; the document layer names the field and the position
 * itself, so that prefix is dropped when the diagnostic carries the position.
 */
function withoutGoPrefix(d: Diagnostic): Diagnostic {
  return d.line === undefined ? d : { ...d, message: d.message.replace(/^template: [^:]*(?::\d+)+: /, "") };
}

/**
 * Compiles one field of a template document as a Go template.
 * @param source the template text
 * @param name the Go template name (`texttemplate.New(name)`): the template's name, or name + entry for webhooks
 * @returns the compiled field, or a `TemplateParse` diagnostic
 */
export function compileGoText(source: string, name: string): Either<Diagnostic, TextTemplate> {
  const compiled = compileGoTemplate(source, { name });
  if (compiled._tag === "Left") return E.left(withoutGoPrefix(compiled.left));
  const template = compiled.right;
  return E.right({
    mutates: template.mutates,
    render(vars, options): Either<Diagnostic, string> {
      const r = template.render(vars, {
        now: options.now,
        ownsData: options.ownsVars === true,
        limits: options.limits,
      });
      return r._tag === "Left" ? E.left(withoutGoPrefix(r.left)) : r;
    },
  });
}
