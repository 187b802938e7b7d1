/** /metrics, /healthz and /readyz over a real loopback HTTP server. */
import { describe, expect, it } from "vitest";
import { serveHealth } from "../../lib/shell/health-server.ts";
import { createControllerMetrics } from "../../lib/shell/metrics.ts";

describe("serveHealth", () => {
  it("serves the metrics in Prometheus text, liveness always, readiness as the controller says", async () => {
    const metrics = createControllerMetrics();
    metrics.triggerEvals.inc({ name: "on-ready", triggered: "true" });
    let ready = false;
    const server = await serveHealth({ port: 0, host: "127.0.0.1", metrics, ready: () => ready });
    try {
      const base = `http://127.0.0.1:${server.port}`;
      const text = await (await fetch(`${base}/metrics`)).text();
      expect(text).toContain('notifications_trigger_eval_total{name="on-ready",triggered="true"} 1');
      expect(text).toContain("# TYPE notifications_delivery_duration_seconds histogram");
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      expect((await fetch(`${base}/readyz`)).status).toBe(503);
      ready = true;
      expect((await fetch(`${base}/readyz`)).status).toBe(200);
      expect((await fetch(`${base}/other`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
