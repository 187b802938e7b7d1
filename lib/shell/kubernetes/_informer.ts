/**
 * A list-and-watch cache on client-node's `ListWatch`, with what it lacks added around it: it stops for good after a
 * connection error (restarted here with backoff), re-watches at once and forever after an `ERROR` event other than
 * 410 (paced here), asks for no bookmarks and no server timeout (both asked here), lists in one page from etcd (paged here, from the watch cache),
 * and caches `metadata.managedFields` (dropped here).
 * @module
 */
import { type KubeConfig, ListWatch, Watch } from "@kubernetes/client-node";
import type { RawSender } from "./_raw-sender.ts";
import type { RawInformer, RawInformerHandlers, RawInformerOptions } from "./_client.ts";
import { fromApiException } from "./_kube-failure.ts";

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
    return await super.watch(path, {
      ...query,
      allowWatchBookmarks: true,
      timeoutSeconds: 300 + Math.floor(Math.random() * 300),
    }, (phase, obj, raw) => {
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
  if (typeof metadata === "object" && metadata !== null && "managedFields" in metadata) {
    delete metadata["managedFields"];
  }
  return object;
}

function backoffMs(failures: number): number {
  const ceiling = Math.min(30_000, 250 * 2 ** Math.min(failures, 10));
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

export function createInformer(
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
      // The first list from the API server's watch cache (resourceVersion 0), as client-go's reflector lists: no
      // read from etcd; the watch that follows resumes from its resourceVersion, so nothing is missed. A re-list
      // (after 410 Gone) reads consistently, so no object goes back to an older version.
      if (cont !== undefined) query["continue"] = cont;
      else if (!listed) query["resourceVersion"] = "0";
      if (options.labelSelector !== undefined) query["labelSelector"] = options.labelSelector;
      if (options.fieldSelector !== undefined) query["fieldSelector"] = options.fieldSelector;
      const page = await api.send("GET", path, { query }) as {
        metadata?: { resourceVersion?: string; continue?: string };
        items?: Record<string, unknown>[];
      };
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
