/**
 * The GitHub service's operations as chained requests: commit status, deployment (listed, created when missing, then
 * its status), pull-request comments (edited in place by comment tag), check run, repository dispatch — in the Go
 * engine's order, each only when its sub-block is there, the first failure ending the delivery. Folder-private.
 * @module
 */
import type { Block } from "../content.ts";
import { encodeForm } from "../form.ts";
import type { Delivery, HttpRequest, HttpResponse, StepResult } from "../provider.ts";
import { excerpt, isRetryableStatus } from "../rejection.ts";

/** What every operation needs: where the API is, how to authenticate, which repository and revision. */
export interface Api {
  /** `https://api.github.com/` or the Enterprise API base, ending in `/`. */
  readonly base: string;
  readonly authorization: string;
  readonly owner: string;
  readonly repo: string;
  readonly revision: string;
  /** The message, for descriptions. */
  readonly message: string;
  /** Unix milliseconds, for the rate limit's reset time. */
  readonly now: number;
}

/** What to do after an operation succeeded. */
export type Then = () => StepResult;

const done: Then = () => ({ _tag: "Done" });

/** Truncates to `n` code points as the Go engine does: the first `n - 3` and `...`. */
export function trunc(s: string, n: number): string {
  const points = [...s];
  return points.length > n ? `${points.slice(0, n - 3).join("")}...` : s;
}

/** go-github's JSON: not HTML-escaped, newline-terminated. */
const json = (v: unknown): string => `${JSON.stringify(v)}\n`;

const escapeSegments = (p: string): string => p.split("/").map(encodeURIComponent).join("/");

function request(
  api: Api,
  method: string,
  path: string,
  body?: unknown,
  accept = "application/vnd.github.v3+json",
): HttpRequest {
  return {
    method,
    url: api.base + path,
    headers: {
      Accept: accept,
      Authorization: api.authorization,
      ...(body !== undefined ? { "Content-Type": "application/json" } : {}),
      "User-Agent": "go-github/v69.2.0",
      "X-GitHub-Api-Version": "2022-11-28",
    },
    ...(body !== undefined ? { body: json(body) } : {}),
  };
}

/** A refusal of the API: retryable on 5xx, 429, and 403 when a rate limit says when to come back. */
export function refused(api: Api, what: string, response: HttpResponse): StepResult {
  const limited = response.status === 403 &&
    (response.headers["x-ratelimit-remaining"] === "0" || response.headers["retry-after"] !== undefined);
  const reset = Number(response.headers["x-ratelimit-reset"] ?? "NaN") * 1000;
  let message = excerpt(response.body);
  try {
    const m = (JSON.parse(response.body) as { message?: unknown }).message;
    if (typeof m === "string") message = m;
  } catch {
    // the excerpt stands
  }
  return {
    _tag: "Rejected",
    retryable: limited || isRetryableStatus(response.status),
    cause: `github ${what}: ${response.status} ${message}`,
    ...(limited && response.headers["retry-after"] === undefined && reset > api.now
      ? { retryAfterMs: reset - api.now }
      : {}),
  };
}

const ok = (r: HttpResponse): boolean => r.status >= 200 && r.status <= 299 && r.status !== 202;

function step(api: Api, req: HttpRequest, what: string, then: (body: unknown) => StepResult): Delivery {
  return {
    kind: "http",
    request: req,
    read: (r) => {
      if (!ok(r)) return refused(api, what, r);
      let body: unknown;
      try {
        body = r.body === "" ? undefined : JSON.parse(r.body);
      } catch {
        body = undefined;
      }
      return then(body);
    },
  };
}

const next = (d: Delivery): StepResult => ({ _tag: "Next", next: d });
const repoPath = (api: Api): string => `repos/${encodeURIComponent(api.owner)}/${encodeURIComponent(api.repo)}`;

