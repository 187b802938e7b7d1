import { describe, expect, it } from "vitest";
import { connect, type NatsConnection, nkeyAuthenticator, nkeys, type Subscription } from "nats";
import { decodeConfig, formatDiagnostic } from "../../../mod.ts";
import { natsProvider } from "../../../providers/nats/nats.ts";
import { deliver } from "../../../lib/shell/mod.ts";
import { configOf, fakeIO, notificationTo, refusal } from "../../_helpers/delivery.ts";
import { type NatsLoopback, startNats, warmUpNatsClient } from "../../_helpers/nats.ts";

await warmUpNatsClient();

const user = nkeys.createUser();
const seed = new TextDecoder().decode(user.getSeed());
const authorization =
  `authorization: {\n  users: [\n    { user: testuser, password: "nats-SECRET-pass" }\n    { nkey: ${user.getPublicKey()} }\n  ]\n}`;

async function withNats(config: string, body: (server: NatsLoopback) => Promise<void>): Promise<void> {
  const server = await startNats(config);
  try {
    await body(server);
  } finally {
    await server.close();
  }
}

/** Subscribes (as the test's own client) and collects what arrives on `subject`. */
async function subscribe(
  url: string,
  subject: string,
  auth: Parameters<typeof connect>[0] = {},
): Promise<
  { nc: NatsConnection; sub: Subscription; next(): Promise<{ data: string; headers: Record<string, string> }> }
> {
  const nc = await connect({ servers: url, ...auth });
  const sub = nc.subscribe(subject);
  await nc.flush();
  const it = sub[Symbol.asyncIterator]();
  return {
    nc,
    sub,
    async next() {
      const m = (await it.next()).value!;
      const headers: Record<string, string> = {};
      for (const [k, v] of m.headers ?? []) headers[k] = v.join(",");
      return { data: new TextDecoder().decode(m.data), headers };
    },
  };
}

describe("nats", () => {
  it("publishes the message to the recipient's subject with the headers (Go vector 1)", () =>
    withNats("", async (open) => {
      const s = await subscribe(open.url, "test-topic");
      try {
        const config = configOf({ "service.nats": `url: ${open.url}\nheaders:\n  foo: bar\n  X-Trace: abc` });
        const outcome = await deliver(notificationTo("nats", "test-topic", { message: "message" }), config, fakeIO());
        expect(outcome).toMatchObject({ _tag: "Delivered", attempts: 1 });
        expect(await s.next()).toEqual({ data: "message", headers: { foo: "bar", "X-Trace": "abc" } });
      } finally {
        await s.nc.close();
      }
    }));

  it("logs in with username and password, and with an NKey seed (Go vectors 2, 3)", () =>
    withNats(authorization, async (secured) => {
      const s = await subscribe(secured.url, "secure.>", { user: "testuser", pass: "nats-SECRET-pass" });
      try {
        const config = configOf({
          "service.nats": `url: ${secured.url}\nusername: testuser\npassword: nats-SECRET-pass`,
          "service.nats.nk": `url: ${secured.url}\nnkey: ${seed}`,
        });
        expect((await deliver(notificationTo("nats", "secure.a", { message: "one" }), config, fakeIO()))._tag).toBe(
          "Delivered",
        );
        expect(await s.next()).toEqual({ data: "one", headers: {} });
        expect((await deliver(notificationTo("nk", "secure.b", { message: "two" }), config, fakeIO()))._tag).toBe(
          "Delivered",
        );
        expect((await s.next()).data).toBe("two");
      } finally {
        await s.nc.close();
      }
    }));

  it("fails a refused login once, without the password or the seed", () =>
    withNats(authorization, async (secured) => {
      const other = nkeys.createUser();
      const config = configOf({
        "service.nats": `url: ${secured.url}\nusername: testuser\npassword: wrong-SECRET`,
        "service.nats.nk": `url: ${secured.url}\nnkey: ${new TextDecoder().decode(other.getSeed())}`,
      });
      for (const service of ["nats", "nk"]) {
        const outcome = await deliver(notificationTo(service, "secure.a", { message: "m" }), config, fakeIO());
        expect(outcome).toMatchObject({ _tag: "Failed", retryable: false, attempts: 1 });
        expect(outcome._tag === "Failed" && outcome.cause).toMatch(
          new RegExp(
            `^${service}: failed to connect to NATS server: .*(AUTHORIZATION_VIOLATION|Authorization Violation)`,
            "i",
          ),
        );
        expect(JSON.stringify(outcome)).not.toMatch(/wrong-SECRET|SU[A-Z2-7]{50}/);
      }
    }));

  it("retries a server that is down, then gives up as retryable", async () => {
    const down = await startNats();
    await down.close();
    const config = configOf({ "service.nats": `url: ${down.url}` });
    const io = fakeIO();
    const outcome = await deliver(notificationTo("nats", "s", { message: "m" }), config, io);
    expect(outcome).toMatchObject({ _tag: "Failed", retryable: true, attempts: 4 });
    expect(outcome._tag === "Failed" && outcome.cause).toMatch(
      /^nats: failed to connect to NATS server: .*gave up after 4 attempts/,
    );
    expect(io.sleeps).toEqual([500, 1000, 2000]);
  });

  it("refuses an empty subject and reports a seed that is not one", () => {
    expect(refusal(natsProvider, {}, notificationTo("nats", ""))).toBe('recipient "" is not a NATS subject');
    const { diagnostics } = decodeConfig({ data: { "service.nats": "url: nats://h:4222\nnkey: $seed" } }, {
      stringData: { seed: "SUnot-a-seed" },
    });
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      'service.nats: line 2, column 7: "nkey" is not an NKey seed (58 characters starting with "S")',
    ]);
  });

  it("subscribes with the test's own NKey client too (the server really checks the seed)", () =>
    withNats(authorization, async (secured) => {
      const nc = await connect({ servers: secured.url, authenticator: nkeyAuthenticator(user.getSeed()) });
      await nc.close();
    }));
});
