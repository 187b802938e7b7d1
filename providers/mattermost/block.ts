/**
 * The `mattermost:` template block: Slack-compatible attachments.
 * @module
 */
import type { BlockSpec } from "../../lib/templates/mod.ts";
import { jsonArray } from "../fields.ts";

/** The `mattermost:` block. */
export const mattermostBlock: BlockSpec = { merge: "replace", fields: { attachments: jsonArray } };
