/**
 * Sends an e-mail over SMTP with nodemailer: implicit TLS or STARTTLS (required when the delivery says so), AUTH
 * with the credentials, one message with every recipient. Runs on Node and Deno (TCP and TLS sockets); edge runtimes
 * cannot send e-mail. Wired in by `lib/shell` only.
 *
 * Whether an attempt may pass when made again follows SMTP's reply codes: 4xx replies (greylisting, a full mailbox,
 * "try again later") and lost connections or timeouts are retryable; 5xx replies (a refused login, an unknown
 * mailbox) and TLS failures are not.
 * @module
 */
import { createTransport } from "nodemailer";
import type { SmtpDelivery, TransportResult } from "../provider.ts";

const isIP = (host: string): boolean => /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.includes(":");

/** Options of {@linkcode deliverSmtp}. */
export interface SmtpOptions {
  /** For connecting, the greeting and each command. */
  readonly timeoutMs: number;
  /** CA certificates (PEM) to trust besides the runtime's (a private mail server). */
  readonly ca?: readonly string[];
}

interface SmtpError {
  readonly code?: string;
  readonly originalCode?: string;
  readonly responseCode?: number;
  readonly response?: string;
  readonly message?: string;
}

const transient = new Set(["ECONNECTION", "ETIMEDOUT", "ESOCKET", "ECONNRESET", "EDNS", "ECONNREFUSED"]);

/**
 * Converts what nodemailer threw into a result: retryable for 4xx replies and lost connections.
 * @param e the error
 * @param where the server, as messages name it
 * @returns the refusal
 */
export function smtpFailure(e: unknown, where: string): TransportResult {
  const err = (typeof e === "object" && e !== null ? e : { message: String(e) }) as SmtpError;
  const code = err.responseCode;
  const text = (err.response ?? err.message ?? "").replace(/\s+/g, " ").trim();
  if (err.code === "EAUTH") {
    return {
      _tag: "Rejected",
      retryable: code !== undefined && code >= 400 && code < 500,
      cause: `the SMTP server ${where} refused the login: ${text}`,
    };
  }
  const tls = err.code === "ETLS" || /CERT|SIGNATURE|SELF_SIGNED|ALTNAME/.test(err.originalCode ?? "") ||
    /certificate|self[- ]signed/i.test(text);
  const retryable = code !== undefined ? code >= 400 && code < 500 : !tls && transient.has(err.code ?? "");
  const kind = code !== undefined ? `refused the message (${code})` : tls ? "failed TLS" : "failed";
  return { _tag: "Rejected", retryable, cause: `the SMTP server ${where} ${kind}: ${text}` };
}

/**
 * Sends one e-mail. Never rejects.
 * @param d the e-mail as data (from the `email` provider)
 * @param options the timeout and trusted CAs
 * @returns `Done` with the message id, or why not
 */
export async function deliverSmtp(d: SmtpDelivery, options: SmtpOptions): Promise<TransportResult> {
  const where = `${d.server.host}:${d.server.port}`;
  const transport = createTransport({
    host: d.server.host,
    port: d.server.port,
    secure: d.server.secure,
    requireTLS: d.server.requireTLS,
    name: d.server.name,
    ...(d.server.auth !== undefined ? { auth: { user: d.server.auth.user, pass: d.server.auth.pass } } : {}),
    tls: {
      // SNI carries host names only (RFC 6066); an IP address is checked against the certificate without it
      ...(isIP(d.server.host) ? {} : { servername: d.server.host }),
      ...(options.ca !== undefined ? { ca: [...options.ca] } : {}),
    },
    connectionTimeout: options.timeoutMs,
    greetingTimeout: options.timeoutMs,
    socketTimeout: options.timeoutMs,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  const m = d.message;
  try {
    const info = await transport.sendMail({
      from: m.from,
      to: [...m.to],
      subject: m.subject,
      ...(m.html ? { html: m.body } : { text: m.body }),
      date: new Date(m.date),
      ...(m.messageId !== undefined ? { messageId: m.messageId } : {}),
      textEncoding: "quoted-printable",
      disableFileAccess: true,
      disableUrlAccess: true,
    });
    const rejected = (info.rejected ?? []).map(String);
    if (rejected.length > 0) {
      return { _tag: "Rejected", retryable: false, cause: `the SMTP server ${where} refused ${rejected.join(", ")}` };
    }
    return { _tag: "Done", ...(typeof info.messageId === "string" ? { messageRef: info.messageId } : {}) };
  } catch (e) {
    return smtpFailure(e, where);
  } finally {
    transport.close();
  }
}
