import type { Job, Lane, Ticket } from "./model.js";

/** A job waiting in the outbox. */
export interface OutboxEntry {
  id: string;
  job: Job;
}

/**
 * Where tickets and the outbox live: Redis for the bot (durable, shared by every instance), memory for
 * `lotse chat` without Redis. The rules (limits, status changes, which jobs a change causes) live in the
 * ticket service; a store only keeps data and makes each change atomic.
 */
export interface HandoffStore {
  nextTicketNumber(): Promise<number>;
  getTicket(number: number): Promise<Ticket | undefined>;
  /** The ticket a request (a Telegram message, a "send" press) already changed within the last day, if any. */
  ticketForRequest(requestId: string): Promise<number | undefined>;
  /**
   * Writes the ticket, its indexes and the jobs it causes in one step, but only if the stored ticket is
   * still at `expectedVersion` (0: it must not exist yet). False when someone else changed it first.
   * `requestId`, if given, is remembered with the change, so the same request is not carried out twice.
   */
  saveTicket(ticket: Ticket, expectedVersion: number, jobs: Job[], requestId?: string): Promise<boolean>;
  /** The newcomer's unfinished tickets, oldest first. */
  ticketsOfUser(userChatId: number): Promise<Ticket[]>;
  /** The office's tickets waiting for staff, oldest first. */
  ticketsOfOffice(officeId: string): Promise<Ticket[]>;
  /** Tickets whose reminder is due. */
  dueReminders(now: number): Promise<number[]>;

  /** Remembers which ticket a bot message in a chat belongs to, so replies to it find the ticket. */
  linkMessage(chatId: number, messageId: number, ticket: number): Promise<void>;
  ticketForMessage(chatId: number, messageId: number): Promise<number | undefined>;
  /** Forgets the links in a newcomer's private chat (on /delete). */
  forgetMessages(chatId: number): Promise<void>;

  block(userChatId: number, ttlSeconds: number): Promise<void>;
  unblock(userChatId: number): Promise<void>;
  isBlocked(userChatId: number): Promise<boolean>;

  /** Lanes that ever had jobs. */
  lanes(): Promise<Lane[]>;
  /** Takes or renews the lane for `worker` for `ttlMs`; false while another worker holds it. */
  acquireLane(lane: Lane, worker: string, ttlMs: number): Promise<boolean>;
  releaseLane(lane: Lane, worker: string): Promise<void>;
  /** Jobs left unacknowledged by earlier holders of the lane (a worker that died), oldest first. */
  recoverLane(lane: Lane, worker: string, count: number): Promise<OutboxEntry[]>;
  /** New jobs of the lane, oldest first. */
  readLane(lane: Lane, worker: string, count: number): Promise<OutboxEntry[]>;
  /** Jobs in the lane not yet acknowledged. */
  laneSize(lane: Lane): Promise<number>;
  /** The job is done: Telegram accepted it, or it can never be delivered and was dealt with. */
  ack(lane: Lane, id: string): Promise<void>;
  /** Times (ms) at which the lane's messages were accepted since `since`, oldest first. */
  sendsSince(lane: Lane, since: number): Promise<number[]>;
  recordSend(lane: Lane, at: number, keepMs: number): Promise<void>;
}
