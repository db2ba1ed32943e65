import { type Api, GrammyError } from "grammy";
import type { Message } from "grammy/types";
import type { i18n } from "i18next";
import { HTML } from "../bot/helpers/html.js";
import { CAPTION_LIMIT, splitMessage } from "../bot/helpers/split-message.js";
import { staffTranslator, translator } from "../bot/i18n.js";
import { createStaffTicketKeyboard } from "../bot/keyboards/staff.js";
import type { City } from "../city/index.js";
import { escapeHtml, findTopic, renderAnswerHtml, topicText } from "../faq/index.js";
import type { KnowledgeSource } from "../knowledge/index.js";
import type { Logger } from "../logger.js";
import { renderStaffFollowUp, renderStaffTicket, ticketPlace } from "./messages.js";
import { FINISHED, type Job, type StaffAnswer, type Ticket } from "./model.js";
import { type Deliver, UndeliverableError } from "./outbox.js";
import type { TicketService } from "./tickets.js";

const HOUR_MS = 60 * 60 * 1000;

export interface DeliveryDependencies {
  /** A plain Api, without the bot's auto-retry: the outbox does its own retrying. */
  api: Api;
  tickets: TicketService;
  city: City;
  knowledge: KnowledgeSource;
  i18n: i18n;
  logger: Logger;
  now: () => number;
}

/**
 * How each job becomes Telegram messages. Texts are rendered when the job is sent, from the ticket as it
 * is then: a ticket withdrawn while its message waited is not sent to staff at all, and the newcomer's
 * texts come in their language of the ticket.
 */
