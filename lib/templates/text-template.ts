/**
 * One templated string of a template document (the message, `slack.attachments`, …), compiled once in either
 * language. The document layer (`compile-document.ts`) only sees this interface.
 * @module
 */
import type { Diagnostic } from "../diagnostics.ts";
import type { Either } from "../fp.ts";
import type { Limits } from "../limits.ts";

/** The template languages a `template.<name>` can be written in. */
export type TemplateLanguage = "go" | "liquid";

/** What a single render reads besides the variables: the clock, in unix milliseconds. */
export interface TextRenderOptions {
  readonly now: number;
  /**
   * `vars` is a private copy handed over to the render (see {@linkcode TextTemplate.mutates}): changes a template
   * makes to it stay there and later fields of the same document see them, as in the Go engine.
   */
  readonly ownsVars?: boolean;
  /** The budget of the render (its `maxOutputLength` bounds the rendered field); `defaultLimits` when left out. */
  readonly limits?: Limits;
}

/**
 * A compiled templated string. `render` never throws; a failure is a `TemplateRender` diagnostic, or a
 * `LimitExceeded` one when the render passed one of its limits (`limits`).
 */
export interface TextTemplate {
  /**
   * Whether rendering may change the maps and lists of `vars` (Go templates calling sprig's `set`, `merge`…). Such a
   * template renders over a copy unless the caller passes one with `ownsVars`.
   */
  readonly mutates?: boolean;
  render(vars: Readonly<Record<string, unknown>>, options: TextRenderOptions): Either<Diagnostic, string>;
}
