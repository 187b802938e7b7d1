/**
 * `deliver`: one notification to its service, under the service's delivery policy. The provider prepares the
 * request(s) as data; this module sends them, retries what may pass, keeps message references, and returns an
 * outcome — never a rejected promise, never a secret in a cause.
 * @module
 */
import type { Config, ServiceConfig } from "../config/mod.ts";
import { redactor } from "../config/mod.ts";
import type { Diagnostic } from "../diagnostics.ts";
import type { Notification } from "../engine/mod.ts";
import type { Either } from "../fp.ts";
import type {
  AnyOfDelivery,
  Delivery,
  DeliveryPolicy,
  HttpDelivery,
  Provider,
  References,
  StepResult,
  TransportResult,
} from "../../providers/provider.ts";
import { providerOf } from "../../providers/mod.ts";
import { policyOf } from "../../providers/delivery-policy.ts";
import { decideRetry, parseRetryAfter } from "../../providers/retry-timing.ts";
import { resolveCredentialsStep } from "./cloud-credentials.ts";
import type { DeliveryIO } from "./delivery-io.ts";
import type { Gate } from "./gates.ts";
import { deliverHttp } from "./http.ts";
import { defaultNats, defaultSmtp } from "./transports.ts";

// --- outcomes

/** The notification reached its service. */
export interface Delivered {
  readonly _tag: "Delivered";
  /** Requests sent, retries included. */
  readonly attempts: number;
  /** The last response's status; 0 when no HTTP request was made (the console). */
  readonly status: number;
  /** The message the service created or edited, when it names one (Slack's `ts`). */
  readonly messageRef?: string;
}

/** The notification did not reach its service (or not all of its requests did). */
export interface Failed {
  readonly _tag: "Failed";
  /** Whether delivering again later may succeed (a timeout, a 5xx, a 429), as opposed to a refusal. */
  readonly retryable: boolean;
  readonly attempts: number;
  /** The last response's status, when there was one. */
  readonly status?: number;
  /** Why, in a sentence naming the service; secrets redacted. */
  readonly cause: string;
}

/** What became of a delivery. */
export type DeliveryOutcome = Delivered | Failed;

/**
 * What {@linkcode deliver} needs of a notification: where and what. `idempotencyKey` names this notification (not
 * its condition: a condition that turns true again is a new notification) for services that de-duplicate; a host
 * that may deliver the same notification again after a crash passes a key it keeps (the state key and the time it
 * decided, say). Without one, each call draws its own, which covers the retries of that call.
 */
export type Deliverable = Pick<Notification, "destination" | "content"> & { readonly idempotencyKey?: string };

// --- delivery

interface Run {
  readonly io: DeliveryIO;
  readonly policy: DeliveryPolicy;
  readonly gate: Gate;
  readonly startedAt: number;
  readonly service: string;
  /** Grows with the secrets of the credentials a step found. */
  redact: (text: string) => string;
  attempts: number;
  status: number | undefined;
  readonly remember: Record<string, string>;
}

function failed(run: Run, retryable: boolean, cause: string): Failed {
  return {
    _tag: "Failed",
    retryable,
    attempts: run.attempts,
    ...(run.status !== undefined ? { status: run.status } : {}),
    cause: run.redact(`${run.service}: ${cause}`),
  };
}

/** One attempt's result, and the `Retry-After` of its response. */
interface Attempt {
  readonly result: StepResult | TransportResult;
  readonly retryAfterMs?: number | undefined;
}

/** Makes attempts until one is read as done, refused, or the policy stops retrying. */
async function retrying<R extends StepResult | TransportResult>(
  run: Run,
  attemptOnce: (timeoutMs: number) => Promise<Attempt>,
): Promise<R> {
  for (let attempt = 1;; attempt++) {
    const admitted = run.gate.admit();
    if (admitted !== undefined) await admitted;
    run.attempts++;
    const remaining = run.policy.deadlineMs - (run.io.now() - run.startedAt);
    const { result, retryAfterMs } = await attemptOnce(Math.max(1, Math.min(run.policy.timeoutMs, remaining)));
    if (result._tag !== "Rejected" || !result.retryable) return result as R;
    const wait = ("retryAfterMs" in result ? result.retryAfterMs : undefined) ?? retryAfterMs;
    const decision = decideRetry(run.policy, {
      attempt,
      startedAt: run.startedAt,
      now: run.io.now(),
      retryAfterMs: wait,
      random: run.io.random(),
    });
    if (!decision.retry) return { ...result, cause: `${result.cause} (${decision.reason})` } as R;
    if (wait !== undefined) run.gate.pause(run.io.now() + wait);
    await run.io.sleep(decision.waitMs);
  }
}

