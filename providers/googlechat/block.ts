/**
 * The `googlechat:` template block: cards (YAML or JSON), cards v2 and the thread key.
 * @module
 */
import type { BlockSpec } from "../../lib/templates/mod.ts";
import { textOmitEmpty } from "../fields.ts";

/** The `googlechat:` block. */
export const googlechatBlock: BlockSpec = {
  merge: "merge",
  fields: {
    cards: { kind: "text", parse: "yaml-array", omitEmpty: true },
    cardsV2: { kind: "text", parse: "yaml-array", omitEmpty: true },
    threadKey: textOmitEmpty,
  },
};
