/**
 * The `ntfy:` template block.
 * @module
 */
import type { BlockSpec } from "../../lib/templates/mod.ts";
import { textOmitEmpty } from "../fields.ts";

/** The `ntfy:` block. */
export const ntfyBlock: BlockSpec = {
  merge: "merge",
  fields: { title: textOmitEmpty, tags: { kind: "text-list" }, priority: textOmitEmpty, click: textOmitEmpty },
};
