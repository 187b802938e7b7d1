/**
 * The `pagerduty:` template block (REST API incidents).
 * @module
 */
import type { BlockSpec } from "../../lib/templates/mod.ts";
import { text } from "../fields.ts";

/** The `pagerduty:` block. */
export const pagerdutyBlock: BlockSpec = {
  merge: "replace",
  fields: { title: text, body: text, urgency: text, priorityId: text },
};
