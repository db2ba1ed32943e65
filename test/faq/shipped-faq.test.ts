import { describe, expect, it } from "vitest";
import { DEFAULT_FAQ_DIR } from "../../src/cli/io.js";
import { loadFaq, MIN_QUESTIONS } from "../../src/faq/index.js";
import { LANGUAGES } from "../../src/languages.js";

const { faq, problems } = loadFaq(DEFAULT_FAQ_DIR);

/** The topic ids other parts of Lotse and its evaluation refer to. */
const REQUIRED_TOPICS = [
  "address-registration",
  "broadcasting-fee",
  "electricity-gas",
  "internet-phone",
  "waste-separation",
  "house-rules",
  "rent-utility-bill",
  "housing-search",
  "mold-heating",
  "jobcenter-benefits",
  "asylum-benefits",
  "residence-permit",
  "health-insurance",
  "find-doctor",
  "medical-on-call",
  "pregnancy-birth",
  "childcare-kita",
  "school-registration",
  "german-course",
  "qualification-recognition",
  "job-search",
  "bank-account",
  "public-transport",
  "child-benefit",
  "family-reunification",
  "legal-advice",
  "volunteer-mentor",
  "leisure-sports",
  "mental-health",
  "driving-licence",
  "official-letters",
  "furniture-household",
  "clothing-food-aid",
  "about-office",
  "interpreter",
  "debt-counselling",
  "insurance-liability",
  "housing-benefit",
  "naturalisation",
  "emergency-numbers",
];

const topic = (id: string) => {
  const found = faq?.topics.find((t) => t.id === id);
  if (!found) throw new Error(`topic ${id} missing`);
  return found;
};

describe("the shipped FAQ", () => {
  it("passes the strict check: no errors and no warnings", () => {
    expect(problems).toEqual([]);
  });

  it("has all 40 first-contact topics, each in all 8 languages with enough phrasings", () => {
    expect(faq?.topics.map((t) => t.id).sort()).toEqual([...REQUIRED_TOPICS].sort());
    for (const t of faq?.topics ?? []) {
      for (const lang of LANGUAGES) {
        const text = t.languages[lang];
        expect(text, `${t.id} ${lang}`).toBeDefined();
        expect(text?.questions.length, `${t.id} ${lang}`).toBeGreaterThanOrEqual(MIN_QUESTIONS);
        expect(text?.keywords.length, `${t.id} ${lang}`).toBeGreaterThan(0);
      }
    }
  });

  it("links every topic to one to three existing related topics", () => {
    const ids = new Set(faq?.topics.map((t) => t.id));
    for (const t of faq?.topics ?? []) {
      expect(t.related.length, t.id).toBeGreaterThanOrEqual(1);
      expect(t.related.length, t.id).toBeLessThanOrEqual(3);
      for (const id of t.related) expect(ids.has(id), `${t.id} → ${id}`).toBe(true);
    }
  });

  it("gives 112 and 110 in every language's emergency-numbers answer", () => {
    for (const lang of LANGUAGES) {
      const answer = topic("emergency-numbers").languages[lang]?.answer ?? "";
      expect(answer, lang).toContain("112");
      expect(answer, lang).toContain("110");
    }
  });

  it("gives 116117 in every language's medical-on-call answer", () => {
    for (const lang of LANGUAGES) expect(topic("medical-on-call").languages[lang]?.answer, lang).toContain("116117");
  });

  it("sends topics that need a person to the district office", () => {
    for (const id of ["legal-advice", "family-reunification", "debt-counselling", "mental-health"]) {
      expect(topic(id).needsOffice, id).toBe(true);
    }
  });

  it("writes Farsi with Persian letters and Kurmanji with its own letters", () => {
    for (const t of faq?.topics ?? []) {
      const fa = JSON.stringify(t.languages.fa);
      expect(fa, t.id).not.toMatch(/[\u064a\u0643]/); // Arabic yeh and kaf
      expect(JSON.stringify(t.languages.ku), t.id).toMatch(/[êîûçş]/);
    }
  });

  it("invents no phone numbers beyond the nationwide ones", () => {
    const allowed = new Set(["112", "110", "116117", "0800 111 0 111", "0800 111 0 222"]);
    for (const t of faq?.topics ?? []) {
      for (const lang of LANGUAGES) {
        const numbers = (t.languages[lang]?.answer ?? "").match(/\d[\d ]{4,}\d/g) ?? [];
        for (const n of numbers) expect(allowed.has(n.trim()), `${t.id} ${lang}: ${n}`).toBe(true);
      }
    }
  });
});
