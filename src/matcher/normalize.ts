/**
 * Text normalisation shared by the index and the queries, so that the many ways people type the same
 * word meet: case, diacritics (ä/ae, ş/s, ê/e, ё/е), Arabic letter variants and harakat, Persian and
 * Arabic forms of yeh and kaf, digits in Persian/Arabic script, joiners and direction marks.
 */

const ARABIC_INDIC_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;
const COMBINING_MARKS = /[\u0300-\u036f\u064b-\u065f\u0670\u06d6-\u06ed]/g;
const INVISIBLES = /[\u0640\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

const LETTER_MAP: Record<string, string> = {
  ı: "i",
  ß: "ss",
  ø: "o",
  æ: "ae",
  œ: "oe",
  // Arabic: hamza carriers and alef variants all fold to bare alef/waw/yeh; ta marbuta and alef maqsura to
  // the letters people type instead of them.
  أ: "ا",
  إ: "ا",
  آ: "ا",
  ٱ: "ا",
  ؤ: "و",
  ئ: "ي",
  ة: "ه",
  ۀ: "ه",
  ى: "ي",
  // Persian keyboards type ی/ک, Arabic keyboards ي/ك: Dari speakers use both.
  ی: "ي",
  ک: "ك",
  // Cyrillic: ё is mostly written as е; Ukrainian ґ often as г.
  ё: "е",
  ґ: "г",
};
const LETTER_PATTERN = new RegExp(`[${Object.keys(LETTER_MAP).join("")}]`, "g");

/** Lower-cased, NFKC-normalised text with ASCII digits; keeps diacritics (language detection needs them). */
export function foldCase(text: string): string {
  return text
    .normalize("NFKC")
    .replace(ARABIC_INDIC_DIGITS, (d) => String((d.charCodeAt(0) - 0x0660) % 0x90))
    .toLowerCase();
}

/** Full normalisation for matching: case, diacritics, letter variants, invisibles. */
export function normalize(text: string): string {
  return foldCase(text)
    .replace(INVISIBLES, (c) => (c === "\u200c" ? "" : c === "\u0640" ? "" : " "))
    .normalize("NFD")
    .replace(COMBINING_MARKS, "")
    .normalize("NFC")
    .replace(LETTER_PATTERN, (c) => LETTER_MAP[c] ?? c)
    .replace(STRETCHED, "$1");
}

/** A letter typed three or more times is one stretched for feeling ("helppp", "الحقوووني"); no word of ours
 * needs three in a row (German "Schifffahrt" loses one both in the FAQ and in messages, so still meets). */
const STRETCHED = /(\p{L})\1{2,}/gu;

/**
 * Spoken Turkish drops the r of the present tense ("geliyo", "durmuyo", "bilmiyom"); written back in full
 * so that "kan geliyo durmuyo" meets the lexicon's "geliyor", "durmuyor".
 */
const SPOKEN_TURKISH_PRESENT = /(?<=[a-z]{2}[iu])yo([mnz]?)$/;
const SPOKEN_PERSON: Record<string, string> = { m: "um", n: "sun", z: "uz" };

const TOKEN = /[\p{L}\p{N}]+(?:['’ʼ][\p{L}]+)*/gu;

/** Splits normalised text into word tokens; German ae/oe/ue spellings are folded onto the plain vowels. */
export function tokenize(normalized: string): string[] {
  const tokens: string[] = [];
  for (const match of normalized.matchAll(TOKEN)) {
    let token = match[0].replace(/['’ʼ]/g, "");
    if (/^[a-z]+$/.test(token))
      token = token
        .replace(/ae/g, "a")
        .replace(/oe/g, "o")
        .replace(/ue/g, "u")
        .replace(SPOKEN_TURKISH_PRESENT, (_, ending: string) => `yor${SPOKEN_PERSON[ending] ?? ""}`);
    tokens.push(token);
  }
  return tokens;
}

export type Script = "latin" | "cyrillic" | "arabic" | "other";

export function scriptOf(token: string): Script {
  const first = token.codePointAt(0) ?? 0;
  if (first >= 0x0600 && first <= 0x06ff) return "arabic";
  if (first >= 0x0400 && first <= 0x04ff) return "cyrillic";
  if (/^[a-z0-9]/.test(token)) return /\d/.test(token) && !/[a-z]/.test(token) ? "other" : "latin";
  return "other";
}

/** Arabic clitics fused to the front of words: wa-, fa-, bi-, li-, ka- with or without the article. */
const ARABIC_PREFIXES = ["وال", "فال", "بال", "كال", "لل", "ال"];

/** The word without a leading Arabic conjunction/preposition/article, so "بالجامعة" meets "جامعة". */
export function stripArabicClitics(token: string): string {
  for (const prefix of ARABIC_PREFIXES) {
    if (token.startsWith(prefix) && token.length - prefix.length >= 3) return token.slice(prefix.length);
  }
  return token;
}

/** The word without a leading "wa-"/"fa-" and clitics; a leading و can also be a root letter, so callers
 * that need certainty compare both this and the word itself (see arabicCores). */
export function arabicCore(token: string): string {
  const withoutConjunction = token.length > 3 && /^[وف]/.test(token) ? token.slice(1) : token;
  return stripArabicClitics(withoutConjunction);
}

/**
 * Possessive and plural endings of Arabic ("بيتي", "ولادنا") and Persian ("دخترم", "کلاسها") words, longest
 * first. Not a lone ه: after normalisation it is mostly ta marbuta, part of the word ("ليلة", "مدرسة").
 */
const ARABIC_SCRIPT_SUFFIXES = ["هايم", "هاي", "ها", "هم", "كم", "نا", "ني", "لي", "ام", "ات", "اش", "ي", "ك", "م"];

/**
 * Spoken forms of an Arabic-script word that the FAQ writes another way, for words the index does not know
 * as typed: a pronoun or plural ending ("بنتي" → "بنت"), the Levantine present-tense b- ("بيساعد" → "يساعد"),
 * "ع" fused with the article ("عالمدرسة" → "مدرسة"), and colloquial Persian "ون" for "ان" ("خونه" → "خانه").
 */
export function arabicVariants(token: string): string[] {
  const core = arabicCore(token);
  const bases = [core];
  if (/^ب[يتنا]/.test(core) && core.length >= 4) bases.push(core.slice(1));
  if (core.startsWith("عال") && core.length >= 6) bases.push(core.slice(3));
  const variants = new Set<string>();
  for (const base of bases) {
    variants.add(base);
    for (const suffix of ARABIC_SCRIPT_SUFFIXES) {
      if (base.endsWith(suffix) && base.length - suffix.length >= 3) {
        variants.add(base.slice(0, -suffix.length));
        break;
      }
    }
  }
  for (const variant of [...variants]) if (variant.includes("ون")) variants.add(variant.replace("ون", "ان"));
  variants.delete(token);
  variants.delete(core);
  return [...variants];
}

export function arabicCores(token: string): string[] {
  // Phrases also meet short words with "و"/"ف" fused on ("وما عم يتنفس"), which arabicCore keeps whole.
  const conjunction = token.length === 3 && /^[وف]/.test(token) ? [token.slice(1)] : [];
  // The future fused onto a verb, written "س" in standard Arabic and "ه" in Egyptian: "سأنهي حياتي" is
  // "أنهي حياتي" (end my life) to come.
  const future = token.length >= 5 && /^[سه][اينت]/.test(token) ? [token.slice(1)] : [];
  return [...new Set([token, stripArabicClitics(token), arabicCore(token), ...conjunction, ...future])];
}

/** How many leading characters identify a word family for prefix matching (inflection, compounds). */
export function stemLength(token: string): number {
  return scriptOf(token) === "arabic" ? 4 : 5;
}

/**
 * A consonant skeleton of Arabic-script words and of Arabic typed in Latin letters ("3nwani", "tasjil"),
 * so the two meet: short vowels are not written in Arabic script, so vowels and the weak letters
 * alef/waw/yeh are dropped on both sides, and letters with several Latin spellings share one class.
 */
export function arabiziSkeleton(token: string): string {
  // Arabic script does not write doubled letters twice (shadda), so only the Latin side is folded.
  const base =
    scriptOf(token) === "arabic"
      ? stripArabicClitics(token)
      : token.replace(/^(al|el|il)(?=.{4,})/, "").replace(/([a-z])\1+/g, "$1");
  let latin = "";
  for (const char of base) latin += SKELETON_ARABIC[char] ?? char;
  return (
    latin
      .replace(/sh|ch/g, "x")
      .replace(/kh|gh/g, (m) => (m === "kh" ? "k" : "3"))
      .replace(/th|dh/g, "s")
      .replace(/g/g, "j")
      // ق is typed "q" as often as "k" ("sayeq", "qanun").
      .replace(/q/g, "k")
      .replace(/[aeiouyw2'h]/g, (c) => (c === "h" ? "h" : ""))
      .replace(/[^a-z0-9]/g, "")
  );
}

const SKELETON_ARABIC: Record<string, string> = {
  ب: "b",
  پ: "b",
  ت: "t",
  ط: "t",
  ث: "s",
  س: "s",
  ص: "s",
  ج: "j",
  چ: "x",
  ح: "h",
  ه: "h",
  خ: "k",
  ق: "k",
  ك: "k",
  گ: "j",
  د: "d",
  ض: "d",
  ذ: "z",
  ز: "z",
  ظ: "z",
  ژ: "z",
  ر: "r",
  ش: "x",
  ع: "3",
  غ: "3",
  ف: "f",
  ل: "l",
  م: "m",
  ن: "n",
  ا: "",
  و: "",
  ي: "",
  ء: "",
};

/** Latin digits that Arabizi uses as letters, mapped to the skeleton classes above. */
export function arabiziLatin(token: string): string {
  return token.replace(/[2356789]/g, (d) => ({ 2: "", 3: "3", 5: "k", 6: "t", 7: "h", 8: "3", 9: "k" })[d] ?? d);
}

/**
 * The skeletons a word typed in Arabizi may stand for. "2" is a hamza ("so2al", question), but in
 * Levantine and Egyptian speech ق is spoken as one and typed "2" too: "ra2m" is رقم (number), "a2addem"
 * is أقدم (I apply).
 */
export function arabiziSkeletons(token: string): string[] {
  const hamza = arabiziSkeleton(arabiziLatin(token));
  if (!token.includes("2")) return [hamza];
  const qaf = arabiziSkeleton(arabiziLatin(token.replaceAll("2", "q")));
  return qaf === hamza ? [hamza] : [hamza, qaf];
}

export function hasArabiziDigits(token: string): boolean {
  return /[a-z]/.test(token) && /[2356789]/.test(token) && !/^\d+[a-z]{1,2}$/.test(token);
}

/** Latin letter groups as people type Russian and Ukrainian without a Cyrillic keyboard, longest first. */
const TRANSLIT_GROUPS: Array<[string, string]> = [
  ["shch", "щ"],
  ["zh", "ж"],
  ["kh", "х"],
  ["ch", "ч"],
  ["sh", "ш"],
  ["ts", "ц"],
  ["yu", "ю"],
  ["ju", "ю"],
  ["ya", "я"],
  ["ja", "я"],
];
const TRANSLIT_LETTERS: Array<[string, string]> = Object.entries({
  a: "а",
  b: "б",
  v: "в",
  w: "в",
  g: "г",
  d: "д",
  e: "е",
  z: "з",
  j: "й",
  k: "к",
  l: "л",
  m: "м",
  n: "н",
  o: "о",
  p: "п",
  r: "р",
  s: "с",
  t: "т",
  u: "у",
  f: "ф",
  c: "ц",
  x: "кс",
  q: "к",
  "'": "ь",
});
/** Where the two languages differ: Russian е/ы/и/х against Ukrainian є/ї/и/і/г. */
const TRANSLIT: Record<"ru" | "uk", Array<[string, string]>> = {
  ru: [
    // Reflexive endings ("lomyatsya", "kazhetsya"): ц before я hardly occurs in Russian.
    ["tsya", "тся"],
    ["tsja", "тся"],
    ["sch", "щ"],
    ...TRANSLIT_GROUPS,
    ["yo", "е"],
    ["jo", "е"],
    ["ye", "е"],
    ["je", "е"],
    ...TRANSLIT_LETTERS,
    ["i", "и"],
    ["h", "х"],
    ["y", "ы"],
  ],
  uk: [
    // The official transliteration writes я, ю, є as "ia", "iu", "ie" inside a word ("zahubyvsia").
    ["tsia", "ться"],
    ["tsya", "ться"],
    ["ia", "я"],
    ["iu", "ю"],
    ["ie", "є"],
    ...TRANSLIT_GROUPS,
    ["ye", "є"],
    ["je", "є"],
    ["yi", "ї"],
    ["ji", "ї"],
    ...TRANSLIT_LETTERS,
    ["i", "і"],
    ["h", "г"],
    ["y", "и"],
  ],
};
const VOWELS = "аеиоуыэюяіїє";

/**
 * Russian or Ukrainian typed in Latin letters ("pomogite", "ne dyshit", "dopomozhit") back in Cyrillic,
 * normalised like typed Cyrillic; undefined for a word that is not plain Latin letters. Russian "y"
 * after a vowel is й ("moy", "nayti"), elsewhere ы.
 */
export function cyrillicFromLatin(token: string, lang: "ru" | "uk"): string | undefined {
  if (!/^[a-z']+$/.test(token)) return undefined;
  let out = "";
  let i = 0;
  while (i < token.length) {
    const pair = TRANSLIT[lang].find(([latin]) => token.startsWith(latin, i));
    if (!pair) return undefined;
    const [latin, cyrillic] = pair;
    out += latin === "y" && lang === "ru" && VOWELS.includes(out.at(-1) ?? "") ? "й" : cyrillic;
    i += latin.length;
  }
  return normalize(out);
}
