/**
 * The controller's Prometheus metrics, through prom-client, under the Go engine's names
 * (`notifications_deliveries_total{trigger,service,succeeded}`, `notifications_trigger_eval_total{name,triggered}`)
 * plus what a controller needs watched: delivery latency, queue depth, retries, configuration reloads and errors,
 * resources that cannot be processed, store writes. Each call makes its own registry, so two controllers (or two
 * tests) in one process never share counters.
 * @module
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

/** What the controller counts. */
export interface ControllerMetrics {
  /** The registry holding them all; `registry.metrics()` is the text `/metrics` serves. */
  readonly registry: Registry;
  readonly deliveries: Counter<"trigger" | "service" | "succeeded">;
  readonly triggerEvals: Counter<"name" | "triggered">;
  /** Seconds per delivery, retries included. */
  readonly deliveryDuration: Histogram<"service" | "succeeded">;
  readonly queueDepth: Gauge;
  /** Keys sent back for a later pass: `delivery` (a delivery failed), `store` (the state was not written), `error`. */
  readonly retries: Counter<"reason">;
  /** New configuration versions by namespace and outcome (`applied`, `kept`, `removed`). */
  readonly configReloads: Counter<"namespace" | "outcome">;
  /** Error diagnostics of the latest version of each namespace's configuration. */
  readonly configErrors: Gauge<"namespace">;
  /** Resources skipped or only partly processed, by reason (`no-metadata`, `diagnostic`, `skipped`). */
  readonly resourceProblems: Counter<"reason">;
  /** State writes by store and outcome. */
  readonly stateWrites: Counter<"store" | "succeeded">;
  /** Passes over resources. */
  readonly passes: Counter;
}

/** Options of {@linkcode createControllerMetrics}. */
export interface MetricsOptions {
  /** Prepended with `_` to every name, as Argo CD's `argocd` is (default none). */
  readonly prefix?: string;
  /** Also collect the process's default metrics (CPU, memory, event loop); default false. */
  readonly processMetrics?: boolean;
}

/**
 * Creates the metrics in a new registry.
 * @param options a name prefix, and whether to add process metrics
 * @returns the metrics
 * @example
 * ```ts
 * import { createControllerMetrics } from "./metrics.ts";
 * import { expect } from "expect";
 * const metrics = createControllerMetrics();
 * metrics.deliveries.inc({ trigger: "on-ready", service: "slack", succeeded: "true" });
 * expect(await metrics.registry.metrics()).toContain('notifications_deliveries_total{trigger="on-ready",service="slack",succeeded="true"} 1');
 * ```
 */
export function createControllerMetrics(options: MetricsOptions = {}): ControllerMetrics {
  const registry = new Registry();
  const name = (
    n: string,
  ): string => (options.prefix !== undefined && options.prefix !== "" ? `${options.prefix}_${n}` : n);
  const registers = [registry];
  const metrics: ControllerMetrics = {
    registry,
    deliveries: new Counter({
      name: name("notifications_deliveries_total"),
      help: "Number of delivered notifications.",
      labelNames: ["trigger", "service", "succeeded"] as const,
      registers,
    }),
    triggerEvals: new Counter({
      name: name("notifications_trigger_eval_total"),
      help: "Number of trigger evaluations.",
      labelNames: ["name", "triggered"] as const,
      registers,
    }),
    deliveryDuration: new Histogram({
      name: name("notifications_delivery_duration_seconds"),
      help: "Time to deliver one notification, retries included.",
      labelNames: ["service", "succeeded"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers,
    }),
    queueDepth: new Gauge({
      name: name("notifications_queue_depth"),
      help: "Resources waiting to be processed.",
      registers,
    }),
    retries: new Counter({
      name: name("notifications_retries_total"),
      help: "Resources sent back for a later pass, by reason.",
      labelNames: ["reason"] as const,
      registers,
    }),
    configReloads: new Counter({
      name: name("notifications_config_reloads_total"),
      help: "New configuration versions, by namespace and outcome.",
      labelNames: ["namespace", "outcome"] as const,
      registers,
    }),
    configErrors: new Gauge({
      name: name("notifications_config_errors"),
      help: "Error diagnostics of the latest configuration version, by namespace.",
      labelNames: ["namespace"] as const,
      registers,
    }),
    resourceProblems: new Counter({
      name: name("notifications_resource_problems_total"),
      help: "Resources that could not be fully processed, by reason.",
      labelNames: ["reason"] as const,
      registers,
    }),
    stateWrites: new Counter({
      name: name("notifications_state_writes_total"),
      help: "Writes of notified state, by store and outcome.",
      labelNames: ["store", "succeeded"] as const,
      registers,
    }),
    passes: new Counter({ name: name("notifications_passes_total"), help: "Passes over resources.", registers }),
  };
  if (options.processMetrics === true) {
    collectDefaultMetrics({
      register: registry,
      prefix: options.prefix !== undefined && options.prefix !== "" ? `${options.prefix}_` : "",
    });
  }
  return metrics;
}
