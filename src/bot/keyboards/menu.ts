import { InlineKeyboard } from "grammy";
import { type Category, categoryTitle, type Faq, topicText } from "../../faq/index.js";
import type { Lang } from "../../languages.js";
import { categoryCallback, menuCallback, topicCallback } from "../callback-data.js";
import type { Translate } from "../i18n.js";

/** The categories that have topics, one per row. */
export function createCategoryKeyboard(faq: Faq, lang: Lang): InlineKeyboard {
  const categories = faq.categories.filter((category) => faq.topics.some((topic) => topic.category === category.id));
  return InlineKeyboard.from(
    categories.map((category) => [
      InlineKeyboard.text(categoryTitle(category, lang), categoryCallback.build({ id: category.id })),
    ]),
  );
}

/** A category's topics, one per row, and the way back to the categories. */
export function createTopicListKeyboard(faq: Faq, category: Category, lang: Lang, t: Translate): InlineKeyboard {
  const topics = faq.topics.filter((topic) => topic.category === category.id);
  return InlineKeyboard.from([
    ...topics.map((topic) => [
      InlineKeyboard.text(topicText(topic, lang).text.title, topicCallback.build({ id: topic.id, lang })),
    ]),
    [InlineKeyboard.text(t("menu.back"), menuCallback.build({ inPlace: true }))],
  ]);
}

/** A single "browse topics" button (its label translated by the caller), for replies that should lead somewhere. */
export function createBrowseKeyboard(label: string): InlineKeyboard {
  return InlineKeyboard.from([[InlineKeyboard.text(label, menuCallback.build({ inPlace: false }))]]);
}