function status(api: Api, s: Block, then: Then): Delivery {
  const label = String(s["label"] ?? "");
  const body = {
    state: String(s["state"] ?? ""),
    target_url: String(s["targetURL"] ?? ""),
    description: trunc(api.message, 140),
    context: label,
  };
  const req = request(api, "POST", `${repoPath(api)}/statuses/${escapeSegments(api.revision)}`, body);
  return {
    kind: "http",
    request: req,
    read: (r) => {
      if (r.status === 422) {
        return {
          _tag: "Rejected",
          retryable: false,
          cause: `too many commit statuses for sha ${api.revision} and context ${label} (github: ${excerpt(r.body)})`,
        };
      }
      return ok(r) ? then() : refused(api, "create commit status", r);
    },
  };
}

const preview = "application/vnd.github.ant-man-preview+json, application/vnd.github.flash-preview+json";

function deployment(api: Api, d: Block, then: Then): Delivery {
  const environment = String(d["environment"] ?? "");
  const deploymentStatus = (id: number): Delivery =>
    step(
      api,
      request(api, "POST", `${repoPath(api)}/deployments/${id}/statuses`, {
        state: String(d["state"] ?? ""),
        log_url: String(d["logURL"] ?? ""),
        description: trunc(api.message, 140),
        environment,
        environment_url: String(d["environmentURL"] ?? ""),
      }, preview),
      "create deployment status",
      then,
    );
  const create = (): Delivery =>
    step(
      api,
      request(api, "POST", `${repoPath(api)}/deployments`, {
        ref: String(d["reference"] ?? "") || api.revision,
        auto_merge: d["autoMerge"] !== false,
        required_contexts: Array.isArray(d["requiredContexts"]) ? d["requiredContexts"] : null,
        environment,
        transient_environment: d["transientEnvironment"] === true,
      }, preview),
      "create deployment",
      (created) => idOf(created, "create deployment", deploymentStatus),
    );
  const query = encodeForm({
    ...(environment !== "" ? { environment } : {}),
    ...(api.revision !== "" ? { ref: api.revision } : {}),
  });
  return step(
    api,
    request(api, "GET", `${repoPath(api)}/deployments${query === "" ? "" : `?${query}`}`),
    "list deployments",
    (list) => {
      const first = Array.isArray(list) ? list[0] : undefined;
      return first === undefined ? next(create()) : idOf(first, "list deployments", deploymentStatus);
    },
  );
}

function idOf(v: unknown, what: string, then: (id: number) => Delivery): StepResult {
  const id = typeof v === "object" && v !== null ? (v as { id?: unknown }).id : undefined;
  return typeof id === "number"
    ? next(then(id))
    : { _tag: "Rejected", retryable: false, cause: `github ${what}: the answer has no deployment id` };
}

function comments(api: Api, c: Block, then: Then): Delivery {
  const tag = String(c["commentTag"] ?? "");
  const marker = `<!-- argocd-notifications ${tag} -->`;
  let body = trunc(String(c["content"] ?? ""), 65536);
  // the template already appended the marker (as Go's does); appended once, never twice
  if (tag !== "" && !body.endsWith(marker)) body = `${body}\n${marker}`;
  const create = (pr: number, rest: Then): Delivery =>
    step(
      api,
      request(api, "POST", `${repoPath(api)}/issues/${pr}/comments`, { body }),
      `comment on pull request #${pr}`,
      rest,
    );
  const each = (prs: readonly number[], i: number): StepResult => {
    if (i >= prs.length) return then();
    const pr = prs[i]!;
    const rest: Then = () => each(prs, i + 1);
    if (tag === "") return next(create(pr, rest));
    return next(
      step(
        api,
        request(
          api,
          "GET",
          `${repoPath(api)}/issues/${pr}/comments`,
          undefined,
          "application/vnd.github.squirrel-girl-preview",
        ),
        `list comments of pull request #${pr}`,
        (list) => {
          const found = Array.isArray(list)
            ? list.find((x: { body?: unknown }) => typeof x?.body === "string" && x.body.includes(marker)) as {
              id?: unknown;
            } | undefined
            : undefined;
          if (found === undefined || typeof found.id !== "number") return next(create(pr, rest));
          return next(
            step(
              api,
              request(api, "PATCH", `${repoPath(api)}/issues/comments/${found.id}`, { body }),
              `edit comment ${found.id}`,
              rest,
            ),
          );
        },
      ),
    );
  };
  return step(
    api,
    request(
      api,
      "GET",
      `${repoPath(api)}/commits/${escapeSegments(api.revision)}/pulls`,
      undefined,
      "application/vnd.github.groot-preview+json",
    ),
    "list pull requests of the commit",
    (list) => {
      const prs = Array.isArray(list)
        ? list.map((p: { number?: unknown }) => p?.number).filter((n): n is number => typeof n === "number")
        : [];
      return each(prs, 0);
    },
  );
}

