/**
 * The serverless examples' shared part, runtime-neutral: one HTTP request carrying a resource — a Kubernetes watch
 * event (`{type, object}`, as a watch or an admission/audit webhook relays it) or the plain object — is decided with
 * the pure core, delivered through the providers, and its notified state kept in a store (Deno KV, Redis) under
 * `state/<apiVersion>/<kind>/<namespace>/<name>`, as the controller keeps it in the annotation.
 */
import {
  clearNotified,
  type Config,
  decodeConfig,
  decodeNotifiedState,
  encodeNotifiedState,
  evaluate,
  formatDiagnostic,
  type NotifiedState,
} from "notifications-engine";
import { createDeliveryIO, deliver, type DeliveryIO, type MessageStore } from "notifications-engine/shell";
import { parse } from "yaml";

/** What a handler needs: the configuration's YAML, the store, and (for tests) the delivery capabilities. */
export interface HandlerOptions {
  readonly configMap: string;
  readonly secret?: string;
  readonly store: MessageStore;
  readonly resourceName?: string;
  readonly io?: DeliveryIO;
  readonly now?: () => number;
}

/** The answer to one request. */
export interface HandlerResponse {
  readonly status: number;
  readonly body: Readonly<Record<string, unknown>>;
}

/** A handler of request bodies. */
export type HandleBody = (body: string) => Promise<HandlerResponse>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The store key of a resource's state. */
export function stateKeyOf(resource: Readonly<Record<string, unknown>>): string {
  const meta = isRecord(resource["metadata"]) ? resource["metadata"] : {};
  return `state/${String(resource["apiVersion"] ?? "")}/${String(resource["kind"] ?? "")}/${
    String(meta["namespace"] ?? "")
  }/${String(meta["name"] ?? "")}`;
}

/**
 * Builds the handler: decodes the configuration once (every problem logged, the rest keeps working).
 * @param options the configuration, the store and the capabilities
 * @returns the handler of request bodies
 */
export function createHandler(options: HandlerOptions): HandleBody {
  const decoded = decodeConfig(
    parse(options.configMap),
    options.secret === undefined ? undefined : parse(options.secret),
  );
  for (const d of decoded.diagnostics) console.warn(`config: ${formatDiagnostic(d)}`);
  const config: Config = decoded.config;
  const io = options.io ?? createDeliveryIO({ store: options.store });
  const now = options.now ?? (() => Date.now());
  return async (body) => {
    let payload: unknown;
    try {
      payload = JSON.parse(body);
    } catch {
      return { status: 400, body: { error: "the body must be JSON: a watch event {type, object} or a resource" } };
    }
    const event = isRecord(payload) && typeof payload["type"] === "string" && isRecord(payload["object"])
      ? payload
      : undefined;
    const resource = event !== undefined ? event["object"] : payload;
    if (!isRecord(resource)) return { status: 400, body: { error: "the resource must be a JSON object" } };
    if (event?.["type"] === "DELETED") return { status: 200, body: { skipped: "a deleted resource notifies nothing" } };
    const key = stateKeyOf(resource);
    const stored = decodeNotifiedState(await options.store.get(key));
    const decision = evaluate(resource, config, {
      now: now(),
      state: stored.state,
      resourceName: options.resourceName ?? "obj",
    });
    let state: NotifiedState = decision.state;
    const sent = [];
    for (const n of decision.notifications) {
      const outcome = await deliver(n, config, io);
      if (outcome._tag === "Failed") state = clearNotified(state, n.stateKey).state;
      sent.push({ trigger: n.trigger, destination: n.destination, outcome });
    }
    await options.store.set(key, encodeNotifiedState(state));
    const problems = [...stored.diagnostics, ...decision.diagnostics].map((d) => config.redact(formatDiagnostic(d)));
    return { status: 200, body: { key, notifications: sent, diagnostics: problems } };
  };
}
