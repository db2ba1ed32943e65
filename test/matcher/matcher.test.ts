import { describe, expect, it } from "vitest";
import type { Faq, Topic, TopicText } from "../../src/faq/index.js";
import { LANGUAGES, type Lang } from "../../src/languages.js";
import { CharGramIndex } from "../../src/matcher/char-grams.js";
import { createMatcher, decide } from "../../src/matcher/index.js";
import type { Lexicon } from "../../src/matcher/lexicon/types.js";
import { SIMILARITY, TopicIndex } from "../../src/matcher/topic-index.js";

const emptyLexicon = (): Lexicon => ({
  stopwords: [],
  generic: [],
  smalltalk: { greeting: [], thanks: [], bye: [], bot: [], ack: [] },
  askPerson: [],
  emergency: { acute: [], weak: [], info: [], idioms: [], past: [], resolved: [], earlier: [] },
  offTopic: [],
  markers: [],
});

/** A tiny lexicon, so these tests pin the matcher's mechanics independent of the shipped word lists. */
function lexicons(): Record<Lang, Lexicon> {
  const all = Object.fromEntries(LANGUAGES.map((lang) => [lang, emptyLexicon()])) as Record<Lang, Lexicon>;
  all.en = {
    stopwords: ["how", "do", "i", "my", "the", "a", "where", "is", "to", "what", "can", "if"],
    generic: [],
    smalltalk: {
      greeting: ["hello", "hi"],
      thanks: ["thanks", "thank you"],
      bye: ["bye"],
      bot: ["are you a bot"],
      ack: ["ok"],
    },
    askPerson: ["real person", "talk human"],
    emergency: {
      acute: ["not breathing", "kill myself", "son lost", "killing me", "hit* head* confus*", "kill me if"],
      weak: ["ambulance", "fire"],
      info: ["which number", "what number"],
      idioms: ["heat killing me", "no fire", "boss will kill me"],
      past: ["last year"],
      resolved: ["fine again", "fine now", "ambulance took him"],
      earlier: ["last week", "yesterday"],
    },
    offTopic: ["football"],
    markers: ["please"],
  };
  all.de = { ...emptyLexicon(), stopwords: ["wie", "ich", "wo", "ist", "das", "mein", "meine"], markers: ["bitte"] };
  all.ar = {
    ...emptyLexicon(),
    stopwords: ["كيف", "وين", "شو", "متى", "لازم"],
    emergency: { ...emptyLexicon().emergency, acute: ["لا يتنفس"] },
  };
  all.fa = { ...emptyLexicon(), stopwords: ["چطور", "کجا", "باید", "من"], markers: ["است"] };
  return all;
}

function topic(id: string, texts: Partial<Record<Lang, Partial<TopicText>>>): Topic {
  const languages: Topic["languages"] = {};
  for (const [lang, text] of Object.entries(texts) as Array<[Lang, Partial<TopicText>]>) {
    languages[lang] = {
      title: text.title ?? id,
      questions: text.questions ?? [],
      keywords: text.keywords ?? [],
      answer: `answer ${id} ${lang}`,
    };
  }
  return { id, category: "arrival", related: [], needsOffice: false, check: [], languages };
}

const faq: Faq = {
  categories: [{ id: "arrival", titles: { en: "Arrival" } }],
  topics: [
    topic("address-registration", {
      de: {
        title: "Wohnung anmelden",
        questions: ["Wie melde ich meine Wohnung an?"],
        keywords: ["Anmeldung", "Bürgeramt", "Wohnungsgeberbestätigung"],
      },
      en: {
        title: "Registering your address",
        questions: ["How do I register my new address?"],
        keywords: ["registration", "Anmeldung"],
      },
      ar: { title: "تسجيل السكن", questions: ["كيف أسجل عنواني الجديد؟"], keywords: ["تسجيل", "عنوان", "Anmeldung"] },
      fa: { title: "ثبت آدرس", questions: ["چطور آدرس خانه را ثبت کنم؟"], keywords: ["ثبت‌نام", "آدرس"] },
    }),
    topic("child-benefit", {
      de: {
        title: "Kindergeld",
        questions: ["Wie beantrage ich Kindergeld?"],
        keywords: ["Kindergeld", "Familienkasse"],
      },
      en: {
        title: "Child benefit",
        questions: ["How do I apply for child benefit?"],
        keywords: ["Kindergeld", "child benefit"],
      },
    }),
    topic("public-transport", {
      de: {
        title: "Bus und Bahn",
        questions: ["Welches Ticket brauche ich für den Bus?"],
        keywords: ["Deutschlandticket", "Fahrkarte"],
      },
      en: {
        title: "Bus and train",
        questions: ["Which ticket do I need for the bus?"],
        keywords: ["ticket", "Deutschlandticket"],
      },
    }),
  ],
};

