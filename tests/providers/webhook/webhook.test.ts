import { describe, expect, it } from "vitest";
import { decodeConfig, evaluate, formatDiagnostic } from "../../../mod.ts";
import { webhookProvider } from "../../../providers/webhook/webhook.ts";
import { deliver } from "../../../lib/shell/mod.ts";
import { configOf, fakeIO, notificationTo } from "../../_helpers/delivery.ts";
import { withLoopback } from "../../_helpers/loopback.ts";

const settings = (url: string): string =>
  `url: ${url}\nheaders:\n  - name: testHeader\n    value: testHeaderValue\nbasicAuth:\n  username: testUsername\n  password: testPassword\n`;

describe("webhook", () => {
  it("sends the named entry's method and body with the headers and basic auth (Go vector 1)", async () => {
    await withLoopback(() => ({}), async (server) => {
      const config = configOf({ "service.webhook.test": settings(server.url) });
      const n = notificationTo("test", "", {
        blocks: { webhook: { test: { method: "POST", body: "hello world", path: "" } } },
      });
      expect(await deliver(n, config, fakeIO())).toEqual({ _tag: "Delivered", attempts: 1, status: 200 });
      expect(server.requests).toMatchObject([{
        method: "POST",
        path: "/",
        body: "hello world",
        headers: { testheader: "testHeaderValue", authorization: "Basic dGVzdFVzZXJuYW1lOnRlc3RQYXNzd29yZA==" },
      }]);
    });
  });

  it("sends a GET without a body when the notification has no entry and no message (Go vector 2)", async () => {
    await withLoopback(() => ({}), async (server) => {
      const config = configOf({ "service.webhook.test": settings(server.url) });
      expect(await deliver(notificationTo("test", ""), config, fakeIO())).toMatchObject({ _tag: "Delivered" });
      expect(server.requests).toMatchObject([{ method: "GET", body: "", headers: { testheader: "testHeaderValue" } }]);
      expect(server.requests[0]?.headers["content-type"]).toBeUndefined();
    });
  });

  it("appends the entry's path to the URL's path (Go vector 3)", async () => {
    await withLoopback(() => ({}), async (server) => {
      const config = configOf({ "service.webhook.test": `url: ${server.url}/subpath1/` });
      const entry = (path: string) =>
        notificationTo("test", "", { blocks: { webhook: { test: { method: "POST", body: "", path } } } });
      await deliver(entry(""), config, fakeIO());
      await deliver(entry("//subpath2"), config, fakeIO());
      expect(server.requests.map((r) => r.path)).toEqual(["/subpath1/", "/subpath1/subpath2"]);
    });
  });

  it("renders method, body and path from the template, for the entry of its own name only (Go vector 4)", () => {
    const { config, diagnostics } = decodeConfig({
      data: {
        "trigger.t": "- when: 'true'\n  send: [m]",
        "template.m":
          "webhook:\n  github:\n    method: POST\n    body: '{{.foo}}'\n    path: '{{.bar}}'\n  other:\n    body: x\n",
        "service.webhook.github": "url: https://example.com/api",
      },
    });
    expect(diagnostics).toEqual([]);
    const [n] =
      evaluate({ metadata: { annotations: { "notifications.argoproj.io/subscribe.t.github": "" } } }, config, {
        now: 0,
        vars: { foo: "hello", bar: "world" },
      }).notifications;
    const prepared = webhookProvider.prepare(n!, config.services.get("github")!.decoded as never, { now: 0 });
    expect(prepared).toMatchObject({
      _tag: "Right",
      right: { request: { method: "POST", url: "https://example.com/api/world", body: "hello", headers: {} } },
    });
  });

  it("gives up after retryMax + 1 attempts of 5xx, waiting as the policy says (Go vector 5)", async () => {
    await withLoopback((_, i) => ({ status: i < 4 ? 500 : 200 }), async (server) => {
      const config = configOf({ "service.webhook.test": `url: ${server.url}` });
      const io = fakeIO();
      const outcome = await deliver(notificationTo("test", "", { message: "m" }), config, io);
      expect(outcome).toMatchObject({ _tag: "Failed", retryable: true, status: 500, attempts: 4 });
      expect(outcome._tag === "Failed" && outcome.cause).toContain("gave up after 4 attempts");
      expect(server.requests.length).toBe(4);
      // as in Go, the message goes as the body of a GET (fetch cannot send that; node:http does)
      expect(server.requests[0]).toMatchObject({ method: "GET", body: "m" });
      // full jitter at random 0.5 over 1s, 2s, 4s (Go waits the whole 1s, 2s, 4s)
      expect(io.sleeps).toEqual([500, 1000, 2000]);
    });
  });

  it("reads Go's retry settings: nanoseconds, a duration string, a negative retryMax", () => {
    const decoded = webhookProvider.decodeSettings({
      url: "https://x",
      retryWaitMin: 2_000_000_000,
      retryWaitMax: "3s",
      retryMax: -1,
    });
    expect(decoded.diagnostics).toEqual([]);
    expect(decoded.value?.delivery).toMatchObject({ retryWaitMinMs: 2000, retryWaitMaxMs: 3000, maxAttempts: 1 });
  });

  it("lets the delivery setting win over Go's retry settings", () => {
    const decoded = webhookProvider.decodeSettings({ url: "https://x", retryMax: 9, delivery: { maxAttempts: 2 } });
    expect(decoded.value?.delivery.maxAttempts).toBe(2);
  });

  const problems = [
    {
      name: "no url",
      source: "headers: []",
      expected: ["service.webhook.hook: line 1, column 1: the webhook needs a url"],
    },
    {
      name: "a url that is not absolute",
      source: "url: /hook",
      expected: ['service.webhook.hook: line 1, column 6: "url" is not an absolute URL'],
    },
    {
      name: "headers of the wrong type",
      source: "url: https://x\nheaders: {a: b}",
      expected: [
        'service.webhook.hook: line 2, column 10: "headers" must be a list of headers (name and value), not a map',
      ],
    },
    {
      name: "a retry wait that is not a duration",
      source: "url: https://x\nretryWaitMin: soon",
      expected: [
        'service.webhook.hook: line 2, column 15: "retryWaitMin" must be a whole number of nanoseconds or a duration such as 1s, not a string',
      ],
    },
  ] as const;
  for (const p of problems) {
    it(`reports ${p.name} at its key and line, and leaves the service out`, () => {
      const { config, diagnostics } = decodeConfig({ data: { "service.webhook.hook": p.source } });
      expect(diagnostics.map(formatDiagnostic)).toEqual(p.expected);
      expect(config.services.has("hook")).toBe(false);
    });
  }

  it("matches setting names without regard to case, as Go does, and warns about unknown ones", () => {
    const { config, diagnostics } = decodeConfig({
      data: { "service.webhook.hook": "URL: https://x\nBasicAuth:\n  UserName: u\nretries: 2" },
    });
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      'service.webhook.hook: line 4, column 1: "retries" is not a setting of the webhook service; it is ignored',
    ]);
    expect(config.services.get("hook")?.decoded).toMatchObject({
      url: "https://x",
      basicAuth: { username: "u", password: "" },
    });
  });
});

