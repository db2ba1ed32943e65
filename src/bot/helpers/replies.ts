import type { InlineKeyboard } from "grammy";
import { escapeHtml, renderAnswerHtml, type Topic, topicText } from "../../faq/index.js";
import { LANGUAGE_NAMES } from "../../languages.js";
import type { HandoffReason, SmalltalkKind } from "../../matcher/index.js";
import type { Context } from "../context.js";
import { HANDOFF, type HandoffStart } from "../conversations/handoff.js";
import { createAnswerKeyboard, createClarifyKeyboard } from "../keyboards/answer.js";
import { createCategoryKeyboard } from "../keyboards/menu.js";
import { withEmergencyHint } from "./emergency-hint.js";
import { HTML } from "./html.js";
import { splitMessage } from "./split-message.js";

/** Sends HTML, split at Telegram's limit; the keyboard goes under the last part. */
export async function replyHtml(ctx: Context, html: string, keyboard?: InlineKeyboard): Promise<void> {
  const parts = splitMessage(html);
  for (const [index, part] of parts.entries()) {
    const last = index === parts.length - 1;
    await ctx.reply(part, last && keyboard ? { ...HTML, reply_markup: keyboard } : HTML);
  }
}

/** A topic's answer in `ctx.lang`: title, answer, the office line if the topic needs one, 👍/👎 and related topics. */
export async function replyWithAnswer(ctx: Context, topic: Topic): Promise<void> {
  const { lang: textLang, text } = topicText(topic, ctx.lang);
  const lines = [
    textLang === ctx.lang ? undefined : ctx.t("answer.otherLanguage", { language: LANGUAGE_NAMES[textLang] }),
    `<b>${escapeHtml(text.title)}</b>`,
    renderAnswerHtml(text.answer),
    topic.needsOffice ? ctx.t("answer.office") : undefined,
    ctx.t("answer.question"),
  ];
  const keyboard = createAnswerKeyboard(ctx.knowledge.faq, topic, ctx.lang, ctx.t, { withFeedback: true });
  await replyHtml(ctx, lines.filter((line) => line !== undefined).join("\n\n"), keyboard);
}

/** "Did you mean…" with the topics as buttons and "None of these". */
export async function replyWithClarify(ctx: Context, topics: Topic[]): Promise<void> {
  const text = withEmergencyHint(ctx.t, ctx.t("clarify.question"));
  await replyHtml(ctx, text, createClarifyKeyboard(topics, ctx.lang, ctx.t));
}

/** Offers to pass the question to the district office; `question` is the message the bot could not answer. */
export async function replyWithHandoff(
  ctx: Context,
  reason: HandoffReason | "not-helpful",
  question?: string,
): Promise<void> {
  const start: HandoffStart = { reason, ...(question === undefined ? {} : { question }) };
  await ctx.conversation.enter(HANDOFF, start);
}

/**
 * The emergency numbers and what to say, in the user's language and then in German, to read out or show
 * on the phone. No buttons: nothing should invite a detour.
 */
export async function replyWithEmergency(ctx: Context): Promise<void> {
  if (ctx.lang === "de") {
    await replyHtml(ctx, ctx.t("emergency.text"));
    return;
  }
  await replyHtml(ctx, `${ctx.t("emergency.text")}\n\n${ctx.t("emergency.german")}`);
  await replyHtml(ctx, ctx.tFor("de")("emergency.text"));
}

/** A short reply in kind and, except for goodbyes, a hint what to ask with the topic areas as buttons. */
export async function replyWithSmalltalk(ctx: Context, kind: SmalltalkKind): Promise<void> {
  const reply = ctx.t(`smalltalk.${kind}`);
  if (kind === "bye") {
    await replyHtml(ctx, reply);
    return;
  }
  await replyHtml(ctx, `${reply}\n\n${ctx.t("smalltalk.hint")}`, createCategoryKeyboard(ctx.knowledge.faq, ctx.lang));
}
