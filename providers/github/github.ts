/**
 * The `github` service: commit statuses, deployments, pull-request comments, check runs and repository dispatches on
 * the repository of the resource's repo URL (the first two path segments, whatever the host), as the Go engine sends
 * them with go-github — see `_operations.ts` for the requests.
 *
 * Authentication: as a GitHub App (`appID`, `installationID`, `privateKey`), each delivery first asks for an
 * installation token with a JWT signed by Web Crypto (RS256, issued 30 s in the past, valid 2 minutes, as
 * ghinstallation signs it); or (ours) with a `token` (a personal access token or any installation token the host
 * obtains). The Go engine keeps the installation token for an hour; here each delivery gets its own (one more request,
 * nothing kept between deliveries). `enterpriseBaseURL` is the GitHub Enterprise API (`https://ghe.example.com/api/v3`).
 *
 * Idempotency: a commit status with the same context replaces the earlier one; a deployment for the revision and
 * environment is reused; a comment with a `commentTag` is edited in place. A retry of these is harmless. Comments
 * without a tag, check runs and dispatches are created anew by a retry, as in the Go engine.
 * @module
 */
import { E } from "../../lib/fp.ts";
import { blockOf, invalidDelivery, textOf } from "../content.ts";
import { ownerAndRepo } from "../git-url.ts";
import { signRS256 } from "../jwt.ts";
import type { Delivery, Provider } from "../provider.ts";
import { type Api, operations, refused } from "./_operations.ts";
import { githubBlock } from "./block.ts";
import { decodeGithubSettings, type GitHubSettings } from "./settings.ts";

/** The `github` provider. */
export const githubProvider: Provider<GitHubSettings> = {
  type: "github",
  block: githubBlock,
  decodeSettings: decodeGithubSettings,
  secrets: (settings) => [settings.token, settings.app?.privateKey ?? ""],
  prepare(n, settings, options) {
    const block = blockOf(n.content, "github");
    if (block === undefined) return E.left(invalidDelivery("config is empty"));
    const repoURL = textOf(block, "repoURL");
    const names = ownerAndRepo(repoURL);
    if (names._tag === "Left") return E.left(invalidDelivery(names.left));
    const api = (authorization: string): Api => ({
      base: settings.apiBase,
      authorization,
      owner: names.right[0],
      repo: names.right[1],
      revision: textOf(block, "revision"),
      message: n.content.message,
      now: options.now,
    });
    // checked before any request, with a placeholder authorization
    const checked = operations(api(""), block);
    if (typeof checked === "string") return E.left(invalidDelivery(checked));
    if (checked._tag !== "Next") {
      return E.left(
        invalidDelivery(
          "the github block asks for nothing: it has no status, deployment, pullRequestComment, checkRun or repositoryDispatch",
        ),
      );
    }
    const start = (authorization: string): Delivery | undefined => {
      const first = operations(api(authorization), block);
      return typeof first === "string" || first._tag !== "Next" ? undefined : first.next;
    };
    const app = settings.app;
    if (app === undefined || settings.token !== "") {
      return E.right(start(`token ${settings.token}`) ?? checked.next);
    }
    const url = `${settings.tokenBase}/app/installations/${app.installationID}/access_tokens`;
    return E.right({
      kind: "http",
      request: {
        method: "POST",
        url,
        headers: { Accept: "application/vnd.github.v3+json", "Content-Type": "application/json" },
        body: "null\n",
      },
      sign: async (request, now) => {
        const iat = Math.floor(now / 1000) - 30;
        const jwt = await signRS256(app.key, { iat, exp: iat + 120, iss: String(app.appID) });
        return jwt._tag === "Left"
          ? E.left(`github App ${app.appID}: ${jwt.left}`)
          : E.right({ ...request, headers: { ...request.headers, Authorization: `Bearer ${jwt.right}` } });
      },
      read: (response) => {
        if (response.status < 200 || response.status > 299) {
          return refused(api(""), `installation token of installation ${app.installationID}`, response);
        }
        let token: unknown;
        try {
          token = (JSON.parse(response.body) as { token?: unknown }).token;
        } catch {
          token = undefined;
        }
        if (typeof token !== "string" || token === "") {
          return {
            _tag: "Rejected",
            retryable: false,
            cause: `github installation token of installation ${app.installationID}: the answer has no token`,
          };
        }
        const first = start(`token ${token}`);
        return first === undefined ? { _tag: "Done" } : { _tag: "Next", next: first };
      },
    });
  },
};
