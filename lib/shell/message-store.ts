/**
 * Where message references live between deliveries (Slack's thread parent per grouping key, the channel a Slack
 * message went to), so that a restarted process edits the same message. The controller persists it; this module has
 * the interface and an in-memory implementation.
 * @module
 */

/** A key-value store of message references. Keys are `<service name>/<provider's key>`. */
export interface MessageStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
}

/**
 * A store in memory, for tests and single runs. Two deliveries sharing it behave like two processes sharing a
 * persistent store.
 * @returns the store
 * @example
 * ```ts
 * import { createMemoryStore } from "./message-store.ts";
 * import { expect } from "expect";
 * const store = createMemoryStore();
 * await store.set("slack/thread", "1700000000.000100");
 * expect(await store.get("slack/thread")).toBe("1700000000.000100");
 * ```
 */
export function createMemoryStore(): MessageStore & { readonly entries: ReadonlyMap<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    get: (key) => Promise.resolve(entries.get(key)),
    set: (key, value) => {
      entries.set(key, value);
      return Promise.resolve();
    },
  };
}
