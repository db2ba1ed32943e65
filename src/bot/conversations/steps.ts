import { autoRetry } from "@grammyjs/auto-retry";
import type { Conversation } from "@grammyjs/conversations";
import type { Context as BaseContext, MiddlewareFn } from "grammy";
import { MAX_QUESTION_LENGTH } from "../../handoff/index.js";
import type { Lang } from "../../languages.js";
import type { CallbackCodec } from "../callback-data.js";
import type { Context } from "../context.js";
import type { Translate } from "../i18n.js";
import { AUTO_RETRY } from "../transformers.js";

/**
 * The version of the stored conversation state. Bump it whenever a conversation changes: states recorded
 * by older code cannot be replayed by the new one and are discarded instead.
 */
export const CONVERSATION_VERSION = 2;

export type LotseConversation = Conversation<Context, BaseContext>;

// Calls made inside a conversation go through an API object of its own, without the bot's transformers.
const retryInsideConversation: MiddlewareFn<BaseContext> = (ctx, next) => {
  ctx.api.config.use(autoRetry(AUTO_RETRY));
  return next();
};

export const CONVERSATION_PLUGINS = [retryInsideConversation];

/**
 * Whatever the user does that a step did not ask for — another button, a command, an emergency — ends
 * the conversation and is handled as if it had never been running. Nobody is held in a form.
 */
export function leave(conversation: LotseConversation): Promise<never> {
  return conversation.halt({ next: true });
}

/** Waits for a press of one of the buttons of `codec` that `accept` takes; anything else leaves. */
export async function waitForButton<P>(
  conversation: LotseConversation,
  codec: CallbackCodec<P>,
  accept: (payload: P) => boolean = () => true,
): Promise<{ ctx: BaseContext; payload: P }> {
  const next = await conversation.wait();
  const payload = codec.parse(next.callbackQuery?.data ?? "");
  if (payload === undefined || !accept(payload)) return leave(conversation);
  await next.answerCallbackQuery();
  return { ctx: next, payload };
}

/** True when the matcher sees an emergency in `text`: then the conversation must step aside at once. */
export function isEmergency(conversation: LotseConversation, text: string, lang: Lang): Promise<boolean> {
  return conversation.external((outer) => outer.knowledge.matcher.match(text, { lang }).decision === "emergency");
}

/**
 * Waits for a text of at most MAX_QUESTION_LENGTH characters. Non-text messages are asked again as
 * text; /cancel and a press of `cancel` give undefined; emergencies, other commands and buttons leave.
 */
export async function waitForText(
  conversation: LotseConversation,
  t: Translate,
  lang: Lang,
  cancel: (data: string) => boolean,
  maxLength = MAX_QUESTION_LENGTH,
): Promise<string | undefined> {
  for (;;) {
    const next = await conversation.wait();
    if (next.callbackQuery) {
      if (!cancel(next.callbackQuery.data ?? "")) return leave(conversation);
      await next.answerCallbackQuery();
      return undefined;
    }
    if (!next.message) return leave(conversation);
    const text = next.message.text;
    if (text === undefined) {
      await next.reply(t("handoff.textOnly"));
      continue;
    }
    if (/^\/cancel(@\w+)?\s*$/i.test(text)) return undefined;
    if (text.startsWith("/") || (await isEmergency(conversation, text, lang))) return leave(conversation);
    if (text.length > maxLength) {
      await next.reply(t("handoff.tooLong", { length: text.length, max: maxLength }));
      continue;
    }
    return text.trim();
  }
}
