import { type BotError, GrammyError, HttpError } from "grammy";
import { errorFields, type Logger } from "../../logger.js";
import type { Context } from "../context.js";

/** Logs an error without the failed call's payload (it holds the text sent to the user). */
export function logError(logger: Logger, error: unknown): void {
  if (error instanceof GrammyError) {
    logger.error("Telegram refused a call", {
      method: error.method,
      code: error.error_code,
      reason: error.description,
    });
  } else if (error instanceof HttpError) {
    logger.error("could not reach Telegram", errorFields(error.error));
  } else {
    logger.error("update failed", { ...errorFields(error), stack: error instanceof Error ? error.stack : undefined });
  }
}

/**
 * The error boundary around the features: logs, and tells the user that something went wrong on the
 * bot's side, so a bug never ends in silence. When Telegram itself failed, telling the user would most
 * likely fail the same way, so it is only logged.
 */
export async function handleFeatureError({ error, ctx }: BotError<Context>): Promise<void> {
  logError(ctx.logger, error);
  if (error instanceof GrammyError || error instanceof HttpError || ctx.chat?.type !== "private") return;
  try {
    if (ctx.callbackQuery) await ctx.answerCallbackQuery(ctx.t("error.generic"));
    else await ctx.reply(ctx.t("error.generic"));
  } catch (replyError) {
    logError(ctx.logger, replyError);
  }
}
