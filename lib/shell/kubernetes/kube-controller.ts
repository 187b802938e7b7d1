/**
 * The controller on a Kubernetes cluster, assembled: informer sources for every resource kind, the configuration
 * watched in its ConfigMap and Secret, the state store (annotation or ConfigMap), message references in a ConfigMap,
 * and leader election or sharding on Leases.
 * @module
 */
import { type ConfigHolder, type ConfigReport, createConfigHolder } from "../controller/config-holder.ts";
import { type Controller, createController } from "../controller/controller.ts";
import type { ControllerHooks } from "../controller/hooks.ts";
import type { StateStore } from "../controller/state-store.ts";
import { createDeliveryIO, type DeliveryIO } from "../delivery-io.ts";
import type { Log } from "../log.ts";
import type { ControllerMetrics } from "../metrics.ts";
import type { KubeClient, KubeFailure } from "./_client.ts";
import { annotationStore } from "./annotation-store.ts";
import { configMapMessageStore } from "./configmap-message-store.ts";
import { configMapStore } from "./configmap-store.ts";
import { type NamespacedName, watchConfig } from "./config-watcher.ts";
import { informerSource, type KubeSource, type ResourceSpec } from "./informer-source.ts";
import { createShardLeases, type ShardLeases, shardOf } from "./shard-leases.ts";

/** A kind to watch and the variable name of its resources. */
export interface WatchedResource {
  readonly spec: ResourceSpec;
  readonly resourceName: string;
}

/** Options of {@linkcode createKubeController}. */
export interface KubeControllerOptions {
  readonly client: KubeClient;
  readonly resources: readonly WatchedResource[];
  readonly configMap: NamespacedName;
  readonly secret?: NamespacedName;
  /** Per-namespace ConfigMaps and Secrets of the same names (default false). */
  readonly selfService?: boolean;
  /** `annotation` (default; the Go engine's) or `configmap` (one ConfigMap per resource; see `configMapStore`). */
  readonly state?: "annotation" | "configmap";
  readonly annotationPrefix?: string;
  /** Leader election (1) or sharding (N) on Leases; none when absent. */
  readonly leases?: {
    readonly shards: number;
    readonly identity: string;
    readonly name?: string;
    readonly namespace?: string;
    readonly leaseDurationMs?: number;
    readonly renewDeadlineMs?: number;
    readonly retryPeriodMs?: number;
  };
  readonly concurrency?: number;
  readonly hooks?: ControllerHooks;
  readonly log?: Log;
  readonly metrics?: ControllerMetrics;
  /** Delivery capabilities to replace (the message store is always the ConfigMap one). */
  readonly io?: Partial<Omit<DeliveryIO, "gates" | "store">>;
}

/** The running controller. */
export interface KubeController {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Whether the configuration, the sources and the store are loaded (and, with leases, this replica runs). */
  ready(): boolean;
  /** Whether every watch is connected. */
  healthy(): boolean;
  readonly controller: Controller;
  readonly configs: ConfigHolder;
  readonly leases?: ShardLeases;
  readonly sources: readonly KubeSource[];
}

/**
 * Assembles the controller; nothing talks to the API server before `start`.
 * @param options see {@linkcode KubeControllerOptions}
 * @returns the controller
 */
