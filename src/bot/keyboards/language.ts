import { InlineKeyboard } from "grammy";
import { LANGUAGE_NAMES, LANGUAGES, type Lang } from "../../languages.js";
import { languageCallback } from "../callback-data.js";

/** Every language in its own name and script, two per row, the current one ticked. */
export function createLanguageKeyboard(current: Lang): InlineKeyboard {
  const buttons = LANGUAGES.map((lang) =>
    InlineKeyboard.text(
      lang === current ? `✅ ${LANGUAGE_NAMES[lang]}` : LANGUAGE_NAMES[lang],
      languageCallback.build({ lang }),
    ),
  );
  const rows = [];
  for (let index = 0; index < buttons.length; index += 2) rows.push(buttons.slice(index, index + 2));
  return InlineKeyboard.from(rows);
}
