import type { Lang } from "../languages.js";

/** One language's version of a topic. */
export interface TopicText {
  title: string;
  questions: string[];
  keywords: string[];
  answer: string;
}

export interface Topic {
  id: string;
  category: string;
  related: string[];
  /** The answer should end with the user's district office contact. */
  needsOffice: boolean;
  /** Notes for admins about facts that must be verified; never shown to users. */
  check: string[];
  languages: Partial<Record<Lang, TopicText>>;
}

export interface Category {
  id: string;
  titles: Partial<Record<Lang, string>>;
}

export interface Faq {
  topics: Topic[];
  categories: Category[];
}

/** Languages a missing translation falls back to, in order. */
const FALLBACK: Lang[] = ["en", "de"];

/** The topic's text in `lang`, or in English/German when that translation is missing. */
export function topicText(topic: Topic, lang: Lang): { lang: Lang; text: TopicText } {
  for (const candidate of [lang, ...FALLBACK]) {
    const text = topic.languages[candidate];
    if (text) return { lang: candidate, text };
  }
  const [first] = Object.entries(topic.languages) as Array<[Lang, TopicText]>;
  if (!first) throw new Error(`topic ${topic.id} has no language at all`);
  return { lang: first[0], text: first[1] };
}

export function categoryTitle(category: Category, lang: Lang): string {
  return category.titles[lang] ?? category.titles.en ?? category.titles.de ?? category.id;
}

export function findTopic(faq: Faq, id: string): Topic | undefined {
  return faq.topics.find((topic) => topic.id === id);
}
