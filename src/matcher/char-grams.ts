import type { Faq } from "../faq/model.js";
import { LANGUAGES, type Lang } from "../languages.js";
import { pushTo } from "./multimap.js";
import { normalize, tokenize } from "./normalize.js";

/** Letter sequences this long, taken inside each word padded with spaces, so that a word's start and end count. */
const MIN_GRAM = 3;
const MAX_GRAM = 4;

/**
 * A second, independent view of the FAQ: every topic as a TF-IDF profile of the letter sequences in its
 * titles, questions and keywords (all languages together), compared with the message by cosine.
 *
 * The word index decides on whole words and their known variants; this one sees inflections, fused
 * particles and spelling slips no list foresees ("беременностью", "kayıtlanmak", "براشون"). Where
 * both views pick the same topic the answer is much more often right, which is what lets the matcher
 * answer more without answering wrongly more.
 */
export class CharGramIndex {
  private readonly postings = new Map<string, { idf: number; topics: Int32Array; weights: Float32Array }>();
  private readonly counts = new Map<string, number>();

  constructor(faq: Faq, stopwords: Record<Lang, ReadonlySet<string>>) {
    const perTopic: Array<Map<string, number>> = faq.topics.map((topic) => {
      const grams = new Map<string, number>();
      for (const lang of LANGUAGES) {
        const text = topic.languages[lang];
        if (!text) continue;
        for (const string of [text.title, ...text.questions, ...text.keywords]) {
          const words = tokenize(normalize(string)).filter((token) => !stopwords[lang].has(token));
          countGrams(words, grams);
        }
      }
      return grams;
    });
    const topicsWith = new Map<string, number[]>();
    perTopic.forEach((grams, topic) => {
      for (const gram of grams.keys()) pushTo(topicsWith, gram, topic);
    });
    const topicCount = faq.topics.length;
    const idf = (gram: string) => Math.log((topicCount + 1) / ((topicsWith.get(gram)?.length ?? 0) + 0.5));
    // Each topic's profile has length 1, so a long topic does not win by having more letters.
    const norms = perTopic.map((grams) => {
      let sum = 0;
      for (const [gram, count] of grams) sum += (termWeight(count) * idf(gram)) ** 2;
      return Math.sqrt(sum) || 1;
    });
    for (const [gram, topics] of topicsWith) {
      const gramIdf = idf(gram);
      const weights = new Float32Array(topics.length);
      topics.forEach((topic, i) => {
        weights[i] = (termWeight(perTopic[topic]?.get(gram) ?? 0) * gramIdf) / (norms[topic] ?? 1);
      });
      this.postings.set(gram, { idf: gramIdf, topics: Int32Array.from(topics), weights });
    }
  }

  /**
   * Adds each topic's cosine similarity with the message's words to `scores` (indexed by topic), and
   * returns the topics it touched. Letter sequences no topic has do not lower the similarity: unknown
   * words are the word index's concern.
   */
  score(words: readonly string[], scores: Float64Array, touched: number[]): void {
    const counts = this.counts;
    counts.clear();
    countGrams(words, counts);
    let norm = 0;
    for (const [gram, count] of counts) {
      const posting = this.postings.get(gram);
      if (!posting) continue;
      const weight = termWeight(count) * posting.idf;
      norm += weight * weight;
      const { topics, weights } = posting;
      for (let i = 0; i < topics.length; i++) {
        const topic = topics[i] ?? 0;
        if ((scores[topic] ?? 0) === 0) touched.push(topic);
        scores[topic] = (scores[topic] ?? 0) + weight * (weights[i] ?? 0);
      }
    }
    if (norm === 0) return;
    const length = Math.sqrt(norm);
    for (const topic of touched) scores[topic] = (scores[topic] ?? 0) / length;
  }
}

/** Repeats matter less and less: a topic that says "Kita" ten times is not ten times about Kitas. */
function termWeight(count: number): number {
  return count > 0 ? 1 + Math.log(count) : 0;
}

function countGrams(words: readonly string[], into: Map<string, number>): void {
  for (const word of words) {
    const padded = ` ${word} `;
    for (let n = MIN_GRAM; n <= MAX_GRAM; n++) {
      for (let i = 0; i + n <= padded.length; i++) {
        const gram = padded.slice(i, i + n);
        into.set(gram, (into.get(gram) ?? 0) + 1);
      }
    }
  }
}
