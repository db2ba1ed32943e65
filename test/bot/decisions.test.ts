import { describe, expect, it } from "vitest";
import { TRANSLATIONS } from "../../src/bot/i18n.js";
import { findTopic, topicText } from "../../src/faq/index.js";
import { LANGUAGES, type Lang } from "../../src/languages.js";
import type { Decision } from "../../src/matcher/index.js";
import { ambiguousMessage, shippedFaq, useBots } from "../helpers/telegram.js";

const bots = useBots();
const { faq, matcher } = shippedFaq().get();
const texts = (lang: Lang) => TRANSLATIONS[lang];
const title = (id: string, lang: Lang) => {
  const topic = findTopic(faq, id);
  if (!topic) throw new Error(`no topic ${id}`);
  return topicText(topic, lang).text.title;
};

/** The examples are chosen for a decision; if the matcher decides otherwise, the example needs replacing. */
function expectDecision(text: string, lang: Lang, decision: Decision): void {
  expect(matcher.match(text, { lang }).decision, `the matcher's decision for "${text}"`).toBe(decision);
}

async function ask(lang: Lang, text: string) {
  const user = bots.user(bots.bot(), lang);
  return user.send(text);
}

describe("an FAQ question", () => {
  it.each(LANGUAGES)("in %s is answered in that language, with 👍/👎 and related topics", async (lang) => {
    const topic = findTopic(faq, "find-doctor");
    const question = topic?.languages[lang]?.questions[0] ?? "";
    expectDecision(question, lang, "answer");
    const reply = await ask(lang, question);
    expect(reply.sent).toHaveLength(1);
    expect(reply.sent[0]).toContain(`<b>${title("find-doctor", lang)}</b>`);
    expect(reply.text).toContain(texts(lang).answer.question);
    expect(reply.buttons).toEqual([
      texts(lang).answer.yes,
      texts(lang).answer.no,
      ...(topic?.related ?? []).map((id) => `➡️ ${title(id, lang)}`),
    ]);
  });

  it.each<Lang>(["de", "ar", "fa"])(
    "in %s about a topic for the district office adds the office line",
    async (lang) => {
      const question = findTopic(faq, "legal-advice")?.languages[lang]?.questions[0] ?? "";
      expectDecision(question, lang, "answer");
      const reply = await ask(lang, question);
      expect(reply.text).toContain(texts(lang).answer.office);
    },
  );
});

describe("the example question of the welcome", () => {
  it.each(LANGUAGES)("in %s is answered with the address registration", async (lang) => {
    const example = /<i>(.*?)<\/i>/.exec(texts(lang).welcome.intro)?.[1] ?? "";
    expect(example).not.toBe("");
    const reply = await ask(lang, example);
    expect(reply.sent[0]).toContain(`<b>${title("address-registration", lang)}</b>`);
  });
});

describe("the README's chat example", () => {
  it("'wo ist das Jobcenter' is answered with the Jobcenter topic", async () => {
    const reply = await ask("de", "wo ist das Jobcenter");
    expect(reply.sent[0]).toContain(`<b>${title("jobcenter-benefits", "de")}</b>`);
  });
});

describe("an ambiguous question", () => {
  it.each<Lang>(["en", "ar", "fa", "uk"])(
    "in %s is answered with the candidate topics and “None of these”, and names the emergency numbers",
    async (lang) => {
      const text = ambiguousMessage(lang);
      const candidates = matcher.match(text, { lang }).matches.slice(0, 3);
      const reply = await ask(lang, text);
      expect(reply.text).toBe(`${texts(lang).clarify.question}\n${texts(lang).emergency.hint.replace(/<\/?b>/g, "")}`);
      expect(reply.buttons).toEqual([...candidates.map((match) => title(match.id, lang)), texts(lang).clarify.none]);
    },
  );
});

describe("a question the FAQ cannot answer", () => {
  const examples: Array<[Lang, string]> = [
    ["en", "Who will win the football match tonight?"],
    ["de", "Wo gibt es die beste Pizza?"],
    ["ar", "ما هو أفضل مطعم بيتزا؟"],
    ["fa", "بهترین رستوران پیتزا کجاست؟"],
  ];
  it.each(examples)(
    "in %s (%s) is not guessed at: the bot offers the district office and names the emergency numbers, in case it was an emergency told in words the lists do not know",
    async (lang, text) => {
      expectDecision(text, lang, "handoff");
      const reply = await ask(lang, text);
      expect(reply.text).toContain(texts(lang).handoff.noMatch);
      expect(reply.text).toContain(texts(lang).emergency.hint.replace(/<\/?b>/g, ""));
      expect(reply.text).toContain(texts(lang).handoff.offer);
      expect(reply.buttons).toEqual([texts(lang).handoff.offerButton, texts(lang).menu.button]);
    },
  );
});

