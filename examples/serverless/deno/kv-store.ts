/** The store of the Deno example: Deno KV, keys split on "/" into KV key parts under ["notifications-engine"]. */
import type { MessageStore } from "notifications-engine/shell";

/**
 * A store on a Deno KV database.
 * @param kv the database (`await Deno.openKv(path)`)
 * @returns the store
 */
export function kvStore(kv: Deno.Kv): MessageStore {
  const keyOf = (key: string): Deno.KvKey => ["notifications-engine", ...key.split("/")];
  return {
    get: async (key) => (await kv.get<string>(keyOf(key))).value ?? undefined,
    set: async (key, value) => {
      await kv.set(keyOf(key), value);
    },
  };
}
