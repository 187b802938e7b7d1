/**
 * A fault-injecting proxy to put between a Kubernetes client and the test API server (see `cluster.ts`): it cuts live
 * connections (breaking watches), delays traffic, goes offline, and — when it terminates TLS — answers the next N
 * matching requests itself with a 500 or a 429 with `Retry-After`, logging every request it forwards.
 *
 * Two modes:
 * - **TCP** (no `tls` option): bytes are piped untouched; cut, delay and offline work per connection. The client
 *   talks TLS to the API server itself.
 * - **HTTPS** (`tls` given): the proxy serves TLS with the given certificate (the cluster's serving certificate, so
 *   the cluster CA still verifies it), reads each HTTP/1.1 request and forwards it over a new TLS connection to the
 *   API server. Bearer tokens pass through; client certificates would not, which is why the cluster authenticates
 *   with tokens. Upgrade requests (exec, port-forward) are not proxied.
 *
 * No library does this (http-proxy and friends forward; they do not inject failures, and toxiproxy is a Go service),
 * so it is written here on node:net / node:https.
 *
 * @example
 * ```ts
 * const proxy = await startFaultProxy(cluster.server, { tls: { ...cluster.serving, caPem: cluster.caPem } });
 * const kubeconfig = cluster.writeKubeconfig({ server: proxy.url });
 * proxy.failNext(2, { status: 429, retryAfterSeconds: 1, match: (r) => r.method === "PATCH" });
 * proxy.cut(); // every open watch breaks
 * await proxy.close();
 * ```
 *
 * @module
 */
import { createServer as createHttpsServer, request as httpsRequest } from "node:https";
import { connect, createServer as createTcpServer, type Server, type Socket } from "node:net";
import type { ClientRequest, IncomingMessage, ServerResponse } from "node:http";

/** A request the HTTPS mode saw. */
export interface ProxiedRequest {
  readonly method: string;
  /** Path and query, as sent. */
  readonly path: string;
  /** The status answered: the API server's, or the injected one; 0 when the upstream request failed or was cut. */
  status: number;
  /** Whether the proxy answered itself (a `failNext` rule). */
  readonly injected: boolean;
}

/** An injected failure: see {@linkcode FaultProxy.failNext}. */
export interface Failure {
  /** 500, 503, 429, … */
  readonly status: number;
  /** Sends `Retry-After: <seconds>`. */
  readonly retryAfterSeconds?: number;
  /** Only requests for which this returns true fail (default: every request). */
  readonly match?: (request: { method: string; path: string }) => boolean;
}

/** Options of {@linkcode startFaultProxy}. */
export interface FaultProxyOptions {
  /** Terminate TLS with this certificate and key, and trust `caPem` for the upstream: the HTTPS mode. */
  readonly tls?: { readonly certPem: string; readonly keyPem: string; readonly caPem: string };
}

/** A running proxy. */
export interface FaultProxy {
  /** `https://127.0.0.1:<port>`: use it as the kubeconfig's server. */
  readonly url: string;
  /** Requests seen, in order (HTTPS mode; always empty in TCP mode). */
  readonly requests: readonly ProxiedRequest[];
  /** Destroys every open connection, both sides; clients must reconnect. @returns how many were cut. */
  cut(): number;
  /** Holds each new connection (TCP) or request (HTTPS) `ms` before forwarding it; 0 stops delaying. */
  delay(ms: number): void;
  /** While offline, new connections are closed at once and open ones are cut. */
  setOffline(offline: boolean): void;
  /** The next `count` requests matching `failure.match` get `failure.status` from the proxy (HTTPS mode only). */
  failNext(count: number, failure: Failure): void;
  /** Stops listening and cuts everything. */
  close(): Promise<void>;
}

interface Rule {
  remaining: number;
  readonly failure: Failure;
}

const REASONS: Record<number, string> = { 429: "TooManyRequests", 500: "InternalError", 503: "ServiceUnavailable" };

function statusBody(failure: Failure): string {
  return JSON.stringify({
    kind: "Status",
    apiVersion: "v1",
    metadata: {},
    status: "Failure",
    message: "injected by the fault proxy",
    reason: REASONS[failure.status] ?? "InternalError",
    code: failure.status,
  });
}

