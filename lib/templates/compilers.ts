/**
 * The text compiler of each template language, as template documents use them: Go's text/template always, the
 * others (Liquid) as the host adds them.
 * @module
 */
import type { TextCompiler } from "./document-plan.ts";
import { compileGoText } from "./go-text.ts";

/** A template language's compiler factory, called once per template document (so documents share no registry). */
export type TextCompilerFactory = () => TextCompiler;

/**
 * The template languages a host adds to Go's text/template, by the name a document gives in `language:`. Liquid is
 * `liquid` of the `./liquid` entry point (`notifications-engine/liquid`): kept out of the default import, so a
 * bundle for configurations without Liquid templates does not carry liquidjs.
 */
export interface TemplateLanguages {
  readonly liquid?: TextCompilerFactory;
}

/** The compilers a document may use: Go, plus the languages the host added. */
export interface TextCompilers extends TemplateLanguages {
  readonly go: TextCompilerFactory;
}

/** Go's text/template only: the compilers when the host adds no language. */
export const textCompilers: TextCompilers = { go: () => compileGoText };

/**
 * The compilers of Go's text/template and the languages a host adds.
 * @param languages the added languages (`{ liquid }`)
 * @returns the compilers of a template document
 */
export function withLanguages(languages: TemplateLanguages | undefined): TextCompilers {
  return languages?.liquid === undefined ? textCompilers : { ...textCompilers, liquid: languages.liquid };
}
