import type { MiddlewareFn } from "grammy";
import type { Update } from "grammy/types";
import type { Logger } from "../../logger.js";
import type { Context } from "../context.js";

/**
 * The first middleware: gives each update a child logger that knows the update's kind and id, and logs
 * how long it took. Texts, names and Telegram user or chat ids never reach the log.
 */
export function updateLogger(logger: Logger): MiddlewareFn<Context> {
  return async (ctx, next) => {
    ctx.logger = logger.child({ update: ctx.update.update_id, kind: updateKind(ctx.update), chat: ctx.chat?.type });
    const started = performance.now();
    await next();
    ctx.logger.debug("update handled", { ms: Math.round(performance.now() - started) });
  };
}

const CONTENT_KINDS = [
  "text",
  "photo",
  "video",
  "document",
  "voice",
  "audio",
  "video_note",
  "sticker",
  "animation",
  "location",
  "venue",
  "contact",
  "poll",
  "dice",
];

/** E.g. "message:text", "callback_query", "my_chat_member". */
export function updateKind(update: Update): string {
  const type = Object.keys(update).find((key) => key !== "update_id") ?? "unknown";
  const message = update.message ?? update.edited_message;
  const content = message && CONTENT_KINDS.find((kind) => kind in message);
  return content ? `${type}:${content}` : type;
}