/** Sends one HTTP step (signed before each attempt when it says so) under the policy. */
function sendStep(run: Run, step: HttpDelivery): Promise<StepResult> {
  return retrying(run, async (timeoutMs) => {
    let request = step.request;
    if (step.sign !== undefined) {
      const signed = await step.sign(request, run.io.now());
      if (signed._tag === "Left") return { result: { _tag: "Rejected", retryable: false, cause: signed.left } };
      request = signed.right;
    }
    const sent = await deliverHttp(request, {
      fetch: run.io.fetch,
      timeoutMs,
      maxResponseBytes: run.policy.maxResponseBytes,
    });
    if (sent._tag === "Left") return { result: { _tag: "Rejected", ...sent.left } };
    run.status = sent.right.status;
    return {
      result: step.read(sent.right),
      retryAfterMs: parseRetryAfter(sent.right.headers["retry-after"], run.io.now()),
    };
  });
}

/** Sends every delivery at once; done when at least one is, refused (with every cause) when none is. */
async function sendAnyOf(run: Run, d: AnyOfDelivery): Promise<StepResult> {
  const results = await Promise.all(d.deliveries.map((step) => sendStep(run, step)));
  const done = results.find((r) => r._tag === "Done");
  if (done !== undefined) return done;
  const refused = results.filter((r): r is Extract<StepResult, { _tag: "Rejected" }> => r._tag === "Rejected");
  return {
    _tag: "Rejected",
    retryable: refused.some((r) => r.retryable),
    cause: refused.length === 0 ? "nothing to send to" : refused.map((r) => r.cause).join("; "),
  };
}

/** Sends over a socket transport (SMTP, NATS) under the policy. */
function sendTransport(run: Run, send: (timeoutMs: number) => Promise<TransportResult>): Promise<TransportResult> {
  return retrying(run, async (timeoutMs) => ({ result: await send(timeoutMs) }));
}

async function runDelivery(run: Run, first: Delivery): Promise<DeliveryOutcome> {
  let delivery: Delivery = first;
  for (;;) {
    if (delivery.kind === "print") {
      run.io.print(run.redact(delivery.text));
      return { _tag: "Delivered", attempts: run.attempts, status: run.status ?? 0 };
    }
    let result: StepResult | TransportResult;
    if (delivery.kind === "smtp") {
      const d = delivery;
      result = await sendTransport(run, (timeoutMs) => (run.io.smtp ?? defaultSmtp)(d, { timeoutMs }));
    } else if (delivery.kind === "nats") {
      const d = delivery;
      result = await sendTransport(run, (timeoutMs) => (run.io.nats ?? defaultNats)(d, { timeoutMs }));
    } else if (delivery.kind === "any-of") {
      result = await sendAnyOf(run, delivery);
    } else if (delivery.kind === "aws-credentials" || delivery.kind === "gcp-credentials") {
      const found = await resolveCredentialsStep(run.io.credentials, delivery);
      const before = run.redact;
      const secrets = redactor(found.secrets);
      run.redact = (text) => secrets(before(text));
      result = found.result;
    } else {
      result = await sendStep(run, delivery);
    }
    if (result._tag === "Rejected") return failed(run, result.retryable, result.cause);
    if ("remember" in result) Object.assign(run.remember, result.remember ?? {});
    if (result._tag === "Done") {
      return {
        _tag: "Delivered",
        attempts: run.attempts,
        status: run.status ?? 0,
        ...(result.messageRef !== undefined && result.messageRef !== "" ? { messageRef: result.messageRef } : {}),
      };
    }
    delivery = result.next;
  }
}

async function loadReferences(io: DeliveryIO, prefix: string, keys: readonly string[]): Promise<References> {
  const refs: Record<string, string> = {};
  for (const k of keys) {
    const v = await io.store.get(prefix + k);
    if (v !== undefined) refs[k] = v;
  }
  return refs;
}

