import { type Conversation, createConversation } from "@grammyjs/conversations";
import type { Context as BaseContext } from "grammy";
import { languageCallback } from "../callback-data.js";
import type { Context } from "../context.js";
import { chooseLanguage } from "../helpers/language.js";
import { createLanguageKeyboard } from "../keyboards/language.js";
import { createBrowseKeyboard } from "../keyboards/menu.js";
import { CONVERSATION_PLUGINS } from "./steps.js";

export const ONBOARDING = "onboarding";

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

export function createOnboardingConversation() {
  return createConversation(onboarding, { id: ONBOARDING, plugins: CONVERSATION_PLUGINS });
}
