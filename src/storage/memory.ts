import type { ConversationData, VersionedState } from "@grammyjs/conversations";
import { MemorySessionStorage } from "grammy";
import type { SessionData } from "../bot/context.js";
import { type BotStorage, type CounterStore, conversationTtl, type StorageOptions } from "./index.js";

/** In-process storage for `lotse chat` without Redis: the same behaviour, forgotten when the process ends. */
export function createMemoryStorage({ ttlSeconds }: Pick<StorageOptions, "ttlSeconds">): BotStorage {
  return {
    kind: "memory",
    sessions: new MemorySessionStorage<SessionData>(ttlSeconds * 1000),
    conversations: new MemorySessionStorage<VersionedState<ConversationData>>(conversationTtl(ttlSeconds) * 1000),
    counters: memoryCounters(),
  };
}

function memoryCounters(): CounterStore {
  const windows = new Map<string, { count: number; endsAt: number }>();
  return {
    async increment(key, windowSeconds) {
      const now = Date.now();
      let window = windows.get(key);
      if (!window || window.endsAt <= now) {
        // Dropping every finished window here keeps the map as small as the number of active users.
        for (const [other, { endsAt }] of windows) if (endsAt <= now) windows.delete(other);
        window = { count: 0, endsAt: now + windowSeconds * 1000 };
        windows.set(key, window);
      }
      window.count += 1;
      return window.count;
    },
  };
}
