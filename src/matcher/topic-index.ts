import Fuse from "fuse.js";
import type { Faq } from "../faq/model.js";
import { LANGUAGES, type Lang } from "../languages.js";
import { pushTo } from "./multimap.js";
import { arabicCore, arabicVariants, arabiziSkeleton, normalize, scriptOf, stemLength, tokenize } from "./normalize.js";

/** How much a word counts for a topic by where it stands: keywords are chosen, questions are prose. */
const FIELD_WEIGHT = { keywords: 1, title: 0.9, questions: 0.75 } as const;
/** Similarity of the ways a message word can meet an indexed word. */
export const SIMILARITY = { exact: 1, prefix: 0.85, stem: 0.8, fuzzy: 0.8, skeleton: 0.75, root: 0.6 } as const;
const FUZZY_MAX_SCORE = 0.34;
const FUZZY_MAX_CANDIDATES = 20;
/** Remembered fuzzy lookups: people repeat the same misspellings; bounded so memory stays flat. */
const FUZZY_CACHE_SIZE = 20_000;
const FUZZY_SPREAD = 0.08;
const STEM_SHARE = 0.7;
const PREFIX_SHARE = 0.6;
/** Below this share of the longer Cyrillic word, a shared start is a root common to different words. */
const CYRILLIC_ROOT_SHARE = 0.55;

export interface Posting {
  topic: number;
  weight: number;
}

/** A word of the message resolved to indexed words, each with a similarity in 0..1. */
export interface TermHit {
  term: number;
  similarity: number;
}

/**
 * The inverted index over all topics' titles, questions and keywords in all languages, built once per
 * FAQ. Lookups go from cheap to expensive: exact word, shared prefix or stem, then Fuse.js fuzzy scoring
 * over the few words that share letter trigrams with the message word, so that typos are forgiven
 * without scanning the whole vocabulary.
 */
export class TopicIndex {
  readonly topicIds: string[];
  private readonly termIds = new Map<string, number>();
  private readonly terms: string[] = [];
  private readonly sortedTerms: string[];
  readonly postings: Posting[][] = [];
  /** Inverse document frequency per term, scaled to 0..1 (1 = the word occurs in one topic only). */
  readonly idf: Float64Array;
  private readonly stems = new Map<string, number[]>();
  private readonly trigrams = new Map<string, number[]>();
  private readonly skeletons = new Map<string, number[]>();

  /** Per term, a bit per language whose titles, questions or keywords use it as a content word. */
  private readonly contentLangs: number[] = [];
  /** The topic of each FAQ question by its content words; -1 where questions of two topics share them. */
  private readonly questionTopics = new Map<string, number>();

