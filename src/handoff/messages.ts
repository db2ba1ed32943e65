import type { StaffTranslate } from "../bot/i18n.js";
import { type City, findDistrict, officeForDistrict } from "../city/index.js";
import { escapeHtml, type Faq, findTopic, topicText } from "../faq/index.js";
import type { TopicMatch } from "../matcher/index.js";
import type { Ticket } from "./model.js";

/** The longest question (with added details) or follow-up a newcomer can send: a staff message must fit in one. */
export const MAX_QUESTION_LENGTH = 3000;

/**
 * The FAQ topics to show staff as a hint of what a question is about: at most three, and none weaker than
 * half of what the matcher would offer as a choice — below that they are noise, not neighbours.
 */
export function nearTopicIds(matches: TopicMatch[], clarifyThreshold: number): string[] {
  return matches
    .filter((match) => match.confidence >= clarifyThreshold / 2)
    .slice(0, 3)
    .map((match) => match.id);
}

/** The district a ticket is about, for people: its name, or the office's when the newcomer did not know it. */
export function ticketPlace(city: City, ticket: Pick<Ticket, "districtId" | "officeId">): string {
  return findDistrict(city, ticket.districtId)?.name ?? officeForDistrict(city, undefined).name;
}

/** A date and time in the city's time zone, e.g. "Mi., 25.11.2026, 10:32". */
export function formatTime(at: number, city: City, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: city.timezone,
    weekday: "short",
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  }).format(new Date(at));
}

/** How long ago, in the largest whole unit: "40 Min.", "3 Std.", "2 Tagen". */
export function formatAge(ms: number, st: StaffTranslate): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) return st("age.minutes", { count: minutes });
  if (minutes < 48 * 60) return st("age.hours", { count: Math.floor(minutes / 60) });
  return st("age.days", { count: Math.floor(minutes / (24 * 60)) });
}

/**
 * A ticket as staff see it. The question is escaped, so nothing a newcomer types can become markup or a
 * link in the staff group; a question in another language says so, and the German titles of the FAQ topics
 * nearest to it hint at what it is about, since there is no translation offline.
 */
export function renderStaffTicket(ticket: Ticket, city: City, faq: Faq, st: StaffTranslate, locale: string): string {
  const language = st(`languages.${ticket.lang}`);
  const staffSpeak = officeStaffLanguages(city, ticket.officeId);
  const district = findDistrict(city, ticket.districtId);
  const topics = ticket.nearTopics
    .map((id) => findTopic(faq, id))
    .filter((topic) => topic !== undefined)
    .map((topic) => `${topicText(topic, "de").text.title} (/faq ${topic.id})`);
  return [
    st("ticket.title", { number: ticket.number }),
    staffSpeak.includes(ticket.lang) ? st("ticket.language", { language }) : st("ticket.otherLanguage", { language }),
    district ? st("ticket.district", { district: district.name }) : st("ticket.noDistrict"),
    st("ticket.asked", { time: formatTime(ticket.createdAt, city, locale) }),
    `<blockquote>${escapeHtml(ticket.question ?? "")}</blockquote>`,
    topics.length > 0 ? st("ticket.nearTopics", { topics: topics.join(" · ") }) : undefined,
    st("ticket.howToAnswer"),
  ]
    .filter((line) => line !== undefined)
    .join("\n");
}

export function renderStaffFollowUp(ticket: Ticket, text: string, st: StaffTranslate): string {
  return `${st("ticket.followUp", { number: ticket.number })}\n<blockquote>${escapeHtml(text)}</blockquote>`;
}

function officeStaffLanguages(city: City, officeId: string): string[] {
  return city.offices.find((office) => office.id === officeId)?.staffLanguages ?? ["de"];
}
