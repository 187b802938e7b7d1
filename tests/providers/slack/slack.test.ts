import { describe, expect, it } from "vitest";
import { decodeConfig, formatDiagnostic } from "../../../mod.ts";
import { slackProvider } from "../../../providers/slack/slack.ts";
import type { SlackSettings } from "../../../providers/slack/settings.ts";
import type { Delivery, HttpDelivery, StepResult } from "../../../providers/provider.ts";
import { createMemoryStore, deliver } from "../../../lib/shell/mod.ts";
import { configOf, fakeIO, notificationTo } from "../../_helpers/delivery.ts";
import { withLoopback } from "../../_helpers/loopback.ts";

const answer = { channel: "test", ts: "1503435956.000247", message_ts: "1503435956.000247", text: "text" };

function settingsOf(raw: Record<string, unknown>): SlackSettings {
  const d = slackProvider.decodeSettings({ token: "something-token", apiURL: "https://slack.test/api/", ...raw });
  if (d.value === undefined) throw new Error(d.diagnostics.map(formatDiagnostic).join("\n"));
  return d.value;
}

function prepared(
  n: ReturnType<typeof notificationTo>,
  raw: Record<string, unknown> = {},
  references: Record<string, string> = {},
): HttpDelivery {
  const p = slackProvider.prepare(n, settingsOf(raw), { now: 0, references });
  if (p._tag === "Left" || p.right.kind !== "http") throw new Error("not an HTTP delivery");
  return p.right;
}

const form = (body: string | undefined): Record<string, string> => Object.fromEntries(new URLSearchParams(body ?? ""));

describe("slack: the request (Go vectors)", () => {
  const cases = [
    {
      name: "a message without a slack block (1, 8)",
      n: notificationTo("slack", "test-channel", { message: "Annotation description" }),
      raw: {},
      body: "channel=test-channel&text=Annotation+description&token=something-token",
    },
    {
      name: "the settings' username and emoji icon (4)",
      n: notificationTo("slack", "test", { message: "test" }),
      raw: { username: "foo", icon: ":smile:" },
      body: "channel=test&icon_emoji=%3Asmile%3A&text=test&token=something-token&username=foo",
    },
    {
      name: "an icon URL",
      n: notificationTo("slack", "test", { message: "test" }),
      raw: { icon: "https://lorempixel.com/48/48" },
      body: "channel=test&icon_url=https%3A%2F%2Florempixel.com%2F48%2F48&text=test&token=something-token",
    },
    {
      name: "an icon that is neither (no icon, no error) (9)",
      n: notificationTo("slack", "test", { message: "test" }),
      raw: { icon: "ftp://lorempixel.com/favicon.ico" },
      body: "channel=test&text=test&token=something-token",
    },
    {
      name: "unfurling disabled",
      n: notificationTo("slack", "c", { message: "m" }),
      raw: { disableUnfurl: true },
      body: "channel=c&text=m&token=something-token&unfurl_links=false&unfurl_media=false",
    },
  ];
  for (const c of cases) {
    it(`posts ${c.name}`, () => {
      const d = prepared(c.n, c.raw);
      expect(d.request).toEqual({
        method: "POST",
        url: "https://slack.test/api/chat.postMessage",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: c.body,
      });
    });
  }

  it("sends attachments and no blocks (2)", () => {
    const n = notificationTo("slack", "test", {
      message: "Attachments description",
      blocks: {
        slack: { attachments: [{ pretext: "pre-hello", text: "text-world" }], groupingKey: "", deliveryPolicy: "Post" },
      },
    });
    expect(form(prepared(n).request.body)).toEqual({
      attachments: '[{"pretext":"pre-hello","text":"text-world"}]',
      channel: "test",
      text: "Attachments description",
      token: "something-token",
    });
  });

  it("sends blocks and an empty attachments list (3)", () => {
    const blocks = [{ type: "section", text: { type: "plain_text", text: "Hello world" } }];
    const n = notificationTo("slack", "test", { message: "Attachments description", blocks: { slack: { blocks } } });
    expect(form(prepared(n).request.body)).toEqual({
      attachments: "[]",
      blocks: JSON.stringify(blocks),
      channel: "test",
      text: "Attachments description",
      token: "something-token",
    });
  });

  it("prefers the template's username and icon over the settings' (5)", () => {
    const n = notificationTo("slack", "test", {
      message: "test",
      blocks: { slack: { username: "template set", icon: ":wink:" } },
    });
    expect(form(prepared(n, { username: "foo", icon: ":smile:" }).request.body)).toEqual({
      attachments: "[]",
      channel: "test",
      icon_emoji: ":wink:",
      text: "test",
      token: "something-token",
      username: "template set",
    });
  });

  it("refuses attachments or blocks that are not JSON, before any request (7)", () => {
    for (const field of ["attachments", "blocks"]) {
      const n = notificationTo("slack", "test", { message: "m", blocks: { slack: { [field]: "invalid json" } } });
      const p = slackProvider.prepare(n, settingsOf({}), { now: 0 });
      expect(p._tag).toBe("Left");
      expect(p._tag === "Left" && p.left).toMatchObject({
        _tag: "InvalidDelivery",
        message: expect.stringContaining(`slack.${field} is not valid JSON`),
      });
    }
  });

  it("broadcasts a thread reply when the template says so", () => {
    const n = notificationTo("slack", "c", {
      message: "m",
      blocks: { slack: { groupingKey: "g", notifyBroadcast: true } },
    });
    expect(form(prepared(n, {}, { 'thread ["c","g"]': "2" }).request.body)).toMatchObject({
      reply_broadcast: "true",
      thread_ts: "2",
    });
  });
});

