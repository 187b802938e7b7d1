/**
 * The one importer of @kubernetes/client-node: credentials (kubeconfig or in-cluster), JSON requests to any path (over
 * node:https with those credentials; see `RawSender`), and
 * list-and-watch caches (the library's `ListWatch`), with the library's errors turned into {@linkcode KubeFailure}
 * values here and nowhere else.
 *
 * What the library's `ListWatch` lacks is added around it, not rewritten: it stops for good after a connection
 * error (restarted here with backoff), re-watches at once and forever after an `ERROR` event other than 410 (paced
 * here), asks for no bookmarks and no server timeout (both asked here), lists in one page (paged here), and caches
 * `metadata.managedFields` (dropped here).
 * @module
 */
import { readFileSync } from "node:fs";
import { Agent as HttpsAgent, request as httpsRequest, type RequestOptions as HttpsRequestOptions } from "node:https";
import { request as httpRequest } from "node:http";
import { ApiException, KubeConfig, ListWatch, Watch } from "@kubernetes/client-node";

// --- model

/** A failed request, without response bodies or headers. */
export interface KubeFailure {
  readonly _tag: "KubeFailure";
  /** The HTTP status; absent when no answer came (connection refused, reset, timed out). */
  readonly status?: number;
  /** The `reason` of the API server's Status (`Conflict`, `NotFound`, `Forbidden`…). */
  readonly reason?: string;
  /** `<METHOD> <path>: <status> <reason>: <the Status's message>`, at most 500 characters. */
  readonly message: string;
  /** Whether the same request may pass later: no answer, 408, 409, 429, 5xx. */
  readonly retryable: boolean;
}

/** The verbs of {@linkcode KubeClient.request}. */
export type KubeMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** A request's result. */
export type KubeResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: KubeFailure };

/** Options of a request. */
export interface KubeRequestOptions {
  readonly query?: Readonly<Record<string, string>>;
  readonly body?: unknown;
  /** The body's content type (default `application/json`; `application/merge-patch+json` for merge patches). */
  readonly contentType?: string;
}

/** A list-and-watch cache of one collection. */
export interface RawInformer {
  /** Lists, then watches; resolves after the first list (retrying it with backoff until it passes or `stop`). */
  start(): Promise<void>;
  stop(): Promise<void>;
  get(name: string, namespace?: string): Record<string, unknown> | undefined;
  list(): readonly Record<string, unknown>[];
  /** Whether a list succeeded and no error happened since the last (re)connection. */
  healthy(): boolean;
}

/** Callbacks of an informer. */
export interface RawInformerHandlers {
  readonly add: (object: Record<string, unknown>) => void;
  readonly update: (object: Record<string, unknown>) => void;
  readonly delete: (object: Record<string, unknown>) => void;
  readonly error?: (failure: KubeFailure, retryInMs: number) => void;
}

/** Options of an informer. */
export interface RawInformerOptions {
  readonly labelSelector?: string;
  readonly fieldSelector?: string;
  /** Objects per page of a list (default 500). */
  readonly pageSize?: number;
}

/** Access to one API server with one identity. */
export interface KubeClient {
  /** The API server's URL. */
  readonly server: string;
  /** The namespace of the kubeconfig's context, or of the pod (in-cluster); `default` otherwise. */
  readonly namespace: string;
  /** A JSON request; never rejects. */
  request<T = unknown>(method: KubeMethod, path: string, options?: KubeRequestOptions): Promise<KubeResult<T>>;
  /** Closes the idle connections of requests (watches close with their informers). */
  close(): void;
  /** A list-and-watch cache of the collection at `path`. */
  informer(path: string, handlers: RawInformerHandlers, options?: RawInformerOptions): RawInformer;
}

/** Options of {@linkcode createKubeClient}. */
export interface KubeClientOptions {
  /** A kubeconfig file; default `$KUBECONFIG`, else in-cluster credentials, else `~/.kube/config`. */
  readonly kubeconfig?: string;
  /** The kubeconfig context (default its current context). */
  readonly context?: string;
}