const matcher = createMatcher(faq, { thresholds: { answer: 0.4, clarify: 0.15, margin: 0.1 } }, lexicons());

describe("the matcher's decisions", () => {
  it("answers a clear question with the topic that fits", () => {
    const result = matcher.match("how do I register my address", { lang: "en" });
    expect(result.decision).toBe("answer");
    expect(result.matches[0]?.id).toBe("address-registration");
    expect(result.matches[0]?.confidence).toBeGreaterThan(0.4);
  });

  it("weighs the question of a longer message above the story around it", () => {
    // Words alone: the letter view reads the message as one bag of letter sequences.
    const byWords = createMatcher(faq, { ...matcher.config, charGramWeight: 0 }, lexicons());
    const ranked = (text: string) => byWords.match(text, { lang: "en" }).matches.map((m) => m.id);
    // The same words, once told as the story and once asked as the question.
    expect(ranked("I have the Deutschlandticket and my Kindergeld. Where is the Anmeldung?")[0]).toBe(
      "address-registration",
    );
    expect(ranked("I did the Anmeldung and I have Kindergeld. Which Deutschlandticket?")[0]).toBe("public-transport");
  });

  it("finds a topic through a German official word inside another language", () => {
    const result = matcher.match("متى لازم اعمل Anmeldung", { lang: "ar" });
    expect(result.lang).toBe("ar");
    expect(result.matches[0]?.id).toBe("address-registration");
  });

  it("forgives typos and missing umlauts", () => {
    expect(matcher.match("kindergelt beantragen").matches[0]?.id).toBe("child-benefit");
    expect(matcher.match("Wohnungsgeberbestaetigung").matches[0]?.id).toBe("address-registration");
  });

  it("meets Arabic typed in Latin letters with digits", () => {
    const result = matcher.match("kif bsajel 3nwani", { lang: "ar" });
    expect(result.lang).toBe("ar");
    expect(result.matches[0]?.id).toBe("address-registration");
  });

  it("reads a '2' in Arabizi as ق as well as hamza, as Levantine and Egyptian speakers type it ('ra2m', number)", () => {
    const numbers: Faq = {
      categories: faq.categories,
      topics: [...faq.topics, topic("emergency-numbers", { ar: { title: "أرقام الطوارئ", keywords: ["رقم"] } })],
    };
    const local = createMatcher(numbers, { thresholds: { answer: 0.4, clarify: 0.15, margin: 0.1 } }, lexicons());
    expect(local.match("ra2m", { lang: "ar" }).matches[0]?.id).toBe("emergency-numbers");
  });

  it("halves the word score of a message the letter view cannot read, so it needs as much evidence as the others", () => {
    const score = (charGramWeight: number) =>
      createMatcher(faq, { charGramWeight }, lexicons()).match("kif bsajel 3nwani", { lang: "ar" }).matches[0]
        ?.confidence ?? 0;
    expect(score(0)).toBeGreaterThan(0);
    expect(score(1)).toBeCloseTo(score(0) / 2, 2);
  });

  it("joins words the FAQ writes as one: Persian words split by a space instead of ZWNJ", () => {
    expect(matcher.match("ثبت نام", { lang: "fa" }).matches[0]?.id).toBe("address-registration");
  });

  it("hands off when nothing fits instead of guessing", () => {
    const result = matcher.match("what is the capital of France", { lang: "en" });
    expect(result.decision).toBe("handoff");
    expect(result.handoffReason).toBe("no-match");
  });

  it("hands off when the user asks for a person, even with a topic word in the message", () => {
    const result = matcher.match("I want a real person for Kindergeld", { lang: "en" });
    expect(result.decision).toBe("handoff");
    expect(result.handoffReason).toBe("asked-for-person");
  });

  it("puts emergencies before everything else, in any language", () => {
    expect(matcher.match("hello my father is not breathing").decision).toBe("emergency");
    expect(matcher.match("ابي لا يتنفس").decision).toBe("emergency");
    expect(matcher.match("🆘").decision).toBe("emergency");
  });

  it("offers three topics whenever one fits, filling up with its neighbours at confidence 0", () => {
    // By words alone, only one topic fits; the letter view would find faint kin among the others.
    const byWords = createMatcher(faq, { ...matcher.config, charGramWeight: 0 }, lexicons());
    const { matches } = byWords.match("Familienkasse");
    expect(matches.map((m) => m.id)).toEqual(["child-benefit", "address-registration", "public-transport"]);
    expect(matches.slice(1).map((m) => m.confidence)).toEqual([0, 0]);
    expect(byWords.match("zebra giraffe").matches).toEqual([]);
  });

  it("is certain of a topic when the message is one of its FAQ questions, but not when two topics ask it", () => {
    expect(matcher.match("Which ticket do I need for the bus?").matches[0]).toEqual({
      id: "public-transport",
      confidence: 1,
    });
    expect(matcher.match("which ticket for the bus do I need").matches[0]?.confidence).toBe(1);
    const shared = createMatcher(
      {
        categories: faq.categories,
        topics: [
          topic("public-transport", { en: { title: "Bus", questions: ["Which ticket do I need?"] } }),
          topic("leisure-sports", { en: { title: "Football", questions: ["Which ticket do I need?"] } }),
        ],
      },
      matcher.config,
      lexicons(),
    );
    expect(shared.match("Which ticket do I need?").matches[0]?.confidence).toBeLessThan(1);
  });

  it("recognises an emergency told as a story between its two telling words", () => {
    expect(matcher.match("my son who is five years old got lost").decision).toBe("emergency");
    expect(matcher.match("my son asked me where the school is, it is said the bus got lost").decision).not.toBe(
      "emergency",
    );
  });

  it("recognises an emergency of three telling words with a story between them", () => {
    expect(matcher.match("my father fell and hit his head, now he is very confused").decision).toBe("emergency");
  });

  it("takes an emergency phrase inside a figure of speech, or long past, as no emergency", () => {
    expect(matcher.match("he is killing me, help").decision).toBe("emergency");
    expect(matcher.match("this heat is killing me, where is a pool").decision).not.toBe("emergency");
    expect(matcher.match("my father was not breathing last year, now he needs a doctor").decision).not.toBe(
      "emergency",
    );
    expect(matcher.match("we came here last year and now my husband is killing me").decision).toBe("emergency");
  });

  it("takes the first alarm of a clause that a time long past opens as past, as languages that put the verb last tell it", () => {
    expect(matcher.match("last year my father suddenly was not breathing, now he needs a doctor").decision).not.toBe(
      "emergency",
    );
    expect(matcher.match("last year my son got lost and now my father is not breathing").decision).toBe("emergency");
    expect(matcher.match("last year we came, father is not breathing").decision).toBe("emergency");
  });

  it("takes a figure of speech that holds an alarm's content words as no emergency, even when the alarm reaches a function word beyond it", () => {
    expect(matcher.match("my boss will kill me if i am late again").decision).not.toBe("emergency");
    expect(matcher.match("he will kill me if i talk").decision).toBe("emergency");
  });

  it("takes an emergency told afterwards with a good end as no emergency, but not a new one after it", () => {
    expect(
      matcher.match("last week my father was not breathing, the ambulance came, he is fine again").decision,
    ).not.toBe("emergency");
    // The good end must follow the alarm and a time before now must place the story.
    expect(matcher.match("he is fine again, but now my father is not breathing").decision).toBe("emergency");
    expect(matcher.match("my father is not breathing, is he fine again").decision).toBe("emergency");
    expect(matcher.match("yesterday he was fine now, today my father is not breathing").decision).toBe("emergency");
  });

  it("takes the ambulance inside a good end as part of it, not as a new alarm", () => {
    expect(matcher.match("yesterday my father was not breathing, the ambulance took him").decision).not.toBe(
      "emergency",
    );
    expect(matcher.match("my father is not breathing, the ambulance took him").decision).toBe("emergency");
  });

  it("reads a figure of speech only in its own word order", () => {
    expect(matcher.match("the detector beeps but there is no fire").decision).not.toBe("emergency");
    expect(matcher.match("fire, and no one opens the door").decision).toBe("emergency");
  });

  it("treats emergency words in an informational question as a question", () => {
    expect(matcher.match("ambulance now!").decision).toBe("emergency");
    expect(matcher.match("which number is the ambulance").decision).not.toBe("emergency");
  });

  it("answers small talk in kind, but not when a question follows the greeting", () => {
    expect(matcher.match("Hello!")).toMatchObject({ decision: "smalltalk", smalltalk: "greeting" });
    expect(matcher.match("thank you")).toMatchObject({ decision: "smalltalk", smalltalk: "thanks" });
    expect(matcher.match("👍")).toMatchObject({ decision: "smalltalk", smalltalk: "ack" });
    expect(matcher.match("hi, how do I register my address").decision).toBe("answer");
  });

  it("asks back instead of answering when the message names a matter the FAQ does not cover", () => {
    expect(matcher.match("which ticket for the bus", { lang: "en" }).decision).toBe("answer");
    const result = matcher.match("which ticket for the bus to football", { lang: "en" });
    expect(result.decision).toBe("clarify");
    expect(result.matches[0]?.id).toBe("public-transport");
  });

  it("keeps a thank-you with a word or two the FAQ does not know as small talk, not a hand-off", () => {
    expect(matcher.match("thanks, wonderful service")).toMatchObject({ decision: "smalltalk", smalltalk: "thanks" });
    expect(matcher.match("thanks, wonderful friendly patient service").decision).toBe("handoff");
  });

  it("finds an emergency phrase when Arabic fuses 'and' onto a short word", () => {
    expect(matcher.match("ابي وقع ولا يتنفس").decision).toBe("emergency");
  });

  it("explains which words met which topics and which words no topic knows", () => {
    const { words } = matcher.match("where is the Anmeldung, zebra", { explain: true });
    expect(words).toContainEqual({ word: "where", kind: "skipped" });
    expect(words).toContainEqual({ word: "zebra", kind: "unknown" });
    expect(words?.find((w) => w.word === "anmeldung")?.terms?.[0]).toMatchObject({
      term: "anmeldung",
      topics: ["address-registration"],
    });
    expect(matcher.match("where is the Anmeldung").words).toBeUndefined();
  });

  it("explains which word-list phrases raised or calmed an alarm", () => {
    const { phrases } = matcher.match("this heat is killing me, where is a pool", { explain: true });
    expect(phrases).toContainEqual({ list: "idiom", phrase: "heat killing me", words: ["heat", "killing", "me"] });
    expect(matcher.match("my father is not breathing", { explain: true }).phrases).toContainEqual({
      list: "acute",
      phrase: "not breathing",
      words: ["not", "breathing"],
    });
  });

  it("gives every odd input a decision instead of failing", () => {
    for (const text of [
      "",
      "   ",
      "😀😀",
      "12",
      "?!",
      "ساعدني",
      "x".repeat(4096),
      "你好我想问一下",
      "word ".repeat(900),
    ]) {
      const result = matcher.match(text);
      expect(["answer", "clarify", "handoff", "smalltalk", "emergency"]).toContain(result.decision);
      expect(LANGUAGES).toContain(result.lang);
    }
  });

  it("answers in the message's language, and in the user's language when the message does not tell", () => {
    expect(matcher.match("wie ist das mit Kindergeld", { lang: "en" }).lang).toBe("de");
    expect(matcher.match("Kindergeld", { lang: "fa" }).lang).toBe("fa");
  });

  it("takes Arabic or Cyrillic letters over a chosen language written in Latin letters", () => {
    expect(matcher.match("تسجيل", { lang: "de" }).lang).toBe("ar");
    expect(matcher.match("прописка", { lang: "en" }).lang).toBe("ru");
  });

  it("is as sure of a question with an age or an amount in it as without", () => {
    const plain = matcher.match("Kindergeld beantragen", { lang: "de" }).matches[0];
    const withNumbers = matcher.match("Kindergeld 2 beantragen 250", { lang: "de" }).matches[0];
    expect(withNumbers?.id).toBe("child-benefit");
    expect(withNumbers?.confidence).toBe(plain?.confidence);
  });

  it("is less sure when two topics explain the message equally well", () => {
    const one = matcher.match("Deutschlandticket", { lang: "de" }).matches[0]?.confidence ?? 0;
    const both = matcher.match("Deutschlandticket Kindergeld", { lang: "de" });
    expect(both.matches[0]?.confidence).toBeLessThan(one);
    expect(both.decision).toBe("clarify");
  });

  it("counts a word one topic names in every language and another mentions once as mostly the first one's", () => {
    const none = Object.fromEntries(LANGUAGES.map((lang) => [lang, new Set<string>()])) as Record<Lang, Set<string>>;
    const named = { title: "Bürgergeld", keywords: ["Bürgergeld"] };
    const rarity = (mentions: Lang[]) => {
      const index = new TopicIndex(
        {
          categories: faq.categories,
          topics: [
            topic("jobcenter-benefits", { de: named, en: named, ar: named, fa: named }),
            topic(
              "housing-benefit",
              Object.fromEntries(mentions.map((lang) => [lang, { questions: ["Bürgergeld Miete"] }])),
            ),
            topic("child-benefit", { de: { questions: ["Kindergeld"] } }),
          ],
        },
        none,
      );
      const term = index.lookup("burgergeld")[0]?.term ?? -1;
      return index.idf[term] ?? 0;
    };
    const once = rarity(["de"]);
    expect(once).toBeLessThan(1);
    expect(once).toBeGreaterThan(rarity(["de", "en", "ar", "fa"]));
  });

  it("trusts a word less when only other languages' texts use it", () => {
    const german = matcher.match("Fahrkarte", { lang: "de" }).matches[0];
    const english = matcher.match("Fahrkarte", { lang: "en" }).matches[0];
    expect(english?.id).toBe("public-transport");
    expect(english?.confidence).toBeLessThan(german?.confidence ?? 0);
  });
});

