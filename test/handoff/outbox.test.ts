import { afterEach, describe, expect, it } from "vitest";
import { TRANSLATIONS } from "../../src/bot/i18n.js";
import type { BotApiCall } from "../../src/local/telegram.js";
import type { Lotse } from "../../src/runtime.js";
import { STAFF_CHAT_BASE, useBots } from "../helpers/telegram.js";

const bots = useBots();
const BRACKEL_STAFF = STAFF_CHAT_BASE - 0;
const running: Lotse[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((lotse) => lotse.handoff.stop()));
});

/** A bot with its outbox running, as `lotse start` runs it; stopped after the test. */
function start(options: Parameters<typeof bots.lotse>[0] = {}): Lotse {
  const lotse = bots.lotse(options);
  lotse.handoff.start();
  running.push(lotse);
  return lotse;
}

const question = (userChatId: number, text = "Wie finde ich eine Wohnung?") => ({
  userChatId,
  lang: "de" as const,
  districtId: "brackel",
  question: text,
  nearTopics: ["housing-search"],
});

const accepted =
  (chatId: number, method = "sendMessage") =>
  (call: BotApiCall) =>
    call.method === method && Number(call.payload.chat_id) === chatId;

function sentTo(chatId: number): BotApiCall[] {
  return bots.telegram.calls.filter(accepted(chatId));
}

async function create(lotse: Lotse, userChatId: number, text?: string): Promise<number> {
  const result = await lotse.handoff.tickets.create(question(userChatId, text));
  if (!result.ok) throw new Error(result.reason);
  return result.ticket.number;
}

