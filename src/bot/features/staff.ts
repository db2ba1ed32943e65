import { Composer, GrammyError } from "grammy";
import type { Message } from "grammy/types";
import type { i18n } from "i18next";
import { type City, findDistrict } from "../../city/index.js";
import { findTopic } from "../../faq/index.js";
import { type ChangeResult, formatAge, type StaffAnswer, type Ticket } from "../../handoff/index.js";
import { staffCallback } from "../callback-data.js";
import type { Context } from "../context.js";
import { messageRequest } from "../helpers/request.js";
import { type StaffTranslate, staffTranslator } from "../i18n.js";
import { createStaffTicketKeyboard } from "../keyboards/staff.js";

const OPEN_LIST_LIMIT = 30;
const MEMBER_STATUSES = new Set(["creator", "administrator", "member"]);

/** The staff chats named in the city file: the only groups the bot stays in. */
function staffChatIds(city: City): Set<number> {
  return new Set(city.offices.flatMap((office) => (office.staffChatId === null ? [] : [office.staffChatId])));
}

/**
 * The district offices' staff groups: claim and close buttons, answers by replying to a ticket (text,
 * photo, document, or `/faq <topic>` in the newcomer's language), /block and /unblock as replies, and
 * /open. Only members of the group that owns a ticket can answer it; everything else in these groups —
 * colleagues talking to each other — is none of the bot's business, and goes no further (the group
 * feature after this one leaves every other group).
 */
export function createStaffFeature(instance: i18n, city: City): Composer<Context> {
  const st = staffTranslator(instance, city.staffLanguage);
  const chats = staffChatIds(city);
  const staffFeature = new Composer<Context>();
  const staff = staffFeature.filter((ctx) => ctx.chat !== undefined && chats.has(ctx.chat.id));

  staff.command("open", async (ctx) => {
    const offices = city.offices.filter((office) => office.staffChatId === ctx.chat.id);
    const tickets = (await Promise.all(offices.map((office) => ctx.tickets.ticketsOfOffice(office.id))))
      .flat()
      .sort((a, b) => a.createdAt - b.createdAt);
    await ctx.reply(renderOpenList(tickets, ctx.chat.id, city, st), {
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
    });
  });

  staff.on(
    "callback_query:data",
    staffCallback.handle(async (ctx, { action, ticket: number }) => {
      if (action === "done") {
        await ctx.answerCallbackQuery(st("reply.alreadyFinished", { number }));
        return;
      }
      const result =
        action === "claim" ? await ctx.tickets.claim(number, ctx.from.first_name) : await ctx.tickets.close(number);
      ctx.logger.info(`ticket ${action}`, { ticket: number, ok: result.ok });
      if (!result.ok) {
        await ctx.answerCallbackQuery(st("reply.alreadyFinished", { number }));
        return;
      }
      await ctx.answerCallbackQuery(st(action === "claim" ? "reply.claimed" : "reply.closed", { number }));
      await ctx.editMessageReplyMarkup({ reply_markup: createStaffTicketKeyboard(result.ticket, st) });
    }),
  );

  staff.on("message").filter(
    (ctx) => ctx.message.reply_to_message?.from?.id === ctx.me.id,
    async (ctx) => {
      const repliedTo = ctx.message.reply_to_message?.message_id ?? 0;
      const number = await ctx.tickets.ticketForMessage(ctx.chat.id, repliedTo);
      if (number === undefined) return;
      if (!(await isMember(ctx))) {
        ctx.logger.info("reply from a non-member ignored", { ticket: number });
        return;
      }
      const ticket = await ctx.tickets.getTicket(number);
      if (!ticket || ticket.staffChatId !== ctx.chat.id) return;
      const command = /^\/(\w+)(?:@\w+)?(?:\s+(.*))?$/s.exec(ctx.message.text ?? "");
      if (command) {
        await staffCommand(ctx, ticket, command[1]?.toLowerCase() ?? "", command[2]?.trim() ?? "");
        return;
      }
      const answer = staffAnswer(ctx.message);
      if (!answer) {
        await replyToMessage(ctx, st("reply.unsupported"));
        return;
      }
      await relay(ctx, ticket, answer);
    },
  );

  // These only make sense as a reply to a ticket; said without one, the bot explains instead of staying silent.
  staff.command(["faq", "block", "unblock"], (ctx) => replyToMessage(ctx, st("reply.needsReply")));

  // Everything else in a staff group: colleagues talking, service messages, other people's buttons.
  staff.use(() => {});

  async function staffCommand(ctx: Context, ticket: Ticket, name: string, argument: string): Promise<void> {
    const number = ticket.number;
    const reply = (html: string) => replyToMessage(ctx, html);
    if (name === "faq") {
      const faq = ctx.knowledge.faq;
      if (!argument) return void (await reply(st("reply.faqUsage")));
      const topic = findTopic(faq, argument.toLowerCase());
      if (!topic) {
        const near = faq.topics.filter((t) => t.id.includes(argument.toLowerCase().slice(0, 4))).map((t) => t.id);
        const suggestions =
          near.length > 0 ? `\n${st("reply.faqSuggestions", { ids: near.slice(0, 5).join(", ") })}` : "";
        return void (await reply(`${st("reply.faqUnknown", { id: argument })}${suggestions}`));
      }
      return relay(ctx, ticket, { type: "faq", topicId: topic.id });
    }
    if (name === "block" || name === "unblock") {
      if (ticket.userChatId === 0) return void (await reply(st("reply.finished", { number })));
      if (name === "block") await ctx.tickets.block(ticket.userChatId);
      else await ctx.tickets.unblock(ticket.userChatId);
      ctx.logger.info(`user ${name}ed`, { ticket: number });
      return void (await reply(
        name === "block"
          ? st("reply.blocked", { number, days: ctx.config.handoff.blockDays })
          : st("reply.unblocked", { number }),
      ));
    }
    // Any other command as a reply is most likely a typo; passing "/fqa x" on to the newcomer would confuse.
    await reply(st("reply.faqUsage"));
  }

  async function relay(ctx: Context, ticket: Ticket, answer: StaffAnswer): Promise<void> {
    const result: ChangeResult = ticket.unreachable
      ? { ok: false, reason: "finished" }
      : await ctx.tickets.answer(ticket.number, answer, messageRequest(ctx));
    ctx.logger.info("staff answer", { ticket: ticket.number, type: answer.type, ok: result.ok });
    if (result.ok) return;
    const key = ticket.unreachable ? "reply.unreachable" : "reply.finished";
    await replyToMessage(ctx, st(key, { number: ticket.number }));
  }

  return staffFeature;
}

