/**
 * A raw watch (client-node's `Watch`) that records its events, for tests that look at what the API server sends.
 *
 * @module
 */
import { type KubeConfig, Watch } from "@kubernetes/client-node";

/** One watch event as sent: `ADDED`, `MODIFIED`, `DELETED`, `BOOKMARK`, or `ERROR` with a `Status` object. */
export interface WatchEvent {
  readonly type: string;
  readonly object: {
    readonly metadata?: { readonly name?: string; readonly annotations?: Record<string, string> };
    readonly code?: number;
    readonly reason?: string;
  };
}

/** A running recorded watch. */
export interface RecordedWatch {
  /** Every event so far, in order. */
  readonly events: readonly WatchEvent[];
  /** Waits for an event matching `match` (seen already or to come); throws if the watch ends or time runs out. */
  until(match: (event: WatchEvent) => boolean, options?: { timeoutMs?: number }): Promise<WatchEvent>;
  /** Ends the watch. */
  stop(): void;
}

/**
 * Watches `path` (e.g. `/api/v1/namespaces/default/configmaps`) and records its events.
 *
 * @param kc The client configuration.
 * @param path The collection's path.
 * @param query Query parameters, e.g. `{ resourceVersion }`.
 * @returns The recorded watch.
 */
export async function recordWatch(
  kc: KubeConfig,
  path: string,
  query: Record<string, string> = {},
): Promise<RecordedWatch> {
  const events: WatchEvent[] = [];
  let ended: unknown = undefined;
  let wake = (): void => {};
  const abort = await new Watch(kc).watch(path, query, (type: string, object: WatchEvent["object"]) => {
    events.push({ type, object });
    wake();
  }, (err: unknown) => {
    ended = err ?? "closed";
    wake();
  });
  return {
    events,
    async until(match, options = {}) {
      const deadline = Date.now() + (options.timeoutMs ?? 20_000);
      for (;;) {
        const hit = events.find(match);
        if (hit) return hit;
        const seen = JSON.stringify(events.map((e) => e.type));
        if (ended !== undefined) {
          throw new Error(`watch of ${path} ended (${String(ended)}) before a match; saw ${seen}`);
        }
        if (Date.now() > deadline) throw new Error(`no matching event on ${path}; saw ${seen}`);
        await new Promise<void>((r) => {
          wake = r;
          setTimeout(r, 200);
        });
      }
    },
    stop: () => abort.abort(),
  };
}
