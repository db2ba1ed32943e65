import type { Lang } from "../languages.js";

/**
 * Where a ticket stands. `open` and `claimed` wait for staff; `answered` waits for nobody but still takes
 * follow-ups (which make it `open` again); `closed` and `withdrawn` are final and keep no question text.
 */
export type TicketStatus = "open" | "claimed" | "answered" | "closed" | "withdrawn";

export const WAITING_FOR_STAFF: ReadonlySet<TicketStatus> = new Set(["open", "claimed"]);
export const FINISHED: ReadonlySet<TicketStatus> = new Set(["closed", "withdrawn"]);

/** A question handed to a district office. Holds no name: staff see the question, language and district. */
export interface Ticket {
  number: number;
  /** Raised with every change; a change based on an older version is refused and retried. */
  version: number;
  /** The newcomer's private chat with the bot (the same number as their user id). */
  userChatId: number;
  lang: Lang;
  /** Undefined when the newcomer did not know their district; the fallback office has it then. */
  districtId?: string;
  officeId: string;
  /** The office's staff chat at the time the ticket was made: a later change of the city file does not strand it. */
  staffChatId: number;
  /** The question with the details the newcomer added; null once the ticket is finished (data minimisation). */
  question: string | null;
  /** The FAQ topics closest to the question, as a hint for staff who do not read the language. */
  nearTopics: string[];
  status: TicketStatus;
  createdAt: number;
  updatedAt: number;
  /** The staff member's first name, shown on the ticket's buttons. */
  claimedBy?: string;
  /** The ticket's message in the staff chat, once Telegram accepted it. */
  staffMessageId?: number;
  followUps: number;
  /** When staff are reminded next (and the newcomer told it takes longer); only while waiting for staff. */
  remindAt?: number;
  reminders: number;
  /** The newcomer blocked the bot, so answers cannot reach them. */
  unreachable?: boolean;
}

/** What can be sent on behalf of a ticket. Jobs are durable: they wait in the outbox until Telegram accepts them. */
export type Job =
  /** The ticket's message in the staff chat, with claim/close buttons. */
  | { kind: "staff-ticket"; ticket: number }
  /** A follow-up of the newcomer, as a reply to the ticket's message. */
  | { kind: "staff-follow-up"; ticket: number; text: string }
  /** A notice about the ticket in the staff chat (reminder, withdrawn, answer delivered or undeliverable …). */
  | { kind: "staff-notice"; ticket: number; notice: StaffNotice }
  /** A staff answer relayed to the newcomer. */
  | { kind: "user-answer"; ticket: number; answer: StaffAnswer }
  /** A notice about the ticket to the newcomer (closed, taking longer). */
  | { kind: "user-notice"; ticket: number; notice: UserNotice };

export type StaffNotice = "reminder" | "withdrawn" | "delivered" | "unreachable" | "undeliverable";
export type UserNotice = "closed" | "delayed";

/** What staff can send back: their own text, photo or document, or an FAQ answer in the newcomer's language. */
export type StaffAnswer =
  | { type: "text"; text: string }
  | { type: "photo"; fileId: string; caption?: string }
  | { type: "document"; fileId: string; caption?: string }
  | { type: "faq"; topicId: string };

/** The lane a job travels in: one per staff chat, so one busy office does not hold up the others, and one for newcomers. */
export type Lane = `staff:${number}` | "users";

export function laneOf(job: Job, ticket: Pick<Ticket, "staffChatId">): Lane {
  return job.kind.startsWith("staff-") ? `staff:${ticket.staffChatId}` : "users";
}

/** Oldest first; tickets made in the same millisecond by their numbers, which are handed out in order. */
export function byAge(a: Ticket, b: Ticket): number {
  return a.createdAt - b.createdAt || a.number - b.number;
}
