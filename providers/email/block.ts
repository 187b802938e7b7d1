/**
 * The `email:` template block: subject and body.
 * @module
 */
import type { BlockSpec } from "../../lib/templates/mod.ts";
import { textOmitEmpty } from "../fields.ts";

/** The `email:` block. */
export const emailBlock: BlockSpec = { merge: "merge", fields: { subject: textOmitEmpty, body: textOmitEmpty } };
