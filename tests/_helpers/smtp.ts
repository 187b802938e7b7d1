/**
 * A real SMTP server on loopback for e-mail tests (smtp-server, the server half of nodemailer's project): STARTTLS
 * or implicit TLS with a certificate for 127.0.0.1 signed by a test CA, AUTH PLAIN/LOGIN with one user, and every
 * accepted message parsed with mailparser. Replies can be chosen per message (a 451, a 550).
 */
import { SMTPServer, type SMTPServerOptions } from "smtp-server";
import { type ParsedMail, simpleParser } from "mailparser";
import { generateClusterPki } from "./cluster-certs.ts";

/** A message the server received. */
export interface Received {
  readonly from: string;
  readonly to: readonly string[];
  /** Whether the session was encrypted (implicit TLS or STARTTLS) when the message came. */
  readonly secure: boolean;
  /** The user that logged in, if any. */
  readonly user?: string;
  readonly parsed: ParsedMail;
  readonly raw: string;
}

/** What the server does with the i-th message (0-based): accept, or refuse with a code. */
export type MailResponder = (index: number) => { readonly code: number; readonly message: string } | undefined;

/** A running server. */
export interface SmtpLoopback {
  readonly port: number;
  /** The CA that signed the server's certificate, PEM: trust it to talk TLS. */
  readonly ca: string;
  /** Accepted messages. */
  readonly received: Received[];
  /** Messages offered (accepted or refused). */
  readonly offered: () => number;
  /** Logins refused. */
  readonly refusedLogins: () => number;
  close(): Promise<void>;
}

/** Options of {@linkcode startSmtp}. */
export interface SmtpServerSetup {
  /** Implicit TLS (port 465 style) instead of STARTTLS. */
  readonly secure?: boolean;
  /** Do not offer STARTTLS. */
  readonly noStartTls?: boolean;
  /** The one user allowed to log in; without it, no AUTH is offered. */
  readonly user?: { readonly name: string; readonly pass: string };
  readonly respond?: MailResponder;
}

let pki: Promise<Awaited<ReturnType<typeof generateClusterPki>>> | undefined;

/**
 * Starts an SMTP server on 127.0.0.1 with a free port.
 * @param setup TLS, the user and the replies
 */
export async function startSmtp(setup: SmtpServerSetup = {}): Promise<SmtpLoopback> {
  pki ??= generateClusterPki();
  const { caPem, serving } = await pki;
  const received: Received[] = [];
  let offered = 0;
  let refusedLogins = 0;
  const options: SMTPServerOptions = {
    secure: setup.secure ?? false,
    key: serving.keyPem,
    cert: serving.certPem,
    hideSTARTTLS: setup.noStartTls ?? false,
    authOptional: setup.user === undefined,
    ...(setup.user === undefined ? { disabledCommands: ["AUTH"] } : { authMethods: ["PLAIN", "LOGIN"] }),
    logger: false,
    onAuth(auth, _session, callback) {
      if (setup.user !== undefined && auth.username === setup.user.name && auth.password === setup.user.pass) {
        callback(null, { user: auth.username });
        return;
      }
      refusedLogins++;
      callback(Object.assign(new Error("Invalid username or password"), { responseCode: 535 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const index = offered++;
        const refusal = setup.respond?.(index);
        if (refusal !== undefined) {
          callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
          return;
        }
        const raw = Buffer.concat(chunks).toString("utf8");
        simpleParser(raw).then((parsed) => {
          received.push({
            from: session.envelope.mailFrom === false ? "" : session.envelope.mailFrom.address,
            to: session.envelope.rcptTo.map((r) => r.address),
            secure: session.secure,
            ...(typeof session.user === "string" ? { user: session.user } : {}),
            parsed,
            raw,
          });
          callback();
        }, (e: Error) => callback(e));
      });
    },
  };
  const server = new SMTPServer(options);
  server.on("error", () => undefined);
  const port = await new Promise<number>((resolve) => {
    server.listen(0, "127.0.0.1", () => resolve((server.server.address() as { port: number }).port));
  });
  return {
    port,
    ca: caPem,
    received,
    offered: () => offered,
    refusedLogins: () => refusedLogins,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
