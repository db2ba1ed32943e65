import { LANGUAGES, type Lang } from "../languages.js";
import { cyrillicFromLatin, hasArabiziDigits, type Script, scriptOf } from "./normalize.js";

const SCRIPT_OF_LANG: Record<Lang, Script> = {
  de: "latin",
  en: "latin",
  tr: "latin",
  ku: "latin",
  ar: "arabic",
  fa: "arabic",
  uk: "cyrillic",
  ru: "cyrillic",
};

/** Letters that only (or mostly) one language of a script uses, with how much each counts. */
const LETTER_EVIDENCE: Array<[RegExp, Partial<Record<Lang, number>>]> = [
  [/[پچژگ]/g, { fa: 3 }],
  [/[\u06cc\u06a9]/g, { fa: 1 }],
  [/[ةى]/g, { ar: 2 }],
  [/[\u064a\u0643]/g, { ar: 1 }],
  [/[іїєґ]/g, { uk: 3 }],
  [/[ыэъё]/g, { ru: 3 }],
  [/[ğı]/g, { tr: 3 }],
  [/[şç]/g, { tr: 1, ku: 1 }],
  [/[êîû]/g, { ku: 3 }],
  [/[äß]/g, { de: 3 }],
  [/[öü]/g, { de: 1, tr: 1 }],
];

const WORD_WEIGHT = 2;
const PRIOR_WEIGHT = 1.5;
const DEFAULT_FOR_SCRIPT: Record<Script, Lang> = { latin: "en", arabic: "ar", cyrillic: "ru", other: "en" };

export interface LanguageGuess {
  lang: Lang;
  /** True when letters or words of the message point to the language; false when only the prior did. */
  evident: boolean;
}

/** Characteristic words per language (stopwords and markers), normalised like message tokens. */
export type LanguageWords = Record<Lang, ReadonlySet<string>>;

/**
 * Guesses the message's language from its script, its letters and its function words, with the user's
 * chosen language as a prior that settles ties. German official words occur in every language's
 * messages, so only function words and markers count as evidence, never topic words.
 */
export function detectLanguage(
  folded: string,
  tokens: readonly string[],
  words: LanguageWords,
  prior?: Lang,
): LanguageGuess {
  const script = dominantScript(tokens);
  const candidates = LANGUAGES.filter((lang) => SCRIPT_OF_LANG[lang] === script);
  if (candidates.length === 0) return { lang: prior ?? "en", evident: false };

  const score = new Map<Lang, number>(candidates.map((lang) => [lang, 0]));
  // Arabic typed in Latin letters writes ع, ح, ق… as digits: "kif bsajel 3nwani".
  if (script === "latin" && tokens.some(hasArabiziDigits)) score.set("ar", 0);
  // A user who writes their language in Latin letters (Finglish "chetori", Russian "pomogite, ne dyshit")
  // keeps it as a candidate; Russian and Ukrainian function words count when transliterated back.
  if (script === "latin" && prior !== undefined && SCRIPT_OF_LANG[prior] !== "latin") score.set(prior, 0);
  const translit = script === "latin" && (prior === "ru" || prior === "uk") ? prior : undefined;
  const add = (lang: Lang, points: number) => {
    const current = score.get(lang);
    if (current !== undefined) score.set(lang, current + points);
  };
  for (const [pattern, weights] of LETTER_EVIDENCE) {
    const count = folded.match(pattern)?.length ?? 0;
    if (count === 0) continue;
    for (const [lang, weight] of Object.entries(weights) as Array<[Lang, number]>)
      add(lang, Math.min(count, 3) * weight);
  }
  for (const token of tokens) {
    if (script === "latin" && hasArabiziDigits(token)) add("ar", 3);
    for (const lang of score.keys()) if (words[lang].has(token)) add(lang, WORD_WEIGHT);
    if (translit && words[translit].has(cyrillicFromLatin(token, translit) ?? "")) add(translit, WORD_WEIGHT);
  }

  const evident = [...score.values()].some((points) => points > 0);
  if (prior) add(prior, PRIOR_WEIGHT);
  const [top] = [...score.entries()].sort((a, b) => b[1] - a[1]);
  // Without any evidence the user's own choice is the best guess, also for Farsi or Arabic typed in Latin
  // letters; but Arabic or Cyrillic letters are never German, English, Turkish or Kurmanji.
  const priorFits = prior !== undefined && (script === "latin" || candidates.includes(prior));
  const lang = top && top[1] > 0 ? top[0] : priorFits ? prior : DEFAULT_FOR_SCRIPT[script];
  return { lang, evident };
}

/**
 * The script most of the message's words are written in; Arabic or Cyrillic words win over Latin ones,
 * because Latin words inside them are usually German official terms ("متى لازم اعمل Anmeldung").
 */
function dominantScript(tokens: readonly string[]): Script {
  const counts: Record<Script, number> = { latin: 0, arabic: 0, cyrillic: 0, other: 0 };
  for (const token of tokens) counts[scriptOf(token)] += 1;
  if (counts.arabic > 0 && counts.arabic >= counts.cyrillic) return "arabic";
  if (counts.cyrillic > 0) return "cyrillic";
  return counts.latin > 0 ? "latin" : "other";
}
