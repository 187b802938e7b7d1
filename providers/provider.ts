/**
 * The provider model: a service type decodes its settings and turns a rendered notification into the request(s) to
 * send, as data. `prepare` is pure, so a dry run or a rule test can assert the exact request without a network; the
 * shell (`./shell`) sends it under one delivery policy.
 * @module
 */
import type { ServiceType } from "../lib/config/mod.ts";
import type { Diagnostic } from "../lib/diagnostics.ts";
import type { Notification } from "../lib/engine/mod.ts";
import type { Either } from "../lib/fp.ts";

export type { DecodedSettings, ServiceType, SettingsDiagnostic } from "../lib/config/mod.ts";

// --- requests as data

/** One HTTP request. Header names as the service writes them; `body` is UTF-8 text. */
export interface HttpRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

/** The response a step reads: header names in lower case, the body as text (bounded by the policy). */
export interface HttpResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** Message references to keep (Slack thread `ts` by grouping key), by the provider's own keys. */
export type References = Readonly<Record<string, string>>;

/**
 * What a step's response means:
 * - `Done`: delivered; `messageRef` names the message the service created or edited;
 * - `Next`: this request succeeded and another follows (Rocket.Chat's post after its login);
 * - `Rejected`: the service refused; `retryable` says whether sending again may succeed, `retryAfterMs` when.
 * `remember` holds references to keep even when a later step fails (a Slack parent message was posted).
 */
export type StepResult =
  | { readonly _tag: "Done"; readonly messageRef?: string; readonly remember?: References }
  | { readonly _tag: "Next"; readonly next: Delivery; readonly remember?: References }
  | { readonly _tag: "Rejected"; readonly retryable: boolean; readonly cause: string; readonly retryAfterMs?: number };

/** An HTTP request and how to read its response. `read` is pure. */
export interface HttpDelivery {
  readonly kind: "http";
  readonly request: HttpRequest;
  read(response: HttpResponse): StepResult;
  /**
   * Signs the request just before each attempt, at `now` (unix milliseconds): SigV4's date, a JWT's issue time.
   * Web Crypto only, no I/O; a key that cannot sign is a Left with the reason (not retried). Dry runs show the
   * unsigned request.
   */
  sign?(request: HttpRequest, now: number): Promise<Either<string, HttpRequest>>;
}

/** Several HTTP deliveries sent at once; delivered when at least one of them is (Alertmanager's instances). */
export interface AnyOfDelivery {
  readonly kind: "any-of";
  readonly deliveries: readonly HttpDelivery[];
}

/** An e-mail, sent over SMTP by `providers/email/deliver.ts` (Node and Deno; edge runtimes have no sockets). */
export interface SmtpDelivery {
  readonly kind: "smtp";
  readonly server: {
    readonly host: string;
    readonly port: number;
    /** Implicit TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
    readonly secure: boolean;
    /** Refuse to send unless the connection is upgraded with STARTTLS. */
    readonly requireTLS: boolean;
    readonly auth?: { readonly user: string; readonly pass: string };
    /** The name given in EHLO. */
    readonly name: string;
  };
  readonly message: {
    readonly from: string;
    readonly to: readonly string[];
    readonly subject: string;
    /** The body, as `text/html` or `text/plain`. */
    readonly body: string;
    readonly html: boolean;
    /** Derived from the idempotency key, so a resent message can be recognised as the same one. */
    readonly messageId?: string;
    /** Unix milliseconds, for the `Date` header. */
    readonly date: number;
  };
}

