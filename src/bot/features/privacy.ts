import { Composer } from "grammy";
import type { Context } from "../context.js";

/** /delete (or /forget): erases what the bot stores about the user, as the GDPR's right to erasure asks. */
export const privacyFeature = new Composer<Context>();
const feature = privacyFeature.chatType("private");

/**
 * Withdraws the user's tickets (staff are told, the texts go), ends any conversation and deletes the
 * session; the storage removes both keys when the update is done.
 */
async function forget(ctx: Context): Promise<void> {
  await ctx.tickets.forgetUser(ctx.chat?.id ?? 0);
  await ctx.conversation.exitAll();
  ctx.session = null;
}

feature.command(["delete", "forget"], async (ctx) => {
  // Translated first: afterwards the stored language is gone.
  const confirmation = ctx.t("privacy.deleted");
  await forget(ctx);
  ctx.logger.info("user data deleted");
  await ctx.reply(confirmation);
});
