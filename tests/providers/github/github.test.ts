import { describe, expect, it } from "vitest";
import { decodeConfig, formatDiagnostic } from "../../../mod.ts";
import { githubProvider } from "../../../providers/github/github.ts";
import { deliver } from "../../../lib/shell/mod.ts";
import { configOf, fakeIO, notificationTo, refusal } from "../../_helpers/delivery.ts";
import { type Recorded, type Reply, withLoopback } from "../../_helpers/loopback.ts";
import { rsaKey, verifiedClaims } from "../../_helpers/rsa.ts";

const key = rsaKey();
const indent = (pem: string): string => pem.trim().split("\n").map((l) => `  ${l}`).join("\n");
const appSettings = (url: string, pem = key.pkcs1): string =>
  `appID: 12345\ninstallationID: "67890"\nenterpriseBaseURL: ${url}/api/v3\nprivateKey: |\n${indent(pem)}\n`;
const now = Date.parse("2024-01-02T03:04:05Z");

/** A GitHub API: the installation token, then each route's answer. */
function github(routes: Record<string, Reply | ((r: Recorded, i: number) => Reply)> = {}) {
  return (r: Recorded, i: number): Reply => {
    if (r.path === "/api/v3/app/installations/67890/access_tokens") {
      return { status: 201, body: '{"token":"ghs_INSTALLATION","expires_at":"2024-01-02T04:04:05Z"}' };
    }
    const route = routes[`${r.method} ${r.path}`];
    if (route === undefined) return { status: 201, body: "{}" };
    return typeof route === "function" ? route(r, i) : route;
  };
}

const status = {
  repoURL: "https://github.com/argoproj/argocd-example-apps.git",
  revision: "0123456789",
  status: {
    state: "success",
    label: "continuous-delivery/guestbook",
    targetURL: "https://argocd.example.com/applications/guestbook",
  },
};

