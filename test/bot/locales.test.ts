import { describe, expect, it } from "vitest";
import { TRANSLATIONS } from "../../src/bot/i18n.js";
import { LANGUAGES, RTL_LANGUAGES } from "../../src/languages.js";

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === "string") entries.set(prefix + key, value);
    else for (const [inner, text] of flatten(value, `${prefix}${key}.`)) entries.set(inner, text);
  }
  return entries;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
const reference = flatten(TRANSLATIONS.en);
const FSI = "\u2068";
const PDI = "\u2069";

describe("the bot's texts", () => {
  it.each(LANGUAGES)("%s has exactly the keys of the English texts, none of them empty", (lang) => {
    const texts = flatten(TRANSLATIONS[lang]);
    expect([...texts.keys()].sort()).toEqual([...reference.keys()].sort());
    for (const [key, text] of texts) expect(text.trim(), `${lang} ${key}`).not.toBe("");
  });

  it.each(LANGUAGES)("%s uses the same {{placeholders}} as English in every text", (lang) => {
    const texts = flatten(TRANSLATIONS[lang]);
    for (const [key, english] of reference) {
      expect(placeholders(texts.get(key) ?? ""), `${lang} ${key}`).toEqual(placeholders(english));
    }
  });

  it.each(LANGUAGES)("%s opens and closes every HTML tag it uses", (lang) => {
    for (const [key, text] of flatten(TRANSLATIONS[lang])) {
      const tags = [...text.matchAll(/<(\/?)(\w+)>/g)];
      for (const name of new Set(tags.map((tag) => tag[2]))) {
        const opened = tags.filter((tag) => tag[2] === name && tag[1] === "").length;
        const closed = tags.filter((tag) => tag[2] === name && tag[1] === "/").length;
        expect(closed, `${lang} ${key} <${name}>`).toBe(opened);
      }
    }
  });

  // A Latin word, a number or a command at the start of an Arabic or Farsi line would make Telegram lay
  // the whole line out left-to-right; inside isolates (U+2068 … U+2069) it no longer counts.
  it.each([...RTL_LANGUAGES])("%s wraps every Latin word, digit, command and placeholder in isolates", (lang) => {
    for (const [key, text] of flatten(TRANSLATIONS[lang])) {
      const outside = text.replace(/<\/?\w+>/g, "").replace(new RegExp(`${FSI}[^${PDI}]*${PDI}`, "g"), "");
      expect(outside, `${lang} ${key}`).not.toMatch(/[A-Za-z0-9]|\{\{/);
      expect(outside, `${lang} ${key}: unbalanced isolates`).not.toMatch(new RegExp(`[${FSI}${PDI}]`));
    }
  });

  it("Farsi is written with Persian letters, not Arabic ي and ك", () => {
    for (const [key, text] of flatten(TRANSLATIONS.fa)) expect(text, `fa ${key}`).not.toMatch(/[يك]/);
  });

  it("Kurmanji is written in Latin script with its own letters", () => {
    const all = [...flatten(TRANSLATIONS.ku).values()].join(" ");
    expect(all).not.toMatch(/[\u0600-\u06FF]/);
    for (const letter of ["ê", "î", "û", "ç", "ş"]) expect(all).toContain(letter);
  });

  it("Ukrainian is not Russian: it uses і, ї or є and never ы, э or ъ", () => {
    for (const [key, text] of flatten(TRANSLATIONS.uk)) expect(text, `uk ${key}`).not.toMatch(/[ыэъё]/);
    expect([...flatten(TRANSLATIONS.uk).values()].join(" ")).toMatch(/[іїє]/);
  });
});
