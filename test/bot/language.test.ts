import { describe, expect, it } from "vitest";
import { TRANSLATIONS } from "../../src/bot/i18n.js";
import { LANGUAGE_NAMES } from "../../src/languages.js";
import { useBots } from "../helpers/telegram.js";

const bots = useBots();
const { de, en, ar, fa, uk } = TRANSLATIONS;

describe("choosing the language", () => {
  it("/start welcomes in the Telegram language and ticks it on the language keyboard", async () => {
    const user = bots.user(bots.bot(), "uk-UA");
    const reply = await user.send("/start");
    expect(reply.text).toBe(uk.welcome.text.replace(/<\/?b>/g, ""));
    expect(reply.buttons).toEqual([
      "Deutsch",
      "English",
      "العربية",
      "فارسی / دری",
      "✅ Українська",
      "Русский",
      "Türkçe",
      "Kurmancî",
    ]);
  });

  it("/start falls back to English for a Telegram language the bot does not speak", async () => {
    const reply = await bots.user(bots.bot(), "fr").send("/start");
    expect(reply.text).toContain(en.welcome.text.split("\n")[0]?.replace(/<\/?b>/g, ""));
    expect(reply.buttons).toContain(`✅ ${LANGUAGE_NAMES.en}`);
  });

  it("picking a language in the welcome confirms it, explains how to ask and keeps it for later", async () => {
    const user = bots.user(bots.bot(), "de");
    await user.send("/start");
    const chosen = await user.press("فارسی / دری");
    expect(chosen.of("answerCallbackQuery")).toHaveLength(1);
    expect(chosen.of("editMessageText")[0]?.payload.text).toBe(fa.language.changed);
    expect(chosen.sent).toEqual([fa.welcome.intro]);
    expect(chosen.buttons).toEqual([fa.menu.button]);
    const help = await user.send("/help");
    expect(help.sent[0]).toContain(fa.help.text.split("\n")[0]);
  });

  it("a question typed instead of picking a language ends the welcome and is answered", async () => {
    const user = bots.user(bots.bot(), "en");
    await user.send("/start");
    const reply = await user.send("I want to speak to a real person");
    expect(reply.text).toContain(en.handoff.askedForPerson);
    // The welcome is over: its language buttons still work, but only change the language.
    const later = await user.press("Deutsch");
    expect(later.of("editMessageText")[0]?.payload.text).toBe(de.language.changed);
    expect(later.sent).toEqual([]);
  });

  it("/language changes the language at any time", async () => {
    const user = bots.user(bots.bot(), "de");
    const prompt = await user.send("/language");
    expect(prompt.text).toBe(de.language.prompt);
    expect(prompt.buttons).toContain("✅ Deutsch");
    const chosen = await user.press("العربية");
    expect(chosen.text).toBe(ar.language.changed);
    expect(chosen.of("editMessageText")[0]?.payload.reply_markup).toBeUndefined();
    expect((await user.send("/menu")).text).toBe(ar.menu.title);
    await user.send("/language");
    await user.press("English");
    expect((await user.send("/menu")).text).toBe(en.menu.title);
  });
});

describe("the language of a message", () => {
  it("is answered in, and adopted, while the user has not picked a language", async () => {
    const user = bots.user(bots.bot(), "de");
    const reply = await user.send("مرحبا، كيف حالك؟");
    expect(reply.text).toContain(ar.smalltalk.greeting);
    expect((await user.send("/help")).sent[0]).toContain(ar.help.text.split("\n")[0]);
  });

  it("is answered in, but does not overrule a language the user picked", async () => {
    const user = bots.user(bots.bot(), "de");
    await user.send("/language");
    await user.press("✅ Deutsch");
    const reply = await user.send("مرحبا، كيف حالك؟");
    expect(reply.text).toContain(ar.smalltalk.greeting);
    expect((await user.send("/help")).sent[0]).toContain(de.help.text.split("\n")[0]);
  });
});
