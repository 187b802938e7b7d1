/**
 * The `azuredevops` service (beyond the Go engine): a commit status
 * (`POST /<org>/<project>/_apis/git/repositories/<repo>/commits/<sha>/statuses?api-version=6.0`, basic auth with a
 * personal access token), as Flux's Azure DevOps provider creates it. The repo URL is Azure's
 * (`https://dev.azure.com/<org>/<project>/_git/<repo>`); the label becomes the context's `genre/name`.
 * @module
 */
import { E } from "../../lib/fp.ts";
import { commitStatusProvider } from "../commit-status.ts";
import type { CommitStatusSettings } from "../commit-status-settings.ts";
import type { Provider } from "../provider.ts";
import { decodeAzuredevopsSettings } from "./settings.ts";

/** The `azuredevops` provider (`apiURL` defaults to `https://dev.azure.com`). */
export const azuredevopsProvider: Provider<CommitStatusSettings> = commitStatusProvider({
  type: "azuredevops",
  states: { pending: "pending", success: "succeeded", failure: "failed", error: "error" },
  request: (_, s) => {
    const git = s.segments.indexOf("_git");
    if (git < 2 || s.segments.length <= git + 1) {
      return E.left("azuredevops: the repo URL is not https://dev.azure.com/<org>/<project>/_git/<repo>");
    }
    const [org, project, repo] = [s.segments[git - 2]!, s.segments[git - 1]!, s.segments[git + 1]!].map(
      encodeURIComponent,
    );
    const slash = s.label.lastIndexOf("/");
    const context = slash < 0
      ? { genre: "argocd", name: s.label }
      : { genre: s.label.slice(0, slash), name: s.label.slice(slash + 1) };
    return E.right({
      method: "POST",
      path: `/${org}/${project}/_apis/git/repositories/${repo}/commits/${
        encodeURIComponent(s.revision)
      }/statuses?api-version=6.0`,
      body: {
        state: s.state,
        description: s.description,
        context,
        ...(s.targetURL !== "" ? { targetUrl: s.targetURL } : {}),
      },
    });
  },
}, decodeAzuredevopsSettings);
