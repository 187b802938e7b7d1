/**
 * The controller: sources tell which resources changed, a work queue de-duplicates them, and each pass runs the pure
 * `evaluate` on the current version of a resource, delivers what it decided, and records only what was delivered.
 * @module
 */
import type { Diagnostic, NotifiedState } from "../../../mod.ts";
import type { DeliveryIO } from "../delivery-io.ts";
import type { Log } from "../log.ts";
import type { ControllerMetrics } from "../metrics.ts";
import type { ConfigHolder } from "./config-holder.ts";
import type { ControllerHooks } from "./hooks.ts";
import { runPass } from "./_pass.ts";
import type { ObjectRef, Source } from "./source.ts";
import { objectRef } from "./source.ts";
import type { StateStore, StateTarget } from "./state-store.ts";
import { type Backoff, createWorkQueue, type Schedule } from "./work-queue.ts";

/** Options of {@linkcode createController}. */
export interface ControllerOptions {
  /** The kinds of resources, each with its variable name. */
  readonly sources: readonly Source[];
  /** The configurations (see `createConfigHolder`). */
  readonly configs: Pick<ConfigHolder, "configsFor" | "ready" | "onChange">;
  /** Where notified states live. */
  readonly store: StateStore;
  /** How deliveries are made (see `createDeliveryIO`); its `store` keeps message references. */
  readonly io: DeliveryIO;
  /** Resources processed at once (default 8). */
  readonly concurrency?: number;
  /** Per-resource backoff after a failed delivery or state write (default 1 s doubling up to 5 minutes). */
  readonly backoff?: Backoff;
  /** The timer of the backoff (tests pass their own). */
  readonly schedule?: Schedule;
  /** The clock, unix milliseconds (default `io.now`). */
  readonly now?: () => number;
  readonly hooks?: ControllerHooks;
  readonly metrics?: ControllerMetrics;
  readonly log?: Log;
  /** The annotation prefix, `notifications.argoproj.io` by default. */
  readonly annotationPrefix?: string;
  /** Whether this process handles a resource (sharding); by default every one. */
  readonly owns?: (ref: ObjectRef) => boolean;
}

/** A controller. */
export interface Controller {
  /** Starts the store and the sources, then processes every resource and every change. */
  start(): Promise<void>;
  /** Stops the sources and the queue; resolves once passes in flight are done. */
  stop(): Promise<void>;
  /** Queues every known resource again (all, or those `filter` keeps). */
  resync(filter?: (ref: ObjectRef, source: Source) => boolean): void;
  /** Resolves once nothing is queued or in flight (with `delayed`, nothing waits for a retry either). */
  idle(options?: { readonly delayed?: boolean }): Promise<void>;
  /** Whether every source and the configuration are loaded. */
  ready(): boolean;
  /** Resources queued, in flight excluded. */
  depth(): number;
  /** Keys of the resources being processed now. */
  active(): Iterable<string>;
}

/** Unpersisted states (a write failed) by queue key: the next pass starts from them, so nothing is sent twice. */
export type Unsaved = Map<string, NotifiedState>;

function kindOf(key: string): string {
  const last = key.lastIndexOf("/");
  return key.slice(0, key.lastIndexOf("/", last - 1));
}

/**
 * Creates a controller over sources, configurations, a state store and delivery capabilities.
 *
 * @param options see {@linkcode ControllerOptions}
 * @returns the controller; call `start`
 */
export function createController(options: ControllerOptions): Controller {
  const sources = new Map(options.sources.map((s) => [s.kind, s]));
  const unsaved: Unsaved = new Map();
  const reported = new Map<string, string>();
  let storeStarted = false;
  let started = false;
  const owns = options.owns ?? (() => true);

  const queue = createWorkQueue(async (key) => {
    const source = sources.get(kindOf(key));
    if (source === undefined) return;
    const outcome = await runPass(key, source, {
      ...options,
      unsaved,
      owns,
      report: (diagnostics: readonly Diagnostic[]) => reportOnce(key, diagnostics),
    });
    if (outcome === "retry-delivery" || outcome === "retry-store" || outcome === "retry-error") {
      options.metrics?.retries.inc({ reason: outcome.slice("retry-".length) });
      queue.retry(key);
    } else queue.forget(key);
    options.metrics?.queueDepth.set(queue.depth());
  }, {
    concurrency: options.concurrency ?? 8,
    backoff: options.backoff ?? { baseMs: 1000, maxMs: 300_000 },
    ...(options.schedule !== undefined ? { schedule: options.schedule } : {}),
  });

  /** Logs a resource's diagnostics when they differ from what was last logged for it. */
  const reportOnce = (key: string, diagnostics: readonly Diagnostic[]): void => {
    const text = diagnostics.map((d) => `${d.severity} ${d.key ?? ""} ${d.message}`).join("\n");
    if ((reported.get(key) ?? "") === text) return;
    if (text === "") reported.delete(key);
    else reported.set(key, text);
    for (const d of diagnostics) {
      options.metrics?.resourceProblems.inc({ reason: d._tag });
      const fields = {
        resource: key,
        tag: d._tag,
        ...(d.key !== undefined ? { key: d.key } : {}),
        ...(d.hint !== undefined ? { hint: d.hint } : {}),
      };
      if (d.severity === "error") options.log?.error(d.message, fields);
      else options.log?.warn(d.message, fields);
    }
  };

  const onEvent =
    (source: Source) =>
    (type: "added" | "updated" | "deleted", key: string, object: Readonly<Record<string, unknown>>): void => {
      if (type !== "deleted") {
        queue.add(key);
        options.metrics?.queueDepth.set(queue.depth());
        return;
      }
      unsaved.delete(key);
      reported.delete(key);
      queue.forget(key);
      const ref = objectRef(object);
      if (ref !== undefined && owns(ref)) {
        const target: StateTarget = { key, source, object, ref };
        void options.store.forget(target).catch(() => undefined);
      }
    };

  const resync = (filter?: (ref: ObjectRef, source: Source) => boolean): void => {
    if (!started) return;
    for (const source of sources.values()) {
      for (const key of source.keys()) {
        if (filter !== undefined) {
          const ref = objectRef(source.get(key));
          if (ref === undefined || !filter(ref, source)) continue;
        }
        queue.add(key);
      }
    }
    options.metrics?.queueDepth.set(queue.depth());
  };

  options.configs.onChange((namespace, controllerWide) =>
    resync(controllerWide ? undefined : (ref) => ref.namespace === namespace)
  );

  return {
    async start() {
      await options.store.start?.();
      storeStarted = true;
      started = true;
      await Promise.all(options.sources.map((s) => s.start(onEvent(s))));
    },
    async stop() {
      started = false;
      await Promise.all(options.sources.map((s) => s.stop()));
      await queue.stop();
      await options.store.stop?.();
    },
    resync,
    idle: (o) => queue.idle(o),
    ready: () => storeStarted && options.configs.ready() && options.sources.every((s) => s.ready()),
    depth: () => queue.depth(),
    active: () => queue.active(),
  };
}