function checkRun(api: Api, c: Block, then: Then): Delivery | string {
  const conclusion = String(c["conclusion"] ?? "");
  const status = String(c["status"] ?? "") || (conclusion !== "" ? "completed" : "");
  const startedAt = String(c["started_at"] ?? "");
  const completedAt = String(c["completed_at"] ?? "");
  if ((status === "completed" || completedAt !== "") && conclusion === "") {
    return "github checkrun: conclusion is required when status is completed or completed_at is set";
  }
  const rfc3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;
  for (const [k, v] of [["started_at", startedAt], ["completed_at", completedAt]] as const) {
    if (v !== "" && !rfc3339.test(v)) return `github checkrun: ${k} "${v}" is not an RFC 3339 time`;
  }
  const time = (v: string): string => v.replace(/(\.\d*?)0+(?=Z|[+-])/, "$1").replace(/\.(?=Z|[+-])/, "");
  const output = typeof c["output"] === "object" && c["output"] !== null ? c["output"] as Block : undefined;
  const body = {
    name: String(c["name"] ?? ""),
    head_sha: api.revision,
    details_url: String(c["details_url"] ?? ""),
    external_id: "argocd-notifications",
    ...(status !== "" ? { status } : {}),
    ...(conclusion !== "" ? { conclusion } : {}),
    ...(startedAt !== "" ? { started_at: time(startedAt) } : {}),
    ...(completedAt !== "" ? { completed_at: time(completedAt) } : {}),
    ...(output !== undefined
      ? {
        output: {
          title: String(output["title"] ?? ""),
          summary: String(output["summary"] ?? ""),
          text: String(output["text"] ?? ""),
        },
      }
      : {}),
  };
  return step(
    api,
    request(api, "POST", `${repoPath(api)}/check-runs`, body, "application/vnd.github.antiope-preview+json"),
    "create check run",
    then,
  );
}

function dispatch(api: Api, d: Block, then: Then): Delivery | string {
  const payload = d["client_payload"];
  if (payload === undefined || payload === "") return "github repositoryDispatch.client_payload must be JSON";
  let value: unknown = payload;
  if (typeof payload === "string") {
    try {
      value = JSON.parse(payload);
    } catch {
      return "github repositoryDispatch.client_payload is not valid JSON";
    }
  }
  return step(
    api,
    request(api, "POST", `${repoPath(api)}/dispatches`, {
      event_type: String(d["event_type"] ?? ""),
      client_payload: value,
    }),
    "repository dispatch",
    then,
  );
}

const sub = (block: Block, key: string): Block | undefined => {
  const v = block[key];
  return typeof v === "object" && v !== null && !Array.isArray(v) ? v as Block : undefined;
};

/**
 * The chain of requests of a `github:` block.
 * @param api the API, authentication, repository and revision
 * @param block the rendered block
 * @returns the first request (or `Done` when the block asks for nothing), or why the block cannot be sent
 */
export function operations(api: Api, block: Block): StepResult | string {
  const ops: ((then: Then) => Delivery | string)[] = [];
  const add = (key: string, op: (api: Api, b: Block, then: Then) => Delivery | string): void => {
    const b = sub(block, key);
    if (b !== undefined) ops.push((then) => op(api, b, then));
  };
  add("status", status);
  add("deployment", deployment);
  add("pullRequestComment", comments);
  add("checkRun", checkRun);
  add("repositoryDispatch", dispatch);
  // build from the last: each operation's `then` starts the following one
  let then: Then = done;
  for (const op of ops.reverse()) {
    const d = op(then);
    if (typeof d === "string") return d;
    then = () => next(d);
  }
  return then();
}