describe("function words of one language that are content words of another", () => {
  const all = lexicons();
  all.tr = { ...all.tr, stopwords: ["nerede", "ben"] };
  all.ku = { ...all.ku, stopwords: ["ev", "li"] };
  const jobs: Faq = {
    categories: faq.categories,
    topics: [
      ...faq.topics,
      topic("job-search", {
        en: { title: "Finding work", keywords: ["job"] },
        tr: { title: "İş bulmak", keywords: ["iş"] },
      }),
      topic("housing-search", {
        en: { title: "Finding a flat", keywords: ["flat"] },
        tr: { title: "Ev", keywords: ["ev"] },
      }),
    ],
  };
  const local = createMatcher(jobs, { thresholds: { answer: 0.4, clarify: 0.15, margin: 0.1 } }, all);

  it("keeps Turkish 'iş' and 'ev' although they fold to English 'is' and are Kurmanji for 'this'", () => {
    expect(local.match("iş nerede", { lang: "tr" }).matches[0]?.id).toBe("job-search");
    expect(local.match("ev nerede", { lang: "tr" }).matches[0]?.id).toBe("housing-search");
  });

  it("still drops them where they are function words", () => {
    expect(local.match("where is the ticket", { lang: "en" }).matches.map((m) => m.id)).not.toContain("job-search");
  });
});

