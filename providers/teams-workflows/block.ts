/**
 * The `teams-workflows:` template block: Teams' fields plus `adaptiveCard`.
 * @module
 */
import type { BlockSpec } from "../../lib/templates/mod.ts";
import { teamsFields } from "../teams/block.ts";

/** The `teams-workflows:` block. */
export const teamsWorkflowsBlock: BlockSpec = {
  merge: "merge",
  fields: { ...teamsFields, adaptiveCard: { kind: "text", parse: "json", omitEmpty: true } },
};
