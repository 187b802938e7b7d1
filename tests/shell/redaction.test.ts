/**
 * Secrets never leave: every service configured with secrets from the Secret (and some inline), every failure path
 * provoked against a receiver that echoes the whole request back, and the secret values searched for in everything
 * the library returned or printed — outcomes, diagnostics, console output.
 */
import { describe, expect, it } from "vitest";
import { decodeConfig, formatDiagnostic } from "../../mod.ts";
import { deliver, type DeliveryOutcome } from "../../lib/shell/mod.ts";
import { fakeIO, notificationTo } from "../_helpers/delivery.ts";
import { type Reply, withLoopback } from "../_helpers/loopback.ts";

const secrets = {
  "slack-token": "xoxb-1111-SLACKSECRET",
  "slack-signing": "signing-SECRET-8f7e",
  "hook-token": "hook-bearer-SECRET-77",
  "hook-pass": "hook-pass-SECRET-42",
  "mm-token": "mattermost-SECRET-token",
  "rc-pass": "rocket-SECRET-password",
  "teams-url-path": "IncomingWebhook/SECRET-teams-path",
  "flow-sig": "SECRETsig0123456789",
  "chat-key": "AIzaSECRETchatkey",
  "tg-token": "123456:AAH-telegram-SECRET",
  "webex-token": "webex-SECRET-token-99",
  "pushover-token": "azGDORePK8gMaC0QOYAMyEEuzSECRE",
} as const;
const values = Object.values(secrets);

/** The webhook's basic-auth header value carries its password in base64. */
const basic = btoa(`u:${secrets["hook-pass"]}`);

/** Every secret, in the forms it could take in a text. */
function leaks(text: string): string[] {
  return [
    ...values.filter((v) => text.includes(v) || text.includes(encodeURIComponent(v))),
    ...(text.includes(basic) ? [basic] : []),
  ];
}

function configFor(url: string) {
  return decodeConfig({
    data: {
      "service.slack": `token: $slack-token\nsigningSecret: $slack-signing\napiURL: ${url}/api/`,
      "service.webhook.hook":
        `url: ${url}/hook\nheaders:\n- name: Authorization\n  value: Bearer $hook-token\nbasicAuth:\n  username: u\n  password: $hook-pass`,
      "service.mattermost": `apiURL: ${url}\ntoken: $mm-token`,
      "service.rocketchat": `serverUrl: ${url}\nemail: bot@example.com\npassword: $rc-pass`,
      "service.teams": `recipientUrls:\n  ops: ${url}/$teams-url-path`,
      "service.teams-workflows": `recipientUrls:\n  ops: ${url}/powerautomate/x?sig=$flow-sig`,
      "service.googlechat": `webhooks:\n  ops: ${url}/v1/spaces/A/messages?key=$chat-key`,
      "service.telegram": `token: $tg-token\napiURL: ${url}`,
      "service.webex": `token: $webex-token\napiURL: ${url}`,
      "service.pushover": `token: $pushover-token\napiURL: ${url}/1`,
      "service.console": "",
    },
  }, { stringData: secrets });
}

/** Every notification: its message names a secret too, as a template reading `.secrets` could. */
const notifications = [
  notificationTo("slack", "ops", { message: `token ${secrets["slack-token"]}` }),
  notificationTo("hook", "", {
    blocks: { webhook: { hook: { method: "POST", body: `{"t":"${secrets["hook-pass"]}"}`, path: "" } } },
  }),
  notificationTo("mattermost", "ch", { message: secrets["mm-token"] }),
  notificationTo("rocketchat", "#ops", { message: "m" }),
  notificationTo("teams", "ops", { message: "m" }),
  notificationTo("teams-workflows", "ops", { message: "m" }),
  notificationTo("googlechat", "ops", { message: "m" }),
  notificationTo("telegram", "-100", { message: "m" }),
  notificationTo("webex", "room", { message: "m" }),
  notificationTo("pushover", "uQiRzpo4DXghDmr9QzzfQu27cmVRsG", { message: "m" }),
  notificationTo("console", "", { message: `the token is ${secrets["webex-token"]}` }),
  notificationTo("teams", "nobody", { message: "m" }),
];

