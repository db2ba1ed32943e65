import { Redis } from "ioredis";
import { redactUrl } from "../config/env.js";
import { errorFields, type Logger } from "../logger.js";

/**
 * Connects to Redis and checks it answers, so a wrong REDIS_URL stops the start with a clear message
 * instead of surfacing later as failed updates. Once running, ioredis reconnects by itself; the
 * connection problems in between are logged.
 */
export async function connectRedis(url: string, logger: Logger): Promise<Redis> {
  const redis = new Redis(url, { lazyConnect: true, connectTimeout: 5000, maxRetriesPerRequest: 3 });
  let connected = false;
  let firstError: unknown;
  redis.on("error", (error: Error) => {
    if (connected) logger.warn("Redis connection problem", errorFields(error));
    else firstError ??= error;
  });
  try {
    await redis.connect();
    await redis.ping();
    connected = true;
    return redis;
  } catch (error) {
    redis.disconnect();
    // The first error says why (refused, unknown host, wrong password); the rejection only that it failed.
    const cause = firstError ?? error;
    throw new Error(
      `cannot reach Redis at ${redactUrl(url)}: ${cause instanceof Error ? cause.message : String(cause)}`,
    );
  }
}
