export { CATEGORIES_FILE, type FaqLoadResult, loadFaq, MIN_QUESTIONS } from "./load.js";
export { checkMarkup, escapeHtml, renderAnswerHtml, renderAnswerPlain } from "./markup.js";
export { type Category, categoryTitle, type Faq, findTopic, type Topic, type TopicText, topicText } from "./model.js";
export { ANSWER_SOFT_LIMIT, MAX_TOPIC_ID_LENGTH } from "./schema.js";
