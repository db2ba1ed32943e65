import { autoRetry } from "@grammyjs/auto-retry";
import { type Conversation, createConversation } from "@grammyjs/conversations";
import type { Context as BaseContext, MiddlewareFn } from "grammy";
import { languageCallback } from "../callback-data.js";
import type { Context } from "../context.js";
import { chooseLanguage } from "../helpers/language.js";
import { createLanguageKeyboard } from "../keyboards/language.js";
import { createBrowseKeyboard } from "../keyboards/menu.js";
import { AUTO_RETRY } from "../transformers.js";

export const ONBOARDING = "onboarding";
/**
 * The version of the stored conversation state. Bump it whenever `onboarding` changes: states recorded
 * by older code cannot be replayed by the new one and are discarded instead.
 */
export const CONVERSATION_VERSION = 1;

type OnboardingConversation = Conversation<Context, BaseContext>;

/**
 * /start: the welcome and the language keyboard, with the preselected language ticked. A tap on a
 * language sets it and explains how to ask. Anything else — a question typed right away, a command —
 * ends the onboarding and is handled as if it had never started, in the preselected language.
 *
 * Texts come from the outside context through `external`, so they are recorded with the conversation
 * and a replay (after a restart, or on another instance) sends nothing twice.
 */
async function onboarding(conversation: OnboardingConversation, ctx: BaseContext): Promise<void> {
  const welcome = await conversation.external((outer) => ({ lang: outer.lang, text: outer.t("welcome.text") }));
  await ctx.reply(welcome.text, { parse_mode: "HTML", reply_markup: createLanguageKeyboard(welcome.lang) });

  const next = await conversation.wait();
  const choice = languageCallback.parse(next.callbackQuery?.data ?? "");
  if (!choice) return conversation.halt({ next: true });

  const texts = await conversation.external((outer) => {
    chooseLanguage(outer, choice.lang);
    outer.logger.info("language chosen", { lang: choice.lang });
    return { changed: outer.t("language.changed"), intro: outer.t("welcome.intro"), browse: outer.t("menu.button") };
  });
  await next.answerCallbackQuery();
  await next.editMessageText(texts.changed, { parse_mode: "HTML" });
  await next.reply(texts.intro, { parse_mode: "HTML", reply_markup: createBrowseKeyboard(texts.browse) });
}

// Calls made inside a conversation go through an API object of its own, without the bot's transformers.
const retryInsideConversation: MiddlewareFn<BaseContext> = (ctx, next) => {
  ctx.api.config.use(autoRetry(AUTO_RETRY));
  return next();
};

export function createOnboardingConversation() {
  return createConversation(onboarding, { id: ONBOARDING, plugins: [retryInsideConversation] });
}
