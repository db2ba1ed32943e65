import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  createMemoryHandoffStore,
  createRedisHandoffStore,
  type HandoffStore,
  TicketService,
} from "../../src/handoff/index.js";
import type { Job, Lane } from "../../src/handoff/model.js";
import { createMemoryStorage, createRedisStorage } from "../../src/storage/index.js";
import { connectTestRedis, deleteKeys, STAFF_CHAT_BASE, testCity, uniquePrefix } from "../helpers/telegram.js";

const HOUR = 60 * 60 * 1000;
const LIMITS = { maxOpenPerUser: 2, maxPerDay: 3, remindAfterMs: 24 * HOUR, blockSeconds: 3600 };
const city = testCity();
const redis = connectTestRedis();
afterAll(() => redis.quit());

/** The same rules on both stores: Redis for the bot, memory for `lotse chat` without Redis. */
const backends = [
  {
    name: "Redis",
    make: (prefix: string) => ({
      store: createRedisHandoffStore(redis, { prefix, retentionSeconds: 3600 }),
      counters: createRedisStorage(redis, { prefix, ttlSeconds: 60 }).counters,
    }),
  },
  {
    name: "memory",
    make: () => ({ store: createMemoryHandoffStore(), counters: createMemoryStorage({ ttlSeconds: 60 }).counters }),
  },
];