/** Runs a delivery as data: each request answered by `reply`, collecting the requests. */
function drive(
  first: Delivery,
  reply: () => string,
): { requests: { url: string; form: Record<string, string> }[]; result: StepResult } {
  const requests: { url: string; form: Record<string, string> }[] = [];
  let d = first;
  for (;;) {
    if (d.kind !== "http") throw new Error("not HTTP");
    requests.push({ url: d.request.url, form: form(d.request.body) });
    const result = d.read({ status: 200, headers: {}, body: reply() });
    if (result._tag !== "Next") return { requests, result };
    d = result.next;
  }
}

describe("slack: threads and delivery policies (Go's matrix, vector 12)", () => {
  const matrix = [
    {
      policy: "Post",
      parent: undefined,
      calls: ["chat.postMessage channel"],
      remember: { 'thread ["channel","group"]': "1" },
    },
    { policy: "Post", parent: "2", calls: ["chat.postMessage channel ts=2"], remember: {} },
    {
      policy: "PostAndUpdate",
      parent: undefined,
      calls: ["chat.postMessage channel"],
      remember: { 'thread ["channel","group"]': "1" },
    },
    {
      policy: "PostAndUpdate",
      parent: "2",
      calls: ["chat.postMessage channel ts=2", "chat.update channel-ID ts=2 update=2"],
      remember: {},
    },
    {
      policy: "Update",
      parent: undefined,
      calls: ["chat.postMessage channel"],
      remember: { 'thread ["channel","group"]': "1" },
    },
    { policy: "Update", parent: "2", calls: ["chat.update channel ts=2 update=2"], remember: {} },
  ] as const;
  for (const m of matrix) {
    it(`${m.policy}, ${m.parent === undefined ? "no parent" : "with a parent"}: ${m.calls.join(", then ")}`, () => {
      const n = notificationTo("slack", "channel", {
        message: "m",
        blocks: { slack: { groupingKey: "group", deliveryPolicy: m.policy } },
      });
      const refs = m.parent === undefined ? {} : { 'thread ["channel","group"]': m.parent };
      const { requests, result } = drive(
        prepared(n, {}, refs),
        () => JSON.stringify({ ok: true, channel: "channel-ID", ts: "1" }),
      );
      expect(requests.map((r) => {
        const method = r.url.slice("https://slack.test/api/".length);
        const ts = r.form["thread_ts"] !== undefined ? ` ts=${r.form["thread_ts"]}` : "";
        const update = r.form["ts"] !== undefined ? ` update=${r.form["ts"]}` : "";
        return `${method} ${r.form["channel"]}${ts}${update}`;
      })).toEqual(m.calls);
      expect(result._tag).toBe("Done");
      const remembered = result._tag === "Done" ? { ...result.remember } : {};
      delete remembered['channel "channel"'];
      expect(remembered).toEqual(m.remember);
    });
  }

  it("updates the parent with as_user and without reply_broadcast", () => {
    const n = notificationTo("slack", "c", {
      message: "m",
      blocks: { slack: { groupingKey: "g", deliveryPolicy: "Update", notifyBroadcast: true } },
    });
    const d = prepared(n, {}, { 'thread ["c","g"]': "2", 'channel "c"': "C1" });
    expect(form(d.request.body)).toEqual({
      as_user: "true",
      attachments: "[]",
      channel: "C1",
      text: "m",
      thread_ts: "2",
      token: "something-token",
      ts: "2",
    });
  });
});

