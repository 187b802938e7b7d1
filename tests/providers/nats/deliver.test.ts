import { describe, expect, it } from "vitest";
import { deliver } from "../../../lib/shell/mod.ts";
import { configOf, fakeIO, notificationTo } from "../../_helpers/delivery.ts";
import { generateClusterPki } from "../../_helpers/cluster-certs.ts";
import {
  fakeInfo,
  type ScriptedPeer,
  startNats,
  startScriptedNats,
  warmUpNatsClient,
  watchUncaught,
} from "../../_helpers/nats.ts";

await warmUpNatsClient();

const refusal = "-ERR 'Authorization Violation'\r\n";
const info = (p: ScriptedPeer): Promise<void> => p.send(fakeInfo);
const refuse = async (p: ScriptedPeer): Promise<void> => (await info(p), await p.line("PING"), await p.send(refusal));
const admit = async (p: ScriptedPeer): Promise<void> => (await info(p), await p.line("PING"), await p.send("PONG\r\n"));
const connecting = /^failed to connect to NATS server: /;
const publishing = /^failed to publish message to NATS: /;

/** What the server does, and the failure it must come to: retryable or not, and the cause after the service name. */
const rows: {
  server: string;
  script(peer: ScriptedPeer): Promise<void>;
  retryable: boolean;
  cause: [RegExp, RegExp];
}[] = [
  {
    server: "closes the connection before its INFO",
    // deno-lint-ignore require-await -- a script is async
    script: async (p) => p.end(),
    retryable: true,
    cause: [connecting, /CONNECTION_REFUSED/],
  },
  {
    server: "resets the connection before its INFO",
    // deno-lint-ignore require-await -- a script is async
    script: async (p) => p.reset(),
    retryable: true,
    cause: [connecting, /ECONNRESET/],
  },
  {
    server: "resets right after its INFO",
    script: async (p) => (await info(p), p.reset()),
    retryable: true,
    cause: [connecting, /ECONNRESET/],
  },
  {
    server: "resets once the client sent CONNECT",
    script: async (p) => (await info(p), await p.line("CONNECT"), p.reset()),
    retryable: true,
    cause: [connecting, /ECONNRESET/],
  },
  {
    server: "refuses the login and closes",
    script: async (p) => (await refuse(p), p.end()),
    retryable: false,
    cause: [connecting, /'Authorization Violation'/],
  },
  {
    server: "refuses the login and resets",
    script: async (p) => (await refuse(p), p.reset()),
    retryable: false,
    cause: [connecting, /'Authorization Violation'/],
  },
  {
    server: "takes the login, then resets on the message",
    script: async (p) => (await admit(p), await p.line("PUB"), p.reset()),
    retryable: true,
    cause: [publishing, /ECONNRESET/],
  },
  {
    server: "takes the login, then closes on the message",
    script: async (p) => (await admit(p), await p.line("PUB"), p.end()),
    retryable: true,
    cause: [publishing, /the server closed the connection before answering the flush/],
  },
  // deno-lint-ignore require-await -- a script is async
  { server: "never sends its INFO", script: async () => undefined, retryable: true, cause: [connecting, /TIMEOUT/] },
  {
    server: "takes the login, then never answers the flush",
    script: admit,
    retryable: true,
    cause: [publishing, /no answer to the flush within 300 ms/],
  },
];

describe("nats delivery against a server that misbehaves", () => {
  for (const row of rows) {
    it(`fails, and throws nothing uncaught, when the server ${row.server}`, async () => {
      const server = await startScriptedNats(row.script);
      const uncaught = watchUncaught();
      try {
        const config = configOf({
          "service.nats": `url: ${server.url}\ndelivery:\n  timeout: 300ms\n  maxAttempts: 1`,
        });
        const outcome = await deliver(notificationTo("nats", "s", { message: "m" }), config, fakeIO());
        expect(outcome).toMatchObject({ _tag: "Failed", retryable: row.retryable, attempts: 1 });
        const cause = outcome._tag === "Failed" ? outcome.cause.replace(/^nats: /, "") : "";
        expect(cause).toMatch(row.cause[0]);
        expect(cause).toMatch(row.cause[1]);
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

  // the Deno transport's TLS upgrade: reaching the certificate check shows it happened (the product has no CA setting)
  it("upgrades to TLS when the server requires it, and refuses a certificate it cannot verify", async () => {
    const server = await startNats("", { tls: (await generateClusterPki()).serving });
    const uncaught = watchUncaught();
    try {
      const config = configOf({ "service.nats": `url: ${server.url}\ndelivery:\n  maxAttempts: 1` });
      const outcome = await deliver(notificationTo("nats", "s", { message: "m" }), config, fakeIO());
      expect(outcome).toMatchObject({ _tag: "Failed", retryable: false, attempts: 1 });
      expect(outcome._tag === "Failed" && outcome.cause).toMatch(
        /^nats: failed to connect to NATS server: (invalid peer certificate: UnknownIssuer|unable to verify the first certificate)/,
      );
      expect(uncaught.errors).toEqual([]);
    } finally {
      uncaught.stop();
      await server.close();
    }
  });
});