  constructor(faq: Faq, stopwords: Record<Lang, ReadonlySet<string>>) {
    this.topicIds = faq.topics.map((topic) => topic.id);
    const weights = new Map<number, Map<number, { field: number; count: number }>>();
    faq.topics.forEach((topic, topicIndex) => {
      LANGUAGES.forEach((lang, langIndex) => {
        const text = topic.languages[lang];
        if (!text) return;
        const fields: Array<[keyof typeof FIELD_WEIGHT, string[]]> = [
          ["keywords", text.keywords],
          ["title", [text.title]],
          ["questions", text.questions],
        ];
        for (const [field, strings] of fields) {
          for (const string of strings) {
            const tokens = tokenize(normalize(string)).filter((t) => isIndexable(t) && !stopwords[lang].has(t));
            if (field === "questions" && tokens.length > 0) {
              const key = questionKey(tokens);
              const known = this.questionTopics.get(key);
              this.questionTopics.set(key, known === undefined || known === topicIndex ? topicIndex : -1);
            }
            // A keyword of several words ("doctor's note", "family of five") is a phrasing: its words, each on
            // its own, are no more chosen for the topic than the words of a question.
            const fieldWeight =
              field === "keywords" && tokens.length > 1 ? FIELD_WEIGHT.questions : FIELD_WEIGHT[field];
            for (const token of tokens) {
              const term = this.intern(token);
              this.contentLangs[term] = (this.contentLangs[term] ?? 0) | (1 << langIndex);
              const perTopic = weights.get(term) ?? new Map();
              weights.set(term, perTopic);
              const entry = perTopic.get(topicIndex) ?? { field: 0, count: 0 };
              entry.field = Math.max(entry.field, fieldWeight);
              entry.count += 1;
              perTopic.set(topicIndex, entry);
            }
          }
        }
      });
    });

    const topicCount = Math.max(1, faq.topics.length);
    const maxIdf = Math.log(1 + topicCount);
    this.idf = new Float64Array(this.terms.length);
    this.terms.forEach((token, term) => {
      const perTopic = weights.get(term) ?? new Map();
      // Repetition across a topic's phrasings shows the word is central to it, with diminishing returns.
      this.postings[term] = [...perTopic.entries()].map(([topic, { field, count }]) => ({
        topic,
        weight: field * (0.7 + 0.3 * Math.min(1, count / 3)),
      }));
      this.idf[term] = Math.log(1 + topicCount / effectiveTopics(perTopic.values())) / maxIdf;
      const stemmed = this.stemKey(token);
      if (stemmed) pushTo(this.stems, stemmed, term);
      for (const gram of trigramsOf(token)) pushTo(this.trigrams, gram, term);
      if (scriptOf(token) === "arabic") {
        const skeleton = arabiziSkeleton(token);
        if (skeleton.length >= 2) pushTo(this.skeletons, skeleton, term);
      }
    });
    this.sortedTerms = [...this.terms].sort();
  }

  get size(): number {
    return this.terms.length;
  }

  /**
   * The topic whose FAQ question has exactly these content words: someone who types or pastes one of the
   * FAQ's own questions (or the example the bot gives) means that topic.
   */
  topicOfQuestion(content: readonly string[]): number | undefined {
    const topic = content.length > 0 ? this.questionTopics.get(questionKey(content)) : undefined;
    return topic === undefined || topic < 0 ? undefined : topic;
  }

  /** Whether the FAQ's texts in `lang` use the word as a content word (Turkish "iş" folds to English "is"). */
  isContentIn(token: string, lang: Lang): boolean {
    const term = this.termIds.get(token);
    return term !== undefined && this.termIsContentIn(term, lang);
  }

  /** Whether the FAQ's texts in `lang` use the indexed word as a content word. */
  termIsContentIn(term: number, lang: Lang): boolean {
    return ((this.contentLangs[term] ?? 0) & (1 << LANGUAGES.indexOf(lang))) !== 0;
  }

  /** Every indexed word a message word may stand for, best similarity per word. */
  lookup(token: string, allowFuzzy = true): TermHit[] {
    const hits = new Map<number, number>();
    const add = (term: number | undefined, similarity: number) => {
      if (term !== undefined && similarity > (hits.get(term) ?? 0)) hits.set(term, similarity);
    };
    add(this.termIds.get(token), SIMILARITY.exact);
    if (scriptOf(token) === "arabic") {
      add(this.termIds.get(arabicCore(token)), SIMILARITY.exact);
      // Spoken forms count like inflections, and before typos: they are surer than a fuzzy guess.
      if (hits.size === 0)
        for (const variant of arabicVariants(token)) add(this.termIds.get(variant), SIMILARITY.prefix);
    }

    const stemmed = this.stemKey(token);
    if (stemmed) {
      for (const term of this.stems.get(stemmed) ?? []) {
        const other = this.terms[term] ?? "";
        const shorter = Math.min(other.length, token.length) / Math.max(other.length, token.length);
        if (other.startsWith(token) || token.startsWith(other)) {
          // A much shorter word at the start is a compound's head ("Steuer" in "Steuererklärung"), not the word.
          if (shorter >= PREFIX_SHARE) add(term, SIMILARITY.prefix);
        }
        // Inflections share most of the word; compounds that merely start alike ("Kranken-kasse",
        // "Kranken-wagen") do not.
        else if (sharesStem(token, other)) {
          add(term, sharesOnlyRoot(token, other) ? SIMILARITY.root : SIMILARITY.stem);
        }
      }
    }
    // Short words ("kita", "wbs") meet the longer words they begin: "kitaplatz".
    if (token.length >= 4 && !stemmed) for (const term of this.termsStartingWith(token)) add(term, SIMILARITY.prefix);

    if (allowFuzzy && hits.size === 0 && token.length >= 4) {
      for (const { term, similarity } of this.fuzzy(token)) add(term, similarity);
    }
    if (hits.size === 0) for (const hit of this.compound(token)) add(hit.term, hit.similarity);
    return [...hits.entries()].map(([term, similarity]) => ({ term, similarity }));
  }

