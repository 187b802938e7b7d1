/**
 * Notification templates (`template.<name>` in the ConfigMap): a message plus per-service blocks, every string field
 * a template in Go text/template (+ sprig) or Liquid.
 * CONTRACT (owned by the templates work, issue #4): the signatures below are what the rest of the project calls.
 * @module
 */
import type { Diagnostic } from "../diagnostics.ts";
import type { Either } from "../fp.ts";
import { E } from "../fp.ts";

/** Options of one render. `now` is unix milliseconds (sprig's `now`, `ago`, …). */
export interface RenderOptions {
  readonly now: number;
}

/**
 * What a template renders to: the message, and per service type the rendered block with its fields
 * (JSON-valued fields such as Slack `attachments` already parsed), e.g. `{ slack: { attachments: [...] } }`.
 */
export interface RenderedContent {
  readonly message: string;
  readonly blocks: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

/** A compiled `template.<name>`. `render` never throws: a failure is a `Left` with a `TemplateRender` diagnostic. */
export interface CompiledTemplate {
  readonly name: string;
  readonly language: "go" | "liquid";
  render(vars: Readonly<Record<string, unknown>>, options: RenderOptions): Either<Diagnostic, RenderedContent>;
}

/**
 * Compiles the YAML-decoded value of `template.<name>`. Every problem is reported (errors with their field), the
 * template is usable only when there is no error-severity diagnostic.
 */
export function compileTemplate(
  name: string,
  document: unknown,
): Either<readonly Diagnostic[], CompiledTemplate> {
  void document;
  return E.left([{ _tag: "TemplateParse", severity: "error", key: `template.${name}`, message: "templates are not built yet" }]);
}

/** Merges the rendered content of the templates a condition sends, in order, as the Go engine does. */
export function mergeRendered(contents: readonly RenderedContent[]): RenderedContent {
  let message = "";
  const blocks: Record<string, Readonly<Record<string, unknown>>> = {};
  for (const c of contents) {
    if (c.message !== "") message = c.message;
    for (const [k, v] of Object.entries(c.blocks)) blocks[k] = { ...blocks[k], ...v };
  }
  return { message, blocks };
}
