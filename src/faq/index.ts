export { loadFaq, CATEGORIES_FILE, MIN_QUESTIONS, type FaqLoadResult } from "./load.js";
export { categoryTitle, findTopic, topicText, type Category, type Faq, type Topic, type TopicText } from "./model.js";
export { checkMarkup, escapeHtml, renderAnswerHtml, renderAnswerPlain } from "./markup.js";
export { ANSWER_SOFT_LIMIT } from "./schema.js";
