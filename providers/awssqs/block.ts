/**
 * The `awssqs:` template block: the FIFO message group id, and message attributes (rendered, never sent by the Go
 * engine).
 * @module
 */
import type { BlockSpec } from "../../lib/templates/mod.ts";
import { textOmitEmpty } from "../fields.ts";

/** The `awssqs:` block. */
export const awssqsBlock: BlockSpec = {
  merge: "merge",
  fields: {
    messageAttributes: { kind: "text-map", keepRawWhenEmpty: true, keepUnparsable: true, emptyIsAbsent: true },
    messageGroupId: textOmitEmpty,
  },
};
