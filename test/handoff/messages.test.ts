import { describe, expect, it } from "vitest";
import { createI18n, staffTranslator } from "../../src/bot/i18n.js";
import { formatAge, nearTopicIds, type Ticket } from "../../src/handoff/index.js";
import { renderStaffFollowUp, renderStaffTicket } from "../../src/handoff/messages.js";
import { shippedFaq, testCity } from "../helpers/telegram.js";

const city = testCity();
const { faq } = shippedFaq().get();
const st = staffTranslator(createI18n(), "de");

const ticket = (changes: Partial<Ticket> = {}): Ticket => ({
  number: 42,
  version: 1,
  userChatId: 7,
  lang: "de",
  districtId: "mengede",
  officeId: "mengede-huckarde",
  staffChatId: -1,
  question: "Wie melde ich mich an?",
  nearTopics: ["address-registration"],
  status: "open",
  createdAt: Date.UTC(2026, 10, 25, 9, 32),
  updatedAt: Date.UTC(2026, 10, 25, 9, 32),
  followUps: 0,
  reminders: 0,
  ...changes,
});

describe("a ticket as staff see it", () => {
  it("shows number, language, district, the time asked in the city's time zone and the question", () => {
    const text = renderStaffTicket(ticket(), city, faq, st, "de-DE");
    expect(text).toContain("Anfrage #42");
    expect(text).toContain("Sprache: Deutsch");
    expect(text).toContain("Stadtbezirk: Mengede");
    expect(text).toContain("25.11.2026, 10:32");
    expect(text).toContain("<blockquote>Wie melde ich mich an?</blockquote>");
  });

  it("stresses a language the office's staff do not list, and names the nearest topics in German with their ids", () => {
    const text = renderStaffTicket(ticket({ lang: "uk", question: "Як зареєструватися?" }), city, faq, st, "de-DE");
    expect(text).toContain("Sprache: <b>Ukrainisch</b>");
    expect(text).toMatch(/Nahe FAQ-Themen: .+ \(\/faq address-registration\)/);
  });

  it("does not stress a language the office's staff speak", () => {
    const text = renderStaffTicket(ticket({ lang: "ar" }), city, faq, st, "de-DE");
    expect(text).toContain("Sprache: Arabisch");
  });

  it("escapes everything the newcomer wrote", () => {
    const text = renderStaffTicket(ticket({ question: '<a href="https://x">x</a> & <b>' }), city, faq, st, "de-DE");
    expect(text).toContain('&lt;a href="https://x"&gt;x&lt;/a&gt; &amp; &lt;b&gt;');
    expect(renderStaffFollowUp(ticket(), "<i>noch</i>", st)).toContain("&lt;i&gt;noch&lt;/i&gt;");
  });

  it("says when the newcomer did not know their district", () => {
    const { districtId: _, ...withoutDistrict } = ticket();
    expect(renderStaffTicket(withoutDistrict, city, faq, st, "de-DE")).toContain("Stadtbezirk: unbekannt");
  });
});

describe("the FAQ topics shown to staff as a hint", () => {
  it("are the three strongest matches, leaving out those weaker than half the clarify threshold", () => {
    const matches = [
      { id: "a", confidence: 0.4 },
      { id: "b", confidence: 0.1 },
      { id: "c", confidence: 0.075 },
      { id: "d", confidence: 0.07 },
    ];
    expect(nearTopicIds(matches, 0.15)).toEqual(["a", "b", "c"]);
    expect(nearTopicIds(matches.slice(3), 0.15)).toEqual([]);
    expect(nearTopicIds([...matches, ...matches], 0.01)).toHaveLength(3);
  });
});

describe("how long a ticket waits", () => {
  it("is told in minutes, then hours, then days", () => {
    expect(formatAge(5 * 60_000, st)).toBe("5 Min.");
    expect(formatAge(3 * 3_600_000, st)).toBe("3 Std.");
    expect(formatAge(3 * 86_400_000, st)).toBe("3 Tagen");
  });
});