/** The receiver echoes everything it got: path, query, headers and body. */
const echo = (status: number) => (r: { path: string; query: string; headers: unknown; body: string }): Reply => ({
  status,
  body: JSON.stringify(r),
});

const paths: readonly {
  readonly name: string;
  readonly reply: (r: never) => Reply;
  readonly delivery?: string;
  readonly failed: number;
}[] = [
  { name: "a 500 that echoes the request", reply: echo(500), failed: 11 },
  { name: "a 400 that echoes the request", reply: echo(400), failed: 11 },
  // slack (no ok: false), webhook, mattermost, teams-workflows, googlechat and webex take this 200 as delivered
  { name: "a 200 that echoes the request (not the answer the service expects)", reply: echo(200), failed: 5 },
  { name: "a receiver that never answers", reply: () => ({ hang: true }), delivery: "timeout: 100ms", failed: 11 },
  { name: "a reset connection", reply: () => ({ reset: true }), failed: 11 },
];

describe("redaction", () => {
  for (const p of paths) {
    it(`shows no secret after ${p.name}`, async () => {
      await withLoopback(p.reply as never, async (server) => {
        const { config, diagnostics } = configFor(server.url);
        expect(diagnostics.map(formatDiagnostic)).toEqual([]);
        const io = fakeIO();
        const outcomes: DeliveryOutcome[] = [];
        for (const n of notifications) outcomes.push(await deliver(n, withPolicy(config, p.delivery), io));
        expect(outcomes.filter((o) => o._tag === "Failed").length).toBe(p.failed);
        expect(server.requests.length).toBeGreaterThan(0);
        const everything = JSON.stringify({ outcomes, printed: io.printed });
        expect(leaks(everything)).toEqual([]);
        expect(io.printed).toEqual(["message: the token is ***\n"]);
      });
    });
  }

  it("shows no secret after a refused connection", async () => {
    let url = "";
    // deno-lint-ignore require-await -- withLoopback takes an async body
    await withLoopback(() => ({}), async (server) => void (url = server.url));
    const { config } = configFor(url);
    const outcomes = [];
    for (const n of notifications) outcomes.push(await deliver(n, config, fakeIO()));
    expect(outcomes.filter((o) => o._tag === "Failed").length).toBe(notifications.length - 1);
    expect(leaks(JSON.stringify(outcomes))).toEqual([]);
  });

  it("shows no secret in the diagnostics of broken settings", () => {
    const { diagnostics } = decodeConfig({
      data: {
        "service.slack": "token: [$slack-token]\napiURL: $slack-signing",
        "service.webhook.hook": "url: $hook-pass\nheaders: $hook-token",
        "service.teams": "recipientUrls:\n  ops: $teams-url-path\n  $chat-key: x",
        "service.pushover": "token: $tg-token",
      },
    }, { stringData: secrets });
    expect(diagnostics.length).toBeGreaterThanOrEqual(4);
    expect(leaks(JSON.stringify(diagnostics) + diagnostics.map(formatDiagnostic).join("\n"))).toEqual([]);
  });
});

/** The configuration with one more `delivery:` line for every service (a short timeout). */
function withPolicy(config: ReturnType<typeof configFor>["config"], delivery: string | undefined) {
  if (delivery === undefined) return config;
  const services = new Map([...config.services].map(([name, s]) => {
    const d = s.serviceType.decodeSettings({
      ...s.settings,
      delivery: { timeout: delivery.split(": ")[1], maxAttempts: 1 },
    });
    return [name, { ...s, decoded: d.value }] as const;
  }));
  return { ...config, services };
}
