import { type City, officeForDistrict } from "../city/index.js";
import type { Lang } from "../languages.js";
import type { CounterStore } from "../storage/index.js";
import { FINISHED, type Job, type StaffAnswer, type Ticket, WAITING_FOR_STAFF } from "./model.js";
import type { HandoffStore } from "./store.js";

export interface HandoffLimits {
  /** Unfinished tickets one newcomer may have at a time. */
  maxOpenPerUser: number;
  /** Tickets one newcomer may create within 24 hours. */
  maxPerDay: number;
  /** Staff are reminded of a ticket waiting this long, and again after as long again. */
  remindAfterMs: number;
  /** How long `/block` keeps a newcomer from handing off questions. */
  blockSeconds: number;
}

export interface TicketDraft {
  userChatId: number;
  lang: Lang;
  districtId?: string;
  question: string;
  nearTopics: string[];
  /** Identifies the newcomer's request: creating twice with it gives the first ticket back. */
  requestId?: string;
}

/** Identifies what asked for a change (e.g. `msg:<chat>:<message id>`): the same request is carried out once. */
export type RequestId = string | undefined;

export type Refusal = "blocked" | "too-many-open" | "daily-limit" | "no-staff-chat";
export type CreateResult = { ok: true; ticket: Ticket } | { ok: false; reason: Refusal };

/** The outcome of an attempt to change a ticket, for the reply to whoever attempted it. */
export type ChangeResult = { ok: true; ticket: Ticket } | { ok: false; reason: "missing" | "finished" | "not-yours" };

type Change = { ticket: Ticket; jobs?: Job[] } | { refuse: "finished" | "not-yours" };

const DAY_SECONDS = 24 * 60 * 60;
const MAX_CONFLICT_RETRIES = 10;

/**
 * The rules of the hand-off: who may create a ticket, how it moves from open to answered or closed, and
 * which messages each step sends. Every change is one atomic write of the ticket and its jobs, so what a
 * step promises (a message to staff, an answer to the newcomer) is in the outbox the moment it is true.
 */
export class TicketService {
  constructor(
    private readonly store: HandoffStore,
    private readonly city: City,
    private readonly counters: CounterStore,
    readonly limits: HandoffLimits,
    /** Called after jobs were queued, so a worker in this process starts at once instead of at its next poll. */
    private readonly onJobs: () => void = () => {},
    private readonly now: () => number = Date.now,
  ) {}

  /** Why this newcomer may not hand off a question now, if anything stops them, and their unfinished tickets. */
  async allowance(userChatId: number): Promise<{ refusal?: Refusal; open: Ticket[] }> {
    const [blocked, open] = await Promise.all([this.store.isBlocked(userChatId), this.store.ticketsOfUser(userChatId)]);
    if (blocked) return { refusal: "blocked", open };
    if (open.length >= this.limits.maxOpenPerUser) return { refusal: "too-many-open", open };
    return { open };
  }

  async create(draft: TicketDraft): Promise<CreateResult> {
    // A bot that crashed after creating the ticket but before remembering it replays the request.
    const earlier = draft.requestId ? await this.store.ticketForRequest(draft.requestId) : undefined;
    const existing = earlier === undefined ? undefined : await this.store.getTicket(earlier);
    if (existing) return { ok: true, ticket: existing };
    const { refusal } = await this.allowance(draft.userChatId);
    if (refusal) return { ok: false, reason: refusal };
    const office = officeForDistrict(this.city, draft.districtId);
    if (office.staffChatId === null) return { ok: false, reason: "no-staff-chat" };
    const today = await this.counters.increment(`handoff:${draft.userChatId}`, DAY_SECONDS);
    if (today > this.limits.maxPerDay) return { ok: false, reason: "daily-limit" };

    const now = this.now();
    const ticket: Ticket = {
      number: await this.store.nextTicketNumber(),
      version: 1,
      userChatId: draft.userChatId,
      lang: draft.lang,
      ...(draft.districtId ? { districtId: draft.districtId } : {}),
      officeId: office.id,
      staffChatId: office.staffChatId,
      question: draft.question,
      nearTopics: draft.nearTopics,
      status: "open",
      createdAt: now,
      updatedAt: now,
      followUps: 0,
      remindAt: now + this.limits.remindAfterMs,
      reminders: 0,
    };
    const jobs: Job[] = [{ kind: "staff-ticket", ticket: ticket.number }];
    if (!(await this.store.saveTicket(ticket, 0, jobs, draft.requestId))) {
      throw new Error(`ticket number ${ticket.number} was taken twice`);
    }
    this.onJobs();
    return { ok: true, ticket };
  }

