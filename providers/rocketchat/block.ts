/**
 * The `rocketchat:` template block: Slack-like attachments.
 * @module
 */
import type { BlockSpec } from "../../lib/templates/mod.ts";
import { jsonArray } from "../fields.ts";

/** The `rocketchat:` block. */
export const rocketchatBlock: BlockSpec = { merge: "replace", fields: { attachments: jsonArray } };
