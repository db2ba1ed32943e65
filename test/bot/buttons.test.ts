import { describe, expect, it } from "vitest";
import { TRANSLATIONS } from "../../src/bot/i18n.js";
import { type Category, categoryTitle, findTopic, topicText } from "../../src/faq/index.js";
import { createKnowledge } from "../../src/knowledge/index.js";
import type { Lang } from "../../src/languages.js";
import { faqDir, topicYaml } from "../helpers/faq-fixtures.js";
import { ambiguousMessage, shippedFaq, useBots } from "../helpers/telegram.js";

const bots = useBots();
const { faq } = shippedFaq().get();
const title = (id: string, lang: Lang) => {
  const topic = findTopic(faq, id);
  if (!topic) throw new Error(`no topic ${id}`);
  return topicText(topic, lang).text.title;
};
const firstCategory = faq.categories[0] as Category;
const topicsOf = (category: Category) => faq.topics.filter((topic) => topic.category === category.id);

describe("browsing with /menu", () => {
  it.each<Lang>(["de", "fa", "ru"])("goes from topic areas to topics to an answer and back, in %s", async (lang) => {
    const t = TRANSLATIONS[lang];
    const user = bots.user(bots.bot(), lang);
    const menu = await user.send("/menu");
    expect(menu.text).toBe(t.menu.title);
    expect(menu.buttons).toContain(categoryTitle(firstCategory, lang));

    const topics = await user.press(categoryTitle(firstCategory, lang));
    // The menu message itself turns into the list of topics.
    expect(topics.sent).toEqual([]);
    expect(topics.of("editMessageText")).toHaveLength(1);
    expect(topics.buttons).toEqual([...topicsOf(firstCategory).map((topic) => title(topic.id, lang)), t.menu.back]);

    const [firstTopic] = topicsOf(firstCategory);
    const answer = await user.press(title(firstTopic?.id ?? "", lang));
    expect(answer.sent[0]).toContain(`<b>${title(firstTopic?.id ?? "", lang)}</b>`);
    expect(answer.buttons.slice(0, 2)).toEqual([t.answer.yes, t.answer.no]);

    const back = await user.press(t.menu.back);
    expect(back.of("editMessageText")[0]?.payload.text).toBe(t.menu.title);
  });
});

describe("buttons under an answer", () => {
  it.each<Lang>(["en", "ar", "tr"])("a related topic opens its answer, in %s", async (lang) => {
    const user = bots.user(bots.bot(), lang);
    await user.send(findTopic(faq, "find-doctor")?.languages[lang]?.questions[0] ?? "");
    const relatedId = findTopic(faq, "find-doctor")?.related[0] ?? "";
    const reply = await user.press(`➡️ ${title(relatedId, lang)}`);
    expect(reply.sent[0]).toContain(`<b>${title(relatedId, lang)}</b>`);
  });

  it.each<Lang>(["de", "fa", "uk"])("👍 thanks the user and leaves only the related topics, in %s", async (lang) => {
    const t = TRANSLATIONS[lang];
    const user = bots.user(bots.bot(), lang);
    await user.send(findTopic(faq, "find-doctor")?.languages[lang]?.questions[0] ?? "");
    const reply = await user.press(t.answer.yes);
    expect(reply.notice).toBe(t.feedback.thanks);
    expect(reply.sent).toEqual([]);
    expect(reply.buttons).toEqual((findTopic(faq, "find-doctor")?.related ?? []).map((id) => `➡️ ${title(id, lang)}`));
  });

  it.each<Lang>(["en", "ar", "ku"])("👎 is sorry and offers the district office, in %s", async (lang) => {
    const t = TRANSLATIONS[lang];
    const user = bots.user(bots.bot(), lang);
    await user.send(findTopic(faq, "find-doctor")?.languages[lang]?.questions[0] ?? "");
    const reply = await user.press(t.answer.no);
    expect(reply.of("editMessageReplyMarkup")).toHaveLength(1);
    expect(reply.sent).toHaveLength(1);
    expect(reply.text).toContain(t.feedback.sorry);
    expect(reply.text).toContain(t.handoff.offer);
    expect(reply.buttons).toEqual([t.handoff.offerButton, t.menu.button]);
  });
});

describe("buttons under a clarifying question", () => {
  it.each<Lang>(["en", "fa", "ru"])("a topic opens its answer, in %s", async (lang) => {
    const user = bots.user(bots.bot(), lang);
    const question = await user.send(ambiguousMessage(lang));
    const [choice] = question.buttons;
    const reply = await user.press(choice ?? "");
    expect(reply.sent[0]).toContain(`<b>${choice}</b>`);
  });

  it.each<Lang>(["en", "ar", "tr"])("“None of these” offers the district office, in %s", async (lang) => {
    const t = TRANSLATIONS[lang];
    const user = bots.user(bots.bot(), lang);
    await user.send(ambiguousMessage(lang));
    const reply = await user.press(t.clarify.none);
    expect(reply.text).toContain(t.handoff.noMatch);
    expect(reply.text).toContain(t.handoff.offer);
  });
});

describe("buttons the bot can no longer serve", () => {
  it("a topic that was removed from the FAQ gets a notice instead of an error", async () => {
    const user = bots.user(bots.bot(), "de");
    await user.send("/menu");
    const reply = await user.pressData("topic:de:no-such-topic");
    expect(reply.notice).toBe(TRANSLATIONS.de.unsupported.staleButton);
    expect(reply.sent).toEqual([]);
  });

  it("data from an unknown kind of button gets the same notice", async () => {
    const user = bots.user(bots.bot(), "fa");
    await user.send("/menu");
    const reply = await user.pressData("v0-something-old");
    expect(reply.notice).toBe(TRANSLATIONS.fa.unsupported.staleButton);
  });
});

describe("answers from files", () => {
  const knowledge = createKnowledge({
    faqDir: faqDir({
      "kita.yaml": topicYaml("kita", {
        langs: ["de", "en"],
        answer: "Children < 3 & older: bring the **Kita-Gutschein**.",
      }),
    }),
  });

  it("are escaped, with only the FAQ's own markup turned into HTML", async () => {
    const user = bots.user(bots.bot({ knowledge }), "en");
    await user.send("/menu");
    const reply = await user.pressData("topic:en:kita");
    expect(reply.sent[0]).toContain("Children &lt; 3 &amp; older: bring the <b>Kita-Gutschein</b>.");
  });

  it("missing in the user's language come in English, with a note in the user's language", async () => {
    const user = bots.user(bots.bot({ knowledge }), "ar");
    await user.send("/menu");
    const reply = await user.pressData("topic:ar:kita");
    expect(reply.sent[0]).toContain(TRANSLATIONS.ar.answer.otherLanguage.replace("{{language}}", "English"));
    expect(reply.sent[0]).toContain("<b>Title en</b>");
    expect(reply.buttons.slice(0, 2)).toEqual([TRANSLATIONS.ar.answer.yes, TRANSLATIONS.ar.answer.no]);
  });
});