/** A message published over NATS by `providers/nats/deliver.ts` (Node and Deno; edge runtimes have no sockets). */
export interface NatsDelivery {
  readonly kind: "nats";
  readonly servers: readonly string[];
  readonly auth?: { readonly user: string; readonly pass: string } | { readonly nkeySeed: string };
  readonly subject: string;
  readonly data: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** What a socket transport (SMTP, NATS) made of one attempt: done, or refused (retryable or not). */
export type TransportResult =
  | { readonly _tag: "Done"; readonly messageRef?: string }
  | { readonly _tag: "Rejected"; readonly retryable: boolean; readonly cause: string };

/** Text for the host's output (the `console` service); the shell redacts it before printing. */
export interface PrintDelivery {
  readonly kind: "print";
  readonly text: string;
}

/** AWS credentials and the region they sign for; `sessionToken` with temporary credentials. */
export interface AwsIdentity {
  readonly region: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

/**
 * A step that needs what only the host's environment has: AWS credentials from the SDK's default chain
 * (environment, web identity, container credentials, instance metadata) and/or the region from `AWS_REGION`. The
 * shell finds them (`io.credentials.aws`) and `then` — pure — builds the rest of the delivery.
 */
export interface AwsCredentialsDelivery {
  readonly kind: "aws-credentials";
  /** The settings' region; "" to take `AWS_REGION` or `AWS_DEFAULT_REGION`. */
  readonly region: string;
  /** The settings' static key, when they have one: only the region is looked up. */
  readonly keys?: { readonly accessKeyId: string; readonly secretAccessKey: string };
  then(identity: AwsIdentity): StepResult;
}

/** A service-account key file the shell read, as text. */
export interface GcpKeyFile {
  readonly path: string;
  readonly text: string;
}

/**
 * A step that needs Google credentials from the host: the key file named by the settings' `keyFile` or by
 * `GOOGLE_APPLICATION_CREDENTIALS`, read by the shell (`io.credentials.gcp`); without either, `then` gets nothing
 * and asks the metadata server. `then` is pure.
 */
export interface GcpCredentialsDelivery {
  readonly kind: "gcp-credentials";
  /** The settings' `keyFile`; "" to take `GOOGLE_APPLICATION_CREDENTIALS`. */
  readonly keyFile: string;
  then(key: GcpKeyFile | undefined): StepResult;
}

/** A delivery as data: what to send and how to read the answer. */
export type Delivery =
  | HttpDelivery
  | AnyOfDelivery
  | PrintDelivery
  | SmtpDelivery
  | NatsDelivery
  | AwsCredentialsDelivery
  | GcpCredentialsDelivery;

// --- policy

/** Rate limit as a token bucket: `perSecond` tokens refill, at most `burst` saved up. */
export interface RateLimit {
  readonly perSecond: number;
  readonly burst: number;
}

/**
 * How the shell sends a service's requests; every field has a safe default and can be set per service under its
 * `delivery:` setting. Durations in milliseconds.
 */
export interface DeliveryPolicy {
  /** Per request. */
  readonly timeoutMs: number;
  /** Requests per step, the first included. */
  readonly maxAttempts: number;
  /** Backoff before retry n is a random wait in [0, min(retryWaitMax, retryWaitMin × 2^(n-1))] (full jitter). */
  readonly retryWaitMinMs: number;
  readonly retryWaitMaxMs: number;
  /** A `Retry-After` longer than this ends the delivery as a retryable failure instead of waiting. */
  readonly maxRetryAfterMs: number;
  /** The whole delivery, retries and waits included. */
  readonly deadlineMs: number;
  /** Deliveries of this service in flight at once. */
  readonly concurrency: number;
  /** Requests per second to this service; none by default except where the service publishes a limit. */
  readonly rate?: RateLimit;
  /** Longer response bodies fail the request. */
  readonly maxResponseBytes: number;
}

// --- provider

/** What `prepare` reads of a notification: where it goes and what it says. */
export type Outgoing = Pick<Notification, "destination" | "content">;

/** What `prepare` is given besides the notification and the settings. */
export interface PrepareOptions {
  /** Unix milliseconds (Grafana's annotation time). */
  readonly now: number;
  /** The references the provider asked for with `references`, those the store has. */
  readonly references?: References;
  /** A key the same for every retry of this notification (the state key), for services that de-duplicate. */
  readonly idempotencyKey?: string;
}

/**
 * A notification service: its template block and settings (from {@linkcode ServiceType}), its delivery policy,
 * the secrets of its settings, and the pure `prepare`.
 * @typeParam S the decoded settings
 */
export interface Provider<S> extends ServiceType<S> {
  /**
   * The delivery policy of these settings. Absent: the settings' own `delivery` (every builtin's settings decode the
   * `delivery:` setting into one, see {@linkcode policyOf}), else the default policy.
   */
  policy?(settings: S): DeliveryPolicy;
  /** Values of the settings to redact wherever they could appear (tokens, passwords, webhook URLs). */
  secrets(settings: S): readonly string[];
  /** Keys of the references `prepare` needs from the store (Slack's thread of a grouping key). */
  references?(n: Outgoing, settings: S): readonly string[];
  /** Builds the delivery as data; a notification the service cannot take is a Left. Pure. */
  prepare(n: Outgoing, settings: S, options: PrepareOptions): Either<Diagnostic, Delivery>;
}

/** Providers by service type. `builtinProviders` is one; a host extends it by spreading. */
export type Providers = Readonly<Record<string, Provider<unknown>>>;

/** Whether a service type is a provider (can prepare deliveries). */
export function isProvider(s: ServiceType<unknown>): s is Provider<unknown> {
  return typeof (s as Partial<Provider<unknown>>).prepare === "function";
}