describe("the outbox", () => {
  it("delivers a ticket to its office's group, with buttons, and remembers the message for replies", async () => {
    const lotse = start();
    const n = await create(lotse, 101);
    await lotse.handoff.worker.drained();
    const [call] = sentTo(BRACKEL_STAFF);
    expect(String(call?.payload.text)).toContain(`#${n}`);
    expect(JSON.stringify(call?.payload.reply_markup)).toContain(`st:claim:${n}`);
    const ticket = await lotse.handoff.tickets.getTicket(n);
    expect(ticket?.staffMessageId).toBeTypeOf("number");
    expect(await lotse.handoff.tickets.ticketForMessage(BRACKEL_STAFF, ticket?.staffMessageId ?? 0)).toBe(n);
  });

  it("waits as long as Telegram's 429 asks, then delivers once", async () => {
    bots.telegram.fail(accepted(BRACKEL_STAFF), {
      error_code: 429,
      description: "Too Many Requests: retry after 1",
      parameters: { retry_after: 1 },
    });
    const lotse = start();
    const before = Date.now();
    await create(lotse, 102);
    await lotse.handoff.worker.drained();
    const calls = sentTo(BRACKEL_STAFF);
    expect(calls).toHaveLength(1);
    expect((calls[0]?.at ?? 0) - before).toBeGreaterThanOrEqual(1000);
  });

  it.each([
    ["after 5xx answers", { error_code: 502, description: "Bad Gateway" }, 2],
    // A wrong chat id or a bot removed from the group: the question waits until an admin fixes it.
    [
      "while the staff group refuses it, instead of dropping the question",
      { error_code: 400, description: "Bad Request: chat not found" },
      3,
    ],
  ] as const)("retries %s and delivers once", async (_, failure, times) => {
    bots.telegram.fail(accepted(BRACKEL_STAFF), failure, times);
    const lotse = start();
    await create(lotse, 103);
    await lotse.handoff.worker.drained();
    expect(sentTo(BRACKEL_STAFF)).toHaveLength(1);
  });

  it("a newcomer who blocked the bot marks the ticket and tells staff; later answers to others still go out", async () => {
    const lotse = start();
    const blocked = await create(lotse, 105);
    const other = await create(lotse, 106);
    await lotse.handoff.worker.drained();
    bots.telegram.fail(accepted(105), { error_code: 403, description: "Forbidden: bot was blocked by the user" });
    await lotse.handoff.tickets.answer(blocked, { type: "text", text: "Antwort 1" });
    await lotse.handoff.tickets.answer(other, { type: "text", text: "Antwort 2" });
    await lotse.handoff.worker.drained();
    expect((await lotse.handoff.tickets.getTicket(blocked))?.unreachable).toBe(true);
    expect(sentTo(106).map((call) => String(call.payload.text))).toEqual([expect.stringContaining("Antwort 2")]);
    const notices = sentTo(BRACKEL_STAFF).map((call) => String(call.payload.text));
    expect(notices.some((text) => text.includes(`#${blocked}`) && text.includes("blockiert"))).toBe(true);
  });

  it("an answer that can never be sent (its FAQ topic was removed) is reported to staff and holds up nobody", async () => {
    const lotse = start();
    const stale = await create(lotse, 111);
    const other = await create(lotse, 112);
    await lotse.handoff.worker.drained();
    await lotse.handoff.tickets.answer(stale, { type: "faq", topicId: "removed-topic" });
    await lotse.handoff.tickets.answer(other, { type: "text", text: "Antwort 2" });
    await lotse.handoff.worker.drained();
    expect(sentTo(111)).toEqual([]);
    expect(sentTo(112)).toHaveLength(1);
    const notice = String(
      sentTo(BRACKEL_STAFF).find((call) => String(call.payload.text).includes("nicht zugestellt werden"))?.payload.text,
    );
    expect(notice).toContain(`#${stale}`);
  });

  it("a worker that dies mid-delivery is replaced: the question arrives exactly once", async () => {
    // The first attempt never gets an answer: the process froze or died while Telegram was asked.
    bots.telegram.fail(accepted(BRACKEL_STAFF), "hang");
    const outbox = { pollMs: 20, leaseMs: 300, backoff: { firstMs: 20, maxMs: 200 } };
    const dying = bots.lotse({ outbox });
    dying.handoff.start();
    const n = await create(dying, 107);
    // The dying worker took the job and is stuck in the call; its polling stops, its delivery never returns.
    await expect.poll(() => bots.telegram.refused.length).toBe(1);
    void dying.handoff.stop();
    const successor = start({ outbox });
    await successor.handoff.worker.drained();
    const calls = sentTo(BRACKEL_STAFF);
    expect(calls).toHaveLength(1);
    expect(String(calls[0]?.payload.text)).toContain(`#${n}`);
  });

  it("a delivery slower than the lease keeps its lane: a second worker does not send the question again", async () => {
    bots.telegram.fail(accepted(BRACKEL_STAFF), { delayMs: 1000 });
    const outbox = { pollMs: 20, leaseMs: 300, backoff: { firstMs: 20, maxMs: 200 } };
    const first = start({ outbox });
    await create(first, 113);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const second = start({ outbox });
    await first.handoff.worker.drained();
    // Stopping waits for the slow call to come back, so a second send would be seen by now.
    await Promise.all([first.handoff.stop(), second.handoff.stop()]);
    expect(sentTo(BRACKEL_STAFF)).toHaveLength(1);
  });

  it("tickets taken while no outbox ran (the bot crashed after confirming) are delivered after a restart, once", async () => {
    const crashed = bots.lotse();
    const first = await create(crashed, 108);
    const second = await create(crashed, 109);
    expect(sentTo(BRACKEL_STAFF)).toHaveLength(0);
    const restarted = start();
    await restarted.handoff.worker.drained();
    const texts = sentTo(BRACKEL_STAFF).map((call) => String(call.payload.text));
    expect(texts).toHaveLength(2);
    expect(texts[0]).toContain(`#${first}`);
    expect(texts[1]).toContain(`#${second}`);
  });

  it("a ticket waiting too long is raised again in the group and the newcomer told, in their language", async () => {
    let now = Date.now();
    const lotse = start({ clock: () => now });
    const result = await lotse.handoff.tickets.create({ ...question(110), lang: "fa" });
    if (!result.ok) throw new Error(result.reason);
    await lotse.handoff.worker.drained();
    now += 25 * 60 * 60 * 1000;
    expect(await lotse.handoff.tickets.remindDue()).toBe(1);
    await lotse.handoff.worker.drained();
    const reminder = sentTo(BRACKEL_STAFF).at(-1);
    expect(String(reminder?.payload.text)).toContain(`Anfrage #${result.ticket.number} wartet seit 25 Stunden`);
    expect(reminder?.payload.reply_parameters).toMatchObject({ message_id: expect.any(Number) });
    expect(String(sentTo(110).at(-1)?.payload.text)).toContain(TRANSLATIONS.fa.handoff.delayed.split("{{")[0] ?? "");
  });

  it("a burst of 100 hand-offs to one office all arrive, in order, never more than the group's rate", async () => {
    const rate = { max: 20, windowMs: 1000 };
    const lotse = start({ outbox: { pollMs: 20, rates: { staffChat: rate, users: { max: 30, windowMs: 1000 } } } });
    const numbers = await Promise.all(Array.from({ length: 100 }, (_, i) => create(lotse, 2000 + i)));
    await lotse.handoff.worker.drained();
    const calls = sentTo(BRACKEL_STAFF);
    const delivered = calls.map((call) => Number(/#(\d+)/.exec(String(call.payload.text))?.[1]));
    expect(delivered).toEqual([...numbers].sort((a, b) => a - b));
    for (let i = 0; i + rate.max < calls.length; i++) {
      const span = (calls[i + rate.max]?.at ?? 0) - (calls[i]?.at ?? 0);
      expect(span, `messages ${i}…${i + rate.max}`).toBeGreaterThan(rate.windowMs);
    }
  }, 30_000);
});
