/**
 * The text compiler of each template language, as template documents use them.
 * @module
 */
import type { TextCompiler } from "./document-plan.ts";
import { compileGoText } from "./go-text.ts";
import { compileLiquidTemplate, createLiquidEngine } from "./liquid.ts";
import type { TemplateLanguage } from "./text-template.ts";

/**
 * One factory per language, called once per template document: Liquid gets a fresh engine per document, so no
 * registry is shared between documents.
 */
export const textCompilers: Readonly<Record<TemplateLanguage, () => TextCompiler>> = {
  go: () => compileGoText,
  liquid: () => {
    const engine = createLiquidEngine();
    return (source) => compileLiquidTemplate(source, engine);
  },
};
