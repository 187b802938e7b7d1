/**
 * The `gcppubsub:` template block: message attributes.
 * @module
 */
import type { BlockSpec } from "../../lib/templates/mod.ts";

/** The `gcppubsub:` block. */
export const gcppubsubBlock: BlockSpec = {
  merge: "merge",
  fields: { attributes: { kind: "text-map", keepRawWhenEmpty: true, emptyIsAbsent: true } },
};
