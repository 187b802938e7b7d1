/**
 * The `gcppubsub:` template block: message attributes, and (ours) the ordering key.
 * @module
 */
import type { BlockSpec } from "../../lib/templates/mod.ts";
import { textOmitEmpty } from "../fields.ts";

/** The `gcppubsub:` block. */
export const gcppubsubBlock: BlockSpec = {
  merge: "merge",
  fields: { attributes: { kind: "text-map", keepRawWhenEmpty: true, emptyIsAbsent: true }, orderingKey: textOmitEmpty },
};