  /** An indexed word as `lotse match --explain` shows it: the word and the topics that use it. */
  explain({ term, similarity }: TermHit): { term: string; similarity: number; topics: string[] } {
    const topics = (this.postings[term] ?? []).map((posting) => this.topicIds[posting.topic] ?? "");
    return { term: this.terms[term] ?? "", similarity: Math.round(similarity * 100) / 100, topics };
  }

  /** Two message words that are one indexed word: "Kita Platz" → "kitaplatz", "ثبت نام" → "ثبتنام". */
  lookupJoined(first: string, second: string): number | undefined {
    return this.termIds.get(first + second);
  }

  /** Arabic-script words whose consonant skeleton equals that of a word typed as Arabizi ("3nwani"). */
  lookupSkeleton(skeleton: string): TermHit[] {
    return (this.skeletons.get(skeleton) ?? []).map((term) => ({ term, similarity: SIMILARITY.skeleton }));
  }

  private intern(token: string): number {
    let term = this.termIds.get(token);
    if (term === undefined) {
      term = this.terms.length;
      this.terms.push(token);
      this.termIds.set(token, term);
    }
    return term;
  }

  private stemKey(token: string): string | undefined {
    const base = scriptOf(token) === "arabic" ? arabicCore(token) : token;
    const length = stemLength(base);
    return base.length >= length ? base.slice(0, length) : undefined;
  }