// --- errors

const retryableStatus = (status: number | undefined): boolean =>
  status === undefined || status === 0 || status === 408 || status === 409 || status === 429 || status >= 500;

/**
 * Converts what a client-node call threw into a {@linkcode KubeFailure}: the status, and the API server's Status
 * reason and message; never its headers or any other part of the body.
 * @param e the thrown value
 * @param what `<METHOD> <path>`
 * @returns the failure
 */
export function fromApiException(e: unknown, what: string): KubeFailure {
  let status: number | undefined;
  let reason: string | undefined;
  let detail: string;
  if (e instanceof ApiException) {
    status = e.code;
    const body = typeof e.body === "string" ? safeJson(e.body) : e.body;
    if (typeof body === "object" && body !== null) {
      const b = body as { reason?: unknown; message?: unknown };
      if (typeof b.reason === "string") reason = b.reason;
      detail = typeof b.message === "string" ? b.message : "";
    } else detail = "";
  } else if (e instanceof StatusError) {
    status = e.statusCode;
    const b = (typeof e.body === "object" && e.body !== null ? e.body : {}) as { reason?: unknown; message?: unknown };
    if (typeof b.reason === "string") reason = b.reason;
    detail = typeof b.message === "string" ? b.message : "";
  } else if (typeof e === "object" && e !== null && typeof (e as { statusCode?: unknown }).statusCode === "number") {
    status = (e as { statusCode: number }).statusCode;
    detail = (e as Error).message ?? "";
  } else {
    detail = e instanceof Error ? `${e.name === "Error" ? "" : `${e.name}: `}${e.message}` : String(e);
  }
  const head = status === undefined ? `${what}: no answer` : `${what}: ${status}${reason !== undefined ? ` ${reason}` : ""}`;
  const message = (detail === "" ? head : `${head}: ${detail}`).slice(0, 500);
  return {
    _tag: "KubeFailure",
    ...(status !== undefined ? { status } : {}),
    ...(reason !== undefined ? { reason } : {}),
    message,
    retryable: retryableStatus(status),
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

// --- client

/** An API server's refusal: its status and Status object (never its headers). */
class StatusError extends Error {
  constructor(readonly statusCode: number, readonly body: unknown) {
    super(`HTTP ${statusCode}`);
  }
}

/**
 * Sends JSON requests with the kubeconfig's credentials over node:https. Written here rather than through
 * client-node's generated clients because those deserialize every answer into their typed models, which drops
 * fields they do not know (a list's `metadata.continue`, so paged lists stop after the first page), and open a new
 * TLS connection for every request; this keeps one keep-alive agent per set of TLS credentials and returns the JSON
 * as sent. Credentials are applied by client-node on every request, so rotating tokens keep working.
 */
class RawSender {
  #agent: { readonly key: string; readonly agent: HttpsAgent } | undefined;
  constructor(private readonly kc: KubeConfig, private readonly server: string) {}

  async send(method: string, path: string, options: KubeRequestOptions): Promise<unknown> {
    const url = new URL(this.server.replace(/\/$/, "") + path);
    for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, v);
    const tls: HttpsRequestOptions = {};
    await this.kc.applyToHTTPSOptions(tls);
    const headers: Record<string, string> = { accept: "application/json" };
    for (const [k, v] of Object.entries(tls.headers ?? {})) if (typeof v === "string") headers[k] = v;
    if (tls.auth !== undefined && tls.auth !== null) headers["authorization"] = `Basic ${Buffer.from(tls.auth).toString("base64")}`;
    const body = options.body === undefined ? undefined : JSON.stringify(options.body);
    if (body !== undefined) headers["content-type"] = options.contentType ?? "application/json";
    const secure = url.protocol === "https:";
    const request = secure ? httpsRequest : httpRequest;
    return await new Promise<unknown>((resolve, reject) => {
      const req = request(url, {
        method,
        headers,
        ...(secure ? { agent: this.agentFor(tls) } : {}),
        timeout: 60_000,
      }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("error", reject);
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          const status = res.statusCode ?? 0;
          let json: unknown;
          try {
            json = text === "" ? undefined : JSON.parse(text);
          } catch {
            json = undefined;
          }
          if (status >= 200 && status < 300) resolve(json);
          else reject(new StatusError(status, json));
        });
      });
      req.on("timeout", () => req.destroy(new Error("the request timed out")));
      req.on("error", reject);
      req.end(body);
    });
  }

  close(): void {
    this.#agent?.agent.destroy();
    this.#agent = undefined;
  }

  private agentFor(tls: HttpsRequestOptions): HttpsAgent {
    const material = { ca: tls.ca, cert: tls.cert, key: tls.key, pfx: tls.pfx, passphrase: tls.passphrase, rejectUnauthorized: tls.rejectUnauthorized, servername: tls.servername };
    const key = JSON.stringify(material, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString("base64") : v));
    if (this.#agent?.key !== key) {
      this.#agent?.agent.destroy();
      const defined = Object.fromEntries(Object.entries(material).filter(([, v]) => v !== undefined));
      this.#agent = { key, agent: new HttpsAgent({ ...defined, keepAlive: true, maxSockets: 32 }) };
    }
    return this.#agent.agent;
  }
}

