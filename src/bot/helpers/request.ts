import type { Context } from "../context.js";

/**
 * Names the message being handled, for changes that must happen once: after a crash Telegram delivers
 * the updates it has no confirmation for again, and an answer must not reach a newcomer twice.
 */
export function messageRequest(ctx: Context): string | undefined {
  return ctx.chat && ctx.msgId !== undefined ? `msg:${ctx.chat.id}:${ctx.msgId}` : undefined;
}