  getTicket(number: number): Promise<Ticket | undefined> {
    return this.store.getTicket(number);
  }

  ticketsOfUser(userChatId: number): Promise<Ticket[]> {
    return this.store.ticketsOfUser(userChatId);
  }

  ticketsOfOffice(officeId: string): Promise<Ticket[]> {
    return this.store.ticketsOfOffice(officeId);
  }

  linkMessage(chatId: number, messageId: number, ticket: number): Promise<void> {
    return this.store.linkMessage(chatId, messageId, ticket);
  }

  ticketForMessage(chatId: number, messageId: number): Promise<number | undefined> {
    return this.store.ticketForMessage(chatId, messageId);
  }

  block(userChatId: number): Promise<void> {
    return this.store.block(userChatId, this.limits.blockSeconds);
  }

  unblock(userChatId: number): Promise<void> {
    return this.store.unblock(userChatId);
  }

  // ── The newcomer ──────────────────────────────────────────────────────────────────────────────────
  addFollowUp(number: number, userChatId: number, text: string, requestId?: RequestId): Promise<ChangeResult> {
    return this.change(number, requestId, (ticket, now) => {
      if (ticket.userChatId !== userChatId) return { refuse: "not-yours" };
      if (FINISHED.has(ticket.status)) return { refuse: "finished" };
      const reopened = ticket.status === "answered";
      return {
        ticket: {
          ...ticket,
          followUps: ticket.followUps + 1,
          ...(reopened ? { status: "open" as const, remindAt: now + this.limits.remindAfterMs } : {}),
        },
        jobs: [{ kind: "staff-follow-up", ticket: number, text }],
      };
    });
  }

  withdraw(number: number, userChatId: number): Promise<ChangeResult> {
    return this.change(number, undefined, (ticket) => {
      if (ticket.userChatId !== userChatId) return { refuse: "not-yours" };
      if (FINISHED.has(ticket.status)) return { refuse: "finished" };
      return {
        ticket: finish(ticket, "withdrawn"),
        jobs: [{ kind: "staff-notice", ticket: number, notice: "withdrawn" }],
      };
    });
  }

  /** /delete: withdraws the newcomer's tickets and removes every trace of who asked them. */
  async forgetUser(userChatId: number): Promise<void> {
    for (const ticket of await this.store.ticketsOfUser(userChatId)) {
      await this.withdraw(ticket.number, userChatId);
      await this.change(ticket.number, undefined, (t) => ({ ticket: { ...t, userChatId: 0 } }));
    }
    await this.store.forgetMessages(userChatId);
  }

  // ── Staff ─────────────────────────────────────────────────────────────────────────────────────────
  claim(number: number, name: string): Promise<ChangeResult> {
    return this.change(number, undefined, (ticket) =>
      FINISHED.has(ticket.status)
        ? { refuse: "finished" }
        : { ticket: { ...ticket, claimedBy: name, status: ticket.status === "open" ? "claimed" : ticket.status } },
    );
  }

  close(number: number): Promise<ChangeResult> {
    return this.change(number, undefined, (ticket) => {
      if (FINISHED.has(ticket.status)) return { refuse: "finished" };
      const told = ticket.userChatId !== 0 && !ticket.unreachable;
      return {
        ticket: finish(ticket, "closed"),
        jobs: told ? [{ kind: "user-notice", ticket: number, notice: "closed" }] : [],
      };
    });
  }

  /** Queues a staff answer for the newcomer; the ticket counts as answered once Telegram delivered it. */
  answer(number: number, answer: StaffAnswer, requestId?: RequestId): Promise<ChangeResult> {
    return this.change(number, requestId, (ticket) =>
      FINISHED.has(ticket.status)
        ? { refuse: "finished" }
        : { ticket, jobs: [{ kind: "user-answer", ticket: number, answer }] },
    );
  }