export function createDelivery({ api, tickets, city, knowledge, i18n, logger, now }: DeliveryDependencies): {
  deliver: Deliver;
  giveUp: (job: Job, lane: string, error: unknown) => Promise<void>;
} {
  const st = staffTranslator(i18n, city.staffLanguage);
  const staffLocale = city.staffLanguage === "de" ? "de-DE" : "en-GB";
  const replyTo = (messageId: number | undefined) =>
    messageId === undefined ? {} : { reply_parameters: { message_id: messageId, allow_sending_without_reply: true } };
  /** Replies to any of these messages reach the ticket. */
  const linkAll = (chatId: number, messages: Message[], ticket: number) => () =>
    Promise.all(messages.map((m) => tickets.linkMessage(chatId, m.message_id, ticket))).then(() => {});

  async function toStaff(ticket: Ticket, job: Job): Promise<(() => Promise<void>) | undefined> {
    const chat = ticket.staffChatId;
    switch (job.kind) {
      case "staff-ticket": {
        // Withdrawn before staff saw it: nobody needs to read it any more.
        if (FINISHED.has(ticket.status)) return undefined;
        const text = renderStaffTicket(ticket, city, knowledge.get().faq, st, staffLocale);
        const sent = await api.sendMessage(chat, text, {
          ...HTML,
          reply_markup: createStaffTicketKeyboard(ticket, st),
        });
        return async () => {
          await tickets.linkMessage(chat, sent.message_id, ticket.number);
          await tickets.markStaffMessage(ticket.number, sent.message_id);
        };
      }
      case "staff-follow-up": {
        if (FINISHED.has(ticket.status)) return undefined;
        const sent = await api.sendMessage(chat, renderStaffFollowUp(ticket, job.text, st), {
          ...HTML,
          ...replyTo(ticket.staffMessageId),
        });
        return linkAll(chat, [sent], ticket.number);
      }
      case "staff-notice": {
        if (job.notice === "withdrawn" && ticket.staffMessageId === undefined) return undefined;
        const hours = Math.floor((now() - ticket.createdAt) / HOUR_MS);
        const sent = await api.sendMessage(chat, st(`notice.${job.notice}`, { number: ticket.number, hours }), {
          ...HTML,
          ...replyTo(ticket.staffMessageId),
        });
        if (job.notice === "withdrawn" && ticket.staffMessageId !== undefined) {
          // The buttons only show the state; the notice above already told staff, so a failure here is harmless.
          await api
            .editMessageReplyMarkup(chat, ticket.staffMessageId, {
              reply_markup: createStaffTicketKeyboard(ticket, st),
            })
            .catch((error: unknown) => logger.debug("could not update a ticket's buttons", { reason: String(error) }));
        }
        return linkAll(chat, [sent], ticket.number);
      }
      default:
        throw new Error(`${job.kind} is not a staff job`);
    }
  }

  async function toUser(ticket: Ticket, job: Job): Promise<(() => Promise<void>) | undefined> {
    // Withdrawn or deleted on request: the newcomer asked not to be contacted about it any more.
    if (ticket.status === "withdrawn" || ticket.userChatId === 0) return undefined;
    const chat = ticket.userChatId;
    const t = translator(i18n, ticket.lang);
    switch (job.kind) {
      case "user-answer": {
        const header = t("handoff.answer", { district: ticketPlace(city, ticket), number: ticket.number });
        const sent = await sendAnswer(chat, header, t("handoff.answerFooter"), job.answer, ticket);
        return async () => {
          await linkAll(chat, sent, ticket.number)();
          await tickets.markAnswerDelivered(ticket.number);
        };
      }
      case "user-notice": {
        if (ticket.unreachable) return undefined;
        const sent = await api.sendMessage(chat, t(`handoff.${job.notice}`, { number: ticket.number }), HTML);
        return linkAll(chat, [sent], ticket.number);
      }
      default:
        throw new Error(`${job.kind} is not a job for a newcomer`);
    }
  }

  async function sendAnswer(
    chat: number,
    header: string,
    footer: string,
    answer: StaffAnswer,
    ticket: Ticket,
  ): Promise<Message[]> {
    const sendText = async (html: string) => {
      const sent: Message[] = [];
      for (const part of splitMessage(html)) sent.push(await api.sendMessage(chat, part, HTML));
      return sent;
    };
    if (answer.type === "text") return sendText(`${header}\n\n${escapeHtml(answer.text)}\n\n${footer}`);
    if (answer.type === "faq") {
      const topic = findTopic(knowledge.get().faq, answer.topicId);
      // Checked when staff sent it; gone only if an admin removed the topic in between. Staff are told.
      if (!topic) throw new UndeliverableError(`FAQ topic ${answer.topicId} no longer exists`);
      const { text } = topicText(topic, ticket.lang);
      return sendText(`${header}\n\n<b>${escapeHtml(text.title)}</b>\n\n${renderAnswerHtml(text.answer)}\n\n${footer}`);
    }
    // Header, the staff member's caption and the footer under the picture, if they fit into a caption.
    const full = [header, answer.caption ? escapeHtml(answer.caption) : undefined, footer].filter(Boolean).join("\n\n");
    const fits = full.length <= CAPTION_LIMIT;
    const options = { ...HTML, caption: fits ? full : header };
    const media =
      answer.type === "photo"
        ? await api.sendPhoto(chat, answer.fileId, options)
        : await api.sendDocument(chat, answer.fileId, options);
    const rest = fits ? [] : await sendText([answer.caption ? escapeHtml(answer.caption) : "", footer].join("\n\n"));
    return [media, ...rest];
  }

  return {
    async deliver(job) {
      const ticket = await tickets.getTicket(job.ticket);
      // Expired after its retention time: there is nothing left to send.
      if (!ticket) return undefined;
      return job.kind.startsWith("staff-") ? toStaff(ticket, job) : toUser(ticket, job);
    },
    async giveUp(job, _lane, error) {
      if (error instanceof GrammyError && error.error_code === 403) await tickets.markUnreachable(job.ticket);
      else if (job.kind === "user-answer") await tickets.markUndeliverable(job.ticket);
    },
  };
}
