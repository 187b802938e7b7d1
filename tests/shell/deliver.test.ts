import { describe, expect, it } from "vitest";
import { deliver, type DeliveryOutcome } from "../../lib/shell/mod.ts";
import { configOf, fakeIO, notificationTo } from "../_helpers/delivery.ts";
import { startGarbage, withLoopback } from "../_helpers/loopback.ts";

/** A webhook service at `url` with this `delivery:` policy. */
const hook = (url: string, delivery = ""): Record<string, string> => ({
  "service.webhook.hook": `url: ${url}\n${
    delivery === "" ? "" : `delivery:\n${delivery.split("\n").map((l) => `  ${l}`).join("\n")}\n`
  }`,
});
const post = notificationTo("hook", "", { blocks: { webhook: { hook: { method: "POST", body: "{}", path: "/x" } } } });
const cause = (o: DeliveryOutcome): string => (o._tag === "Failed" ? o.cause : "");

describe("deliver(): the delivery policy", () => {
  it("waits as long as a 429's Retry-After says (seconds), on the injected clock", async () => {
    await withLoopback((_, i) => (i === 0 ? { status: 429, headers: { "Retry-After": "7" } } : {}), async (server) => {
      const io = fakeIO();
      expect(await deliver(post, configOf(hook(server.url)), io)).toEqual({
        _tag: "Delivered",
        attempts: 2,
        status: 200,
      });
      expect(io.sleeps).toEqual([7000]);
    });
  });

  it("waits until a Retry-After date", async () => {
    const io = fakeIO();
    const at = new Date(io.now() + 12_000).toUTCString();
    await withLoopback((_, i) => (i === 0 ? { status: 503, headers: { "Retry-After": at } } : {}), async (server) => {
      expect(await deliver(post, configOf(hook(server.url)), io)).toMatchObject({ _tag: "Delivered", attempts: 2 });
      expect(io.sleeps).toEqual([12_000]);
    });
  });

  it("stops at once when Retry-After asks for longer than maxRetryAfter, as a retryable failure", async () => {
    await withLoopback(() => ({ status: 429, headers: { "Retry-After": "3600" } }), async (server) => {
      const io = fakeIO();
      const outcome = await deliver(post, configOf(hook(server.url, "maxRetryAfter: 1m")), io);
      expect(outcome).toMatchObject({ _tag: "Failed", retryable: true, status: 429, attempts: 1 });
      expect(cause(outcome)).toContain("the service asks to wait 3600s, longer than the 60s allowed");
      expect(io.sleeps).toEqual([]);
    });
  });

  it("delivers once after two 503s", async () => {
    await withLoopback((_, i) => ({ status: i < 2 ? 503 : 200 }), async (server) => {
      const io = fakeIO();
      expect(await deliver(post, configOf(hook(server.url)), io)).toEqual({
        _tag: "Delivered",
        attempts: 3,
        status: 200,
      });
      expect(server.requests.length).toBe(3);
      expect(io.sleeps).toEqual([500, 1000]);
    });
  });

  it("does not retry a 400", async () => {
    await withLoopback(() => ({ status: 400, body: "missing field" }), async (server) => {
      const outcome = await deliver(post, configOf(hook(server.url)), fakeIO());
      expect(outcome).toEqual({
        _tag: "Failed",
        retryable: false,
        attempts: 1,
        status: 400,
        cause: `hook: POST ${server.url}/x failed with status 400: missing field`,
      });
      expect(server.requests.length).toBe(1);
    });
  });

  it("times out a server that never answers", async () => {
    await withLoopback(() => ({ hang: true }), async (server) => {
      const outcome = await deliver(post, configOf(hook(server.url, "timeout: 200ms\nmaxAttempts: 2")), fakeIO());
      expect(outcome).toMatchObject({ _tag: "Failed", retryable: true, attempts: 2 });
      expect(cause(outcome)).toContain("no response within 200 ms");
    });
  });

  it("times out a body that never ends", async () => {
    await withLoopback(() => ({ trickle: true }), async (server) => {
      const config = configOf(hook(server.url, "timeout: 300ms\nmaxAttempts: 1"));
      const outcome = await deliver(post, config, fakeIO());
      expect(outcome).toMatchObject({ _tag: "Failed", retryable: true, attempts: 1 });
    });
  });

  it("stops retrying at the deadline", async () => {
    await withLoopback(() => ({ status: 500 }), async (server) => {
      const io = fakeIO();
      const outcome = await deliver(
        post,
        configOf(hook(server.url, "deadline: 2s\nmaxAttempts: 10\nretryWaitMin: 1s")),
        io,
      );
      expect(outcome).toMatchObject({ _tag: "Failed", retryable: true });
      expect(cause(outcome)).toContain("a retry would pass the deadline of 2s");
      expect(io.sleeps).toEqual([500, 1000]);
    });
  });

  it("holds the concurrency limit under 100 parallel notifications, and delivers them all", async () => {
    await withLoopback(() => ({ delayMs: 5 }), async (server) => {
      const config = configOf(hook(server.url, "concurrency: 4"));
      const io = fakeIO();
      const outcomes = await Promise.all(Array.from({ length: 100 }, () => deliver(post, config, io)));
      expect(outcomes.filter((o) => o._tag === "Delivered").length).toBe(100);
      expect(server.requests.length).toBe(100);
      expect(server.maxInFlight()).toBeLessThanOrEqual(4);
      expect(server.maxInFlight()).toBeGreaterThan(1);
    });
  });

  it("spaces requests by the rate limit (a token bucket)", async () => {
    await withLoopback(() => ({}), async (server) => {
      const config = configOf(hook(server.url, "rate:\n  perSecond: 10\n  burst: 2"));
      const io = fakeIO();
      for (let i = 0; i < 6; i++) expect(await deliver(post, config, io)).toMatchObject({ _tag: "Delivered" });
      // two from the burst, then one every 100 ms on the injected clock
      expect(io.sleeps).toEqual([100, 100, 100, 100]);
    });
  });

  it("pauses the service's other requests after a 429", async () => {
    await withLoopback((_, i) => (i === 0 ? { status: 429, headers: { "Retry-After": "5" } } : {}), async (server) => {
      const config = configOf(hook(server.url));
      const io = fakeIO();
      await deliver(post, config, io);
      const before = io.sleeps.length;
      expect(await deliver(post, config, io)).toMatchObject({ _tag: "Delivered", attempts: 1 });
      expect(io.sleeps.slice(before)).toEqual([]);
      expect(io.sleeps).toEqual([5000]);
    });
  });
});