  // ── The outbox reporting back ─────────────────────────────────────────────────────────────────────
  markStaffMessage(number: number, messageId: number): Promise<ChangeResult> {
    return this.change(number, undefined, (ticket) => ({ ticket: { ...ticket, staffMessageId: messageId } }));
  }

  markAnswerDelivered(number: number): Promise<ChangeResult> {
    return this.change(number, undefined, (ticket) => {
      const { remindAt: _, ...rest } = ticket;
      return {
        ticket: FINISHED.has(ticket.status) ? ticket : { ...rest, status: "answered" },
        jobs: [{ kind: "staff-notice", ticket: number, notice: "delivered" }],
      };
    });
  }

  /** The newcomer blocked the bot: staff learn it, and nobody is reminded of a ticket nobody can answer. */
  markUnreachable(number: number): Promise<ChangeResult> {
    return this.change(number, undefined, (ticket) => {
      const { remindAt: _, ...rest } = ticket;
      return {
        ticket: { ...rest, unreachable: true },
        jobs: [{ kind: "staff-notice", ticket: number, notice: "unreachable" }],
      };
    });
  }

  /** An answer Telegram refused for good (a file it no longer has, say): staff are asked to send it again. */
  markUndeliverable(number: number): Promise<ChangeResult> {
    return this.change(number, undefined, (ticket) => ({
      ticket,
      jobs: [{ kind: "staff-notice", ticket: number, notice: "undeliverable" }],
    }));
  }

  /**
   * Reminds staff of tickets waiting past their time, and tells the newcomer once that it takes longer.
   * Safe with several instances: each reminder is a versioned change, so only one of them makes it.
   */
  async remindDue(): Promise<number> {
    let reminded = 0;
    for (const number of await this.store.dueReminders(this.now())) {
      await this.change(number, undefined, (ticket, now) => {
        if (!WAITING_FOR_STAFF.has(ticket.status)) {
          const { remindAt: _, ...rest } = ticket;
          return { ticket: rest };
        }
        // Another instance sent this reminder a moment ago.
        if (ticket.remindAt === undefined || ticket.remindAt > now) return { ticket };
        const jobs: Job[] = [{ kind: "staff-notice", ticket: number, notice: "reminder" }];
        if (ticket.reminders === 0 && ticket.userChatId !== 0 && !ticket.unreachable)
          jobs.push({ kind: "user-notice", ticket: number, notice: "delayed" });
        reminded += 1;
        return {
          ticket: { ...ticket, reminders: ticket.reminders + 1, remindAt: now + this.limits.remindAfterMs },
          jobs,
        };
      });
    }
    return reminded;
  }

  /**
   * Applies `decide` to the current ticket and saves the result, starting over when another change came
   * first. A request that was carried out before (Telegram delivering an update again after a crash)
   * changes nothing a second time.
   */
  private async change(
    number: number,
    requestId: RequestId,
    decide: (ticket: Ticket, now: number) => Change,
  ): Promise<ChangeResult> {
    for (let attempt = 0; attempt < MAX_CONFLICT_RETRIES; attempt++) {
      const ticket = await this.store.getTicket(number);
      if (!ticket) return { ok: false, reason: "missing" };
      if (requestId && (await this.store.ticketForRequest(requestId)) === number) return { ok: true, ticket };
      const now = this.now();
      const decision = decide(ticket, now);
      if ("refuse" in decision) return { ok: false, reason: decision.refuse };
      const next: Ticket = { ...decision.ticket, version: ticket.version + 1, updatedAt: now };
      const jobs = decision.jobs ?? [];
      if (await this.store.saveTicket(next, ticket.version, jobs, requestId)) {
        if (jobs.length > 0) this.onJobs();
        return { ok: true, ticket: next };
      }
    }
    throw new Error(`ticket ${number} kept changing while it was being updated`);
  }
}

/** A final status; the question text goes, as nobody needs it any more. */
function finish(ticket: Ticket, status: "closed" | "withdrawn"): Ticket {
  const { remindAt: _, ...rest } = ticket;
  return { ...rest, status, question: null };
}
