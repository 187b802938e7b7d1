/**
 * Reading a rendered notification's blocks the way providers need them: a block, its string fields, and JSON fields
 * that the render parsed (or kept as text when the notification was rendered for another service type).
 * @module
 */
import { type Diagnostic, diagnostic } from "../lib/diagnostics.ts";
import { E, type Either } from "../lib/fp.ts";
import type { RenderedContent } from "../lib/templates/mod.ts";

/** A rendered block as a map of fields. */
export type Block = Readonly<Record<string, unknown>>;

/**
 * The rendered block of a service, if the notification has it.
 * @param content the rendered content
 * @param key the block's key (`slack`)
 * @returns the block, or `undefined`
 */
export function blockOf(content: RenderedContent, key: string): Block | undefined {
  const b = Object.hasOwn(content.blocks, key) ? content.blocks[key] : undefined;
  return typeof b === "object" && b !== null && !Array.isArray(b) ? b : undefined;
}

/**
 * A string field of a block; `""` when absent or not a string.
 * @param block the block
 * @param key the field
 * @returns the text
 */
export function textOf(block: Block | undefined, key: string): string {
  const v = block?.[key];
  return typeof v === "string" ? v : "";
}

/**
 * A notification its service cannot send, as an `InvalidDelivery` diagnostic.
 * @param message the sentence
 * @returns the diagnostic
 */
export function invalidDelivery(message: string): Diagnostic {
  return diagnostic("InvalidDelivery", message);
}

/**
 * A JSON field of a block: the parsed value the render produced, or the text parsed now (a notification rendered
 * for another service type keeps the text). `undefined` when the field is absent or empty.
 * @param block the block
 * @param key the field
 * @param label how messages name the field (`slack.attachments`)
 * @returns the value, or an `InvalidDelivery` diagnostic when the text is not JSON
 */
export function jsonOf(block: Block | undefined, key: string, label: string): Either<Diagnostic, unknown> {
  const v = block?.[key];
  if (v === undefined || v === null || v === "") return E.right(undefined);
  if (typeof v !== "string") return E.right(v);
  try {
    return E.right(JSON.parse(v));
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return E.left(invalidDelivery(`${label} is not valid JSON: ${why}`));
  }
}
