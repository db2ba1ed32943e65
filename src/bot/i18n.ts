import i18next, { type i18n } from "i18next";
import ar from "../../locales/ar/translation.json" with { type: "json" };
import staffDe from "../../locales/de/staff.json" with { type: "json" };
import de from "../../locales/de/translation.json" with { type: "json" };
import staffEn from "../../locales/en/staff.json" with { type: "json" };
import en from "../../locales/en/translation.json" with { type: "json" };
import fa from "../../locales/fa/translation.json" with { type: "json" };
import ku from "../../locales/ku/translation.json" with { type: "json" };
import ru from "../../locales/ru/translation.json" with { type: "json" };
import tr from "../../locales/tr/translation.json" with { type: "json" };
import uk from "../../locales/uk/translation.json" with { type: "json" };
import { escapeHtml } from "../faq/index.js";
import { LANGUAGES, type Lang } from "../languages.js";

/**
 * The bot's own texts, one file per language. English is the reference: `satisfies` makes the compiler
 * reject a language file that lacks a key, and test/bot/locales.test.ts checks the placeholders.
 */
export const TRANSLATIONS = { de, en, ar, fa, uk, ru, tr, ku } satisfies Record<Lang, typeof en>;

/** The staff groups' texts: staff work in German (or English, for cities that choose it in the city file). */
export const STAFF_TRANSLATIONS = { de: staffDe, en: staffEn } satisfies Record<StaffLang, typeof staffDe>;
export const STAFF_LANGUAGES = ["de", "en"] as const;
export type StaffLang = (typeof STAFF_LANGUAGES)[number];

type Leaves<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** Every text key, e.g. "menu.title"; a typo is a compile error. */
export type TranslationKey = Leaves<typeof en>;

export type StaffTranslationKey = Leaves<typeof staffDe>;
export type StaffTranslate = (key: StaffTranslationKey, values?: Record<string, string | number>) => string;

/** Translates into one fixed language; values are HTML-escaped, since most texts are sent as HTML. */
export type Translate = (key: TranslationKey, values?: Record<string, string | number>) => string;

/** A fresh i18next instance with all resources loaded synchronously; one per bot, never shared globally. */
export function createI18n(): i18n {
  const instance = i18next.createInstance();
  instance.init({
    resources: Object.fromEntries(
      LANGUAGES.map((lang) => [
        lang,
        {
          translation: TRANSLATIONS[lang],
          ...(lang === "de" || lang === "en" ? { staff: STAFF_TRANSLATIONS[lang] } : {}),
        },
      ]),
    ),
    lng: "en",
    fallbackLng: "en",
    initAsync: false,
    // Placeholder values come from users and files (names, FAQ titles): escaped like everything else.
    interpolation: { escape: escapeHtml },
  });
  return instance;
}

export function translator(instance: i18n, lang: Lang): Translate {
  const t = instance.getFixedT(lang);
  return (key, values) => t(key, values);
}

export function staffTranslator(instance: i18n, lang: StaffLang): StaffTranslate {
  const t = instance.getFixedT(lang, "staff");
  return (key, values) => t(key, values);
}
