/**
 * Merges the rendered content of the templates one condition sends (`send: [a, b]`), as the Go engine does when it
 * renders them one after the other into the same notification.
 * @module
 */
import type { MergeStrategy, TemplateBlocks } from "./block-spec.ts";
import type { RenderedContent } from "./rendered-content.ts";
import { isRecord } from "./_compile-field.ts";

type Block = Readonly<Record<string, unknown>>;

function deepMerge(a: Block, b: Block): Block {
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k];
    out[k] = isRecord(prev) && isRecord(v) ? deepMerge(prev, v) : v;
  }
  return out;
}

function mergeBlock(strategy: MergeStrategy, earlier: Block | undefined, later: Block): Block {
  if (earlier === undefined || strategy === "replace") return later;
  return strategy === "deep" ? deepMerge(earlier, later) : { ...earlier, ...later };
}

/**
 * Merges the rendered content of several templates, in the order the trigger lists them:
 * - `message` is replaced only by a non-empty message;
 * - a block that only one template has is kept as it is;
 * - otherwise each block merges by its spec's `merge` strategy. Of the builtin blocks: Slack, Mattermost,
 *   Rocket.Chat, PagerDuty (both) and New Relic are replaced by the later template's block (the Go templaters
 *   overwrite every field of these, even with an empty value); GitHub merges recursively (`status`, `deployment`, …
 *   of an earlier template survive a later one without them); the others merge field by field: a field the later
 *   template leaves out (an empty e-mail subject, an undefined Opsgenie `details`) keeps the earlier value, and each
 *   webhook entry is replaced as a whole.
 * @param contents the rendered templates, in order
 * @param blocks the block registry the templates were compiled with; a block it lacks merges field by field
 * @returns the merged content; for no templates, an empty message and no blocks
 *
 * @example Two templates of one trigger
 * ```ts
 * import { expect } from "expect";
 * import { mergeRendered } from "./merge-rendered.ts";
 *
 * const merged = mergeRendered([
 *   { message: "First", blocks: { email: { subject: "Deployed" } } },
 *   { message: "", blocks: { email: { body: "Details…" } } },
 * ], { email: { merge: "merge", fields: {} } });
 * expect(merged).toEqual({ message: "First", blocks: { email: { subject: "Deployed", body: "Details…" } } });
 * ```
 */
export function mergeRendered(contents: readonly RenderedContent[], blocks: TemplateBlocks): RenderedContent {
  // The common case, a condition that sends one template: nothing to merge.
  if (contents.length === 1 && contents[0] !== undefined) return contents[0];
  let message = "";
  const merged: Record<string, Block> = {};
  for (const c of contents) {
    if (c.message !== "") message = c.message;
    for (const [key, block] of Object.entries(c.blocks)) {
      merged[key] = mergeBlock(blocks[key]?.merge ?? "merge", merged[key], block);
    }
  }
  return { message, blocks: merged };
}
