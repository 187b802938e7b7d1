/**
 * Notification templates (`template.<name>` in the ConfigMap): a message plus per-service blocks, every string field
 * a template in Go text/template (+ sprig) or Liquid.
 *
 * The document has the shape the Go engine defines: `message`, plus one block per service (`email`, `slack`, `teams`,
 * `webhook`, `github`, …), each described by a {@linkcode BlockSpec} that its provider owns and the caller passes in
 * a registry (`builtinBlocks` of `./providers`). One field is ours, `language`:
 *
 * - `language: go` (the default, so existing Argo CD and Argo Rollouts configurations work unchanged): every string
 *   field is a Go text/template with the sprig functions (without `env` and `expandenv`);
 * - `language: liquid`: every string field is a Liquid template (liquidjs) over the same variables (`app`,
 *   `context`, `serviceType`, `recipient`, …), when the host adds the language (`languages: { liquid }`, from
 *   `lib/liquid`, the `./liquid` entry point); without it such a document is an error.
 *
 * Every templated field is compiled once, at configuration time. Rendering returns the message and each block with
 * its JSON fields parsed (Slack `attachments`/`blocks`, Teams `facts`/`sections`/`potentialAction`, …); a field whose
 * rendering is not valid JSON fails that notification with a `TemplateRender` diagnostic naming the field. Several
 * templates of one condition merge with {@linkcode mergeRendered}.
 *
 * @example Render a template
 * ```ts
 * import { compileTemplate } from "./mod.ts";
 * import { expect } from "expect";
 *
 * const t = compileTemplate("hello", { message: "Hi {{ .app.metadata.name }}" });
 * if (t._tag === "Left") throw new Error("does not compile");
 * const r = t.right.render({ app: { metadata: { name: "guestbook" } } }, { now: 0 });
 * expect(r).toEqual({ _tag: "Right", right: { message: "Hi guestbook", blocks: {} } });
 * ```
 * @module
 */
import type { Diagnostic } from "../diagnostics.ts";
import { E, type Either } from "../fp.ts";
import { compileDocument } from "./compile-document.ts";
import { type TemplateLanguages, withLanguages } from "./compilers.ts";
import { renderPlan } from "./render-plan.ts";
import type { RenderedContent, RenderOptions } from "./rendered-content.ts";
import type { TemplateBlocks } from "./block-spec.ts";

export type { RenderedContent, RenderOptions } from "./rendered-content.ts";
export type { TemplateLanguages, TextCompilerFactory, TextCompilers } from "./compilers.ts";
export type { TextCompiler } from "./document-plan.ts";
export type { TemplateLanguage, TextRenderOptions, TextTemplate } from "./text-template.ts";
export type {
  BlockCheck,
  BlockSpec,
  Fields,
  FieldSpec,
  MergeStrategy,
  ParseMode,
  TemplateBlocks,
} from "./block-spec.ts";
export { mergeRendered } from "./merge-rendered.ts";
export type { FieldDiagnostic, FieldLocation } from "./compile-document.ts";
export { isFieldDiagnostic } from "./compile-document.ts";

/** A compiled `template.<name>`. `render` never throws: a failure is a `Left` with a `TemplateRender` diagnostic. */
export interface CompiledTemplate {
  readonly name: string;
  readonly language: "go" | "liquid";
  /** Warnings found while compiling (unknown fields, unknown delivery policies, …); errors prevent compilation. */
  readonly warnings?: readonly Diagnostic[];
  render(vars: Readonly<Record<string, unknown>>, options: RenderOptions): Either<Diagnostic, RenderedContent>;
}

/** Options of {@linkcode compileTemplate}. */
export interface CompileTemplateOptions {
  /** The service blocks the document may have, in render order (`builtinBlocks` of `./providers`); none by default. */
  readonly blocks?: TemplateBlocks;
  /** The template languages besides Go's the host adds (`{ liquid }`); a document in another language is an error. */
  readonly languages?: TemplateLanguages;
}

/**
 * Compiles the YAML-decoded value of `template.<name>`. Every problem is reported (errors with their field), the
 * template is usable only when there is no error-severity diagnostic; warnings of a usable template are on its
 * `warnings`.
 * @param name the template's name, the part of the key after `template.`
 * @param document the decoded YAML value of the key
 * @param options the block registry (without one, a document has only `message` and `language`)
 * @returns the compiled template, or every diagnostic when at least one is an error
 */
export function compileTemplate(
  name: string,
  document: unknown,
  options: CompileTemplateOptions = {},
): Either<readonly Diagnostic[], CompiledTemplate> {
  const { plan, diagnostics } = compileDocument(name, document, {
    compilers: withLanguages(options.languages),
    blocks: options.blocks ?? {},
  });
  if (plan === undefined) return E.left(diagnostics);
  return E.right({
    name,
    language: plan.language,
    warnings: diagnostics,
    render: (vars, options) => renderPlan(plan, vars, options),
  });
}