describe("asking for a person", () => {
  const examples: Array<[Lang, string]> = [
    ["de", "Ich möchte mit einem Menschen sprechen"],
    ["en", "I want to speak to a real person"],
    ["ar", "أريد التحدث مع موظف"],
    ["fa", "می‌خواهم با یک آدم صحبت کنم"],
  ];
  it.each(examples)("in %s (%s) is offered the district office", async (lang, text) => {
    expectDecision(text, lang, "handoff");
    const reply = await ask(lang, text);
    expect(reply.text).toContain(texts(lang).handoff.askedForPerson);
    expect(reply.text).toContain(texts(lang).handoff.offer);
  });
});

describe("an emergency", () => {
  const examples: Array<[Lang, string]> = [
    ["en", "my husband is unconscious"],
    ["ar", "زوجي فاقد الوعي"],
    ["fa", "بچه‌ام نفس نمی‌کشد"],
    ["uk", "Моя дитина не дихає"],
  ];
  it.each(examples)(
    "in %s (%s) gets 112 and 110 at once, in that language and in German, without buttons",
    async (lang, text) => {
      expectDecision(text, lang, "emergency");
      const reply = await ask(lang, text);
      expect(reply.calls.map((call) => call.method)).toEqual(["sendMessage", "sendMessage"]);
      expect(reply.sent[0]).toBe(`${texts(lang).emergency.text}\n\n${texts(lang).emergency.german}`);
      expect(reply.sent[1]).toBe(texts("de").emergency.text);
      for (const call of reply.calls) expect(call.payload.reply_markup).toBeUndefined();
      expect(reply.text).toMatch(/112[\s\S]*110/);
    },
  );

  it("in German is answered once, in German", async () => {
    expectDecision("Mein Kind atmet nicht mehr", "de", "emergency");
    const reply = await ask("de", "Mein Kind atmet nicht mehr");
    expect(reply.sent).toEqual([texts("de").emergency.text]);
  });
});

describe("small talk", () => {
  const examples: Array<[Lang, string, "greeting" | "thanks" | "bot" | "empty"]> = [
    ["de", "Hallo", "greeting"],
    ["ar", "مرحبا", "greeting"],
    ["uk", "Привіт", "greeting"],
    ["fa", "ممنون", "thanks"],
    ["ar", "هل أنت روبوت؟", "bot"],
    ["en", "🙂", "empty"],
  ];
  it.each(examples)(
    "in %s (%s) gets a friendly reply, a hint what to ask and the topic areas",
    async (lang, text, kind) => {
      expectDecision(text, lang, "smalltalk");
      const reply = await ask(lang, text);
      expect(reply.text).toContain(texts(lang).smalltalk[kind]);
      expect(reply.sent[0]).toContain(texts(lang).smalltalk.hint);
      expect(reply.buttons).toContain(faq.categories[0]?.titles[lang]);
    },
  );

  it.each<[Lang, string]>([
    ["en", "bye"],
    ["ar", "مع السلامة"],
    ["fa", "خداحافظ"],
  ])("saying goodbye in %s (%s) gets a goodbye and nothing else", async (lang, text) => {
    expectDecision(text, lang, "smalltalk");
    const reply = await ask(lang, text);
    expect(reply.sent).toEqual([texts(lang).smalltalk.bye]);
    expect(reply.buttons).toEqual([]);
  });
});

describe("commands", () => {
  it.each<Lang>(["en", "fa", "ku"])("an unknown command gets a pointer to /help in %s", async (lang) => {
    const reply = await ask(lang, "/weather");
    expect(reply.sent).toEqual([texts(lang).unsupported.command]);
  });

  it.each<Lang>(["de", "ar", "tr"])(
    "/help explains what the bot can do and for how long it keeps data, in %s",
    async (lang) => {
      const reply = await ask(lang, "/help");
      expect(reply.sent[0]).toContain(texts(lang).help.text.split("\n")[0]);
      expect(reply.text).toContain("30");
    },
  );
});
