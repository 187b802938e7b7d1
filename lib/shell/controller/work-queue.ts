/**
 * The controller's work queue, as client-go's rate-limited work queue behaves: keys (not objects) are queued, a key
 * queued twice is processed once, a key is never processed twice at the same time (added while in flight, it runs
 * again after), a failing key comes back after an exponential per-key backoff, and at most `concurrency` keys are
 * processed at once. No library on npm combines de-duplication, the in-flight "dirty" rule and per-key backoff
 * (p-queue and fastq queue tasks, not keys), so it is written here, small.
 * @module
 */

/** When a key comes back after failures: `min(maxMs, baseMs · 2^(failures − 1))`. */
export interface Backoff {
  readonly baseMs: number;
  readonly maxMs: number;
}

/** Schedules `run` in `ms` milliseconds; returns a cancel function. Tests pass their own to count, not wait. */
export type Schedule = (run: () => void, ms: number) => () => void;

/** Options of {@linkcode createWorkQueue}. */
export interface WorkQueueOptions {
  /** Keys processed at once (default 4). */
  readonly concurrency?: number;
  /** Per-key backoff (default 500 ms doubling up to 5 minutes). */
  readonly backoff?: Backoff;
  /** The timer (default `setTimeout`). */
  readonly schedule?: Schedule;
}

/** A running queue. */
export interface WorkQueue {
  /** Queues `key` now, unless it is queued already. */
  add(key: string): void;
  /** Queues `key` after the key's next backoff delay and counts a failure; returns the delay. */
  retry(key: string): number;
  /** Forgets the key's failures (after a success) and any pending retry of it. */
  forget(key: string): void;
  /** Failures counted for `key` since it last succeeded. */
  failures(key: string): number;
  /** Keys waiting to be processed now (not those in flight or waiting for their backoff). */
  depth(): number;
  /** Keys waiting for their backoff. */
  delayed(): number;
  /** Keys being processed now. */
  active(): Iterable<string>;
  /**
   * Resolves once nothing is queued or in flight (and, with `delayed: true`, nothing waits for its backoff).
   * @param options whether to wait for delayed keys too
   */
  idle(options?: { readonly delayed?: boolean }): Promise<void>;
  /** Stops starting keys and cancels retries; resolves when the keys in flight are done. */
  stop(): Promise<void>;
}

const defaultSchedule: Schedule = (run, ms) => {
  const timer = setTimeout(run, ms);
  return () => clearTimeout(timer);
};

/**
 * Creates a queue that calls `process` for each key. `process` should not reject; if it does, the key is retried
 * with backoff.
 *
 * @param process what to do with a key
 * @param options concurrency, backoff and timer
 * @returns the queue
 * @example A key queued twice runs once
 * ```ts
 * import { createWorkQueue } from "./work-queue.ts";
 * import { expect } from "expect";
 * const seen: string[] = [];
 * const queue = createWorkQueue(async (key) => { seen.push(key); }, { concurrency: 1 });
 * queue.add("a"); // starts at once
 * queue.add("b");
 * queue.add("b"); // already queued
 * await queue.idle();
 * expect(seen).toEqual(["a", "b"]);
 * ```
 */
export function createWorkQueue(process: (key: string) => Promise<void>, options: WorkQueueOptions = {}): WorkQueue {
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const backoff = options.backoff ?? { baseMs: 500, maxMs: 300_000 };
  const schedule = options.schedule ?? defaultSchedule;
  const queue: string[] = [];
  let head = 0;
  const queued = new Set<string>();
  const inFlight = new Set<string>();
  const dirty = new Set<string>();
  const failureCount = new Map<string, number>();
  const waiting = new Map<string, () => void>();
  let stopped = false;
  let waiters: (() => boolean)[] = [];

  const settle = (): void => {
    if (queued.size > 0 || inFlight.size > 0) return;
    const still: (() => boolean)[] = [];
    for (const w of waiters) if (!w()) still.push(w);
    waiters = still;
  };
  const enqueue = (key: string): void => {
    if (stopped || queued.has(key)) return;
    if (inFlight.has(key)) {
      dirty.add(key);
      return;
    }
    queued.add(key);
    queue.push(key);
    pump();
  };
  const pump = (): void => {
    while (!stopped && inFlight.size < concurrency && head < queue.length) {
      const key = queue[head++]!;
      if (head > 1024 && head * 2 > queue.length) {
        queue.splice(0, head);
        head = 0;
      }
      queued.delete(key);
      inFlight.add(key);
      void run(key);
    }
    settle();
  };
  const run = async (key: string): Promise<void> => {
    try {
      await process(key);
    } catch {
      retry(key);
    } finally {
      inFlight.delete(key);
      if (dirty.delete(key)) enqueue(key);
      pump();
    }
  };
  const retry = (key: string): number => {
    const n = (failureCount.get(key) ?? 0) + 1;
    failureCount.set(key, n);
    const ms = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.min(n - 1, 40));
    waiting.get(key)?.();
    if (stopped) return ms;
    const cancel = schedule(() => {
      waiting.delete(key);
      enqueue(key);
      settle();
    }, ms);
    waiting.set(key, () => {
      cancel();
      waiting.delete(key);
    });
    return ms;
  };
  return {
    add: enqueue,
    retry,
    forget(key) {
      failureCount.delete(key);
      waiting.get(key)?.();
      settle();
    },
    failures: (key) => failureCount.get(key) ?? 0,
    depth: () => queued.size,
    delayed: () => waiting.size,
    active: () => inFlight.values(),
    idle(o = {}) {
      return new Promise<void>((resolve) => {
        const done = (): boolean => {
          if (o.delayed === true && waiting.size > 0) return false;
          resolve();
          return true;
        };
        waiters.push(done);
        settle();
      });
    },
    async stop() {
      stopped = true;
      for (const cancel of [...waiting.values()]) cancel();
      queue.length = 0;
      head = 0;
      queued.clear();
      while (inFlight.size > 0) await new Promise<void>((r) => waiters.push(() => (r(), true)));
      settle();
    },
  };
}