  private *termsStartingWith(prefix: string): Generator<number> {
    let low = 0;
    let high = this.sortedTerms.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((this.sortedTerms[mid] ?? "") < prefix) low = mid + 1;
      else high = mid;
    }
    for (let i = low, n = 0; i < this.sortedTerms.length && n < 50; i++, n++) {
      const term = this.sortedTerms[i] ?? "";
      if (!term.startsWith(prefix)) return;
      const id = this.termIds.get(term);
      if (id !== undefined) yield id;
    }
  }

  /** Typos: Fuse.js scores the words that share most letter trigrams with the message word. */
  private readonly fuzzyCache = new Map<string, TermHit[]>();

  private fuzzy(token: string): TermHit[] {
    const cached = this.fuzzyCache.get(token);
    if (cached) return cached;
    const hits = this.fuzzyUncached(token);
    if (this.fuzzyCache.size >= FUZZY_CACHE_SIZE) this.fuzzyCache.clear();
    this.fuzzyCache.set(token, hits);
    return hits;
  }

  /** Shared-trigram counts per term, reused by every fuzzy lookup and zeroed after it. */
  private gramCounts = new Uint16Array(0);
  private readonly gramTouched: number[] = [];

  private fuzzyUncached(token: string): TermHit[] {
    if (this.gramCounts.length !== this.terms.length) this.gramCounts = new Uint16Array(this.terms.length);
    const counts = this.gramCounts;
    const touched = this.gramTouched;
    const grams = trigramsOf(token);
    for (const gram of grams) {
      for (const term of this.trigrams.get(gram) ?? []) {
        if (counts[term] === 0) touched.push(term);
        counts[term] = (counts[term] ?? 0) + 1;
      }
    }
    const needed = Math.max(2, Math.ceil(grams.length * 0.3));
    const scored: Array<{ term: number; dice: number }> = [];
    for (const term of touched) {
      const shared = counts[term] ?? 0;
      counts[term] = 0;
      const length = this.terms[term]?.length ?? 0;
      // Dice on trigrams: shared grams relative to both words' lengths, so long words do not crowd out the right one.
      if (shared >= needed && Math.abs(length - token.length) <= 3)
        scored.push({ term, dice: (2 * shared) / (grams.length + length + 2) });
    }
    touched.length = 0;
    const candidates = scored
      .sort((a, b) => b.dice - a.dice)
      .slice(0, FUZZY_MAX_CANDIDATES)
      .map(({ term }) => term);
    if (candidates.length === 0) return [];
    const fuse = new Fuse(
      candidates.map((term) => this.terms[term] ?? ""),
      { includeScore: true, threshold: FUZZY_MAX_SCORE, ignoreLocation: true, isCaseSensitive: true },
    );
    const results = fuse.search(token).filter((result) => (result.score ?? 1) <= FUZZY_MAX_SCORE);
    // Only the closest spellings: "krankenkase" is Krankenkasse, not also Krankenwagen.
    const best = results[0]?.score ?? 0;
    return results
      .filter((result) => (result.score ?? 1) <= best + FUZZY_SPREAD)
      .slice(0, 5)
      .map((result) => ({
        term: candidates[result.refIndex] ?? 0,
        similarity: SIMILARITY.fuzzy * (1 - (result.score ?? 0)),
      }));
  }

  /** German-style compounds: "Kindergeldantrag" meets "kindergeld" and "antrag". */
  private compound(token: string): TermHit[] {
    if (token.length < 8 || scriptOf(token) === "arabic") return [];
    for (let split = token.length - 4; split >= 4; split--) {
      const head = this.termIds.get(token.slice(0, split));
      if (head === undefined) continue;
      // Both parts must be known: "Steuer-erklärung" is not about the tax ID just because it starts alike.
      const tail =
        this.termIds.get(token.slice(split)) ?? this.termIds.get(token.slice(split).replace(/^s(?=.{4})/, ""));
      if (tail === undefined) continue;
      return [
        { term: head, similarity: SIMILARITY.stem },
        { term: tail, similarity: SIMILARITY.stem },
      ];
    }
    return [];
  }
}

/**
 * Over how many topics a word is spread, weighing each topic by how often the word occurs there: a word
 * all eight languages list for one topic and one other topic's question mentions once ("Bürgergeld" in a
 * housing question) is about one topic, not two. It is the exponential of the entropy of the word's
 * occurrences, 1 for a word of one topic, the number of topics for a word spread evenly.
 */
function effectiveTopics(entries: Iterable<{ count: number }>): number {
  const counts = [...entries].map((entry) => entry.count);
  const total = counts.reduce((sum, count) => sum + count, 0);
  const entropy = counts.reduce((sum, count) => sum - (count / total) * Math.log(count / total), 0);
  return Math.exp(entropy);
}

function isIndexable(token: string): boolean {
  return /^\d+$/.test(token) ? token.length >= 3 : token.length >= 2;
}

function sharesStem(a: string, b: string): boolean {
  return commonPrefix(a, b) >= Math.ceil(STEM_SHARE * Math.min(a.length, b.length));
}

/**
 * Ukrainian and Russian build verbs, nouns and adjectives on one short root with long endings, so a
 * shared start that is most of the shorter word can be little of the longer one: "подати" (to submit)
 * and "податковий" (tax) share only "подат". Such a pair is weaker evidence, not none: "записаться"
 * (to book) and "запись" (appointment) are the same matter.
 */
function sharesOnlyRoot(a: string, b: string): boolean {
  return scriptOf(a) === "cyrillic" && commonPrefix(a, b) < CYRILLIC_ROOT_SHARE * Math.max(a.length, b.length);
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i;
}

function trigramsOf(token: string): string[] {
  const padded = ` ${token} `;
  const grams: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) grams.push(padded.slice(i, i + 3));
  return grams;
}

/** A question's content words in a fixed order, without repeats. */
function questionKey(tokens: readonly string[]): string {
  return [...new Set(tokens)].sort().join(" ");
}
