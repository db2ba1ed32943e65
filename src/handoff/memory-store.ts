import { byAge, FINISHED, type Job, type Lane, laneOf, type Ticket, WAITING_FOR_STAFF } from "./model.js";
import type { HandoffStore, OutboxEntry } from "./store.js";

/**
 * The handoff's data in this process only, for `lotse chat` without Redis: one process, so a lane is
 * never contended, and everything is forgotten at exit. Same contract as the Redis store (tested alike).
 */
export function createMemoryHandoffStore(): HandoffStore {
  let seq = 0;
  let entrySeq = 0;
  const tickets = new Map<number, Ticket>();
  const requests = new Map<string, number>();
  const links = new Map<number, Map<number, number>>();
  const blocked = new Map<number, number>();
  const streams = new Map<Lane, Array<OutboxEntry & { readBy?: string }>>();
  const leases = new Map<Lane, { worker: string; until: number }>();
  const sent = new Map<Lane, number[]>();

  const copy = (ticket: Ticket | undefined) => (ticket ? structuredClone(ticket) : undefined);
  const select = (keep: (ticket: Ticket) => boolean) =>
    [...tickets.values()]
      .filter(keep)
      .sort(byAge)
      .map((t) => structuredClone(t));
  const stream = (lane: Lane) => {
    let entries = streams.get(lane);
    if (!entries) {
      entries = [];
      streams.set(lane, entries);
    }
    return entries;
  };

  return {
    nextTicketNumber: async () => ++seq,
    getTicket: async (n) => copy(tickets.get(n)),
    ticketForRequest: async (id) => requests.get(id),
    async saveTicket(ticket, expectedVersion, jobs: Job[], requestId) {
      if ((tickets.get(ticket.number)?.version ?? 0) !== expectedVersion) return false;
      tickets.set(ticket.number, structuredClone(ticket));
      if (requestId) requests.set(requestId, ticket.number);
      for (const job of jobs) stream(laneOf(job, ticket)).push({ id: String(++entrySeq), job: structuredClone(job) });
      return true;
    },
    ticketsOfUser: async (chat) => select((t) => t.userChatId === chat && !FINISHED.has(t.status)),
    ticketsOfOffice: async (id) => select((t) => t.officeId === id && WAITING_FOR_STAFF.has(t.status)),
    dueReminders: async (now) =>
      [...tickets.values()].filter((t) => t.remindAt !== undefined && t.remindAt <= now).map((t) => t.number),

    async linkMessage(chat, messageId, ticket) {
      const chatLinks = links.get(chat) ?? new Map<number, number>();
      chatLinks.set(messageId, ticket);
      links.set(chat, chatLinks);
    },
    ticketForMessage: async (chat, messageId) => links.get(chat)?.get(messageId),
    async forgetMessages(chat) {
      links.delete(chat);
    },

    async block(chat, ttlSeconds) {
      blocked.set(chat, Date.now() + ttlSeconds * 1000);
    },
    async unblock(chat) {
      blocked.delete(chat);
    },
    isBlocked: async (chat) => (blocked.get(chat) ?? 0) > Date.now(),

    lanes: async () => [...streams.keys()],
    async acquireLane(lane, worker, ttlMs) {
      const lease = leases.get(lane);
      if (lease && lease.worker !== worker && lease.until > Date.now()) return false;
      leases.set(lane, { worker, until: Date.now() + ttlMs });
      return true;
    },
    async releaseLane(lane, worker) {
      if (leases.get(lane)?.worker === worker) leases.delete(lane);
    },
    async recoverLane(lane, worker, count) {
      const pending = stream(lane).filter((entry) => entry.readBy !== undefined);
      for (const entry of pending) entry.readBy = worker;
      return pending.slice(0, count).map(({ id, job }) => ({ id, job }));
    },
    async readLane(lane, worker, count) {
      const fresh = stream(lane)
        .filter((entry) => entry.readBy === undefined)
        .slice(0, count);
      for (const entry of fresh) entry.readBy = worker;
      return fresh.map(({ id, job }) => ({ id, job }));
    },
    laneSize: async (lane) => stream(lane).length,
    async ack(lane, id) {
      streams.set(
        lane,
        stream(lane).filter((entry) => entry.id !== id),
      );
    },
    sendsSince: async (lane, since) => (sent.get(lane) ?? []).filter((at) => at >= since),
    async recordSend(lane, at, keepMs) {
      sent.set(lane, [...(sent.get(lane) ?? []).filter((time) => time >= at - keepMs), at]);
    },
  };
}
