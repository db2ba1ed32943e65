import type { MiddlewareFn } from "grammy";
import type { CounterStore } from "../../storage/index.js";
import type { Context } from "../context.js";

export interface RateLimitOptions {
  counters: CounterStore;
  /** Updates allowed per user and window. */
  max: number;
  windowSeconds: number;
}

/**
 * Drops a user's updates beyond `max` per window, saying so once per window. The counters live in the
 * shared storage, so the limit holds across bot instances. A message that describes an emergency always
 * gets through: someone in panic may well send many messages in a row, and the numbers must reach them.
 */
export function rateLimit({ counters, max, windowSeconds }: RateLimitOptions): MiddlewareFn<Context> {
  return async (ctx, next) => {
    if (ctx.chat?.type !== "private" || !ctx.from) return next();
    const count = await counters.increment(String(ctx.from.id), windowSeconds);
    if (count <= max || isEmergency(ctx)) return next();
    if (ctx.callbackQuery) {
      // Answered every time: otherwise the button keeps spinning on the user's screen.
      await ctx.answerCallbackQuery(ctx.t("rateLimit.slowDown"));
      return;
    }
    if (count === max + 1) {
      ctx.logger.warn("rate limit reached", { max, windowSeconds });
      await ctx.reply(ctx.t("rateLimit.slowDown"));
    }
  };
}

function isEmergency(ctx: Context): boolean {
  const text = ctx.msg?.text;
  return text !== undefined && ctx.knowledge.matcher.match(text, { lang: ctx.lang }).decision === "emergency";
}
