import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { LocalTelegram } from "../../src/local/telegram.js";
import { PrivateRedis } from "../helpers/private-redis.js";
import { createTestLotse, STAFF_CHAT_BASE, uniquePrefix } from "../helpers/telegram.js";

const server = new PrivateRedis();
afterAll(() => server.stop());

describe("when Redis goes away", () => {
  it("the outbox waits for it and then delivers what was queued before, once", async () => {
    await server.start();
    // Like the bot's own client: reconnects for as long as it takes, commands fail fast meanwhile.
    const redis = new Redis(server.url, { maxRetriesPerRequest: 1, retryStrategy: () => 100 });
    redis.on("error", () => {});
    const telegram = new LocalTelegram();
    const log: string[] = [];
    const lotse = createTestLotse({ redis, prefix: uniquePrefix(), telegram, log });
    const created = await lotse.handoff.tickets.create({
      userChatId: 42,
      lang: "de",
      districtId: "brackel",
      question: "Frage vor dem Ausfall",
      nearTopics: [],
    });
    expect(created.ok).toBe(true);

    await server.stop();
    lotse.handoff.start();
    await expect.poll(() => log.some((line) => line.includes("could not list the outbox lanes"))).toBe(true);
    expect(telegram.calls).toEqual([]);

    await server.start();
    await lotse.handoff.worker.drained();
    const delivered = telegram.calls.filter((call) => Number(call.payload.chat_id) === STAFF_CHAT_BASE);
    expect(delivered).toHaveLength(1);
    expect(String(delivered[0]?.payload.text)).toContain("Frage vor dem Ausfall");
    await lotse.handoff.stop();
    redis.disconnect();
  }, 30_000);
});
