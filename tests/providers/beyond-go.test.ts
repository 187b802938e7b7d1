/**
 * The services the Go engine lacks, from a ConfigMap to a loopback receiver: the exact request of each (after Flux's
 * notification-controller where it has the service), a retry that carries the same idempotency key where the
 * service has one, and the refusals.
 */
import { describe, expect, it } from "vitest";
import { decodeConfig, evaluate, formatDiagnostic } from "../../mod.ts";
import { builtinProviders } from "../../providers/mod.ts";
import { deliver } from "../../lib/shell/mod.ts";
import { configOf, fakeIO, notificationTo, refusal } from "../_helpers/delivery.ts";
import { type Recorded, withLoopback } from "../_helpers/loopback.ts";

const status = (extra: Record<string, unknown> = {}) => ({
  repoURL: "https://example.com/group/sub/project.git",
  revision: "abc123",
  state: "success",
  label: "argocd/guestbook",
  targetURL: "https://argocd.example.com/applications/guestbook",
  ...extra,
});

interface Case {
  readonly name: string;
  readonly settings: (url: string) => string;
  readonly n: ReturnType<typeof notificationTo>;
  readonly expected: (url: string) => Partial<Recorded> & { readonly json?: unknown };
  readonly reply?: { readonly status?: number; readonly body?: string };
}

const cases: readonly Case[] = [
  {
    name: "gitlab",
    settings: (url) => `apiURL: ${url}\ntoken: glpat-SECRET`,
    n: notificationTo("gitlab", "", { message: "Sync succeeded", blocks: { gitlab: status() } }),
    expected: () => ({
      method: "POST",
      path: "/api/v4/projects/group%2Fsub%2Fproject/statuses/abc123",
      headers: { "private-token": "glpat-SECRET" },
      json: {
        state: "success",
        name: "argocd/guestbook",
        description: "Sync succeeded",
        target_url: "https://argocd.example.com/applications/guestbook",
      },
    }),
    reply: { status: 201, body: "{}" },
  },
  {
    name: "gitea",
    settings: (url) => `apiURL: ${url}\ntoken: gitea-SECRET`,
    n: notificationTo("gitea", "", {
      message: "m",
      blocks: { gitea: status({ repoURL: "git@forgejo.example.com:org/app.git", state: "failure" }) },
    }),
    expected: () => ({
      method: "POST",
      path: "/api/v1/repos/org/app/statuses/abc123",
      headers: { authorization: "token gitea-SECRET" },
      json: {
        state: "failure",
        target_url: "https://argocd.example.com/applications/guestbook",
        description: "m",
        context: "argocd/guestbook",
      },
    }),
    reply: { status: 201, body: "{}" },
  },
  {
    name: "bitbucket",
    settings: (url) => `apiURL: ${url}\ntoken: bb-SECRET\nusername: ci`,
    n: notificationTo("bitbucket", "", {
      message: "m",
      blocks: { bitbucket: status({ repoURL: "https://bitbucket.example.com/scm/PROJ/app.git", state: "pending" }) },
    }),
    expected: () => ({
      method: "POST",
      path: "/rest/api/latest/projects/PROJ/repos/app/commits/abc123/builds",
      headers: { authorization: `Basic ${btoa("ci:bb-SECRET")}` },
      json: {
        state: "INPROGRESS",
        key: "argocd/guestbook",
        name: "argocd/guestbook",
        url: "https://argocd.example.com/applications/guestbook",
        description: "m",
      },
    }),
    reply: { status: 204, body: "" },
  },
  {
    name: "azuredevops",
    settings: (url) => `apiURL: ${url}\ntoken: ado-SECRET`,
    n: notificationTo("azuredevops", "", {
      message: "m",
      blocks: { azuredevops: status({ repoURL: "https://dev.azure.com/org/proj/_git/app" }) },
    }),
    expected: () => ({
      method: "POST",
      path: "/org/proj/_apis/git/repositories/app/commits/abc123/statuses",
      query: "api-version=6.0",
      headers: { authorization: `Basic ${btoa(":ado-SECRET")}` },
      json: {
        state: "succeeded",
        description: "m",
        context: { genre: "argocd", name: "guestbook" },
        targetUrl: "https://argocd.example.com/applications/guestbook",
      },
    }),
    reply: { status: 201, body: "{}" },
  },
  {
    name: "discord",
    settings: (url) => `webhooks:\n  ops: ${url}/api/webhooks/1/discord-SECRET`,
    n: notificationTo("discord", "ops", {
      message: "Deployed",
      blocks: { discord: { username: "Argo CD", embeds: [{ title: "guestbook" }] } },
    }),
    expected: () => ({
      method: "POST",
      path: "/api/webhooks/1/discord-SECRET",
      query: "wait=true",
      json: { content: "Deployed", username: "Argo CD", embeds: [{ title: "guestbook" }] },
    }),
    reply: { status: 200, body: '{"id":"111"}' },
  },
  {
    name: "matrix",
    settings: (url) => `url: ${url}\ntoken: syt_SECRET`,
    n: notificationTo("matrix", "!room:example.org", {
      message: "Deployed",
      blocks: { matrix: { msgtype: "m.notice" } },
    }, "state-1"),
    expected: () => ({
      method: "PUT",
      headers: { authorization: "Bearer syt_SECRET" },
      json: { msgtype: "m.notice", body: "Deployed" },
    }),
    reply: { status: 200, body: '{"event_id":"$e"}' },
  },
  {
    name: "ntfy",
    settings: (url) => `url: ${url}\ntoken: tk_SECRET`,
    n: notificationTo("ntfy", "deploys", {
      message: "Deployed",
      blocks: { ntfy: { title: "guestbook", tags: ["rocket"], priority: "4" } },
    }),
    expected: () => ({
      method: "POST",
      path: "/",
      headers: { authorization: "Bearer tk_SECRET" },
      json: { topic: "deploys", message: "Deployed", title: "guestbook", tags: ["rocket"], priority: 4 },
    }),
    reply: { status: 200, body: '{"id":"n1"}' },
  },
];

