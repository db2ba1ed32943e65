import { Redis } from "ioredis";

/**
 * The bot and hand-off suites run against a real Redis. When none answers, the whole run stops here with
 * a clear message instead of letting those tests skip themselves or time out one by one.
 */
export default async function checkRedis(): Promise<void> {
  const url = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: 3000,
  });
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new Error(
      `Redis is required for the test suite but did not answer at ${url.replace(/\/\/[^@]*@/, "//")} (${(error as Error).message}). ` +
        "Start one (redis-server --port 6379 --save '' --daemonize yes) or set REDIS_URL.",
    );
  } finally {
    redis.disconnect();
  }
}
