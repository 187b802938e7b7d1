/**
 * Publishes one message with the official `nats` client: connect (user and password, or an NKey seed), publish with
 * the headers, flush — the server's answer to the flush confirms it has the message, which the Go engine does not
 * wait for — and close. Runs on Node and Deno (TCP sockets); edge runtimes cannot reach NATS. Wired in by `lib/shell`
 * only.
 * @module
 */
import { connect, headers, nkeyAuthenticator, usernamePasswordAuthenticator } from "nats";
import type { NatsDelivery, TransportResult } from "../provider.ts";
import { connectOverDeno, denoSockets, type Publisher } from "./_deno-deliver.ts";

/** Options of {@linkcode deliverNats}. */
export interface NatsOptions {
  /** For connecting and for the flush. */
  readonly timeoutMs: number;
}

/** Failures of the client that may pass when tried again: the server not reachable, or slow. */
const transient = /CONNECTION_REFUSED|CONNECTION_TIMEOUT|TIMEOUT|DISCONNECT|CONNECTION_CLOSED|ECONNRESET|ECONNREFUSED/;

function failure(e: unknown, what: string): TransportResult {
  const code = typeof e === "object" && e !== null && "code" in e ? String((e as { code: unknown }).code) : "";
  const message = e instanceof Error ? e.message : String(e);
  return {
    _tag: "Rejected",
    retryable: transient.test(code) || transient.test(message),
    cause: `${what}: ${message}${code !== "" && !message.includes(code) ? ` (${code})` : ""}`,
  };
}

/**
 * Publishes one message. Never rejects.
 * @param d the message as data (from the `nats` provider)
 * @param options the timeout
 * @returns `Done`, or why not
 */
export async function deliverNats(d: NatsDelivery, options: NatsOptions): Promise<TransportResult> {
  let authenticator;
  try {
    authenticator = d.auth === undefined
      ? undefined
      : "nkeySeed" in d.auth
      ? nkeyAuthenticator(new TextEncoder().encode(d.auth.nkeySeed))
      : usernamePasswordAuthenticator(d.auth.user, d.auth.pass);
  } catch (e) {
    return failure(e, "failed to create NKey from seed");
  }
  let nc: Publisher;
  try {
    const connection = {
      servers: [...d.servers],
      timeout: options.timeoutMs,
      reconnect: false,
      maxReconnectAttempts: 0,
      name: "notifications-engine",
      ...(authenticator !== undefined ? { authenticator } : {}),
    };
    nc = denoSockets !== undefined ? await connectOverDeno(denoSockets, connection) : await connect(connection);
  } catch (e) {
    return failure(e, "failed to connect to NATS server");
  }
  try {
    const h = headers();
    for (const [k, v] of Object.entries(d.headers)) h.append(k, v);
    nc.publish(d.subject, new TextEncoder().encode(d.data), Object.keys(d.headers).length > 0 ? { headers: h } : {});
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      await Promise.race([
        nc.flush(),
        nc.closed().then((e) => {
          throw e ??
            Object.assign(new Error("the server closed the connection before answering the flush"), {
              code: "CONNECTION_CLOSED",
            });
        }),
        new Promise((_, reject) => {
          timer = setTimeout(
            () =>
              reject(
                Object.assign(new Error(`no answer to the flush within ${options.timeoutMs} ms`), { code: "TIMEOUT" }),
              ),
            options.timeoutMs,
          );
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
    return { _tag: "Done" };
  } catch (e) {
    return failure(e, "failed to publish message to NATS");
  } finally {
    await nc.close().catch(() => undefined);
  }
}