describe.each(backends)("tickets in $name", ({ make }) => {
  let prefix: string;
  let store: HandoffStore;
  let tickets: TicketService;
  let now: number;
  let queued: number;

  beforeEach(() => {
    prefix = uniquePrefix();
    const parts = make(prefix);
    store = parts.store;
    now = Date.UTC(2026, 10, 25, 9, 0);
    queued = 0;
    tickets = new TicketService(
      store,
      city,
      parts.counters,
      LIMITS,
      () => queued++,
      () => now,
    );
  });
  afterEach(() => deleteKeys(redis, prefix));

  const draft = (userChatId: number, districtId?: string) => ({
    userChatId,
    lang: "ar" as const,
    ...(districtId ? { districtId } : {}),
    question: "سؤال",
    nearTopics: ["housing-search"],
  });

  async function jobs(lane: Lane): Promise<Job[]> {
    const entries = await store.readLane(lane, "test", 100);
    for (const entry of entries) await store.ack(lane, entry.id);
    return entries.map((entry) => entry.job);
  }

  it("a new ticket goes to the office of its district, with its message to staff queued in the same step", async () => {
    const result = await tickets.create(draft(11, "brackel"));
    if (!result.ok) throw new Error(result.reason);
    expect(result.ticket).toMatchObject({ number: 1, officeId: "brackel-aplerbeck", status: "open", version: 1 });
    expect(result.ticket.staffChatId).toBe(STAFF_CHAT_BASE - 0);
    expect(await jobs(`staff:${result.ticket.staffChatId}`)).toEqual([{ kind: "staff-ticket", ticket: 1 }]);
    expect(queued).toBe(1);
  });

  it("a ticket without a district goes to the fallback office", async () => {
    const result = await tickets.create(draft(11));
    expect(result.ok && result.ticket.officeId).toBe(city.fallbackOfficeId);
  });

  it("asking twice with the same request id (a replayed update) makes one ticket", async () => {
    const first = await tickets.create({ ...draft(11, "brackel"), requestId: "r-1" });
    const again = await tickets.create({ ...draft(11, "brackel"), requestId: "r-1" });
    expect(first.ok && again.ok && again.ticket.number).toBe(first.ok && first.ticket.number);
    expect(await jobs("staff:-1001000000000")).toHaveLength(1);
    expect((await tickets.create({ ...draft(11, "brackel"), requestId: "r-2" })).ok).toBe(true);
  });

  it("numbers tickets one after the other", async () => {
    const numbers = [];
    for (const user of [1, 2, 3]) {
      const result = await tickets.create(draft(user, "hoerde"));
      if (result.ok) numbers.push(result.ticket.number);
    }
    expect(numbers).toEqual([1, 2, 3]);
  });

  it("refuses more open tickets than allowed, and blocked users", async () => {
    await tickets.create(draft(11, "eving"));
    await tickets.create(draft(11, "eving"));
    expect(await tickets.create(draft(11, "eving"))).toEqual({ ok: false, reason: "too-many-open" });
    await tickets.block(12);
    expect(await tickets.create(draft(12, "eving"))).toEqual({ ok: false, reason: "blocked" });
    await tickets.unblock(12);
    expect((await tickets.create(draft(12, "eving"))).ok).toBe(true);
  });

  it("refuses more hand-offs a day than allowed, even when earlier ones were withdrawn", async () => {
    for (let i = 0; i < 3; i++) {
      const result = await tickets.create(draft(11, "eving"));
      if (result.ok) await tickets.withdraw(result.ticket.number, 11);
    }
    expect(await tickets.create(draft(11, "eving"))).toEqual({ ok: false, reason: "daily-limit" });
  });

  it("follow-ups reach staff and reopen an answered ticket; a finished one takes none", async () => {
    const created = await tickets.create(draft(11, "mengede"));
    if (!created.ok) throw new Error(created.reason);
    const n = created.ticket.number;
    await tickets.markAnswerDelivered(n);
    const added = await tickets.addFollowUp(n, 11, "noch etwas");
    expect(added.ok && added.ticket.status).toBe("open");
    expect(await tickets.addFollowUp(n, 99, "not mine")).toEqual({ ok: false, reason: "not-yours" });
    await tickets.close(n);
    expect(await tickets.addFollowUp(n, 11, "too late")).toEqual({ ok: false, reason: "finished" });
    const staffJobs = await jobs(`staff:${created.ticket.staffChatId}`);
    expect(staffJobs.map((job) => job.kind)).toEqual(["staff-ticket", "staff-notice", "staff-follow-up"]);
  });

  it("closing forgets the question text and tells the newcomer", async () => {
    const created = await tickets.create(draft(11, "hombruch"));
    if (!created.ok) throw new Error(created.reason);
    const closed = await tickets.close(created.ticket.number);
    expect(closed.ok && closed.ticket).toMatchObject({ status: "closed", question: null });
    expect(await jobs("users")).toEqual([{ kind: "user-notice", ticket: 1, notice: "closed" }]);
    expect(await tickets.ticketsOfUser(11)).toEqual([]);
    expect(await tickets.ticketsOfOffice(created.ticket.officeId)).toEqual([]);
    expect(await tickets.answer(created.ticket.number, { type: "text", text: "late" })).toEqual({
      ok: false,
      reason: "finished",
    });
  });

  it("claiming shows who works on it; the office list holds waiting tickets oldest first", async () => {
    const first = await tickets.create(draft(11, "brackel"));
    now += 1000;
    const second = await tickets.create(draft(12, "aplerbeck"));
    if (!first.ok || !second.ok) throw new Error("not created");
    const claimed = await tickets.claim(second.ticket.number, "Anna");
    expect(claimed.ok && claimed.ticket).toMatchObject({ status: "claimed", claimedBy: "Anna" });
    const waiting = await tickets.ticketsOfOffice("brackel-aplerbeck");
    expect(waiting.map((t) => t.number)).toEqual([first.ticket.number, second.ticket.number]);
  });

  it("tickets made in the same millisecond are listed in the order they were made, past number 9 too", async () => {
    const numbers: number[] = [];
    for (let user = 11; user <= 21; user++) {
      const created = await tickets.create(draft(user, "brackel"));
      if (!created.ok) throw new Error(created.reason);
      numbers.push(created.ticket.number);
    }
    const waiting = await tickets.ticketsOfOffice("brackel-aplerbeck");
    expect(waiting.map((t) => t.number)).toEqual(numbers);
  });

  it("reminds staff once per period of waiting, and tells the newcomer only the first time", async () => {
    const created = await tickets.create(draft(11, "luetgendortmund"));
    if (!created.ok) throw new Error(created.reason);
    const lane: Lane = `staff:${created.ticket.staffChatId}`;
    await jobs(lane);
    now += 23 * HOUR;
    expect(await tickets.remindDue()).toBe(0);
    now += 2 * HOUR;
    expect(await tickets.remindDue()).toBe(1);
    expect(await tickets.remindDue()).toBe(0);
    now += 25 * HOUR;
    expect(await tickets.remindDue()).toBe(1);
    expect(await jobs(lane)).toEqual([
      { kind: "staff-notice", ticket: 1, notice: "reminder" },
      { kind: "staff-notice", ticket: 1, notice: "reminder" },
    ]);
    expect(await jobs("users")).toEqual([{ kind: "user-notice", ticket: 1, notice: "delayed" }]);
  });

  it("no reminders once the answer was delivered", async () => {
    const created = await tickets.create(draft(11, "huckarde"));
    if (!created.ok) throw new Error(created.reason);
    await tickets.markAnswerDelivered(created.ticket.number);
    now += 48 * HOUR;
    expect(await tickets.remindDue()).toBe(0);
  });

  it("deleting a user's data withdraws their tickets and removes who asked them", async () => {
    const created = await tickets.create(draft(11, "scharnhorst"));
    if (!created.ok) throw new Error(created.reason);
    await tickets.linkMessage(11, 500, created.ticket.number);
    await tickets.forgetUser(11);
    const ticket = await tickets.getTicket(created.ticket.number);
    expect(ticket).toMatchObject({ status: "withdrawn", question: null, userChatId: 0 });
    expect(await tickets.ticketsOfUser(11)).toEqual([]);
    expect(await tickets.ticketForMessage(11, 500)).toBeUndefined();
  });

  it("a change based on an outdated ticket is refused by the store", async () => {
    const created = await tickets.create(draft(11, "eving"));
    if (!created.ok) throw new Error(created.reason);
    const stale = created.ticket;
    await tickets.claim(stale.number, "Anna");
    expect(await store.saveTicket({ ...stale, version: 2, claimedBy: "Ben" }, 1, [])).toBe(false);
    expect((await tickets.getTicket(stale.number))?.claimedBy).toBe("Anna");
  });

  it("simultaneous changes of one ticket are all applied", async () => {
    const created = await tickets.create(draft(11, "eving"));
    if (!created.ok) throw new Error(created.reason);
    await Promise.all(
      Array.from({ length: 5 }, (_, i) => tickets.addFollowUp(created.ticket.number, 11, `detail ${i}`)),
    );
    expect((await tickets.getTicket(created.ticket.number))?.followUps).toBe(5);
  });

  it("a send exactly one rate window ago still counts against the lane's rate", async () => {
    await store.recordSend("users", now, 1000);
    await store.recordSend("users", now + 1000, 1000);
    expect(await store.sendsSince("users", now)).toEqual([now, now + 1000]);
  });
});

describe("tickets in Redis", () => {
  it("finished tickets expire after the retention time; open ones never", async () => {
    const prefix = uniquePrefix();
    const store = createRedisHandoffStore(redis, { prefix, retentionSeconds: 3600 });
    const tickets = new TicketService(store, city, createMemoryStorage({ ttlSeconds: 60 }).counters, LIMITS);
    const open = await tickets.create({ userChatId: 1, lang: "de", question: "?", nearTopics: [] });
    const closed = await tickets.create({ userChatId: 2, lang: "de", question: "?", nearTopics: [] });
    if (!open.ok || !closed.ok) throw new Error("not created");
    await tickets.close(closed.ticket.number);
    expect(await redis.ttl(`${prefix}handoff:ticket:${open.ticket.number}`)).toBe(-1);
    const ttl = await redis.ttl(`${prefix}handoff:ticket:${closed.ticket.number}`);
    expect(ttl).toBeGreaterThan(3500);
    expect(ttl).toBeLessThanOrEqual(3600);
    await deleteKeys(redis, prefix);
  });
});