function loadConfig(options: KubeClientOptions): KubeConfig {
  const kc = new KubeConfig();
  if (options.kubeconfig !== undefined) kc.loadFromFile(options.kubeconfig);
  else kc.loadFromDefault();
  if (options.context !== undefined) kc.setCurrentContext(options.context);
  return kc;
}

function inClusterNamespace(): string | undefined {
  try {
    return readFileSync("/var/run/secrets/kubernetes.io/serviceaccount/namespace", "utf8").trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Opens a client with the kubeconfig (or in-cluster) credentials.
 * @param options the kubeconfig file and context
 * @returns the client
 * @throws TypeError when no kubeconfig or in-cluster credentials can be loaded (a bad flag)
 */
export function createKubeClient(options: KubeClientOptions = {}): KubeClient {
  let kc: KubeConfig;
  try {
    kc = loadConfig(options);
  } catch (e) {
    throw new TypeError(`Cannot load the Kubernetes credentials: ${e instanceof Error ? e.message : String(e)}`);
  }
  const cluster = kc.getCurrentCluster();
  if (cluster === null) throw new TypeError("Cannot load the Kubernetes credentials: the kubeconfig has no current cluster");
  const api = new RawSender(kc, cluster.server);
  const contextNamespace = kc.getContextObject(kc.getCurrentContext())?.namespace;
  return {
    server: cluster.server,
    namespace: contextNamespace ?? inClusterNamespace() ?? "default",
    async request<T>(method: KubeMethod, path: string, o: KubeRequestOptions = {}): Promise<KubeResult<T>> {
      try {
        return { ok: true, value: await api.send(method, path, o) as T };
      } catch (e) {
        return { ok: false, failure: fromApiException(e, `${method} ${path}`) };
      }
    },
    informer: (path, handlers, o = {}) => createInformer(kc, api, path, handlers, o),
    close: () => api.close(),
  };
}

// --- informer

/** client-node's `Watch` with bookmarks, a server-side timeout, and a pause before a watch that follows a bad one. */
class PacedWatch extends Watch {
  #failures = 0;
  #quickOrBad = false;
  constructor(config: KubeConfig, private readonly onWatch: () => void) {
    super(config);
  }
  override async watch(
    path: string,
    query: Record<string, string | number | boolean | undefined>,
    callback: (phase: string, apiObj: unknown, watchObj?: unknown) => void,
    done: (err: unknown) => void,
  ): Promise<AbortController> {
    this.#failures = this.#quickOrBad ? this.#failures + 1 : 0;
    if (this.#failures > 0) await new Promise((r) => setTimeout(r, backoffMs(this.#failures)));
    this.onWatch();
    const startedAt = Date.now();
    let events = 0;
    this.#quickOrBad = false;
    return await super.watch(path, { ...query, allowWatchBookmarks: true, timeoutSeconds: 300 + Math.floor(Math.random() * 300) }, (phase, obj, raw) => {
      if (phase === "ERROR") this.#quickOrBad = true;
      else events++;
      callback(phase, slim(obj), raw);
    }, (err) => {
      if (events === 0 && Date.now() - startedAt < 1000) this.#quickOrBad = true;
      done(err);
    });
  }
}

/**
 * Drops `metadata.managedFields` from an object before it is cached: server-side apply's bookkeeping, often the
 * largest part of a small object, never read by triggers (controller-runtime's caches drop it too).
 */
function slim(object: unknown): unknown {
  const metadata = (object as { metadata?: Record<string, unknown> } | null)?.metadata;
  if (typeof metadata === "object" && metadata !== null && "managedFields" in metadata) delete metadata["managedFields"];
  return object;
}

function backoffMs(failures: number): number {
  const ceiling = Math.min(30_000, 250 * 2 ** Math.min(failures, 10));
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

function createInformer(
  kc: KubeConfig,
  api: RawSender,
  path: string,
  handlers: RawInformerHandlers,
  options: RawInformerOptions,
): RawInformer {
  let listed = false;
  let healthy = false;
  let stopped = false;
  let failures = 0;
  let restart: ReturnType<typeof setTimeout> | undefined;
  let resolveStarted: (() => void) | undefined;
  const started = new Promise<void>((r) => (resolveStarted = r));
  const watch = new PacedWatch(kc, () => {
    // The library calls watch() right after applying a list: the cache holds the list.
    if (listed) {
      healthy = true;
      resolveStarted?.();
    }
  });
  const list = async (): Promise<{ metadata: { resourceVersion?: string }; items: Record<string, unknown>[] }> => {
    const items: Record<string, unknown>[] = [];
    let cont: string | undefined;
    let resourceVersion: string | undefined;
    do {
      const query: Record<string, string> = { limit: String(options.pageSize ?? 500) };
      if (cont !== undefined) query["continue"] = cont;
      if (options.labelSelector !== undefined) query["labelSelector"] = options.labelSelector;
      if (options.fieldSelector !== undefined) query["fieldSelector"] = options.fieldSelector;
      const page = await api.send("GET", path, { query }) as { metadata?: { resourceVersion?: string; continue?: string }; items?: Record<string, unknown>[] };
      for (const item of page.items ?? []) items.push(slim(item) as Record<string, unknown>);
      resourceVersion ??= page.metadata?.resourceVersion;
      cont = page.metadata?.continue || undefined;
    } while (cont !== undefined);
    listed = true;
    failures = 0;
    return { metadata: resourceVersion !== undefined ? { resourceVersion } : {}, items };
  };
  const lw = new ListWatch<{ metadata: { name?: string; namespace?: string } } & Record<string, unknown>>(
    path,
    watch,
    list as never,
    false,
    options.labelSelector,
    options.fieldSelector,
  );
  lw.on("add", (o) => handlers.add(o));
  lw.on("update", (o) => handlers.update(o));
  lw.on("delete", (o) => handlers.delete(o));
  lw.on("error", (err: unknown) => {
    healthy = false;
    if (stopped) return;
    failures++;
    const wait = backoffMs(failures);
    handlers.error?.(fromApiException(err, `LIST/WATCH ${path}`), wait);
    restart = setTimeout(() => void lw.start(), wait);
  });
  return {
    async start() {
      stopped = false;
      void lw.start();
      await started;
    },
    async stop() {
      stopped = true;
      if (restart !== undefined) clearTimeout(restart);
      resolveStarted?.();
      await lw.stop();
    },
    get: (name, namespace) => lw.get(name, namespace),
    list: () => lw.list(),
    healthy: () => healthy,
  };
}
