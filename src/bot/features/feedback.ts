import { Composer } from "grammy";
import { findTopic } from "../../faq/index.js";
import { feedbackCallback, noneOfTheseCallback } from "../callback-data.js";
import type { Context } from "../context.js";
import { replyWithHandoff } from "../helpers/replies.js";
import { createAnswerKeyboard } from "../keyboards/answer.js";

/** 👍 / 👎 under answers and "None of these" under clarifying questions; 👎 and "none" lead to the office. */
export const feedbackFeature = new Composer<Context>();
const feature = feedbackFeature.chatType("private");

feature.on(
  "callback_query:data",
  feedbackCallback.handle(async (ctx, { id, lang, helpful }) => {
    ctx.lang = lang;
    // Counted per topic so admins see which answers fail; nothing about who voted.
    ctx.logger.info("feedback", { topic: id, lang, helpful });
    await ctx.answerCallbackQuery(helpful ? ctx.t("feedback.thanks") : undefined);
    // One vote per answer: the 👍/👎 row goes, the related topics stay.
    const topic = findTopic(ctx.knowledge.faq, id);
    const keyboard = topic && createAnswerKeyboard(ctx.knowledge.faq, topic, lang, ctx.t, { withFeedback: false });
    await ctx.editMessageReplyMarkup({ reply_markup: keyboard });
    if (!helpful) await replyWithHandoff(ctx, "not-helpful");
  }),
);

feature.on(
  "callback_query:data",
  noneOfTheseCallback.handle(async (ctx, { lang }) => {
    ctx.lang = lang;
    ctx.logger.info("clarification rejected", { lang });
    await ctx.answerCallbackQuery();
    await replyWithHandoff(ctx, "no-match");
  }),
);
