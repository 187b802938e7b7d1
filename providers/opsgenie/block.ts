/**
 * The `opsgenie:` template block.
 * @module
 */
import type { BlockSpec } from "../../lib/templates/mod.ts";
import { text } from "../fields.ts";

/** The `opsgenie:` block. */
export const opsgenieBlock: BlockSpec = {
  merge: "merge",
  fields: {
    description: text,
    alias: text,
    note: text,
    entity: text,
    user: text,
    priority: text,
    details: { kind: "text-map" },
    visibleTo: { kind: "object-list", fields: { id: text, type: text, name: text, username: text } },
    actions: { kind: "text-list" },
    tags: { kind: "text-list" },
  },
};