describe("services beyond the Go engine", () => {
  for (const c of cases) {
    it(`${c.name}: sends the exact request, retries a 502 with the same request, and fails a 401 once without its secret`, async () => {
      await withLoopback(
        (_, i) => (i === 0 ? { status: 502 } : i === 1 ? c.reply ?? {} : { status: 401, body: "unauthorized" }),
        async (server) => {
          const config = configOf({ [`service.${c.name}`]: c.settings(server.url) });
          const io = fakeIO();
          expect(await deliver(c.n, config, io)).toMatchObject({ _tag: "Delivered", attempts: 2 });
          const { json, ...expected } = c.expected(server.url);
          expect(server.requests[1]).toMatchObject(expected);
          expect(JSON.parse(server.requests[1]!.body)).toEqual(json);
          expect(server.requests[0]).toEqual(server.requests[1]);
          const failed = await deliver(c.n, config, fakeIO());
          expect(failed).toMatchObject({ _tag: "Failed", retryable: false, attempts: 1, status: 401 });
          expect(JSON.stringify(failed)).not.toContain("SECRET");
        },
      );
    });
  }

  it("matrix: the transaction id comes from the notification, so a crash and a retry send the same event", async () => {
    await withLoopback(() => ({ body: '{"event_id":"$e"}' }), async (server) => {
      const config = configOf({ "service.matrix": `url: ${server.url}\ntoken: t` });
      const n = notificationTo("matrix", "#ops:example.org", { message: "m" }, "state-1");
      await deliver(n, config, fakeIO());
      await deliver(n, config, fakeIO());
      await deliver({ ...n, idempotencyKey: "state-2" }, config, fakeIO());
      const [a, b, c] = server.requests.map((r) => r.path);
      expect(a).toMatch(/^\/_matrix\/client\/v3\/rooms\/%23ops%3Aexample\.org\/send\/m\.room\.message\/[0-9a-f]{40}$/);
      expect(b).toBe(a);
      expect(c).not.toBe(a);
    });
  });

  it("gitlab: a status already in that state counts as delivered", async () => {
    await withLoopback(
      () => ({ status: 400, body: '{"message":"Cannot transition status via :run from :running"}' }),
      async (server) => {
        const config = configOf({ "service.gitlab": `apiURL: ${server.url}\ntoken: t` });
        expect(
          await deliver(
            notificationTo("gitlab", "", { blocks: { gitlab: status({ state: "running" }) } }),
            config,
            fakeIO(),
          ),
        ).toMatchObject({ _tag: "Delivered" });
      },
    );
  });

  it("renders the new blocks from a template, with the Argo CD defaults for repository and revision", () => {
    const { config, diagnostics } = decodeConfig({
      data: {
        "trigger.on-synced": "- when: 'true'\n  send: [synced]",
        "template.synced":
          "message: synced\ngitlab:\n  state: success\n  label: continuous-delivery/{{.app.metadata.name}}\n",
        "service.gitlab": "token: t",
      },
    });
    expect(diagnostics.map(formatDiagnostic)).toEqual([]);
    const app = {
      metadata: { name: "guestbook", annotations: { "notifications.argoproj.io/subscribe.on-synced.gitlab": "" } },
      spec: { source: { repoURL: "https://gitlab.com/g/p.git" } },
      status: { operationState: { syncResult: { revision: "abc" } } },
    };
    const [n] = evaluate(app, config, { now: 0, vars: { app } }).notifications;
    const p = builtinProviders["gitlab"]!.prepare(n!, config.services.get("gitlab")!.decoded, { now: 0 });
    expect(p).toMatchObject({
      _tag: "Right",
      right: { request: { url: "https://gitlab.com/api/v4/projects/g%2Fp/statuses/abc" } },
    });
  });

  const refusals = [
    [
      "gitlab",
      { token: "t" },
      notificationTo("gitlab", "", { blocks: { gitlab: status({ state: "done" }) } }),
      'gitlab: state "done" is not one of pending, running, success, failure, error, canceled',
    ],
    [
      "azuredevops",
      { token: "t" },
      notificationTo("azuredevops", "", { blocks: { azuredevops: status() } }),
      "azuredevops: the repo URL is not https://dev.azure.com/<org>/<project>/_git/<repo>",
    ],
    [
      "gitea",
      { token: "t", apiURL: "https://g" },
      notificationTo("gitea", "", { blocks: { gitea: status({ repoURL: "hello" }) } }),
      "gitea: the repo URL does not name a repository (owner/repo)",
    ],
    [
      "matrix",
      { url: "https://m", token: "t" },
      notificationTo("matrix", "ops"),
      'recipient "ops" is not a Matrix room id (!id:server) or alias (#name:server)',
    ],
    ["discord", { webhooks: {} }, notificationTo("discord", "ops"), "no discord webhook configured for recipient ops"],
    ["ntfy", {}, notificationTo("ntfy", "a/b"), 'recipient "a/b" is not an ntfy topic'],
  ] as const;
  for (const [service, raw, n, expected] of refusals) {
    it(`${service}: refuses ${expected}`, () => {
      expect(refusal(builtinProviders[service]!, raw, n)).toBe(expected);
    });
  }
});
