import { describe, expect, it } from "vitest";
import {
  categoryCallback,
  feedbackCallback,
  languageCallback,
  menuCallback,
  noneOfTheseCallback,
  topicCallback,
} from "../../src/bot/callback-data.js";

describe("callback data", () => {
  it("reads back what it wrote, for every kind of button", () => {
    expect(languageCallback.parse(languageCallback.build({ lang: "fa" }))).toEqual({ lang: "fa" });
    expect(menuCallback.parse(menuCallback.build({ inPlace: true }))).toEqual({ inPlace: true });
    expect(menuCallback.parse(menuCallback.build({ inPlace: false }))).toEqual({ inPlace: false });
    expect(categoryCallback.parse(categoryCallback.build({ id: "housing" }))).toEqual({ id: "housing" });
    expect(topicCallback.parse(topicCallback.build({ id: "bank-account", lang: "ar" }))).toEqual({
      id: "bank-account",
      lang: "ar",
    });
    const vote = { id: "find-doctor", lang: "uk", helpful: false } as const;
    expect(feedbackCallback.parse(feedbackCallback.build(vote))).toEqual(vote);
    expect(noneOfTheseCallback.parse(noneOfTheseCallback.build({ lang: "ku" }))).toEqual({ lang: "ku" });
  });

  it("ignores data of another kind of button", () => {
    const data = topicCallback.build({ id: "bank-account", lang: "de" });
    expect(feedbackCallback.parse(data)).toBeUndefined();
    expect(languageCallback.parse(data)).toBeUndefined();
  });

  it("rejects malformed data from old or forged buttons", () => {
    expect(languageCallback.parse("lang:xx")).toBeUndefined();
    expect(topicCallback.parse("topic:de")).toBeUndefined();
    expect(topicCallback.parse("topic:de:Bank Account")).toBeUndefined();
    expect(feedbackCallback.parse("fb:maybe:de:bank-account")).toBeUndefined();
  });

  it("refuses to build data longer than Telegram's 64 bytes", () => {
    expect(() => topicCallback.build({ id: "a".repeat(60), lang: "de" })).toThrow(/64 bytes/);
  });
});
