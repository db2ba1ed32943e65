import { Composer } from "grammy";
import { findTopic, type Topic } from "../../faq/index.js";
import type { MatchResult } from "../../matcher/index.js";
import { topicCallback } from "../callback-data.js";
import type { Context } from "../context.js";
import { adoptMessageLanguage } from "../helpers/language.js";
import {
  replyWithAnswer,
  replyWithClarify,
  replyWithEmergency,
  replyWithHandoff,
  replyWithSmalltalk,
} from "../helpers/replies.js";

/** Free text goes to the matcher, and its decision to the matching reply; topic buttons open answers. */
export const questionFeature = new Composer<Context>();
const feature = questionFeature.chatType("private");

feature.on("message:text", async (ctx) => {
  // Known commands were handled by the features before this one.
  if (ctx.message.entities?.some((entity) => entity.type === "bot_command" && entity.offset === 0)) {
    await ctx.reply(ctx.t("unsupported.command"));
    return;
  }
  const result = ctx.knowledge.matcher.match(ctx.message.text, { lang: ctx.lang });
  adoptMessageLanguage(ctx, result.lang);
  await reply(ctx, result, ctx.message.text);
});

feature.on(
  "callback_query:data",
  topicCallback.handle(async (ctx, { id, lang }) => {
    const topic = findTopic(ctx.knowledge.faq, id);
    if (!topic) {
      await ctx.answerCallbackQuery(ctx.t("unsupported.staleButton"));
      return;
    }
    ctx.lang = lang;
    ctx.logger.info("topic opened", { topic: id, lang });
    await ctx.answerCallbackQuery();
    await replyWithAnswer(ctx, topic);
  }),
);

async function reply(ctx: Context, result: MatchResult, text: string): Promise<void> {
  const [best] = result.matches;
  // Topic ids, decision and confidence tell admins how the FAQ serves people; the question itself is never logged.
  ctx.logger.info("question", {
    decision: result.decision,
    lang: result.lang,
    topic: best?.id,
    confidence: best && Number(best.confidence.toFixed(3)),
    reason: result.smalltalk ?? result.handoffReason,
  });
  switch (result.decision) {
    case "emergency":
      return replyWithEmergency(ctx);
    case "smalltalk":
      return replyWithSmalltalk(ctx, result.smalltalk ?? "greeting");
    case "answer": {
      const topic = best && findTopic(ctx.knowledge.faq, best.id);
      return topic ? replyWithAnswer(ctx, topic) : replyWithHandoff(ctx, "no-match", text);
    }
    case "clarify": {
      const topics = result.matches
        .slice(0, 3)
        .map((match) => findTopic(ctx.knowledge.faq, match.id))
        .filter((topic): topic is Topic => topic !== undefined);
      return topics.length > 0 ? replyWithClarify(ctx, topics) : replyWithHandoff(ctx, "no-match", text);
    }
    case "handoff":
      // "I want to talk to a person" is not the question itself: the hand-off asks for it.
      return result.handoffReason === "asked-for-person"
        ? replyWithHandoff(ctx, "asked-for-person")
        : replyWithHandoff(ctx, "no-match", text);
  }
}
