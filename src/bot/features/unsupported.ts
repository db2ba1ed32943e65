import { Composer } from "grammy";
import type { Context } from "../context.js";
import { replyHtml, replyWithEmergency } from "../helpers/replies.js";

/**
 * The catch-all, installed last: whatever reached it in a private chat gets a kind explanation in the
 * user's language, never silence. Updates from other chats (staff groups) are not answered here.
 */
export const unsupportedFeature = new Composer<Context>();
const feature = unsupportedFeature.chatType("private");

// Corrections are not answered again, with one exception: an emergency gets the numbers wherever it appears.
feature.on("edited_message", async (ctx) => {
  const text = ctx.editedMessage.text;
  if (text && ctx.knowledge.matcher.match(text, { lang: ctx.lang }).decision === "emergency") {
    await replyWithEmergency(ctx);
    return;
  }
  await ctx.reply(ctx.t("unsupported.edited"));
});

// Someone in distress may send a voice message; the numbers come with the request to write.
feature.on(["message:voice", "message:audio", "message:video_note"], (ctx) =>
  replyHtml(ctx, `${ctx.t("unsupported.voice")}\n\n${ctx.t("emergency.hint")}`),
);

feature.on(["message:photo", "message:video", "message:document", "message:animation"], async (ctx) => {
  const album = ctx.message.media_group_id;
  if (album !== undefined) {
    // An album arrives as one message per item; one reply is enough.
    if (ctx.session.lastMediaGroupId === album) return;
    ctx.session.lastMediaGroupId = album;
  }
  await ctx.reply(ctx.t("unsupported.media"));
});

feature.on("message:sticker", (ctx) => ctx.reply(ctx.t("unsupported.sticker")));
feature.on(["message:location", "message:venue", "message:contact"], (ctx) => ctx.reply(ctx.t("unsupported.location")));
feature.on("message", (ctx) => ctx.reply(ctx.t("unsupported.other")));

// A button from a message the bot can no longer serve (a topic removed from the FAQ, an old release).
feature.on("callback_query", (ctx) => ctx.answerCallbackQuery(ctx.t("unsupported.staleButton")));

// Service updates of private chats (the user blocked or restarted the bot) need no reply.
unsupportedFeature.use((ctx) => ctx.logger.debug("update not handled"));
