import { Composer } from "grammy";
import { categoryTitle } from "../../faq/index.js";
import { categoryCallback, menuCallback } from "../callback-data.js";
import type { Context } from "../context.js";
import { createCategoryKeyboard, createTopicListKeyboard } from "../keyboards/menu.js";

/** /menu: browse the FAQ by category, for people who do not know what to ask. Topics open in the question feature. */
export const menuFeature = new Composer<Context>();
const feature = menuFeature.chatType("private");

feature.command("menu", (ctx) =>
  ctx.reply(ctx.t("menu.title"), { reply_markup: createCategoryKeyboard(ctx.knowledge.faq, ctx.lang) }),
);

feature.on(
  "callback_query:data",
  menuCallback.handle(async (ctx, { inPlace }) => {
    await ctx.answerCallbackQuery();
    const reply_markup = createCategoryKeyboard(ctx.knowledge.faq, ctx.lang);
    // "Browse topics" under an answer or a hand-off opens a new message: the text above must stay readable.
    if (inPlace) await ctx.editMessageText(ctx.t("menu.title"), { reply_markup });
    else await ctx.reply(ctx.t("menu.title"), { reply_markup });
  }),
);

feature.on(
  "callback_query:data",
  categoryCallback.handle(async (ctx, { id }) => {
    const { faq } = ctx.knowledge;
    const category = faq.categories.find((candidate) => candidate.id === id);
    if (!category) {
      await ctx.answerCallbackQuery(ctx.t("unsupported.staleButton"));
      return;
    }
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t("menu.category", { category: categoryTitle(category, ctx.lang) }), {
      parse_mode: "HTML",
      reply_markup: createTopicListKeyboard(faq, category, ctx.lang, ctx.t),
    });
  }),
);
