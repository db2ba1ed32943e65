import { describe, expect, it } from "vitest";
import { TRANSLATIONS } from "../../src/bot/i18n.js";
import type { KnowledgeSource } from "../../src/knowledge/index.js";
import { shippedFaq, useBots } from "../helpers/telegram.js";

const bots = useBots();

/** The shipped FAQ with a matcher that fails, standing in for any bug in a feature. */
const brokenKnowledge: KnowledgeSource = {
  get: () => ({
    ...shippedFaq().get(),
    matcher: {
      config: shippedFaq().get().matcher.config,
      match: () => {
        throw new Error("matcher index corrupted");
      },
    },
  }),
  reload: () => ({ reloaded: true, problems: [] }),
};

describe("when something breaks inside the bot", () => {
  it.each(["de", "fa", "uk"] as const)(
    "the user is told politely in %s, and the error is logged without the message",
    async (lang) => {
      const log: string[] = [];
      const user = bots.user(bots.bot({ knowledge: brokenKnowledge, log }), lang);
      const reply = await user.send("Wo finde ich einen Arzt für mein Kind?");
      expect(reply.sent).toEqual([TRANSLATIONS[lang].error.generic]);
      const errors = log.map((line) => JSON.parse(line)).filter((line) => line.level === "error");
      expect(errors).toEqual([expect.objectContaining({ msg: "update failed", reason: "matcher index corrupted" })]);
      expect(log.join("\n")).not.toContain("Arzt");
    },
  );

  it("other messages still work: one failing feature does not stop the bot", async () => {
    const user = bots.user(bots.bot({ knowledge: brokenKnowledge }), "en");
    await user.send("hello");
    expect((await user.send("/menu")).text).toBe(TRANSLATIONS.en.menu.title);
  });
});