describe("github", () => {
  it("gets an installation token with an RS256 JWT, then sets the commit status with it (PKCS#1 key)", async () => {
    await withLoopback(github(), async (server) => {
      const config = configOf({ "service.github": appSettings(server.url) });
      const outcome = await deliver(
        notificationTo("github", "", { message: "Application guestbook synced", blocks: { github: status } }),
        config,
        fakeIO(),
      );
      expect(outcome).toMatchObject({ _tag: "Delivered", attempts: 2, status: 201 });
      const [tokenRequest, statusRequest] = server.requests;
      expect(tokenRequest).toMatchObject({
        method: "POST",
        body: "null\n",
        headers: { accept: "application/vnd.github.v3+json" },
      });
      const jwt = tokenRequest!.headers["authorization"]!.replace(/^Bearer /, "");
      expect(verifiedClaims(jwt, key.publicPem)).toEqual({ iat: now / 1000 - 30, exp: now / 1000 + 90, iss: "12345" });
      expect(statusRequest).toMatchObject({
        method: "POST",
        path: "/api/v3/repos/argoproj/argocd-example-apps/statuses/0123456789",
        headers: {
          authorization: "token ghs_INSTALLATION",
          "content-type": "application/json",
          "x-github-api-version": "2022-11-28",
          accept: "application/vnd.github.v3+json",
        },
        body:
          '{"state":"success","target_url":"https://argocd.example.com/applications/guestbook","description":"Application guestbook synced","context":"continuous-delivery/guestbook"}\n',
      });
    });
  });

  it("signs with a PKCS#8 key too, and sends a personal token without asking for one", async () => {
    await withLoopback(github(), async (server) => {
      const config = configOf({
        "service.github": appSettings(server.url, key.pkcs8),
        "service.github.pat": `token: ghp_PERSONAL\nenterpriseBaseURL: ${server.url}/api/v3/`,
      });
      const n = notificationTo("github", "", { message: "m", blocks: { github: status } });
      expect((await deliver(n, config, fakeIO()))._tag).toBe("Delivered");
      expect((await deliver({ ...n, destination: { service: "pat", recipient: "" } }, config, fakeIO()))._tag).toBe(
        "Delivered",
      );
      expect(server.requests.map((r) => `${r.method} ${r.path} ${r.headers["authorization"]!.slice(0, 12)}`)).toEqual([
        "POST /api/v3/app/installations/67890/access_tokens Bearer eyJhb",
        "POST /api/v3/repos/argoproj/argocd-example-apps/statuses/0123456789 token ghs_IN",
        "POST /api/v3/repos/argoproj/argocd-example-apps/statuses/0123456789 token ghp_PE",
      ]);
    });
  });

  it("truncates the description to 140 code points, as Go does", async () => {
    await withLoopback(github(), async (server) => {
      const config = configOf({ "service.github": `token: t\nenterpriseBaseURL: ${server.url}` });
      await deliver(
        notificationTo("github", "", { message: "é".repeat(141), blocks: { github: status } }),
        config,
        fakeIO(),
      );
      expect(JSON.parse(server.requests[0]!.body).description).toBe(`${"é".repeat(137)}...`);
      expect(server.requests[0]!.path).toBe("/api/v3/repos/argoproj/argocd-example-apps/statuses/0123456789");
    });
  });

  it("reuses the deployment of the revision and environment, or creates one, then sets its status", async () => {
    const deployment = {
      state: "success",
      environment: "production",
      environmentURL: "https://app.example.com",
      logURL: "https://argocd.example.com/log",
      reference: "",
      autoMerge: false,
      transientEnvironment: true,
      requiredContexts: [],
    };
    const n = notificationTo("github", "", {
      message: "deployed",
      blocks: { github: { ...status, status: undefined, deployment } },
    });
    await withLoopback(
      github({
        "GET /api/v3/repos/argoproj/argocd-example-apps/deployments": { body: "[]" },
        "POST /api/v3/repos/argoproj/argocd-example-apps/deployments": { status: 201, body: '{"id":77}' },
      }),
      async (server) => {
        const config = configOf({ "service.github": `token: t\nenterpriseBaseURL: ${server.url}` });
        expect((await deliver(n, config, fakeIO()))._tag).toBe("Delivered");
        expect(server.requests.map((r) => `${r.method} ${r.path}?${r.query}`)).toEqual([
          "GET /api/v3/repos/argoproj/argocd-example-apps/deployments?environment=production&ref=0123456789",
          "POST /api/v3/repos/argoproj/argocd-example-apps/deployments?",
          "POST /api/v3/repos/argoproj/argocd-example-apps/deployments/77/statuses?",
        ]);
        expect(server.requests[1]!.body).toBe(
          '{"ref":"0123456789","auto_merge":false,"required_contexts":[],"environment":"production","transient_environment":true}\n',
        );
        expect(server.requests[1]!.headers["accept"]).toBe(
          "application/vnd.github.ant-man-preview+json, application/vnd.github.flash-preview+json",
        );
        expect(server.requests[2]!.body).toBe(
          '{"state":"success","log_url":"https://argocd.example.com/log","description":"deployed","environment":"production","environment_url":"https://app.example.com"}\n',
        );
      },
    );
    await withLoopback(
      github({ "GET /api/v3/repos/argoproj/argocd-example-apps/deployments": { body: '[{"id":5},{"id":4}]' } }),
      async (server) => {
        const config = configOf({ "service.github": `token: t\nenterpriseBaseURL: ${server.url}` });
        expect((await deliver(n, config, fakeIO()))._tag).toBe("Delivered");
        expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
          "GET /api/v3/repos/argoproj/argocd-example-apps/deployments",
          "POST /api/v3/repos/argoproj/argocd-example-apps/deployments/5/statuses",
        ]);
      },
    );
  });

  it("edits the tagged comment of each pull request in place, or creates it (Go vectors 12, 13; the marker once)", async () => {
    const marker = "<!-- argocd-notifications test-tag -->";
    const comment = { content: `updated comment\n${marker}`, commentTag: "test-tag" };
    await withLoopback(
      github({
        "GET /api/v3/repos/owner/repo/commits/abc123/pulls": { body: '[{"number":1},{"number":2}]' },
        "GET /api/v3/repos/owner/repo/issues/1/comments": {
          body: `[{"id":9,"body":"other"},{"id":10,"body":"old comment\\n${marker}"}]`,
        },
        "GET /api/v3/repos/owner/repo/issues/2/comments": { body: "[]" },
      }),
      async (server) => {
        const config = configOf({ "service.github": `token: t\nenterpriseBaseURL: ${server.url}` });
        const n = notificationTo("github", "", {
          blocks: {
            github: { repoURL: "git@github.com:owner/repo.git", revision: "abc123", pullRequestComment: comment },
          },
        });
        expect((await deliver(n, config, fakeIO()))._tag).toBe("Delivered");
        expect(server.requests.map((r) => `${r.method} ${r.path} ${r.body}`)).toEqual([
          "GET /api/v3/repos/owner/repo/commits/abc123/pulls ",
          "GET /api/v3/repos/owner/repo/issues/1/comments ",
          `PATCH /api/v3/repos/owner/repo/issues/comments/10 ${
            JSON.stringify({ body: `updated comment\n${marker}` })
          }\n`,
          "GET /api/v3/repos/owner/repo/issues/2/comments ",
          `POST /api/v3/repos/owner/repo/issues/2/comments ${JSON.stringify({ body: `updated comment\n${marker}` })}\n`,
        ]);
        expect(server.requests[0]!.headers["accept"]).toBe("application/vnd.github.groot-preview+json");
      },
    );
  });

  it("creates a check run (conclusion implies completed; times re-written as Go does) and a repository dispatch", async () => {
    await withLoopback(github(), async (server) => {
      const config = configOf({ "service.github": `token: t\nenterpriseBaseURL: ${server.url}` });
      const checkRun = {
        name: "argocd",
        details_url: "",
        status: "",
        conclusion: "success",
        started_at: "2024-01-02T03:04:05.500000Z",
        completed_at: "",
        output: { title: "Synced", summary: "ok", text: "" },
      };
      const repositoryDispatch = { event_type: "sync", client_payload: { sha: "12345678" } };
      const n = notificationTo("github", "", {
        blocks: { github: { repoURL: "https://github.com/o/r", revision: "abc", checkRun, repositoryDispatch } },
      });
      expect((await deliver(n, config, fakeIO()))._tag).toBe("Delivered");
      expect(server.requests.map((r) => `${r.method} ${r.path} ${r.body}`)).toEqual([
        'POST /api/v3/repos/o/r/check-runs {"name":"argocd","head_sha":"abc","details_url":"","external_id":"argocd-notifications","status":"completed","conclusion":"success","started_at":"2024-01-02T03:04:05.5Z","output":{"title":"Synced","summary":"ok","text":""}}\n',
        'POST /api/v3/repos/o/r/dispatches {"event_type":"sync","client_payload":{"sha":"12345678"}}\n',
      ]);
    });
  });

  it("refuses what Go refuses before any request: a repo URL without a slash, a completed check run without conclusion", () => {
    const raw = { token: "t" };
    expect(
      refusal(
        githubProvider,
        raw,
        notificationTo("github", "", { blocks: { github: { ...status, repoURL: "hello" } } }),
      ),
    ).toBe("GitHub.repoURL (hello) does not have a `/`");
    expect(
      refusal(
        githubProvider,
        raw,
        notificationTo("github", "", { blocks: { github: { ...status, checkRun: { status: "completed" } } } }),
      ),
    ).toBe(
      "github checkrun: conclusion is required when status is completed or completed_at is set",
    );
    expect(
      refusal(
        githubProvider,
        raw,
        notificationTo("github", "", {
          blocks: { github: { ...status, checkRun: { status: "in_progress", completed_at: "2024-01-02T03:04:05Z" } } },
        }),
      ),
    ).toContain("conclusion is required");
    expect(refusal(githubProvider, raw, notificationTo("github", ""))).toBe("config is empty");
  });

  it("takes a 422 on the status as too many statuses, not retried; retries a 502 with the same status (same context replaces)", async () => {
    await withLoopback(
      github({
        "POST /api/v3/repos/argoproj/argocd-example-apps/statuses/0123456789": (_, i) => ({
          status: i === 1 ? 422 : 201,
          body: '{"message":"Validation Failed"}',
        }),
      }),
      async (server) => {
        const config = configOf({ "service.github": appSettings(server.url) });
        const outcome = await deliver(notificationTo("github", "", { blocks: { github: status } }), config, fakeIO());
        expect(outcome).toMatchObject({ _tag: "Failed", retryable: false, attempts: 2, status: 422 });
        expect(outcome._tag === "Failed" && outcome.cause).toBe(
          'github: too many commit statuses for sha 0123456789 and context continuous-delivery/guestbook (github: {"message":"Validation Failed"})',
        );
      },
    );
    await withLoopback(
      github({
        "POST /api/v3/repos/argoproj/argocd-example-apps/statuses/0123456789": (_, i) => ({
          status: i === 1 ? 502 : 201,
          body: "{}",
        }),
      }),
      async (server) => {
        const config = configOf({ "service.github": appSettings(server.url) });
        const io = fakeIO();
        expect(await deliver(notificationTo("github", "", { blocks: { github: status } }), config, io)).toMatchObject({
          _tag: "Delivered",
          attempts: 3,
        });
        expect(server.requests[1]!.body).toBe(server.requests[2]!.body);
        expect(io.sleeps).toEqual([500]);
      },
    );
  });

  it("waits out a secondary rate limit (403 with Retry-After) and does not retry a 404", async () => {
    await withLoopback(
      github({
        "POST /api/v3/repos/argoproj/argocd-example-apps/statuses/0123456789": (_, i) => (i === 0
          ? {
            status: 403,
            headers: { "retry-after": "7" },
            body: '{"message":"You have exceeded a secondary rate limit"}',
          }
          : { status: 201, body: "{}" }),
      }),
      async (server) => {
        const config = configOf({ "service.github": `token: t\nenterpriseBaseURL: ${server.url}` });
        const io = fakeIO();
        expect(await deliver(notificationTo("github", "", { blocks: { github: status } }), config, io)).toMatchObject({
          _tag: "Delivered",
          attempts: 2,
        });
        expect(io.sleeps).toEqual([7000]);
      },
    );
    await withLoopback(() => ({ status: 404, body: '{"message":"Not Found"}' }), async (server) => {
      const config = configOf({ "service.github": `token: t\nenterpriseBaseURL: ${server.url}` });
      const outcome = await deliver(notificationTo("github", "", { blocks: { github: status } }), config, fakeIO());
      expect(outcome).toMatchObject({
        _tag: "Failed",
        retryable: false,
        attempts: 1,
        cause: "github: github create commit status: 404 Not Found",
      });
    });
  });

  it("reports a private key that is not PEM at its key, without the key", () => {
    const { diagnostics, config } = decodeConfig({
      data: { "service.github": "appID: 1\ninstallationID: 2\nprivateKey: $gh-key" },
    }, { stringData: { "gh-key": "not-a-SECRET-key" } });
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      "service.github: line 3, column 13: could not parse private key: the private key is not PEM (no -----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY----- block)",
    ]);
    expect(config.services.has("github")).toBe(false);
    expect(JSON.stringify(diagnostics)).not.toContain("SECRET");
  });

  it("fails the delivery, without retrying, when a PEM key cannot sign (not RSA)", async () => {
    const { generateKeyPairSync } = await import("node:crypto");
    const ec = generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({ type: "pkcs8", format: "pem" })
      .toString();
    await withLoopback(github(), async (server) => {
      const config = configOf({ "service.github": appSettings(server.url, ec) });
      const outcome = await deliver(notificationTo("github", "", { blocks: { github: status } }), config, fakeIO());
      expect(outcome).toMatchObject({ _tag: "Failed", retryable: false, attempts: 1 });
      expect(outcome._tag === "Failed" && outcome.cause).toMatch(
        /^github: github App 12345: the private key cannot sign: /,
      );
      expect(server.requests).toEqual([]);
    });
  });
});
