/**
 * The `gitea` service (beyond the Go engine; Forgejo too): a commit status (`POST /api/v1/repos/<owner>/<repo>/statuses/<sha>`,
 * `Authorization: token`), as Flux's Gitea provider creates it. `apiURL` is the server's address.
 * @module
 */
import { E } from "../../lib/fp.ts";
import { commitStatusProvider } from "../commit-status.ts";
import type { CommitStatusSettings } from "../commit-status-settings.ts";
import type { Provider } from "../provider.ts";
import { decodeGiteaSettings } from "./settings.ts";

/** The `gitea` provider. */
export const giteaProvider: Provider<CommitStatusSettings> = commitStatusProvider({
  type: "gitea",
  states: { pending: "pending", success: "success", failure: "failure", error: "error", warning: "warning" },
  request: (_, s) =>
    s.segments.length < 2 ? E.left(`gitea: the repo URL does not name a repository (owner/repo)`) : E.right({
      method: "POST",
      path: `/api/v1/repos/${encodeURIComponent(s.segments[0]!)}/${encodeURIComponent(s.segments[1]!)}/statuses/${
        encodeURIComponent(s.revision)
      }`,
      body: { state: s.state, target_url: s.targetURL, description: s.description, context: s.label },
    }),
}, decodeGiteaSettings);
