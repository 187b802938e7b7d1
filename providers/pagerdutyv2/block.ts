/**
 * The `pagerdutyv2:` template block (Events API v2).
 * @module
 */
import type { BlockSpec } from "../../lib/templates/mod.ts";
import { text } from "../fields.ts";

/** The `pagerdutyv2:` block. */
export const pagerdutyv2Block: BlockSpec = {
  merge: "replace",
  fields: {
    summary: text,
    severity: text,
    source: text,
    component: text,
    group: text,
    class: text,
    url: text,
    dedupKey: text,
  },
};
