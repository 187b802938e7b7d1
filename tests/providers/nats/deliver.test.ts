import { describe, expect, it } from "vitest";
import { deliver } from "../../../lib/shell/mod.ts";
import { configOf, fakeIO, notificationTo } from "../../_helpers/delivery.ts";
import { fakeInfo, type ScriptedPeer, startScriptedNats, warmUpNatsClient, watchUncaught } from "../../_helpers/nats.ts";

await warmUpNatsClient();

const refusal = "-ERR 'Authorization Violation'\r\n";
const loggedIn = async (p: ScriptedPeer): Promise<void> => (await p.send(fakeInfo), await p.line("PING"), await p.send("PONG\r\n"));

/** What the server does, and the failure it must come to: retryable or not, and the cause after the service name. */
const rows: { server: string; script(peer: ScriptedPeer): Promise<void>; retryable: boolean; cause: RegExp }[] = [
  { server: "closes the connection before its INFO", script: async (p) => p.end(), retryable: true, cause: /^failed to connect to NATS server: CONNECTION_REFUSED/ },
  { server: "resets the connection before its INFO", script: async (p) => p.reset(), retryable: true, cause: /^failed to connect to NATS server: .*ECONNRESET/ },
  { server: "resets right after its INFO", script: async (p) => (await p.send(fakeInfo), p.reset()), retryable: true, cause: /^failed to connect to NATS server: .*ECONNRESET/ },
  { server: "resets once the client sent CONNECT", script: async (p) => (await p.send(fakeInfo), await p.line("CONNECT"), p.reset()), retryable: true, cause: /^failed to connect to NATS server: .*ECONNRESET/ },
  { server: "refuses the login and closes", script: async (p) => (await p.send(fakeInfo), await p.line("PING"), await p.send(refusal), p.end()), retryable: false, cause: /^failed to connect to NATS server: 'Authorization Violation' \(AUTHORIZATION_VIOLATION\)/ },
  { server: "refuses the login and resets", script: async (p) => (await p.send(fakeInfo), await p.line("PING"), await p.send(refusal), p.reset()), retryable: false, cause: /^failed to connect to NATS server: 'Authorization Violation' \(AUTHORIZATION_VIOLATION\)/ },
  { server: "takes the login, then resets on the message", script: async (p) => (await loggedIn(p), await p.line("PUB"), p.reset()), retryable: true, cause: /^failed to publish message to NATS: .*ECONNRESET/ },
  { server: "takes the login, then closes on the message", script: async (p) => (await loggedIn(p), await p.line("PUB"), p.end()), retryable: true, cause: /^failed to publish message to NATS: the server closed the connection before answering the flush/ },
  { server: "never sends its INFO", script: async () => undefined, retryable: true, cause: /^failed to connect to NATS server: TIMEOUT/ },
  { server: "takes the login, then never answers the flush", script: loggedIn, retryable: true, cause: /^failed to publish message to NATS: no answer to the flush within 300 ms/ },
];

describe("nats delivery against a server that misbehaves", () => {
  for (const row of rows) {
    it(`fails, and throws nothing uncaught, when the server ${row.server}`, async () => {
      const server = await startScriptedNats(row.script);
      const uncaught = watchUncaught();
      try {
        const config = configOf({ "service.nats": `url: ${server.url}\ndelivery:\n  timeout: 300ms\n  maxAttempts: 1` });
        const outcome = await deliver(notificationTo("nats", "s", { message: "m" }), config, fakeIO());
        expect(outcome).toMatchObject({ _tag: "Failed", retryable: row.retryable, attempts: 1 });
        expect(outcome._tag === "Failed" && outcome.cause.replace(/^nats: /, "")).toMatch(row.cause);
        expect(server.accepted()).toBe(1);
        // a socket's late error comes once the connection is gone on both ends
        await server.close();
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect(uncaught.errors).toEqual([]);
      } finally {
        uncaught.stop();
        await server.close();
      }
    });
  }
});
