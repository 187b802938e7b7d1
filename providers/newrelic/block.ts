/**
 * The `newrelic:` template block (deployment markers).
 * @module
 */
import type { BlockSpec } from "../../lib/templates/mod.ts";
import { argoRevision, text } from "../fields.ts";

/** The `newrelic:` block; `changelog` and `user` default to Argo CD's commit metadata in Go templates. */
export const newrelicBlock: BlockSpec = {
  merge: "replace",
  fields: {
    revision: { kind: "text", fallback: argoRevision },
    changelog: {
      kind: "text",
      fallback: { go: "{{(call .repo.GetCommitMetadata .app.status.sync.revision).Message}}", liquid: "" },
    },
    description: text,
    user: {
      kind: "text",
      fallback: { go: "{{(call .repo.GetCommitMetadata .app.status.sync.revision).Author}}", liquid: "" },
    },
  },
};
