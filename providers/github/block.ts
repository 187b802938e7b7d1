/**
 * The `github:` template block: repository and revision, and the status, deployment, pull-request comment, check run
 * and repository dispatch sub-blocks.
 * @module
 */
import type { BlockSpec } from "../../lib/templates/mod.ts";
import { argoRepoURL, argoRevision, text } from "../fields.ts";

/** The Go templater appends the comment tag's marker to the rendered content. */
function finish(block: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> {
  const comment = block["pullRequestComment"];
  if (typeof comment !== "object" || comment === null) return block;
  const c = comment as Readonly<Record<string, unknown>>;
  const tag = c["commentTag"];
  if (typeof tag !== "string" || tag === "") return block;
  const content = `${String(c["content"] ?? "")}\n<!-- argocd-notifications ${tag} -->`;
  return { ...block, pullRequestComment: { ...c, content } };
}

/** The `github:` block; sub-blocks of earlier templates survive later ones. */
export const githubBlock: BlockSpec = {
  merge: "deep",
  finish,
  fields: {
    repoURLPath: { kind: "text", fallback: argoRepoURL, as: "repoURL" },
    revisionPath: { kind: "text", fallback: argoRevision, as: "revision" },
    status: { kind: "object", fields: { state: text, label: text, targetURL: text } },
    deployment: {
      kind: "object",
      fields: {
        state: text,
        environment: text,
        environmentURL: text,
        logURL: text,
        autoMerge: { kind: "bool", fallback: true },
        transientEnvironment: { kind: "bool", fallback: false },
        reference: text,
        requiredContexts: { kind: "literal-list" },
      },
    },
    pullRequestComment: { kind: "object", fields: { content: text, commentTag: { kind: "literal" } } },
    checkRun: {
      kind: "object",
      fields: {
        name: text,
        details_url: text,
        status: text,
        conclusion: text,
        started_at: text,
        completed_at: text,
        output: { kind: "object", fields: { title: text, summary: text, text } },
      },
    },
    repositoryDispatch: {
      kind: "object",
      fields: { event_type: text, client_payload: { kind: "text", parse: "json" } },
    },
  },
};
