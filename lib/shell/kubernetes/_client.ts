/**
 * Access to an API server: credentials through @kubernetes/client-node (kubeconfig or in-cluster), JSON requests with
 * them (`_raw-sender.ts`), list-and-watch caches on the library's `ListWatch` (`_informer.ts`). These files and
 * `_kube-failure.ts`, where its errors and the API server's become {@linkcode KubeFailure} values, are the only
 * importers of the library.
 * @module
 */
import { readFileSync } from "node:fs";
import { KubeConfig } from "@kubernetes/client-node";
import { createInformer } from "./_informer.ts";
import { fromApiException, type KubeFailure } from "./_kube-failure.ts";
import { RawSender } from "./_raw-sender.ts";

export type { KubeFailure } from "./_kube-failure.ts";

// --- model

/** The verbs of {@linkcode KubeClient.request}. */
export type KubeMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** A request's result. */
export type KubeResult<T> = { readonly ok: true; readonly value: T } | {
  readonly ok: false;
  readonly failure: KubeFailure;
};

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

// --- client

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
  if (cluster === null) {
    throw new TypeError("Cannot load the Kubernetes credentials: the kubeconfig has no current cluster");
  }
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
