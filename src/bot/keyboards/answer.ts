import { InlineKeyboard } from "grammy";
import { type Faq, findTopic, type Topic, topicText } from "../../faq/index.js";
import type { Lang } from "../../languages.js";
import { feedbackCallback, noneOfTheseCallback, topicCallback } from "../callback-data.js";
import type { Translate } from "../i18n.js";

/** 👍 / 👎 in one row (until feedback was given), then one row per related topic. */
export function createAnswerKeyboard(
  faq: Faq,
  topic: Topic,
  lang: Lang,
  t: Translate,
  { withFeedback }: { withFeedback: boolean },
): InlineKeyboard {
  const feedback = [
    InlineKeyboard.text(t("answer.yes"), feedbackCallback.build({ id: topic.id, lang, helpful: true })),
    InlineKeyboard.text(t("answer.no"), feedbackCallback.build({ id: topic.id, lang, helpful: false })),
  ];
  const related = topic.related
    .map((id) => findTopic(faq, id))
    .filter((candidate): candidate is Topic => candidate !== undefined)
    .map((candidate) => [
      InlineKeyboard.text(
        `➡️ ${topicText(candidate, lang).text.title}`,
        topicCallback.build({ id: candidate.id, lang }),
      ),
    ]);
  return InlineKeyboard.from(withFeedback ? [feedback, ...related] : related);
}

/** The topics a clarifying question offers, one per row, and "None of these". */
export function createClarifyKeyboard(topics: Topic[], lang: Lang, t: Translate): InlineKeyboard {
  return InlineKeyboard.from([
    ...topics.map((topic) => [
      InlineKeyboard.text(topicText(topic, lang).text.title, topicCallback.build({ id: topic.id, lang })),
    ]),
    [InlineKeyboard.text(t("clarify.none"), noneOfTheseCallback.build({ lang }))],
  ]);
}