/**
 * Starts a proxy on a free loopback port forwarding to `upstream`.
 *
 * @param upstream The API server's URL, `https://host:port`.
 * @param options `tls` selects the HTTPS mode.
 * @returns The running proxy.
 */
export async function startFaultProxy(upstream: string, options: FaultProxyOptions = {}): Promise<FaultProxy> {
  const target = new URL(upstream);
  const host = target.hostname;
  const port = Number(target.port || 443);
  const sockets = new Set<Socket>();
  const upstreamRequests = new Set<ClientRequest>();
  const requests: ProxiedRequest[] = [];
  const rules: Rule[] = [];
  let delayMs = 0;
  let offline = false;
  const track = (socket: Socket): void => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  };
  const later = (run: () => void): void => {
    if (delayMs > 0) setTimeout(run, delayMs);
    else run();
  };

  let server: Server;
  if (options.tls === undefined) {
    server = createTcpServer((client) => {
      track(client);
      if (offline) return void client.destroy();
      client.pause();
      later(() => {
        if (client.destroyed) return;
        const up = connect(port, host);
        track(up);
        up.on("error", () => client.destroy());
        client.on("error", () => up.destroy());
        up.on("close", () => client.destroy());
        client.on("close", () => up.destroy());
        client.pipe(up).pipe(client);
        client.resume();
      });
    });
  } else {
    const tls = options.tls;
    const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
      const method = req.method ?? "GET";
      const path = req.url ?? "/";
      const rule = rules.find((r) => r.remaining > 0 && (r.failure.match?.({ method, path }) ?? true));
      if (rule !== undefined) {
        rule.remaining--;
        requests.push({ method, path, status: rule.failure.status, injected: true });
        const headers: Record<string, string> = { "content-type": "application/json" };
        if (rule.failure.retryAfterSeconds !== undefined) {
          headers["retry-after"] = String(rule.failure.retryAfterSeconds);
        }
        req.resume();
        res.writeHead(rule.failure.status, headers).end(statusBody(rule.failure));
        return;
      }
      const seen: ProxiedRequest = { method, path, status: 0, injected: false };
      requests.push(seen);
      later(() => {
        if (req.socket.destroyed) return;
        const up = httpsRequest({
          host,
          port,
          method,
          path,
          headers: { ...req.headers, host: `${host}:${port}` },
          ca: tls.caPem,
          agent: false,
        }, (upRes) => {
          seen.status = upRes.statusCode ?? 0;
          res.writeHead(upRes.statusCode ?? 502, upRes.headers);
          res.flushHeaders();
          upRes.pipe(res);
          upRes.on("error", () => res.destroy());
        });
        upstreamRequests.add(up);
        up.once("close", () => upstreamRequests.delete(up));
        up.on("socket", track);
        up.on("error", () => res.destroy());
        res.on("close", () => up.destroy());
        req.pipe(up);
      });
    };
    const httpsServer = createHttpsServer({ cert: tls.certPem, key: tls.keyPem }, onRequest);
    httpsServer.on("connection", (socket: Socket) => {
      track(socket);
      if (offline) socket.destroy();
    });
    server = httpsServer;
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolveListen());
  });
  const address = server.address();
  if (address === null || typeof address !== "object") throw new Error("fault proxy: no address");

  const cut = (): number => {
    const count = sockets.size;
    for (const up of upstreamRequests) up.destroy();
    for (const socket of sockets) socket.destroy();
    return count;
  };
  return {
    url: `https://127.0.0.1:${address.port}`,
    requests,
    cut,
    delay: (ms) => {
      delayMs = ms;
    },
    setOffline: (on) => {
      offline = on;
      if (on) cut();
    },
    failNext: (count, failure) => {
      if (options.tls === undefined) throw new Error("fault proxy: failNext needs the HTTPS mode (the tls option)");
      rules.push({ remaining: count, failure });
    },
    close: async () => {
      const closed = new Promise<void>((resolveClose) => server.close(() => resolveClose()));
      cut();
      await closed;
    },
  };
}
