/**
 * The `webhook:` template block: a map from the webhook service's name to its request (method, path, body).
 * @module
 */
import type { BlockSpec } from "../../lib/templates/mod.ts";
import { text } from "../fields.ts";

/** The `webhook:` block; a later template replaces each named request as a whole. */
export const webhookBlock: BlockSpec = {
  merge: "merge",
  fields: {},
  entries: { method: { kind: "literal" }, body: text, path: text },
};
