/**
 * Commit statuses on forges the Go engine lacks (GitLab, Gitea/Forgejo, Bitbucket Cloud and Data Center, Azure
 * DevOps), following the requests of Flux's notification-controller: one template block shape for all of them (the
 * GitHub block's `status` fields, flattened), the repository and revision found as the GitHub service finds them, and
 * the state written in GitHub's words (`pending`, `success`, `failure`, `error`) and mapped to each forge's.
 * Idempotency: each forge keeps one status per commit and context (name, key), so a retry replaces, never piles up.
 * @module
 */
import type { DecodedSettings } from "../lib/config/mod.ts";
import { E, type Either } from "../lib/fp.ts";
import { type Block, blockOf, invalidDelivery, textOf } from "./content.ts";
import { repoSegments } from "./git-url.ts";
import type { Delivery, HttpResponse, Outgoing, Provider, StepResult } from "./provider.ts";
import { rejectStatus } from "./rejection.ts";
import { commitStatusBlock, type CommitStatusSettings } from "./commit-status-settings.ts";

/** What a forge's request is built from. */
export interface Status {
  readonly segments: readonly string[];
  readonly revision: string;
  readonly state: string;
  readonly label: string;
  readonly targetURL: string;
  readonly description: string;
}

/** How one forge's requests differ. */
export interface Forge {
  readonly type: string;
  /** GitHub's state in the forge's words; undefined for a state it does not have. */
  readonly states: Readonly<Record<string, string>>;
  /** The request; a Left when the repository URL does not name a repository of this forge. */
  request(
    api: string,
    s: Status,
  ): Either<string, { readonly method: string; readonly path: string; readonly body: unknown }>;
  /** An answer that means the status is already what was asked (GitLab's refused transition to the same state). */
  readonly alreadySet?: (r: HttpResponse) => boolean;
}

function statusOf(n: Outgoing, block: Block): Status {
  const message = n.content.message;
  return {
    segments: repoSegments(textOf(block, "repoURL")),
    revision: textOf(block, "revision"),
    state: textOf(block, "state"),
    label: textOf(block, "label"),
    targetURL: textOf(block, "targetURL"),
    description: textOf(block, "description") ||
      ([...message].length > 140 ? `${[...message].slice(0, 137).join("")}...` : message),
  };
}

/**
 * A commit-status provider for a forge.
 * @param forge how the forge's requests differ
 * @param decodeSettings its settings decoder ({@linkcode commitStatusDecoder})
 * @returns the provider
 */
export function commitStatusProvider(
  forge: Forge,
  decodeSettings: (raw: Readonly<Record<string, unknown>>) => DecodedSettings<CommitStatusSettings>,
): Provider<CommitStatusSettings> {
  return {
    type: forge.type,
    block: commitStatusBlock,
    decodeSettings,
    secrets: (settings) => settings.secrets,
    prepare(n, settings): Either<ReturnType<typeof invalidDelivery>, Delivery> {
      const block = blockOf(n.content, forge.type);
      if (block === undefined) return E.left(invalidDelivery(`the template has no ${forge.type} block`));
      const s = statusOf(n, block);
      if (s.revision === "") return E.left(invalidDelivery(`${forge.type}: the revision is empty (revisionPath)`));
      const state = forge.states[s.state];
      if (state === undefined) {
        return E.left(
          invalidDelivery(`${forge.type}: state "${s.state}" is not one of ${Object.keys(forge.states).join(", ")}`),
        );
      }
      const req = forge.request(settings.apiURL, { ...s, state });
      if (req._tag === "Left") return E.left(invalidDelivery(req.left));
      const url = settings.apiURL + req.right.path;
      return E.right({
        kind: "http",
        request: {
          method: req.right.method,
          url,
          headers: { "Content-Type": "application/json", Accept: "application/json", ...settings.auth },
          body: JSON.stringify(req.right.body),
        },
        read: (r): StepResult =>
          (r.status >= 200 && r.status <= 299) || forge.alreadySet?.(r) === true
            ? { _tag: "Done" }
            : rejectStatus(`${forge.type} ${req.right.method} ${url}`, r),
      });
    },
  };
}
