import { Composer } from "grammy";
import { languageCallback } from "../callback-data.js";
import type { Context } from "../context.js";
import { chooseLanguage } from "../helpers/language.js";
import { createLanguageKeyboard } from "../keyboards/language.js";

export const languageFeature = new Composer<Context>();
const feature = languageFeature.chatType("private");

feature.command("language", (ctx) =>
  ctx.reply(ctx.t("language.prompt"), { reply_markup: createLanguageKeyboard(ctx.lang) }),
);

// Also the keyboard of an old /start message, once the onboarding is over.
feature.on(
  "callback_query:data",
  languageCallback.handle(async (ctx, { lang }) => {
    chooseLanguage(ctx, lang);
    ctx.logger.info("language chosen", { lang });
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t("language.changed"), { parse_mode: "HTML" });
  }),
);
