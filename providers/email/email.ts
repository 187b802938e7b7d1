/**
 * The `email` service: one message over SMTP to every address of the recipient (comma-separated, trimmed, all in
 * one `To` header), as the Go engine sends it through gomail — `email.subject`, `email.body` (or the message) as
 * `text/plain` or, with `html: true`, `text/html`. `prepare` validates the addresses and builds the e-mail as data;
 * `deliver.ts` sends it with nodemailer.
 *
 * Differences from the Go engine, on purpose: port 465 is implicit TLS with or without credentials (Go dials it in
 * plain text without them, which never works); credentials are sent only over TLS (STARTTLS is required when they
 * are set, except to a loopback host — Go's PLAIN refuses plain text too, its CRAM-MD5 does not); the `Message-ID`
 * is derived from the notification, so a message sent again after a lost answer can be recognised as the same one;
 * `insecure_skip_verify` is a warning (certificates stay verified).
 * @module
 */
import type { DecodedSettings, SettingsDiagnostic } from "../../lib/config/mod.ts";
import { E } from "../../lib/fp.ts";
import { blockOf, invalidDelivery, textOf } from "../content.ts";
import { defaultPolicy } from "../delivery-policy.ts";
import { goBool, goInt, goString } from "../go-codecs.ts";
import { idempotencyToken } from "../idempotency.ts";
import type { DeliveryPolicy, Provider } from "../provider.ts";
import { settingProblem, settingsDecoder } from "../settings-decoder.ts";
import { emailBlock } from "./block.ts";

/** Decoded e-mail settings, as the Go engine's `EmailOptions`. */
export interface EmailSettings {
  readonly host: string;
  readonly port: number;
  readonly username: string;
  readonly password: string;
  readonly from: string;
  readonly html: boolean;
  readonly delivery: DeliveryPolicy;
}

/**
 * Whether a text is one e-mail address, bare (`a@example.com`) or with a display name (`Ops <a@example.com>`).
 * @param text the text
 * @returns whether it is
 * @example
 * ```ts
 * import { isAddress } from "./email.ts";
 * import { expect } from "expect";
 * expect(["a@example.com", "Ops <ops@example.com>", "ops", "a@b@c", ""].map(isAddress)).toEqual([true, true, false, false, false]);
 * ```
 */
export function isAddress(text: string): boolean {
  const m = /^(?:[^<>]*<([^<>]+)>|([^<>]+))$/.exec(text.trim());
  const addr = (m?.[1] ?? m?.[2] ?? "").trim();
  return /^[^\s@<>,;"()]+@[^\s@<>,;"().]+(?:\.[^\s@<>,;"().]+)*$/.test(addr);
}

/** Decodes e-mail settings; `host`, `port` and `from` are required. */
export const decodeEmailSettings: (raw: Readonly<Record<string, unknown>>) => DecodedSettings<EmailSettings> =
  settingsDecoder({
    type: "email",
    props: {
      host: goString,
      port: goInt,
      username: goString,
      password: goString,
      from: goString,
      html: goBool,
      insecure_skip_verify: goBool,
    },
    policy: defaultPolicy,
    build(raw, policy) {
      const problems: SettingsDiagnostic[] = [];
      const host = raw.host ?? "";
      const from = raw.from ?? "";
      const port = raw.port ?? 0;
      if (host === "") problems.push(settingProblem(["host"], "the email service needs a host"));
      if (port <= 0 || port > 65535) {
        problems.push(settingProblem(["port"], `the email service needs a port from 1 to 65535, not ${port}`));
      }
      if (from === "") problems.push(settingProblem(["from"], "the email service needs a from address"));
      else if (!isAddress(from)) problems.push(settingProblem(["from"], `"from" is not an e-mail address`));
      if (raw.insecure_skip_verify === true) {
        problems.push(
          settingProblem(
            ["insecure_skip_verify"],
            "insecure_skip_verify is not supported: TLS certificates are verified (trust a private CA with NODE_EXTRA_CA_CERTS or DENO_CERT)",
            { severity: "warning" },
          ),
        );
      }
      return {
        problems,
        value: {
          host,
          port,
          from,
          username: raw.username ?? "",
          password: raw.password ?? "",
          html: raw.html ?? false,
          delivery: policy,
        },
      };
    },
  });

const loopback = /^(localhost|127(?:\.\d{1,3}){3}|::1|\[::1\])$/i;

/** The `email` provider. */
export const emailProvider: Provider<EmailSettings> = {
  type: "email",
  block: emailBlock,
  decodeSettings: decodeEmailSettings,
  secrets: (settings) => [settings.password],
  prepare(n, settings, options) {
    const recipient = n.destination.recipient;
    const to = recipient.split(",").map((a) => a.trim());
    const bad = to.filter((a) => !isAddress(a));
    if (bad.length > 0) {
      return E.left(
        invalidDelivery(`recipient "${recipient}": ${bad.map((a) => `"${a}"`).join(", ")} is not an e-mail address`),
      );
    }
    const block = blockOf(n.content, "email");
    const credentials = settings.username !== "" && settings.password !== "";
    const key = options.idempotencyKey;
    return E.right({
      kind: "smtp",
      server: {
        host: settings.host,
        port: settings.port,
        secure: settings.port === 465,
        requireTLS: credentials && settings.port !== 465 && !loopback.test(settings.host),
        ...(credentials ? { auth: { user: settings.username, pass: settings.password } } : {}),
        name: "localhost",
      },
      message: {
        from: settings.from,
        to,
        subject: textOf(block, "subject"),
        body: textOf(block, "body") || n.content.message,
        html: settings.html,
        ...(key !== undefined ? { messageId: `<${idempotencyToken(key, [recipient])}@notifications-engine>` } : {}),
        date: options.now,
      },
    });
  },
};
