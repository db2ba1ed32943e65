import type { MiddlewareFn } from "grammy";
import type { i18n } from "i18next";
import { type Lang, langFromCode } from "../../languages.js";
import type { Context } from "../context.js";
import { translator } from "../i18n.js";

/** For Telegram languages Lotse does not speak: more newcomers read English than German. */
export const DEFAULT_LANG: Lang = "en";

/**
 * Decides the language of the replies: the one stored in the session, else the user's Telegram language
 * when it is one of ours, else English. Group chats have no session; the sender's Telegram language is
 * all there is.
 */
export function i18nMiddleware(instance: i18n): MiddlewareFn<Context> {
  return (ctx, next) => {
    const stored = ctx.chat?.type === "private" ? ctx.session.lang : undefined;
    ctx.lang = stored ?? langFromCode(ctx.from?.language_code) ?? DEFAULT_LANG;
    ctx.t = (key, values) => translator(instance, ctx.lang)(key, values);
    ctx.tFor = (lang) => translator(instance, lang);
    return next();
  };
}