describe("deliver(): receivers that misbehave", () => {
  it("fails clearly on a receiver that answers garbage", async () => {
    const garbage = await startGarbage("this is not HTTP\r\n\r\n");
    try {
      const outcome = await deliver(post, configOf(hook(garbage.url, "maxAttempts: 2")), fakeIO());
      expect(outcome).toMatchObject({ _tag: "Failed", retryable: true, attempts: 2 });
      expect(cause(outcome)).toMatch(/^hook: the connection failed: /);
    } finally {
      await garbage.close();
    }
  });

  it("fails without retrying on a redirect loop", async () => {
    await withLoopback(() => ({ status: 302, headers: { Location: "/x" } }), async (server) => {
      const outcome = await deliver(post, configOf(hook(server.url)), fakeIO());
      expect(outcome).toMatchObject({ _tag: "Failed", retryable: false, attempts: 1 });
      expect(cause(outcome)).toContain("too many redirects");
    });
  });

  it("fails without retrying on a 20 MB body", async () => {
    await withLoopback(() => ({ bytes: 20 << 20 }), async (server) => {
      const outcome = await deliver(post, configOf(hook(server.url)), fakeIO());
      expect(outcome).toMatchObject({ _tag: "Failed", retryable: false, attempts: 1 });
      expect(cause(outcome)).toContain("the response is larger than 1048576 bytes");
    });
  });

  it("retries a reset connection", async () => {
    await withLoopback((_, i) => (i === 0 ? { reset: true } : {}), async (server) => {
      expect(await deliver(post, configOf(hook(server.url)), fakeIO())).toMatchObject({
        _tag: "Delivered",
        attempts: 2,
      });
    });
  });

  it("fails on a connection refused, after the attempts", async () => {
    let url = "";
    // deno-lint-ignore require-await -- withLoopback takes an async body
    await withLoopback(() => ({}), async (server) => {
      url = server.url;
    });
    const outcome = await deliver(post, configOf(hook(url, "maxAttempts: 2")), fakeIO());
    expect(outcome).toMatchObject({ _tag: "Failed", retryable: true, attempts: 2 });
    expect(cause(outcome)).toMatch(/ECONNREFUSED|refused/i);
  });
});

describe("deliver(): what cannot be delivered", () => {
  it("fails for a service that is not configured", async () => {
    expect(await deliver(notificationTo("nope", "x"), configOf({}), fakeIO())).toEqual({
      _tag: "Failed",
      retryable: false,
      attempts: 0,
      cause: "nope: the service is not configured",
    });
  });

  it("fails a notification its service refuses to prepare, naming service and recipient, with no attempt", async () => {
    const config = configOf({ "service.email": "host: smtp.example.com\nport: 587\nfrom: a@example.com" });
    expect(await deliver(notificationTo("email", "ops", { message: "m" }), config, fakeIO())).toEqual({
      _tag: "Failed",
      retryable: false,
      attempts: 0,
      cause: 'email: recipient "ops": "ops" is not an e-mail address',
    });
  });

  it("never rejects when the store fails, and says so", async () => {
    const config = configOf({ "service.slack": "token: xoxb-1\napiURL: http://127.0.0.1:1/" });
    const store = { get: () => Promise.reject(new Error("disk full")), set: () => Promise.resolve() };
    const n = notificationTo("slack", "c", { message: "m", blocks: { slack: { groupingKey: "g" } } });
    expect(await deliver(n, config, fakeIO({ store }))).toMatchObject({
      _tag: "Failed",
      retryable: true,
      cause: "slack: the message store failed: disk full",
    });
  });
});

describe("deliver(): the console", () => {
  it("prints the notification as YAML, secrets redacted", async () => {
    const config = configOf({ "service.console": "" }, { stringData: { token: "s3cr3t-value" } });
    const io = fakeIO();
    const n = notificationTo("console", "", {
      message: "token is s3cr3t-value",
      blocks: { slack: { username: "bot" } },
    });
    expect(await deliver(n, config, io)).toEqual({ _tag: "Delivered", attempts: 0, status: 0 });
    expect(io.printed).toEqual(["message: token is ***\nslack:\n  username: bot\n"]);
  });
});
