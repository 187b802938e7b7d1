/**
 * The `teams:` template block (Office 365 connector MessageCard).
 * @module
 */
import type { BlockSpec, Fields } from "../../lib/templates/mod.ts";
import { jsonArrayOmitEmpty, textOmitEmpty } from "../fields.ts";

/** Teams' fields; the Teams Workflows block has the same plus `adaptiveCard`. */
export const teamsFields: Fields = {
  template: textOmitEmpty,
  title: textOmitEmpty,
  summary: textOmitEmpty,
  text: textOmitEmpty,
  themeColor: textOmitEmpty,
  facts: jsonArrayOmitEmpty,
  sections: jsonArrayOmitEmpty,
  potentialAction: jsonArrayOmitEmpty,
};

/** The `teams:` block. */
export const teamsBlock: BlockSpec = { merge: "merge", fields: teamsFields };
