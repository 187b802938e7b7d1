/**
 * The controller's HTTP endpoints: `/metrics` (Prometheus text from the controller's registry), `/healthz` (the
 * process answers: liveness) and `/readyz` (configuration, sources and state store loaded: readiness).
 * @module
 */
import { createServer, type Server } from "node:http";
import type { ControllerMetrics } from "./metrics.ts";

/** Options of {@linkcode serveHealth}. */
export interface HealthServerOptions {
  /** Port (0: any free one). */
  readonly port: number;
  /** Address to bind (default all interfaces). */
  readonly host?: string;
  readonly metrics: ControllerMetrics;
  /** Whether the controller is ready to process. */
  readonly ready: () => boolean;
}

/** A running server. */
export interface HealthServer {
  /** The port bound. */
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Serves the endpoints.
 * @param options port, metrics, readiness
 * @returns the running server
 * @example
 * ```ts
 * import { serveHealth } from "./health-server.ts";
 * import { createControllerMetrics } from "./metrics.ts";
 * import { expect } from "expect";
 * const server = await serveHealth({ port: 0, host: "127.0.0.1", metrics: createControllerMetrics(), ready: () => false });
 * expect((await fetch(`http://127.0.0.1:${server.port}/healthz`)).status).toBe(200);
 * expect((await fetch(`http://127.0.0.1:${server.port}/readyz`)).status).toBe(503);
 * await server.close();
 * ```
 */
export async function serveHealth(options: HealthServerOptions): Promise<HealthServer> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (path === "/metrics") {
      options.metrics.registry.metrics().then(
        (text) => res.writeHead(200, { "content-type": options.metrics.registry.contentType }).end(text),
        () => res.writeHead(500).end("metrics failed\n"),
      );
      return;
    }
    if (path === "/healthz") return void res.writeHead(200, { "content-type": "text/plain" }).end("ok\n");
    if (path === "/readyz") {
      const ready = options.ready();
      return void res.writeHead(ready ? 200 : 503, { "content-type": "text/plain" }).end(
        ready ? "ok\n" : "not ready\n",
      );
    }
    res.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : options.port;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
