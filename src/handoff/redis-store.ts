import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import { byAge, FINISHED, type Job, type Lane, laneOf, type Ticket, WAITING_FOR_STAFF } from "./model.js";
import type { HandoffStore, OutboxEntry } from "./store.js";

const GROUP = "senders";

/**
 * Compare-and-set of a ticket plus the writes that go with it, in one script so that no other client sees
 * the ticket changed without its indexes and jobs (or the reverse) — and a crash cannot leave one half.
 */
const SAVE_TICKET = `
local current = redis.call('GET', KEYS[1])
local version = 0
if current then version = cjson.decode(current).version end
if tonumber(ARGV[1]) ~= version then return 0 end
redis.call('SET', KEYS[1], ARGV[2])
for _, op in ipairs(cjson.decode(ARGV[3])) do redis.call(unpack(op)) end
return 1`;

const ACQUIRE_LEASE = `
local holder = redis.call('GET', KEYS[1])
if not holder or holder == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 1
end
return 0`;

const RELEASE_LEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
return 1`;

export interface RedisHandoffStoreOptions {
  prefix: string;
  /** How long finished tickets (without their text) and message links are kept, for statistics and late replies. */
  retentionSeconds: number;
}

/** The handoff's data in Redis; keys start with `<prefix>handoff:`. The client is made and closed by the caller. */
export function createRedisHandoffStore(redis: Redis, options: RedisHandoffStoreOptions): HandoffStore {
  const p = `${options.prefix}handoff:`;
  const retentionMs = options.retentionSeconds * 1000;
  const key = {
    seq: `${p}ticket-seq`,
    request: (id: string) => `${p}request:${id}`,
    ticket: (n: number) => `${p}ticket:${n}`,
    user: (chat: number) => `${p}user:${chat}`,
    office: (id: string) => `${p}office:${id}`,
    reminders: `${p}reminders`,
    link: (chat: number) => `${p}links:${chat}`,
    blocked: (chat: number) => `${p}blocked:${chat}`,
    lanes: `${p}lanes`,
    stream: (lane: Lane) => `${p}outbox:${lane}`,
    lease: (lane: Lane) => `${p}lease:${lane}`,
    sent: (lane: Lane) => `${p}sent:${lane}`,
  };

  const ensuredGroups = new Set<Lane>();
  async function ensureGroup(lane: Lane): Promise<void> {
    if (ensuredGroups.has(lane)) return;
    try {
      // From the start of the stream: jobs added before the group existed are delivered too.
      await redis.xgroup("CREATE", key.stream(lane), GROUP, "0", "MKSTREAM");
    } catch (error) {
      if (!String(error).includes("BUSYGROUP")) throw error;
    }
    ensuredGroups.add(lane);
  }

  const parseTicket = (json: string | null) => (json ? (JSON.parse(json) as Ticket) : undefined);
  const entries = (raw: Array<[string, string[]]>): OutboxEntry[] =>
    raw
      // An entry deleted while pending comes back with no fields.
      .filter(([, fields]) => fields && fields.length >= 2)
      .map(([id, fields]) => ({ id, job: JSON.parse(fields[1] ?? "{}") as Job }));

  async function ticketsIn(indexKey: string): Promise<Ticket[]> {
    const numbers = await redis.zrange(indexKey, "0", "-1");
    if (numbers.length === 0) return [];
    const values = await redis.mget(...numbers.map((n) => key.ticket(Number(n))));
    // Redis orders equal scores by member text ("12" before "9"), not by number.
    return values
      .map(parseTicket)
      .filter((t): t is Ticket => t !== undefined)
      .sort(byAge);
  }

  /** Runs a command on the lane's consumer group, creating the group first if needed. */
  async function onGroup<T>(lane: Lane, command: () => Promise<T>): Promise<T> {
    await ensureGroup(lane);
    try {
      return await command();
    } catch (error) {
      // A Redis that came back empty (no persistence) lost the group too: create it again next time.
      if (String(error).includes("NOGROUP")) ensuredGroups.delete(lane);
      throw error;
    }
  }

  async function readGroup(lane: Lane, worker: string, count: number, from: "0" | ">"): Promise<OutboxEntry[]> {
    return onGroup(lane, async () => {
      const result = (await redis.xreadgroup(
        "GROUP",
        GROUP,
        worker,
        "COUNT",
        count,
        "STREAMS",
        key.stream(lane),
        from,
      )) as Array<[string, Array<[string, string[]]>]> | null;
      return entries(result?.[0]?.[1] ?? []);
    });
  }

  return {
    nextTicketNumber: async () => redis.incr(key.seq),
    getTicket: async (n) => parseTicket(await redis.get(key.ticket(n))),
    async ticketForRequest(id) {
      const value = await redis.get(key.request(id));
      return value === null ? undefined : Number(value);
    },

    async saveTicket(ticket, expectedVersion, jobs, requestId) {
      const n = String(ticket.number);
      const finished = FINISHED.has(ticket.status);
      const ops: Array<Array<string | number>> = [
        finished
          ? ["ZREM", key.user(ticket.userChatId), n]
          : ["ZADD", key.user(ticket.userChatId), ticket.createdAt, n],
        WAITING_FOR_STAFF.has(ticket.status)
          ? ["ZADD", key.office(ticket.officeId), ticket.createdAt, n]
          : ["ZREM", key.office(ticket.officeId), n],
        ticket.remindAt !== undefined ? ["ZADD", key.reminders, ticket.remindAt, n] : ["ZREM", key.reminders, n],
        finished ? ["PEXPIRE", key.ticket(ticket.number), retentionMs] : ["PERSIST", key.ticket(ticket.number)],
      ];
      if (requestId) ops.push(["SET", key.request(requestId), n, "EX", 86_400]);
      for (const job of jobs) {
        const lane = laneOf(job, ticket);
        ops.push(["SADD", key.lanes, lane], ["XADD", key.stream(lane), "*", "job", JSON.stringify(job)]);
      }
      const saved = await redis.eval(
        SAVE_TICKET,
        1,
        key.ticket(ticket.number),
        expectedVersion,
        JSON.stringify(ticket),
        JSON.stringify(ops),
      );
      return saved === 1;
    },

    ticketsOfUser: (chat) => ticketsIn(key.user(chat)),
    ticketsOfOffice: (id) => ticketsIn(key.office(id)),
    dueReminders: async (now) => (await redis.zrangebyscore(key.reminders, "-inf", now, "LIMIT", 0, 100)).map(Number),

    async linkMessage(chat, messageId, ticket) {
      await redis
        .multi()
        .hset(key.link(chat), String(messageId), String(ticket))
        .pexpire(key.link(chat), retentionMs)
        .exec();
    },
    async ticketForMessage(chat, messageId) {
      const value = await redis.hget(key.link(chat), String(messageId));
      return value === null ? undefined : Number(value);
    },
    async forgetMessages(chat) {
      await redis.del(key.link(chat));
    },

    async block(chat, ttlSeconds) {
      await redis.set(key.blocked(chat), "1", "EX", ttlSeconds);
    },
    async unblock(chat) {
      await redis.del(key.blocked(chat));
    },
    isBlocked: async (chat) => (await redis.exists(key.blocked(chat))) === 1,

    lanes: async () => (await redis.smembers(key.lanes)) as Lane[],
    acquireLane: async (lane, worker, ttlMs) =>
      (await redis.eval(ACQUIRE_LEASE, 1, key.lease(lane), worker, ttlMs)) === 1,
    async releaseLane(lane, worker) {
      await redis.eval(RELEASE_LEASE, 1, key.lease(lane), worker);
    },
    async recoverLane(lane, worker, count) {
      // Only the lane's holder reads it, so whatever another consumer left pending was left by a worker
      // that lost the lane (it died or stalled): take it over at once, whatever its idle time.
      let cursor = "0-0";
      do {
        const claim = () => redis.xautoclaim(key.stream(lane), GROUP, worker, 0, cursor, "COUNT", 100, "JUSTID");
        const [next] = (await onGroup(lane, claim)) as [string, string[]];
        cursor = next;
      } while (cursor !== "0-0");
      return readGroup(lane, worker, count, "0");
    },
    readLane: (lane, worker, count) => readGroup(lane, worker, count, ">"),
    laneSize: (lane) => redis.xlen(key.stream(lane)),
    async ack(lane, id) {
      await redis.multi().xack(key.stream(lane), GROUP, id).xdel(key.stream(lane), id).exec();
    },
    async sendsSince(lane, since) {
      const values = await redis.zrangebyscore(key.sent(lane), since, "+inf", "WITHSCORES");
      return values.filter((_, i) => i % 2 === 1).map(Number);
    },
    async recordSend(lane, at, keepMs) {
      await redis
        .multi()
        .zadd(key.sent(lane), at, `${at}:${randomUUID()}`)
        // Exclusive: a send exactly one window ago still counts for `sendsSince`, or the lane goes over by one.
        .zremrangebyscore(key.sent(lane), "-inf", `(${at - keepMs}`)
        .pexpire(key.sent(lane), keepMs)
        .exec();
    },
  };
}