describe("generic words: everyday words that do not say which topic is meant", () => {
  const all = lexicons();
  all.en = { ...all.en, generic: ["son", "daughter"] };
  const withFamily: Faq = {
    categories: faq.categories,
    topics: [
      ...faq.topics,
      topic("leisure-sports", { en: { title: "Sports clubs", questions: ["Where can my son play football?"] } }),
    ],
  };
  const local = createMatcher(withFamily, { thresholds: { answer: 0.4, clarify: 0.15, margin: 0.1 } }, all);

  it("do not point to a topic whose questions happen to use them", () => {
    const result = local.match("my son child benefit", { lang: "en" });
    expect(result.matches[0]?.id).toBe("child-benefit");
    expect(result.matches.map((m) => m.id)).not.toContain("leisure-sports");
  });

  it("do not make the matcher less sure, unlike words the FAQ does not know", () => {
    const plain = local.match("child benefit", { lang: "en" }).matches[0];
    expect(local.match("my daughter child benefit", { lang: "en" }).matches[0]).toEqual(plain);
    const unknown = local.match("my neighbour child benefit", { lang: "en" }).matches[0];
    expect(unknown?.confidence).toBeLessThan(plain?.confidence ?? 0);
  });
});

describe("keywords of several words", () => {
  // The topic with the two-word keyword comes first, so that a tie would go to it.
  const doctors: Faq = {
    categories: faq.categories,
    topics: [
      topic("jobcenter-benefits", { en: { title: "Benefits", keywords: ["doctor certificate"] } }),
      topic("find-doctor", { en: { title: "Family practice", keywords: ["doctor"] } }),
    ],
  };
  const local = createMatcher(doctors, { ...matcher.config, charGramWeight: 0 }, lexicons());

  it("count their words like question words, below a keyword chosen on its own", () => {
    const [first, second] = local.match("doctor", { lang: "en" }).matches;
    expect(first?.id).toBe("find-doctor");
    expect(first?.confidence).toBeGreaterThan(second?.confidence ?? 0);
  });
});

