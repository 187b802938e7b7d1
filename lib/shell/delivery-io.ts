/**
 * The capabilities a delivery uses, passed in by the host (and by tests): `fetch`, the clock, sleep, randomness for
 * the backoff's jitter, the message-reference store, where the console service prints, the per-service gates, and
 * the environment variables and files cloud credentials are found in.
 * @module
 */
import type { NatsDelivery, SmtpDelivery, TransportResult } from "../../providers/provider.ts";
import { type CloudCredentials, createCloudCredentials, processEnv, readTextFile } from "./cloud-credentials.ts";
import { createGates, type Gates } from "./gates.ts";
import { createMemoryStore, type MessageStore } from "./message-store.ts";

/** The capabilities of a delivery. */
export interface DeliveryIO {
  readonly fetch: typeof globalThis.fetch;
  /** Unix milliseconds. */
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  /** A number in [0, 1). */
  readonly random: () => number;
  readonly store: MessageStore;
  /** Where the `console` service writes (already redacted). */
  readonly print: (text: string) => void;
  /** Concurrency and rate limits per service, shared by every delivery made with this value. */
  readonly gates: Gates;
  /** An environment variable (`AWS_REGION`, `AWS_ROLE_ARN`, `GOOGLE_APPLICATION_CREDENTIALS`…); `process.env`. */
  readonly env: (name: string) => string | undefined;
  /** Reads a text file (a web identity token, a service-account key); `node:fs`. */
  readonly readFile: (path: string) => Promise<string>;
  /**
   * Cloud credentials for the services that have no static ones (`awssqs`, `gcppubsub`): by default the AWS
   * default chain and Google's key file, over `env`, `readFile`, `fetch` and `now`, cached for this value's life.
   */
  readonly credentials: CloudCredentials;
  /** Sends an e-mail; by default `providers/email/deliver.ts` (nodemailer), loaded on first use. */
  readonly smtp?: (d: SmtpDelivery, options: TransportOptions) => Promise<TransportResult>;
  /** Publishes a NATS message; by default `providers/nats/deliver.ts` (the `nats` client), loaded on first use. */
  readonly nats?: (d: NatsDelivery, options: TransportOptions) => Promise<TransportResult>;
}

/** What a socket transport is given besides the delivery. */
export interface TransportOptions {
  /** For the whole attempt: connecting, greeting, sending. */
  readonly timeoutMs: number;
}

/**
 * The capabilities of this process: global `fetch`, `Date.now`, timers, `Math.random`, an in-memory store,
 * `console.log`, `process.env` and `node:fs`; any of them replaced by `overrides`. Gates are built on the resulting
 * clock and sleep, and (unless given) cloud credentials on the resulting environment, files, `fetch` and clock.
 * @param overrides capabilities to use instead
 * @returns the capabilities
 * @example A delivery I/O with a fixed clock
 * ```ts
 * import { createDeliveryIO } from "./delivery-io.ts";
 * import { expect } from "expect";
 * const io = createDeliveryIO({ now: () => 0 });
 * expect(io.now()).toBe(0);
 * ```
 */
export function createDeliveryIO(overrides: Partial<Omit<DeliveryIO, "gates">> = {}): DeliveryIO {
  const now = overrides.now ?? (() => Date.now());
  const sleep = overrides.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const fetch: typeof globalThis.fetch = overrides.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const env = overrides.env ?? processEnv;
  const readFile = overrides.readFile ?? readTextFile;
  return {
    fetch,
    now,
    sleep,
    random: overrides.random ?? Math.random,
    store: overrides.store ?? createMemoryStore(),
    print: overrides.print ?? ((text) => console.log(text)),
    gates: createGates(now, sleep),
    env,
    readFile,
    credentials: overrides.credentials ?? createCloudCredentials({ env, readFile, fetch, now }),
    ...(overrides.smtp !== undefined ? { smtp: overrides.smtp } : {}),
    ...(overrides.nats !== undefined ? { nats: overrides.nats } : {}),
  };
}
