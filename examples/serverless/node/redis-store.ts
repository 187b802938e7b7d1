/** The store of the Node example: Redis (node-redis), keys prefixed with "notifications-engine/". */
import type { MessageStore } from "notifications-engine/shell";

/** The part of a node-redis client the store uses. */
export interface RedisLike {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<unknown>;
}

/**
 * A store on a Redis connection.
 * @param redis a connected client (`await createClient({ url }).connect()`)
 * @returns the store
 */
export function redisStore(redis: RedisLike): MessageStore {
  return {
    get: async (key) => (await redis.get(`notifications-engine/${key}`)) ?? undefined,
    set: async (key, value) => {
      await redis.set(`notifications-engine/${key}`, value);
    },
  };
}