describe("webhook: TLS settings", () => {
  it("warns that insecureSkipVerify is not applied, and keeps the service", () => {
    const { config, diagnostics } = decodeConfig({
      data: { "service.webhook.hook": "url: https://x\ninsecureSkipVerify: true" },
    });
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      "service.webhook.hook: line 2, column 21: insecureSkipVerify is not supported: TLS certificates are verified (trust a private CA with NODE_EXTRA_CA_CERTS or DENO_CERT)",
    ]);
    expect(config.services.has("hook")).toBe(true);
  });
});

describe("webhook: HMAC signatures (ours)", () => {
  it("signs the body with the secret in X-Hub-Signature-256, checked by node:crypto on the receiving side", async () => {
    const { createHmac } = await import("node:crypto");
    await withLoopback(() => ({}), async (server) => {
      const config = configOf({
        "service.webhook.signed": `url: ${server.url}\nsignature:\n  secret: hook-SECRET`,
        "service.webhook.flux":
          `url: ${server.url}\nsignature:\n  secret: hook-SECRET\n  header: X-Signature\n  algorithm: sha512`,
      });
      const body = '{"app":"guestbook"}';
      for (const name of ["signed", "flux"]) {
        const n = notificationTo(name, "", { blocks: { webhook: { [name]: { method: "POST", body, path: "" } } } });
        expect((await deliver(n, config, fakeIO()))._tag).toBe("Delivered");
      }
      expect(server.requests[0]!.headers["x-hub-signature-256"]).toBe(
        `sha256=${createHmac("sha256", "hook-SECRET").update(body).digest("hex")}`,
      );
      expect(server.requests[1]!.headers["x-signature"]).toBe(
        `sha512=${createHmac("sha512", "hook-SECRET").update(body).digest("hex")}`,
      );
    });
  });

  it("reports a signature without a secret or with an unknown algorithm", () => {
    const { diagnostics } = decodeConfig({
      data: { "service.webhook.a": "url: https://x\nsignature:\n  algorithm: md5" },
    });
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      "service.webhook.a: line 3, column 3: a signature needs a secret",
      'service.webhook.a: line 3, column 14: "signature.algorithm" must be sha1, sha256 or sha512, not "md5"',
    ]);
  });
});
