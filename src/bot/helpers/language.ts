import type { Lang } from "../../languages.js";
import type { Context } from "../context.js";

/** The user picked a language: remember it, and use it for the rest of this update. */
export function chooseLanguage(ctx: Context, lang: Lang): void {
  ctx.session.lang = lang;
  ctx.session.languageChosen = true;
  ctx.lang = lang;
}

/**
 * A message was clearly written in `lang`. Until a user picks a language, the one they write in is the
 * best guess for the next replies too; after they picked one, a single message does not overrule them.
 */
export function adoptMessageLanguage(ctx: Context, lang: Lang): void {
  if (!ctx.session.languageChosen && ctx.session.lang !== lang) ctx.session.lang = lang;
  ctx.lang = lang;
}
