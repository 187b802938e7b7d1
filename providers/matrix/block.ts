/**
 * The `matrix:` template block.
 * @module
 */
import type { BlockSpec } from "../../lib/templates/mod.ts";
import { textOmitEmpty } from "../fields.ts";

/** The `matrix:` block. */
export const matrixBlock: BlockSpec = {
  merge: "merge",
  fields: { msgtype: textOmitEmpty, formattedBody: textOmitEmpty },
};