export function createKubeController(options: KubeControllerOptions): KubeController {
  const { client, log, metrics } = options;
  const warnOnce = new Set<string>();
  const onError = (what: string) => (failure: KubeFailure, retryInMs?: number): void => {
    const text = `${what}: ${failure.message}`;
    if (warnOnce.has(text)) return;
    warnOnce.add(text);
    if (warnOnce.size > 1000) warnOnce.clear();
    log?.error(text, {
      status: failure.status,
      ...(retryInMs !== undefined ? { retryInMs: Math.round(retryInMs) } : {}),
    });
  };
  const configs = createConfigHolder({
    namespace: options.configMap.namespace,
    selfService: options.selfService === true,
    onReport: (r: ConfigReport) => {
      const errors = r.diagnostics.filter((d) => d.severity === "error").length;
      metrics?.configReloads.inc({ namespace: r.namespace, outcome: r.outcome });
      metrics?.configErrors.set({ namespace: r.namespace }, errors);
      for (const d of r.diagnostics) {
        const fields = {
          namespace: r.namespace,
          tag: d._tag,
          ...(d.key !== undefined ? { key: d.key } : {}),
          ...(d.line !== undefined ? { line: d.line } : {}),
        };
        if (d.severity === "error") log?.error(`configuration: ${d.message}`, fields);
        else log?.warn(`configuration: ${d.message}`, fields);
      }
      if (r.outcome === "kept") {
        log?.error("configuration has errors; the last good one stays in use", { namespace: r.namespace, errors });
      } else if (r.outcome === "missing") {
        log?.warn("the configuration ConfigMap is missing; the last good configuration (if any) stays in use", {
          namespace: r.namespace,
        });
      } else log?.info(`configuration ${r.outcome}`, { namespace: r.namespace, errors });
    },
  });
  const configWatch = watchConfig(client, configs, {
    configMap: options.configMap,
    ...(options.secret !== undefined ? { secret: options.secret } : {}),
    selfService: options.selfService === true,
    onError: onError("configuration watch"),
  });
  const sources = options.resources.map((r) =>
    informerSource(client, r.spec, { resourceName: r.resourceName, onError: onError(`watch of ${r.spec.resource}`) })
  );
  const watchNamespaces = new Set(options.resources.map((r) => r.spec.namespace));
  const onlyNamespace = watchNamespaces.size === 1 ? [...watchNamespaces][0] : undefined;
  const store: StateStore = options.state === "configmap"
    ? configMapStore(client, {
      namespace: options.configMap.namespace,
      ...(onlyNamespace !== undefined ? { watchNamespace: onlyNamespace } : {}),
      onError: onError("state ConfigMaps watch"),
    })
    : annotationStore(client, options.annotationPrefix !== undefined ? { prefix: options.annotationPrefix } : {});
  const messages = configMapMessageStore(client, {
    namespace: options.configMap.namespace,
    onError: onError("message references watch"),
  });
  const io = createDeliveryIO({ ...options.io, store: messages });

  const shards = options.leases?.shards ?? 1;
  // deno-lint-ignore prefer-const -- `busy` captures it before the controller exists
  let controller: Controller | undefined;
  const busy = (shard: number): boolean => {
    for (const key of controller?.active() ?? []) {
      const uid = (sources.find((s) =>
        key.startsWith(`${s.kind}/`)
      )?.get(key)?.["metadata"] as { uid?: string } | undefined)?.uid;
      if (uid !== undefined && shardOf(uid, shards) === shard) return true;
    }
    return false;
  };
  const leases = options.leases === undefined ? undefined : createShardLeases(client, {
    namespace: options.leases.namespace ?? options.configMap.namespace,
    name: options.leases.name ?? "notifications-engine",
    shards,
    identity: options.leases.identity,
    ...(options.leases.leaseDurationMs !== undefined ? { leaseDurationMs: options.leases.leaseDurationMs } : {}),
    ...(options.leases.renewDeadlineMs !== undefined ? { renewDeadlineMs: options.leases.renewDeadlineMs } : {}),
    ...(options.leases.retryPeriodMs !== undefined ? { retryPeriodMs: options.leases.retryPeriodMs } : {}),
    drained: (shard) => !busy(shard),
    onError: onError("leases"),
    onChange: (shard, owned) => {
      log?.info(owned ? "shard acquired" : "shard released", { shard, shards });
      if (owned) controller?.resync((ref) => ref.uid !== undefined && shardOf(ref.uid, shards) === shard);
    },
  });
  const owns = leases === undefined
    ? undefined
    : (ref: { uid?: string }): boolean => ref.uid !== undefined && leases.owns(shardOf(ref.uid, shards));
  controller = createController({
    sources,
    configs,
    store,
    io,
    ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
    ...(options.annotationPrefix !== undefined ? { annotationPrefix: options.annotationPrefix } : {}),
    ...(owns !== undefined ? { owns } : {}),
    ...(log !== undefined ? { log } : {}),
    ...(metrics !== undefined ? { metrics } : {}),
    ...(options.hooks !== undefined ? { hooks: options.hooks } : {}),
  });
  let started = false;
  let stopping = false;
  return {
    controller,
    configs,
    sources,
    ...(leases !== undefined ? { leases } : {}),
    async start() {
      stopping = false;
      await configWatch.start();
      if (stopping) return;
      await messages.start();
      if (stopping) return;
      await controller!.start();
      if (stopping) return;
      started = true;
      await leases?.start();
    },
    async stop() {
      stopping = true;
      started = false;
      await leases?.stop();
      await controller!.stop();
      await Promise.all([configWatch.stop(), messages.stop()]);
    },
    ready: () => started && controller!.ready(),
    healthy: () => configWatch.healthy() && sources.every((s) => s.ready()),
  };
}