describe("slack: answers", () => {
  const read = (status: number, body: string): StepResult =>
    prepared(notificationTo("slack", "c", { message: "m" })).read({ status, headers: {}, body });
  const cases = [
    {
      name: "a success without ok (Go's test server)",
      status: 200,
      body: JSON.stringify(answer),
      expected: { _tag: "Done", messageRef: "1503435956.000247" },
    },
    {
      name: "ok: false with an error",
      status: 200,
      body: '{"ok":false,"error":"channel_not_found"}',
      expected: { _tag: "Rejected", retryable: false, cause: "slack chat.postMessage: channel_not_found" },
    },
    {
      name: "ratelimited in a 200",
      status: 200,
      body: '{"ok":false,"error":"ratelimited"}',
      expected: { _tag: "Rejected", retryable: true },
    },
    {
      name: "ok: false without an error (success, as slack-go reads it)",
      status: 200,
      body: '{"ok":false}',
      expected: { _tag: "Done" },
    },
    { name: "a body that is not JSON", status: 200, body: "<html>", expected: { _tag: "Rejected", retryable: false } },
    {
      name: "a 500",
      status: 500,
      body: "oops",
      expected: { _tag: "Rejected", retryable: true, cause: "slack chat.postMessage failed with status 500: oops" },
    },
  ] as const;
  for (const c of cases) it(`reads ${c.name}`, () => expect(read(c.status, c.body)).toMatchObject(c.expected));
});

describe("slack: settings", () => {
  it("requires a token and names the key", () => {
    const { config, diagnostics } = decodeConfig({ data: { "service.slack": "username: bot" } });
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      "service.slack: line 1, column 1: the slack service needs a token",
    ]);
    expect(config.services.has("slack")).toBe(false);
  });
  it("adds the missing slash of apiURL, with a warning", () => {
    const d = slackProvider.decodeSettings({ token: "t", apiURL: "https://example.com/api" });
    expect(d.value?.apiURL).toBe("https://example.com/api/");
    expect(d.diagnostics.map((x) => x.severity)).toEqual(["warning"]);
  });
  it("reads apiUrl as apiURL, as Go does", () => {
    expect(slackProvider.decodeSettings({ token: "t", apiUrl: "https://e/" }).value?.apiURL).toBe("https://e/");
  });
});

describe("slack: delivered to a loopback Web API", () => {
  it("keeps the thread in the store, so a restarted process updates the same message", async () => {
    await withLoopback(
      (_, i) => ({ body: JSON.stringify({ ok: true, channel: "C1", ts: `1700000000.00000${i + 1}` }) }),
      async (server) => {
        const config = configOf({ "service.slack": `token: xoxb-1\napiURL: ${server.url}/api/` });
        const store = createMemoryStore();
        const n = notificationTo("slack", "ops", {
          message: "deploying",
          blocks: { slack: { groupingKey: "app", deliveryPolicy: "Update" } },
        });
        const first = await deliver(n, config, fakeIO({ store }));
        expect(first).toEqual({ _tag: "Delivered", attempts: 1, status: 200, messageRef: "1700000000.000001" });
        // a new process: new I/O, gates and provider state, the same store
        const second = await deliver(
          { ...n, content: { ...n.content, message: "deployed" } },
          config,
          fakeIO({ store }),
        );
        expect(second).toMatchObject({ _tag: "Delivered", messageRef: "1700000000.000001" });
        expect(
          server.requests.map((r) =>
            `${r.path} ${form(r.body)["channel"]} ${form(r.body)["ts"] ?? "-"} ${form(r.body)["text"]}`
          ),
        ).toEqual([
          "/api/chat.postMessage ops - deploying",
          "/api/chat.update C1 1700000000.000001 deployed",
        ]);
      },
    );
  });
});

describe("slack: rate limits", () => {
  it("waits out a 429's Retry-After and posts once (the Go engine's loop, bounded by the policy)", async () => {
    const answers = [{ status: 429, headers: { "Retry-After": "3" } }, {
      body: '{"ok":true,"channel":"C1","ts":"9.1"}',
    }];
    await withLoopback((_, i) => answers[i] ?? {}, async (server) => {
      const config = configOf({ "service.slack": `token: xoxb-1\napiURL: ${server.url}/` });
      const io = fakeIO();
      expect(await deliver(notificationTo("slack", "ops", { message: "m" }), config, io)).toEqual({
        _tag: "Delivered",
        attempts: 2,
        status: 200,
        messageRef: "9.1",
      });
      expect(io.sleeps).toEqual([3000]);
      expect(server.requests.length).toBe(2);
    });
  });

  it("spaces a burst by the default rate limit instead of tripping Slack's", async () => {
    await withLoopback(() => ({ body: '{"ok":true}' }), async (server) => {
      const config = configOf({ "service.slack": `token: xoxb-1\napiURL: ${server.url}/` });
      const io = fakeIO();
      const outcomes = await Promise.all(
        Array.from({ length: 25 }, () => deliver(notificationTo("slack", "ops", { message: "m" }), config, io)),
      );
      expect(outcomes.every((o) => o._tag === "Delivered")).toBe(true);
      // a burst of 20, then one a second
      expect(io.sleeps.length).toBe(5);
    });
  });
});
