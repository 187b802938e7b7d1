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
import type { DecodedSettings, SettingsDiagnostic } from "../../lib/config/mod.ts";
import { E } from "../../lib/fp.ts";
import { blockOf, invalidDelivery, textOf } from "../content.ts";
import { defaultPolicy } from "../delivery-policy.ts";
import { ownerAndRepo } from "../git-url.ts";
import { goString, transportProps } from "../go-codecs.ts";
import { type PemKey, readPemKey, signRS256 } from "../jwt.ts";
import type { Delivery, DeliveryPolicy, Provider } from "../provider.ts";
import { settingProblem, settingsDecoder } from "../settings-decoder.ts";
import { type Api, operations, refused } from "./_operations.ts";
import { githubBlock } from "./block.ts";
import * as t from "io-ts";

/** Decoded GitHub settings, as the Go engine's `GitHubOptions` plus our `token`. */
export interface GitHubSettings {
  /** The REST API base, ending in `/`. */
  readonly apiBase: string;
  /** Where installation tokens come from (no trailing slash). */
  readonly tokenBase: string;
  readonly app?: {
    readonly appID: number;
    readonly installationID: number;
    readonly key: PemKey;
    readonly privateKey: string;
  };
  readonly token: string;
  readonly delivery: DeliveryPolicy;
}

/** An id as Go's `cast.ToInt64E` reads it: a number, or a decimal, `0x` hex or `0` octal string. */
const goId = new t.Type<number, number, unknown>(
  "a number",
  (u): u is number => typeof u === "number",
  (u, c) => {
    if (typeof u === "number" && Number.isInteger(u)) return t.success(u);
    if (typeof u !== "string") return t.failure(u, c);
    const s = u.trim().replace(/\.0*$/, "");
    const n = /^0x[0-9a-f]+$/i.test(s)
      ? parseInt(s.slice(2), 16)
      : /^0[0-7]+$/.test(s)
      ? parseInt(s, 8)
      : /^[+-]?\d+$/.test(s)
      ? Number(s)
      : NaN;
    return Number.isSafeInteger(n) ? t.success(n) : t.failure(u, c);
  },
  t.identity,
);

/** The API base of an Enterprise URL, as go-github's `WithEnterpriseURLs` makes it. */
function enterpriseApi(url: string): string {
  const base = url.endsWith("/") ? url : `${url}/`;
  const host = /^[a-z]+:\/\/([^/]*)/i.exec(base)?.[1] ?? "";
  return base.endsWith("/api/v3/") || host.startsWith("api.") || host.includes(".api.") ? base : `${base}api/v3/`;
}

/** Decodes the `github` service settings. */
export const decodeGithubSettings: (raw: Readonly<Record<string, unknown>>) => DecodedSettings<GitHubSettings> =
  settingsDecoder({
    type: "github",
    props: {
      appID: goId,
      installationID: goId,
      privateKey: goString,
      enterpriseBaseURL: goString,
      token: goString,
      ...transportProps,
    },
    policy: defaultPolicy,
    build(raw, policy) {
      const problems: SettingsDiagnostic[] = [];
      const enterprise = raw.enterpriseBaseURL ?? "";
      if (enterprise !== "") {
        try {
          new URL(enterprise);
        } catch {
          problems.push(settingProblem(["enterpriseBaseURL"], `"enterpriseBaseURL" is not an absolute URL`));
        }
      }
      const token = raw.token ?? "";
      let app: GitHubSettings["app"];
      if (token === "" || raw.privateKey !== undefined) {
        const key = readPemKey(raw.privateKey ?? "");
        if (key._tag === "Left") {
          problems.push(settingProblem(["privateKey"], `could not parse private key: ${key.left}`));
        } else {app = {
            appID: raw.appID ?? 0,
            installationID: raw.installationID ?? 0,
            key: key.right,
            privateKey: raw.privateKey ?? "",
          };}
      }
      return {
        problems,
        value: {
          apiBase: enterprise === "" ? "https://api.github.com/" : enterpriseApi(enterprise),
          tokenBase: (enterprise || "https://api.github.com").replace(/\/+$/, ""),
          ...(app !== undefined ? { app } : {}),
          token,
          delivery: policy,
        },
      };
    },
  });

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
