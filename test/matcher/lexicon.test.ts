import { describe, expect, it } from "vitest";
import { DEFAULT_FAQ_DIR } from "../../src/cli/io.js";
import { loadKnowledge } from "../../src/knowledge/load.js";
import { LANGUAGES } from "../../src/languages.js";
import { LEXICONS } from "../../src/matcher/index.js";
import { normalize, tokenize } from "../../src/matcher/normalize.js";
import { compilePhrases, PhraseSet } from "../../src/matcher/phrases.js";

const { faq, matcher } = loadKnowledge({ faqDir: DEFAULT_FAQ_DIR });
const questions = faq.topics.flatMap((topic) =>
  LANGUAGES.flatMap((lang) => (topic.languages[lang]?.questions ?? []).map((text) => ({ id: topic.id, lang, text }))),
);

describe("the shipped word lists against the shipped FAQ", () => {
  it("take none of the FAQ's own questions for an emergency", () => {
    const alarms = questions.filter(({ text, lang }) => matcher.match(text, { lang }).decision === "emergency");
    expect(alarms).toEqual([]);
  });

  it("name no off-topic matter that the FAQ's own questions ask about", () => {
    const offTopic = new PhraseSet(
      compilePhrases(LANGUAGES.flatMap((lang) => LEXICONS[lang].offTopic)).map((phrase) => ({ phrase, tag: 0 })),
    );
    const named = questions.flatMap(({ id, text }) =>
      offTopic.findAll(tokenize(normalize(text))).map((hit) => `${id}: "${text}" names "${hit.phrase.source}"`),
    );
    expect(named).toEqual([]);
  });
});

describe("the shipped matcher for a Russian- or Ukrainian-speaking user without a Cyrillic keyboard", () => {
  it("recognises an emergency typed in Latin letters", () => {
    expect(matcher.match("pomogite muzh upal i ne dyshit", { lang: "ru" }).decision).toBe("emergency");
  });

  it("finds the topic and answers in the user's language", () => {
    const result = matcher.match("gde nayti kvartiru v dortmunde", { lang: "ru" });
    expect(result.lang).toBe("ru");
    expect(result.matches[0]?.id).toBe("housing-search");
  });
});

describe("the shipped matcher for Arabic and Persian typed in Latin letters", () => {
  it("skips their function words and reads a '2' as ق: 'shu ra2m el es3af' asks for the emergency numbers", () => {
    const result = matcher.match("shu ra2m el es3af b almanya?", { lang: "ar" });
    expect(result.decision).toBe("answer");
    expect(result.matches[0]?.id).toBe("emergency-numbers");
  });

  it("raises the alarm for a child drowning told in Arabizi", () => {
    expect(matcher.match("fi walad ghere2 bel buhayra w ma 3am yitla3", { lang: "ar" }).decision).toBe("emergency");
  });

  it("takes 'the heat is killing me' in Arabizi as a figure of speech", () => {
    expect(matcher.match("el 7ar 3am yo2tolni, fi makan bared?", { lang: "ar" }).decision).not.toBe("emergency");
  });
});

describe("the shipped matcher on an accident", () => {
  it("takes 'by accident' as a manner, not an emergency", () => {
    expect(matcher.match("my son scratched a car by accident, who pays?", { lang: "en" }).decision).not.toBe(
      "emergency",
    );
  });

  it("still raises the alarm for an accident with someone hurt", () => {
    expect(matcher.match("there was an accident, my son is not moving", { lang: "en" }).decision).toBe("emergency");
  });
});
