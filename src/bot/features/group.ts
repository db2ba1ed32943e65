import { Composer, GrammyError } from "grammy";
import type { Context } from "../context.js";

export const groupFeature = new Composer<Context>();

/**
 * Lotse talks to newcomers one-to-one; in a group it would read and answer other people's messages. It
 * leaves every group and channel, saying why and where to write instead. The district offices' staff
 * groups never get here: the staff feature, registered before this one, takes all of their updates.
 */
const foreignChat = groupFeature.filter((ctx) => ctx.chat !== undefined && ctx.chat.type !== "private");

foreignChat.on("my_chat_member", async (ctx) => {
  const status = ctx.myChatMember.new_chat_member.status;
  if (status === "left" || status === "kicked") return;
  await leave(ctx);
});

// The join itself arrives as `my_chat_member`; its service message would only make the bot say goodbye twice.
foreignChat.on("message:new_chat_members", () => {});
foreignChat.on("message", (ctx) => leave(ctx));
// Anything else from such a chat (edits, channel posts, button presses) is not for the bot.
foreignChat.use(() => {});

async function leave(ctx: Context): Promise<void> {
  ctx.logger.info("leaving a chat that is not a staff chat");
  // The group's id goes to the group itself, not into the logs: an admin adding the bot to a new staff
  // group reads there what to put into the city file.
  const setting = `<code>staff_chat_id: ${ctx.chat?.id}</code>`;
  try {
    if (ctx.chat?.type !== "channel") {
      await ctx.reply(`${ctx.t("group.leaving", { username: ctx.me.username })}\n\n${setting}`, { parse_mode: "HTML" });
    }
    await ctx.leaveChat();
  } catch (error) {
    // Several messages may arrive before the bot is gone; for the later ones Telegram refuses both calls.
    if (!(error instanceof GrammyError)) throw error;
    ctx.logger.info("could not leave the chat, probably left already", { code: error.error_code });
  }
}
