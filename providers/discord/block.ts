/**
 * The `discord:` template block.
 * @module
 */
import type { BlockSpec } from "../../lib/templates/mod.ts";
import { jsonArrayOmitEmpty, textOmitEmpty } from "../fields.ts";

/** The `discord:` block. */
export const discordBlock: BlockSpec = {
  merge: "merge",
  fields: { username: textOmitEmpty, avatarURL: textOmitEmpty, embeds: jsonArrayOmitEmpty },
};
