/** The work queue: de-duplication, no key twice at once, per-key backoff, bounded concurrency. */
import { describe, expect, it } from "vitest";
import { createWorkQueue, type Schedule } from "../../../lib/shell/controller/work-queue.ts";

const immediate = (delays: number[]): Schedule => (run, ms) => {
  delays.push(ms);
  const t = setTimeout(run, 0);
  return () => clearTimeout(t);
};

describe("createWorkQueue", () => {
  it("processes a key queued many times while it waits once", async () => {
    const seen: string[] = [];
    let release: () => void = () => {};
    const q = createWorkQueue(async (k) => {
      seen.push(k);
      if (k === "busy") await new Promise<void>((r) => (release = r));
    }, { concurrency: 1 });
    q.add("busy");
    for (let i = 0; i < 5; i++) q.add("a");
    q.add("b");
    expect(q.depth()).toBe(2);
    release();
    await q.idle();
    expect(seen).toEqual(["busy", "a", "b"]);
  });

  it("never runs a key twice at once: added while in flight, it runs again after", async () => {
    let running = 0;
    let most = 0;
    const seen: string[] = [];
    let release: () => void = () => {};
    const q = createWorkQueue(async (k) => {
      running++;
      most = Math.max(most, running);
      seen.push(k);
      if (seen.length === 1) await new Promise<void>((r) => (release = r));
      running--;
    }, { concurrency: 4 });
    q.add("a");
    await new Promise((r) => setTimeout(r, 0));
    q.add("a");
    q.add("a");
    release();
    await q.idle();
    expect(seen).toEqual(["a", "a"]);
    expect(most).toBe(1);
  });

  it("holds the concurrency bound", async () => {
    let running = 0;
    let most = 0;
    const q = createWorkQueue(async () => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 1));
      running--;
    }, { concurrency: 3 });
    for (let i = 0; i < 20; i++) q.add(`k${i}`);
    await q.idle();
    expect(most).toBe(3);
  });

  it("backs a failing key off exponentially up to the maximum, and forget resets it", async () => {
    const delays: number[] = [];
    let calls = 0;
    // deno-lint-ignore require-await -- the queue takes async work
    const q = createWorkQueue(async (k) => {
      calls++;
      if (calls <= 6) q.retry(k);
      else q.forget(k);
    }, { backoff: { baseMs: 100, maxMs: 1000 }, schedule: immediate(delays) });
    q.add("a");
    await q.idle({ delayed: true });
    expect(delays).toEqual([100, 200, 400, 800, 1000, 1000]);
    expect(q.failures("a")).toBe(0);
  });

  it("retries a key whose processing rejects", async () => {
    const delays: number[] = [];
    let calls = 0;
    // deno-lint-ignore require-await -- the queue takes async work; this one throws, so it rejects
    const q = createWorkQueue(async () => {
      if (++calls === 1) throw new Error("boom");
    }, { schedule: immediate(delays) });
    q.add("a");
    await q.idle({ delayed: true });
    expect(calls).toBe(2);
    expect(delays).toEqual([500]);
  });

  it("stop cancels pending retries and waits for keys in flight", async () => {
    const delays: number[] = [];
    let done = 0;
    const q = createWorkQueue(async (k) => {
      await new Promise((r) => setTimeout(r, 5));
      done++;
      q.retry(k);
    }, { schedule: (_run, ms) => (delays.push(ms), () => {}) });
    q.add("a");
    await new Promise((r) => setTimeout(r, 0));
    await q.stop();
    expect(done).toBe(1);
    expect(q.delayed()).toBe(0);
  });
});
