/**
 * The `gitlab` service (beyond the Go engine): a commit status (`POST /api/v4/projects/<path>/statuses/<sha>`,
 * `PRIVATE-TOKEN`), as Flux's GitLab provider sets it. The project is every path segment of the repo URL (groups and
 * subgroups). GitLab refuses to set a status to the state it has; that answer counts as delivered.
 * @module
 */
import { E } from "../../lib/fp.ts";
import { commitStatusProvider } from "../commit-status.ts";
import type { CommitStatusSettings } from "../commit-status-settings.ts";
import type { Provider } from "../provider.ts";
import { decodeGitlabSettings } from "./settings.ts";

/** The `gitlab` provider (`apiURL` defaults to `https://gitlab.com`). */
export const gitlabProvider: Provider<CommitStatusSettings> = commitStatusProvider({
  type: "gitlab",
  states: {
    pending: "pending",
    running: "running",
    success: "success",
    failure: "failed",
    error: "failed",
    canceled: "canceled",
  },
  request: (_, s) =>
    s.segments.length < 2 ? E.left(`gitlab: the repo URL does not name a project (group/project)`) : E.right({
      method: "POST",
      path: `/api/v4/projects/${encodeURIComponent(s.segments.join("/"))}/statuses/${encodeURIComponent(s.revision)}`,
      body: {
        state: s.state,
        name: s.label,
        description: s.description,
        ...(s.targetURL !== "" ? { target_url: s.targetURL } : {}),
      },
    }),
  alreadySet: (r) => r.status === 400 && /Cannot transition status/i.test(r.body),
}, decodeGitlabSettings);
