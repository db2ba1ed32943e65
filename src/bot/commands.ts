import type { Api } from "grammy";
import { LANGUAGES, type Lang } from "../languages.js";
import { createI18n, translator } from "./i18n.js";
import { DEFAULT_LANG } from "./middlewares/i18n.js";

/** The commands offered in Telegram's menu button; /forget works too but is not advertised twice. */
const MENU_COMMANDS = ["start", "menu", "tickets", "district", "help", "language", "delete"] as const;

/** Sets the command menu in each language, and the default language's for everyone else. */
export async function registerCommands(api: Api): Promise<void> {
  const i18n = createI18n();
  const commands = (lang: Lang) => {
    const t = translator(i18n, lang);
    return MENU_COMMANDS.map((command) => ({ command, description: t(`commands.${command}`) }));
  };
  for (const lang of LANGUAGES) await api.setMyCommands(commands(lang), { language_code: lang });
  await api.setMyCommands(commands(DEFAULT_LANG));
}
