import { Composer, InlineKeyboard } from "grammy";
import { formatTime, MAX_QUESTION_LENGTH, ticketPlace } from "../../handoff/index.js";
import { withdrawCallback } from "../callback-data.js";
import type { Context } from "../context.js";
import { DISTRICT } from "../conversations/district.js";
import { messageRequest } from "../helpers/request.js";

/**
 * The newcomer's side of their tickets outside the hand-off itself: /tickets with a withdraw button per
 * ticket, follow-ups written as a reply to a message about a ticket, /district and /cancel.
 */
export const ticketsFeature = new Composer<Context>();
const feature = ticketsFeature.chatType("private");

feature.command("tickets", async (ctx) => {
  const tickets = await ctx.tickets.ticketsOfUser(ctx.chat.id);
  if (tickets.length === 0) {
    await ctx.reply(ctx.t("tickets.none"));
    return;
  }
  const lines = tickets.map((ticket) =>
    ctx.t("tickets.item", {
      number: ticket.number,
      district: ticketPlace(ctx.city, ticket),
      date: formatTime(ticket.createdAt, ctx.city, ctx.lang),
      status: ctx.t(`tickets.${ticket.status === "claimed" || ticket.status === "answered" ? ticket.status : "open"}`),
    }),
  );
  const keyboard = InlineKeyboard.from(
    tickets.map((ticket) => [
      InlineKeyboard.text(
        ctx.t("tickets.withdraw", { number: ticket.number }),
        withdrawCallback.build({ ticket: ticket.number }),
      ),
    ]),
  );
  await ctx.reply([ctx.t("tickets.title"), ...lines].join("\n"), { parse_mode: "HTML", reply_markup: keyboard });
});

feature.on(
  "callback_query:data",
  withdrawCallback.handle(async (ctx, { ticket }) => {
    const result = await ctx.tickets.withdraw(ticket, ctx.chat?.id ?? 0);
    ctx.logger.info("ticket withdrawn", { ticket, ok: result.ok });
    await ctx.answerCallbackQuery(result.ok ? undefined : ctx.t("tickets.alreadyClosed"));
    if (result.ok) await ctx.reply(ctx.t("tickets.withdrawn", { number: ticket }));
  }),
);

feature.command("district", (ctx) => ctx.conversation.enter(DISTRICT));

// Outside a hand-off there is nothing to cancel, which is worth saying rather than "unknown command".
feature.command("cancel", (ctx) => ctx.reply(ctx.t("handoff.cancelled")));

/** A reply to one of the bot's messages about a ticket adds to that ticket — unless it is an emergency. */
feature.on("message:text").filter(
  (ctx) => ctx.message.reply_to_message?.from?.id === ctx.me.id,
  async (ctx, next) => {
    const replyTo = ctx.message.reply_to_message?.message_id ?? 0;
    const number = await ctx.tickets.ticketForMessage(ctx.chat.id, replyTo);
    const text = ctx.message.text;
    if (number === undefined || text.startsWith("/")) return next();
    if (ctx.knowledge.matcher.match(text, { lang: ctx.lang }).decision === "emergency") return next();
    if (text.length > MAX_QUESTION_LENGTH) {
      await ctx.reply(ctx.t("handoff.tooLong", { length: text.length, max: MAX_QUESTION_LENGTH }));
      return;
    }
    const result = await ctx.tickets.addFollowUp(number, ctx.chat.id, text, messageRequest(ctx));
    ctx.logger.info("follow-up", { ticket: number, ok: result.ok });
    await ctx.reply(
      result.ok ? ctx.t("handoff.followUpAdded", { number }) : ctx.t("handoff.followUpFinished", { number }),
    );
  },
);
