import { describe, expect, it } from "vitest";
import { decodeConfig, formatDiagnostic } from "../../../mod.ts";
import { emailProvider } from "../../../providers/email/email.ts";
import { deliverSmtp } from "../../../providers/email/deliver.ts";
import { deliver, type DeliveryIO } from "../../../lib/shell/mod.ts";
import { configOf, fakeIO, notificationTo, prepareWith, refusal } from "../../_helpers/delivery.ts";
import { type SmtpLoopback, type SmtpServerSetup, startSmtp } from "../../_helpers/smtp.ts";

async function withSmtp<T>(setup: SmtpServerSetup, body: (server: SmtpLoopback) => Promise<T>): Promise<T> {
  const server = await startSmtp(setup);
  try {
    return await body(server);
  } finally {
    await server.close();
  }
}

/** I/O whose SMTP transport trusts the test CA (as a host trusts a private mail server's CA). */
function ioTrusting(ca: string, overrides: Partial<DeliveryIO> = {}): DeliveryIO & { sleeps: number[] } {
  return fakeIO({ smtp: (d, o) => deliverSmtp(d, { ...o, ca: [ca] }), ...overrides });
}

const user = { name: "argocd", pass: "smtp-SECRET-pass" };
const settings = (port: number, extra = ""): string =>
  `host: 127.0.0.1\nport: ${port}\nfrom: Argo CD <argocd@example.com>\nusername: argocd\npassword: ${user.pass}\n${extra}`;