describe("deciding by thresholds", () => {
  const thresholds = { answer: 0.5, clarify: 0.2, margin: 0.1 };
  it("answers only a confident topic that clearly leads", () => {
    expect(
      decide(
        [
          { id: "a", confidence: 0.7 },
          { id: "b", confidence: 0.3 },
        ],
        thresholds,
      ).decision,
    ).toBe("answer");
    expect(
      decide(
        [
          { id: "a", confidence: 0.7 },
          { id: "b", confidence: 0.65 },
        ],
        thresholds,
      ).decision,
    ).toBe("clarify");
  });
  it("asks back in the middle band and hands off below it", () => {
    expect(decide([{ id: "a", confidence: 0.3 }], thresholds).decision).toBe("clarify");
    expect(decide([{ id: "a", confidence: 0.1 }], thresholds).decision).toBe("handoff");
    expect(decide([], thresholds).decision).toBe("handoff");
  });
});

describe("Cyrillic words that share only a short root", () => {
  const taxes: Faq = {
    categories: faq.categories,
    topics: [topic("tax-id", { uk: { title: "Податковий номер", questions: ["Де знайти податковий номер?"] } })],
  };
  const none = Object.fromEntries(LANGUAGES.map((lang) => [lang, new Set<string>()])) as Record<Lang, Set<string>>;
  const index = new TopicIndex(taxes, none);
  const similarityTo = (word: string, indexed: string) =>
    index.lookup(word).find((hit) => hit.term === index.lookup(indexed)[0]?.term)?.similarity;

  // "подати" (to submit) and "податковий" (tax) start alike but are different words.
  it("count as weaker evidence than an inflection of the same word", () => {
    expect(similarityTo("подати", "податковий")).toBe(SIMILARITY.root);
    expect(similarityTo("податкову", "податковий")).toBe(SIMILARITY.stem);
    expect(SIMILARITY.root).toBeLessThan(SIMILARITY.stem);
  });
});

