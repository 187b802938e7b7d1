/**
 * The `bitbucket` service (beyond the Go engine): a build status on a commit, as Flux's Bitbucket providers set it —
 * Bitbucket Cloud (`apiURL` unset or `https://api.bitbucket.org`: `POST /2.0/repositories/<workspace>/<repo>/commit/<sha>/statuses/build`,
 * basic auth with `username` and an app password as `token`) or Data Center (any other `apiURL`:
 * `POST /rest/api/latest/projects/<key>/repos/<repo>/commits/<sha>/builds`, a bearer token, or basic auth with
 * `username`). The `key` is the label, so a new status replaces the one of the same label.
 * @module
 */
import { E } from "../../lib/fp.ts";
import { commitStatusProvider } from "../commit-status.ts";
import type { CommitStatusSettings } from "../commit-status-settings.ts";
import type { Provider } from "../provider.ts";
import { cloud, decodeBitbucketSettings } from "./settings.ts";

/** The `bitbucket` provider. */
export const bitbucketProvider: Provider<CommitStatusSettings> = commitStatusProvider({
  type: "bitbucket",
  states: { pending: "INPROGRESS", success: "SUCCESSFUL", failure: "FAILED", error: "FAILED", stopped: "STOPPED" },
  request: (api, s) => {
    // Data Center clone URLs read https://host/scm/<project>/<repo>.git
    const segments = s.segments[0] === "scm" ? s.segments.slice(1) : s.segments;
    if (segments.length < 2) {
      return E.left("bitbucket: the repo URL does not name a repository (workspace/repo or project/repo)");
    }
    const [owner, repo] = [encodeURIComponent(segments[0]!), encodeURIComponent(segments[1]!)];
    const body = { state: s.state, key: s.label, name: s.label, url: s.targetURL, description: s.description };
    return api === cloud
      ? E.right({
        method: "POST",
        path: `/2.0/repositories/${owner}/${repo}/commit/${encodeURIComponent(s.revision)}/statuses/build`,
        body,
      })
      : E.right({
        method: "POST",
        path: `/rest/api/latest/projects/${owner}/repos/${repo}/commits/${encodeURIComponent(s.revision)}/builds`,
        body,
      });
  },
}, decodeBitbucketSettings);