/** Answers staff under the message they sent, so it is clear in a busy group what the bot refers to. */
function replyToMessage(ctx: Context, html: string) {
  return ctx.reply(html, { parse_mode: "HTML", reply_parameters: { message_id: ctx.msgId ?? 0 } });
}

/** Whether the sender is (still) a member of the staff group: Telegram says, not the bot's memory. */
async function isMember(ctx: Context): Promise<boolean> {
  if (!ctx.from || ctx.from.is_bot || ctx.message?.sender_chat) return false;
  try {
    const member = await ctx.getChatMember(ctx.from.id);
    return MEMBER_STATUSES.has(member.status) || (member.status === "restricted" && member.is_member);
  } catch (error) {
    if (error instanceof GrammyError) return false;
    throw error;
  }
}

/** What of a staff message can be relayed: text, a photo (the largest size) or a document, with captions. */
function staffAnswer(message: Message): StaffAnswer | undefined {
  const caption = message.caption ? { caption: message.caption } : {};
  if (message.text) return { type: "text", text: message.text };
  const photo = message.photo?.at(-1);
  if (photo) return { type: "photo", fileId: photo.file_id, ...caption };
  if (message.document) return { type: "document", fileId: message.document.file_id, ...caption };
  return undefined;
}

function renderOpenList(tickets: Ticket[], chatId: number, city: City, st: StaffTranslate): string {
  if (tickets.length === 0) return st("open.none");
  const now = Date.now();
  const lines = tickets.slice(0, OPEN_LIST_LIMIT).map((ticket) => {
    const item = st("open.item", {
      number: ticket.number,
      language: st(`languages.${ticket.lang}`),
      district: findDistrict(city, ticket.districtId)?.name ?? "–",
      age: formatAge(now - ticket.createdAt, st),
    });
    const claimed = ticket.claimedBy ? ` · ${st("open.claimedBy", { name: ticket.claimedBy })}` : "";
    const link = messageLink(chatId, ticket.staffMessageId);
    return link ? `<a href="${link}">${item}</a>${claimed}` : `${item}${claimed}`;
  });
  const more = tickets.length > OPEN_LIST_LIMIT ? [st("open.more", { count: tickets.length - OPEN_LIST_LIMIT })] : [];
  return [st("open.title", { count: tickets.length }), ...lines, ...more].join("\n");
}

/** A link to a message in a supergroup (ids -100…); other chats have no message links. */
function messageLink(chatId: number, messageId: number | undefined): string | undefined {
  const id = String(chatId);
  if (messageId === undefined || !id.startsWith("-100")) return undefined;
  return `https://t.me/c/${id.slice(4)}/${messageId}`;
}