describe("the letter view beside the word view", () => {
  const noStopwords = Object.fromEntries(LANGUAGES.map((lang) => [lang, new Set<string>()])) as Record<
    Lang,
    Set<string>
  >;
  const grams = new CharGramIndex(faq, noStopwords);
  const ranked = (words: string[]) => {
    const scores = new Float64Array(faq.topics.length);
    const touched: number[] = [];
    grams.score(words, scores, touched);
    return touched
      .map((topic) => ({ id: faq.topics[topic]?.id, score: scores[topic] ?? 0 }))
      .sort((a, b) => b.score - a.score);
  };

  it("finds a topic from word forms no list holds, by the letter sequences they share", () => {
    expect(ranked(["kindergeldantrag"])[0]?.id).toBe("child-benefit");
    expect(ranked(["fahrkarten", "kaufen"])[0]?.id).toBe("public-transport");
  });

  it("scores by cosine, at most 1, and a word sharing no letter sequence with the FAQ scores nothing", () => {
    const [best] = ranked(["bus", "und", "bahn"]);
    expect(best?.id).toBe("public-transport");
    expect(best?.score).toBeGreaterThan(0.2);
    expect(best?.score).toBeLessThanOrEqual(1);
    expect(ranked(["qxz"])).toEqual([]);
  });

  it("counts beside the words as configured, and not at all at weight 0", () => {
    const weighted = createMatcher(faq, { ...matcher.config, charGramWeight: 2 }, lexicons());
    const byWords = createMatcher(faq, { ...matcher.config, charGramWeight: 0 }, lexicons());
    const text = "kindergeldantrag stellen";
    expect(weighted.match(text).matches[0]?.id).toBe("child-benefit");
    expect(weighted.match(text).matches[0]?.confidence).not.toBe(byWords.match(text).matches[0]?.confidence);
  });
});
