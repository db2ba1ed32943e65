import { RedisAdapter } from "@grammyjs/storage-redis";
import type { StorageAdapter } from "grammy";
import type { Redis } from "ioredis";
import { type BotStorage, type CounterStore, conversationTtl, type StorageOptions } from "./index.js";

/**
 * Redis-backed storage. The session middleware writes a session back after every update that reads it,
 * so the time-to-live restarts with each message: data is kept for the retention period after a user's
 * last contact, not after their first. The client is made and closed by the caller.
 */
export function createRedisStorage(redis: Redis, { prefix, ttlSeconds }: StorageOptions): BotStorage {
  const adapter = <T>(kind: string, ttl: number) =>
    withPrefix(new RedisAdapter<T>({ instance: redis, ttl }), `${prefix}${kind}:`);
  return {
    kind: "redis",
    sessions: adapter("session", ttlSeconds),
    conversations: adapter("conversation", conversationTtl(ttlSeconds)),
    counters: redisCounters(redis, `${prefix}rate:`),
  };
}

// @grammyjs/storage-redis has no key prefix of its own.
function withPrefix<T>(adapter: StorageAdapter<T>, prefix: string): StorageAdapter<T> {
  return {
    read: (key) => adapter.read(prefix + key),
    write: (key, value) => adapter.write(prefix + key, value),
    delete: (key) => adapter.delete(prefix + key),
  };
}

function redisCounters(redis: Redis, prefix: string): CounterStore {
  return {
    async increment(key, windowSeconds) {
      // SET NX starts the window with its expiry in the same transaction as the increment, so a crash
      // between the two can never leave a counter without expiry (which would block a user for good).
      const results = await redis
        .multi()
        .set(prefix + key, 0, "EX", windowSeconds, "NX")
        .incr(prefix + key)
        .exec();
      const [error, count] = results?.[1] ?? [new Error("the Redis transaction was discarded"), 0];
      if (error) throw error;
      return Number(count);
    },
  };
}
