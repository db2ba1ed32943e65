import type { ConversationData, VersionedState } from "@grammyjs/conversations";
import type { StorageAdapter } from "grammy";
import type { SessionData } from "../bot/context.js";

export { createMemoryStorage } from "./memory.js";
export { createRedisStorage } from "./redis.js";

/** Counts events per key within a fixed window; the rate limiter's memory. */
export interface CounterStore {
  /** Adds one to the key's counter and returns the new count; the counter starts afresh after the window. */
  increment(key: string, windowSeconds: number): Promise<number>;
}

/**
 * Everything the bot remembers, behind one object so that the same bot runs on Redis (`lotse start`,
 * tests) or in memory (`lotse chat` without REDIS_URL). Keys are per chat; the prefix and the
 * time-to-live are applied here, not by the callers.
 */
export interface BotStorage {
  kind: "redis" | "memory";
  sessions: StorageAdapter<SessionData>;
  conversations: StorageAdapter<VersionedState<ConversationData>>;
  counters: CounterStore;
}

export interface StorageOptions {
  /** Put in front of every key, e.g. "lotse:". */
  prefix: string;
  /** Data retention: entries expire this long after they were last written. */
  ttlSeconds: number;
}

/**
 * A conversation in progress may hold a question the user typed but has not sent yet: it is kept for a
 * day at most, not for the whole retention period. Whoever comes back later simply starts again.
 */
export function conversationTtl(ttlSeconds: number): number {
  return Math.min(ttlSeconds, 24 * 60 * 60);
}
