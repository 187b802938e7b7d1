/**
 * The `slack:` template block, as the Go engine's `SlackNotification` defines it.
 * @module
 */
import type { BlockSpec } from "../../lib/templates/mod.ts";
import { jsonArray, text } from "../fields.ts";

/** The `slack:` block: every field is overwritten by a later template (the Go templater sets them all). */
export const slackBlock: BlockSpec = {
  merge: "replace",
  fields: {
    username: text,
    icon: text,
    attachments: jsonArray,
    blocks: jsonArray,
    groupingKey: text,
    notifyBroadcast: { kind: "bool", fallback: false },
    deliveryPolicy: { kind: "delivery-policy" },
  },
};
