/**
 * The socket transports a host gets by default: SMTP (`providers/email/deliver.ts`, nodemailer) and NATS
 * (`providers/nats/deliver.ts`, the `nats` client), each loaded on its first use so that a host that sends only HTTP
 * never loads them. Node and Deno; on an edge runtime the import fails and the delivery fails with that cause.
 * @module
 */
import type { NatsDelivery, SmtpDelivery, TransportResult } from "../../providers/provider.ts";
import type { TransportOptions } from "./delivery-io.ts";

function unavailable(what: string, e: unknown): TransportResult {
  const why = e instanceof Error ? e.message : String(e);
  return { _tag: "Rejected", retryable: false, cause: `this runtime cannot load the ${what} transport: ${why}` };
}

/**
 * Sends an e-mail with nodemailer.
 * @param d the e-mail
 * @param options the timeout
 * @returns what became of it
 */
export async function defaultSmtp(d: SmtpDelivery, options: TransportOptions): Promise<TransportResult> {
  let mod: typeof import("../../providers/email/deliver.ts");
  try {
    mod = await import("../../providers/email/deliver.ts");
  } catch (e) {
    return unavailable("SMTP", e);
  }
  return mod.deliverSmtp(d, options);
}

/**
 * Publishes a message with the `nats` client.
 * @param d the message
 * @param options the timeout
 * @returns what became of it
 */
export async function defaultNats(d: NatsDelivery, options: TransportOptions): Promise<TransportResult> {
  let mod: typeof import("../../providers/nats/deliver.ts");
  try {
    mod = await import("../../providers/nats/deliver.ts");
  } catch (e) {
    return unavailable("NATS", e);
  }
  return mod.deliverNats(d, options);
}
