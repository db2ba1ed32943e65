/** The languages Lotse speaks. `ku` is Kurmanji Kurdish in Latin script. */
export const LANGUAGES = ["de", "en", "ar", "fa", "uk", "ru", "tr", "ku"] as const;
export type Lang = (typeof LANGUAGES)[number];

/** Each language's own name in its own script, as shown on the language keyboard. */
export const LANGUAGE_NAMES: Record<Lang, string> = {
  de: "Deutsch",
  en: "English",
  ar: "العربية",
  fa: "فارسی / دری",
  uk: "Українська",
  ru: "Русский",
  tr: "Türkçe",
  ku: "Kurmancî",
};

export const RTL_LANGUAGES: ReadonlySet<Lang> = new Set<Lang>(["ar", "fa"]);

export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/** Maps a Telegram `language_code` such as `uk-UA` or `prs` (Dari) onto one of ours. */
export function langFromCode(code: string | undefined): Lang | undefined {
  if (!code) return undefined;
  const base = code.toLowerCase().split(/[-_]/)[0] ?? "";
  if (isLang(base)) return base;
  const aliases: Record<string, Lang> = { prs: "fa", pes: "fa", kmr: "ku", ckb: "ku" };
  return aliases[base];
}
