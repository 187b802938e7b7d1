/** The metric names and labels the Go engine uses, plus the controller's own; one registry per call. */
import { describe, expect, it } from "vitest";
import { createControllerMetrics } from "../../lib/shell/metrics.ts";

describe("createControllerMetrics", () => {
  it("names the two upstream counters as the Go engine does, with an optional prefix", async () => {
    const plain = createControllerMetrics();
    const argo = createControllerMetrics({ prefix: "argocd" });
    for (const m of [plain, argo]) {
      m.deliveries.inc({ trigger: "t", service: "s", succeeded: "false" });
      m.triggerEvals.inc({ name: "t", triggered: "false" });
    }
    const text = await plain.registry.metrics();
    expect(text).toContain('notifications_deliveries_total{trigger="t",service="s",succeeded="false"} 1');
    expect(text).toContain('notifications_trigger_eval_total{name="t",triggered="false"} 1');
    expect(await argo.registry.metrics()).toContain(
      'argocd_notifications_deliveries_total{trigger="t",service="s",succeeded="false"} 1',
    );
  });

  it("keeps two controllers' counters apart, and lists the controller's own metrics", async () => {
    const a = createControllerMetrics();
    const b = createControllerMetrics();
    a.passes.inc();
    expect(await b.registry.getSingleMetricAsString("notifications_passes_total")).toContain(
      "notifications_passes_total 0",
    );
    const names = (await a.registry.getMetricsAsJSON()).map((m) => m.name).sort();
    expect(names).toEqual([
      "notifications_config_errors",
      "notifications_config_reloads_total",
      "notifications_deliveries_total",
      "notifications_delivery_duration_seconds",
      "notifications_passes_total",
      "notifications_queue_depth",
      "notifications_resource_problems_total",
      "notifications_retries_total",
      "notifications_state_writes_total",
      "notifications_trigger_eval_total",
    ]);
  });
});
