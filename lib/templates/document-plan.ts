/**
 * A compiled template document as data: the templated strings (slots) and the literal values, each with the path it
 * fills in the rendered content. `compile-document.ts` builds it, `render-plan.ts` renders it.
 * @module
 */
import type { Diagnostic } from "../diagnostics.ts";
import type { Either } from "../fp.ts";
import type { BlockSpec, ParseMode } from "./block-spec.ts";
import type { TemplateLanguage, TextTemplate } from "./text-template.ts";

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

/** The compiled document: the slots and literals, block by block in the registry's order. */
export interface DocumentPlan {
  readonly name: string;
  readonly language: TemplateLanguage;
  readonly literals: readonly Literal[];
  readonly slots: readonly Slot[];
  /** The finishing step of each block the document has that defines one (GitHub comment tags, …). */
  readonly finishers: readonly { readonly block: string; readonly finish: NonNullable<BlockSpec["finish"]> }[];
}

/** The result of compiling: the plan when no error was found, and every diagnostic. */
export interface CompiledPlan {
  readonly plan: DocumentPlan | undefined;
  readonly diagnostics: readonly Diagnostic[];
}