describe("email", () => {
  it("sends subject and body over STARTTLS with AUTH to every recipient in one To header (Go vectors: recipients trimmed)", async () => {
    await withSmtp({ user }, async (server) => {
      const config = configOf({ "service.email": settings(server.port) });
      const n = notificationTo("email", " a@example.com  , b@example.com,c@example.com", {
        message: "not sent",
        blocks: { email: { subject: "Application guestbook has been synced", body: "Sync of guestbook succeeded ✓" } },
      }, "state-key-1");
      const outcome = await deliver(n, config, ioTrusting(server.ca));
      expect(outcome).toMatchObject({ _tag: "Delivered", attempts: 1 });
      expect(server.received.length).toBe(1);
      const [m] = server.received;
      expect(m).toMatchObject({
        from: "argocd@example.com",
        to: ["a@example.com", "b@example.com", "c@example.com"],
        secure: true,
        user: "argocd",
      });
      expect(m!.parsed.subject).toBe("Application guestbook has been synced");
      expect(m!.parsed.text?.trimEnd()).toBe("Sync of guestbook succeeded ✓");
      expect(m!.parsed.html).toBe(false);
      expect(m!.parsed.headers.get("to")).toMatchObject({
        value: [{ address: "a@example.com" }, { address: "b@example.com" }, { address: "c@example.com" }],
      });
      expect(m!.parsed.headers.get("cc")).toBeUndefined();
      expect(m!.parsed.date?.toISOString()).toBe("2024-01-02T03:04:05.000Z");
      expect(m!.parsed.messageId).toMatch(/^<[0-9a-f]{40}@notifications-engine>$/);
      expect(outcome._tag === "Delivered" && outcome.messageRef).toBe(m!.parsed.messageId);
    });
  });

  it("sends the message as the body when the block has none, as HTML with html: true", async () => {
    await withSmtp({ user }, async (server) => {
      const config = configOf({ "service.email": settings(server.port, "html: true") });
      const outcome = await deliver(
        notificationTo("email", "ops@example.com", { message: "<b>synced</b>" }),
        config,
        ioTrusting(server.ca),
      );
      expect(outcome._tag).toBe("Delivered");
      expect(String(server.received[0]!.parsed.html).trimEnd()).toBe("<b>synced</b>");
      expect(server.received[0]!.parsed.subject).toBeUndefined();
    });
  });

  it("uses implicit TLS on port 465's setting (secure) and sends without credentials when none are set", async () => {
    await withSmtp({ secure: true }, async (server) => {
      const d = prepareWith(
        emailProvider,
        { host: "127.0.0.1", port: 465, from: "a@example.com" },
        notificationTo("email", "b@example.com", { message: "m" }),
      );
      expect(d).toMatchObject({ kind: "smtp", server: { secure: true, requireTLS: false } });
      if (d.kind !== "smtp") throw new Error("not smtp");
      const result = await deliverSmtp({ ...d, server: { ...d.server, port: server.port } }, {
        timeoutMs: 5000,
        ca: [server.ca],
      });
      expect(result._tag).toBe("Done");
      expect(server.received[0]).toMatchObject({ secure: true, to: ["b@example.com"] });
      expect(server.received[0]!.user).toBeUndefined();
    });
  });

  it("retries a 451 and sends the same Message-ID again, so the retry is recognisable as the same message", async () => {
    await withSmtp(
      { user, respond: (i) => (i === 0 ? { code: 451, message: "Try again later" } : undefined) },
      async (server) => {
        const config = configOf({ "service.email": settings(server.port) });
        const io = ioTrusting(server.ca);
        const outcome = await deliver(notificationTo("email", "ops@example.com", { message: "m" }, "k1"), config, io);
        expect(outcome).toMatchObject({ _tag: "Delivered", attempts: 2 });
        expect(server.offered()).toBe(2);
        expect(server.received.length).toBe(1);
        const again = await deliver(notificationTo("email", "ops@example.com", { message: "m" }, "k1"), config, io);
        expect(again._tag).toBe("Delivered");
        expect(server.received[1]!.parsed.messageId).toBe(server.received[0]!.parsed.messageId);
        expect(io.sleeps).toEqual([500]);
      },
    );
  });

  it("does not retry a 550, and fails naming the service", async () => {
    await withSmtp({ user, respond: () => ({ code: 550, message: "No such user here" }) }, async (server) => {
      const config = configOf({ "service.email": settings(server.port) });
      const outcome = await deliver(
        notificationTo("email", "nobody@example.com", { message: "m" }),
        config,
        ioTrusting(server.ca),
      );
      expect(outcome).toMatchObject({ _tag: "Failed", retryable: false, attempts: 1 });
      expect(outcome._tag === "Failed" && outcome.cause).toMatch(
        /^email: the SMTP server 127\.0\.0\.1:\d+ refused the message \(550\): .*No such user here/,
      );
    });
  });

  it("fails a refused login once, without the password", async () => {
    await withSmtp({ user: { name: "argocd", pass: "other" } }, async (server) => {
      const config = configOf({ "service.email": settings(server.port) });
      const outcome = await deliver(
        notificationTo("email", "ops@example.com", { message: "m" }),
        config,
        ioTrusting(server.ca),
      );
      expect(outcome).toMatchObject({ _tag: "Failed", retryable: false, attempts: 1 });
      expect(outcome._tag === "Failed" && outcome.cause).toMatch(
        /^email: the SMTP server 127\.0\.0\.1:\d+ refused the login: .*535/,
      );
      expect(JSON.stringify(outcome)).not.toContain(user.pass);
      expect(server.refusedLogins()).toBe(1);
      expect(server.received).toEqual([]);
    });
  });

  it("refuses to send credentials in plain text to a server without STARTTLS (not on loopback)", () => {
    const d = prepareWith(emailProvider, {
      host: "smtp.example.com",
      port: 587,
      from: "a@example.com",
      username: "u",
      password: "p",
    }, notificationTo("email", "b@example.com"));
    expect(d).toMatchObject({
      kind: "smtp",
      server: { requireTLS: true, secure: false, auth: { user: "u", pass: "p" } },
    });
  });

  it("fails a server that does not trust-check (unknown CA) without retrying, and a server that is down with retries", async () => {
    await withSmtp({ user }, async (server) => {
      const config = configOf({ "service.email": settings(server.port) });
      const untrusted = await deliver(notificationTo("email", "ops@example.com", { message: "m" }), config, fakeIO());
      expect(untrusted).toMatchObject({ _tag: "Failed", retryable: false, attempts: 1 });
      expect(untrusted._tag === "Failed" && untrusted.cause).toMatch(
        /^email: the SMTP server 127\.0\.0\.1:\d+ failed TLS: .*certificate/,
      );
    });
    const down = await startSmtp();
    await down.close();
    const config = configOf({ "service.email": settings(down.port) });
    const outcome = await deliver(notificationTo("email", "ops@example.com", { message: "m" }), config, fakeIO());
    expect(outcome).toMatchObject({ _tag: "Failed", retryable: true, attempts: 4 });
    expect(outcome._tag === "Failed" && outcome.cause).toMatch(
      /^email: the SMTP server 127\.0\.0\.1:\d+ failed: .*gave up after 4 attempts/,
    );
  });

  it("refuses a recipient that is not an address, naming it", () => {
    const raw = { host: "h", port: 25, from: "a@example.com" };
    expect(refusal(emailProvider, raw, notificationTo("email", "ops@example.com, ops"))).toBe(
      'recipient "ops@example.com, ops": "ops" is not an e-mail address',
    );
    expect(refusal(emailProvider, raw, notificationTo("email", ""))).toBe('recipient "": "" is not an e-mail address');
  });

  it("reports missing settings, a port given as text and the snake_case TLS key", () => {
    const { diagnostics } = decodeConfig({
      data: { "service.email": "host: h\nport: '587'\ninsecure_skip_verify: true" },
    });
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      'service.email: line 2, column 7: "port" must be a whole number, not a string',
    ]);
    const missing = decodeConfig({ data: { "service.email": "username: u\ninsecure_skip_verify: true" } });
    expect(missing.diagnostics.map(formatDiagnostic)).toEqual([
      "service.email: line 1, column 1: the email service needs a host",
      "service.email: line 1, column 1: the email service needs a port from 1 to 65535, not 0",
      "service.email: line 1, column 1: the email service needs a from address",
      "service.email: line 2, column 23: insecure_skip_verify is not supported: TLS certificates are verified (trust a private CA with NODE_EXTRA_CA_CERTS or DENO_CERT)",
    ]);
  });
});