interface Bound {
  readonly provider: Provider<unknown>;
  readonly redact: (text: string) => string;
  readonly policy: DeliveryPolicy;
}

/** What a configured service needs for every delivery, worked out once per service (and configuration). */
const boundServices = new WeakMap<ServiceConfig, Bound>();

function bind(service: ServiceConfig, redactConfig: (text: string) => string): Bound | undefined {
  const known = boundServices.get(service);
  if (known !== undefined) return known;
  const provider = providerOf(service.serviceType);
  if (provider === undefined) return undefined;
  const secrets = redactor(provider.secrets(service.decoded));
  const b: Bound = {
    provider,
    redact: (text) => secrets(redactConfig(text)),
    policy: policyOf(provider, service.decoded),
  };
  boundServices.set(service, b);
  return b;
}

/**
 * Delivers one notification (from `evaluate`) to its service in `config`, through `io`. The service's provider
 * prepares the request(s); each request is sent under the service's policy: a timeout per request, retries with
 * full-jitter backoff on connection errors, timeouts, 408, 429 and 5xx (a `Retry-After` honoured up to the policy's
 * cap, and it pauses the service's other requests too), no retry on other refusals, an attempt limit and a total
 * deadline, the service's concurrency and rate limits. Message references the service returns are kept in
 * `io.store` (even when a later request of the same delivery fails). Every value of the Secret and every secret of
 * the service's settings is redacted from the outcome and from what the console prints.
 *
 * @param notification the notification (from `evaluate`, or built by the host)
 * @param config the configuration the notification was decided with
 * @param io the capabilities (see `createDeliveryIO`)
 * @returns `Delivered` or `Failed`; never rejects
 */
export async function deliver(notification: Deliverable, config: Config, io: DeliveryIO): Promise<DeliveryOutcome> {
  const name = notification.destination.service;
  const service = config.services.get(name);
  const redactConfig = config.redact;
  const bare = (cause: string, retryable = false): Failed => ({
    _tag: "Failed",
    retryable,
    attempts: 0,
    cause: redactConfig(`${name}: ${cause}`),
  });
  if (service === undefined) return bare("the service is not configured");
  const bound = bind(service, redactConfig);
  if (bound === undefined) return bare(`the service type "${service.type}" has no provider`);
  const { provider, redact, policy } = bound;
  const settings = service.decoded;
  const prefix = `${name}/`;
  let prepared: Either<Diagnostic, Delivery>;
  try {
    const keys = provider.references?.(notification, settings) ?? [];
    const references = keys.length === 0 ? {} : await loadReferences(io, prefix, keys);
    prepared = provider.prepare(notification, settings, {
      now: io.now(),
      references,
      idempotencyKey: notification.idempotencyKey ?? drawKey(io),
    });
  } catch (e) {
    return bare(redact(`the message store failed: ${messageOf(e)}`), true);
  }
  if (prepared._tag === "Left") return bare(redact(prepared.left.message));
  const gate = io.gates.of(name, policy);
  const entered = gate.enter();
  const leave = typeof entered === "function" ? entered : await entered;
  const run: Run = {
    io,
    policy,
    gate,
    startedAt: io.now(),
    service: name,
    redact,
    attempts: 0,
    status: undefined,
    remember: {},
  };
  try {
    return await runDelivery(run, prepared.right);
  } catch (e) {
    return failed(run, true, `the delivery broke: ${messageOf(e)}`);
  } finally {
    leave();
    if (Object.keys(run.remember).length > 0) await keep(io, prefix, run.remember);
  }
}

/** A fresh key for one call: 64 random bits as hex. */
function drawKey(io: DeliveryIO): string {
  let key = "";
  for (let i = 0; i < 4; i++) key += Math.floor(io.random() * 0x10000).toString(16).padStart(4, "0");
  return key;
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Keeps the references a delivery returned. A store that fails here does not undo the delivery (the message did
 * arrive); the next delivery that needs the reference then starts a new thread.
 */
async function keep(io: DeliveryIO, prefix: string, remember: Readonly<Record<string, string>>): Promise<void> {
  for (const [k, v] of Object.entries(remember)) {
    try {
      await io.store.set(prefix + k, v);
    } catch {
      // the delivery's outcome stands; see above
    }
  }
}
