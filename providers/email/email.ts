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
import { E } from "../../lib/fp.ts";
import { blockOf, invalidDelivery, textOf } from "../content.ts";
import { idempotencyToken } from "../idempotency.ts";
import type { Provider } from "../provider.ts";
import { emailBlock } from "./block.ts";
import { decodeEmailSettings, type EmailSettings, isAddress } from "./settings.ts";

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
