import type { Faq } from "../faq/model.js";
import { LANGUAGES, type Lang } from "../languages.js";
import { CharGramIndex } from "./char-grams.js";
import { detectLanguage, type LanguageWords } from "./language.js";
import { LEXICONS } from "./lexicon/index.js";
import type { Lexicon } from "./lexicon/types.js";
import {
  arabiziSkeleton,
  arabiziSkeletons,
  cyrillicFromLatin,
  foldCase,
  hasArabiziDigits,
  normalize,
  scriptOf,
  tokenize,
} from "./normalize.js";
import { compilePhrases, type Phrase, type PhraseHit, PhraseSet } from "./phrases.js";
import { TopicIndex } from "./topic-index.js";
import type {
  DecisionContext,
  MatcherThresholds,
  MatchOptions,
  MatchResult,
  PhraseExplanation,
  SmalltalkKind,
  TopicMatch,
  WordExplanation,
} from "./types.js";

/** The matcher's tunable numbers; `lotse eval --calibrate` searches them on the labelled set. */
export interface MatcherConfig {
  thresholds: MatcherThresholds;
  /** How much an unknown word of the message dilutes the evidence for a topic (relative to a rare word). */
  unknownWeight: number;
  /** How much evidence makes a topic certain: confidence grows as 1 - exp(-evidence / saturation). */
  saturation: number;
  /** How much the letter-sequence view counts beside the word view (0: words alone). */
  charGramWeight: number;
}

export const DEFAULT_MATCHER_CONFIG: MatcherConfig = {
  thresholds: { answer: 0.3, clarify: 0.15, margin: 0.05 },
  unknownWeight: 1,
  saturation: 1.2,
  charGramWeight: 1,
};

export interface Matcher {
  match(text: string, options?: MatchOptions): MatchResult;
  readonly config: MatcherConfig;
}

/** Past this many words a message is a story; its first part carries the question often enough. */
const MAX_TOKENS = 300;
const MAX_MATCHES = 5;
/** The CLI contract: at least three matches whenever there is one. */
const MIN_MATCHES = 3;
const MAX_FUZZY_LOOKUPS = 6;

/**
 * Words found only in other languages' texts count half: "hat" is Kurmanji for "came" but German for
 * "has", and "el" is Turkish for "hand". German office words count fully because the FAQ lists them
 * among every language's keywords.
 */
const OTHER_LANGUAGE_WEIGHT = 0.5;
const NUMBER = /^\d+$/;
const EMOJI = /\p{Extended_Pictographic}/u;
const EMOJI_KIND: Array<[RegExp, SmalltalkKind]> = [
  [/[👍👌✅🆗🤝]/u, "ack"],
  [/[🙏❤💐🌹🥰😊☺💙💚💛]/u, "thanks"],
  [/[👋]/u, "greeting"],
];
const SOS_EMOJI = /[🆘🚨]/u;
/** How near a time long past must stand to emergency words to place them in the past ("a stroke last year"). */
const PAST_DISTANCE = 2;
/** How far a time long past that opens a clause reaches into it ("Geçen yıl babam Türkiye'de kalp krizi"). */
const CLAUSE_PAST_DISTANCE = 5;
/**
 * A message the letter view cannot read (Arabizi, Finglish) is judged by its words alone, whose scores run
 * about twice the blend of both views (on the labelled set the blend is a median 0.48 of the word score for
 * the right topic). Unscaled, it met the same threshold with half the evidence: on the unseen rounds as
 * they came, one in five Arabizi questions and one in ten Finglish ones were answered with a wrong topic.
 */
const WORDS_ALONE_SCALE = 0.5;
/** Words that may stand between the two content words of an acute emergency phrase; more than others allow. */
const EMERGENCY_SLACK = 6;
/**
 * In a message of several sentences, how much more the question's words count than the story around it
 * ("we moved out in March … how long may the landlord keep the deposit?"): the context names offices and
 * matters that belong to other topics.
 */
const QUESTION_WEIGHT = 2;
/** Content words that may stand beside small talk without making it a question. */
const SMALLTALK_LEFTOVER = 2;

/** What a lexicon phrase signals. */
type PhraseTag =
  | SmalltalkKind
  | "askPerson"
  | "acute"
  | "weak"
  | "info"
  | "idiom"
  | "past"
  | "resolved"
  | "earlier"
  | "offTopic";

interface CompiledLexicons {
  /** Each language's function words: one language's function word can be another's content word. */
  stopwords: Record<Lang, Set<string>>;
  /** Function words of any language, for the German or English fillers inside other languages' messages. */
  anyStopword: Set<string>;
  /** Each language's generic words: dropped from the index and from messages like stopwords, but no
   * evidence of the language, since they are ordinary words ("son" is also Turkish for "last"). */
  generic: Record<Lang, Set<string>>;
  /** Arabic stopwords as consonant skeletons, to skip "kif", "shu" in Arabizi. */
  stopSkeletons: Set<string>;
  phrases: PhraseSet<PhraseTag>;
  languageWords: LanguageWords;
}

const SMALLTALK_KINDS: Array<keyof Lexicon["smalltalk"]> = ["greeting", "thanks", "bye", "bot", "ack"];

function compileLexicons(lexicons: Record<Lang, Lexicon>): CompiledLexicons {
  const all = LANGUAGES.map((lang) => lexicons[lang]);
  const words = (list: readonly string[]) => list.flatMap((w) => tokenize(normalize(w)));
  const anyStopword = new Set(all.flatMap((lexicon) => words(lexicon.stopwords)));
  // People in panic tell a story between the words that matter: "my son, 5, in the park, lost", "hit his
  // head, now he is very confused". Phrases with a function word ("on fire": "we live on the 5th floor …
  // a fire") would meet by chance across a wide window.
  const widened = (phrase: Phrase) =>
    phrase.words.length >= 2 && phrase.slack > 0 && phrase.words.every((word) => !anyStopword.has(word.text))
      ? { ...phrase, slack: EMERGENCY_SLACK }
      : phrase;
  // Times and figures of speech are read in their own word order: "من سنتين" is "two years ago", but "عمره
  // سنتين شرب من" is "he is two, he drank from"; "no smoke" calms, "smoke, and no one answers" must not.
  const inOrder = new Set<PhraseTag>(["past", "earlier", "idiom"]);
  const shaped = (tag: PhraseTag, phrase: Phrase): Phrase =>
    tag === "acute" ? widened(phrase) : inOrder.has(tag) ? { ...phrase, ordered: true } : phrase;
  const tagged = (tag: PhraseTag, pick: (lexicon: Lexicon) => string[]) =>
    compilePhrases(all.flatMap(pick)).map((phrase) => ({ phrase: shaped(tag, phrase), tag }));
  return {
    stopwords: mapLanguages((lang) => new Set(words(lexicons[lang].stopwords))),
    anyStopword,
    generic: mapLanguages((lang) => new Set(words(lexicons[lang].generic))),
    stopSkeletons: new Set([...words(lexicons.ar.stopwords), ...words(lexicons.fa.stopwords)].map(arabiziSkeleton)),
    phrases: new PhraseSet([
      ...tagged("acute", (l) => l.emergency.acute),
      ...tagged("idiom", (l) => l.emergency.idioms),
      ...tagged("past", (l) => l.emergency.past),
      ...tagged("resolved", (l) => l.emergency.resolved),
      ...tagged("earlier", (l) => l.emergency.earlier),
      ...tagged("weak", (l) => l.emergency.weak),
      ...tagged("info", (l) => l.emergency.info),
      ...tagged("askPerson", (l) => l.askPerson),
      ...tagged("offTopic", (l) => l.offTopic),
      ...SMALLTALK_KINDS.flatMap((kind) => tagged(kind, (l) => l.smalltalk[kind])),
    ]),
    languageWords: mapLanguages((lang) => new Set(words([...lexicons[lang].stopwords, ...lexicons[lang].markers]))),
  };
}

/**
 * Builds the matcher for one FAQ: the index is built here, once; `match` is pure and cheap.
 * Every message gets exactly one decision, checked in order of harm: an emergency must never wait
 * behind anything else, a request for a person is honoured, small talk is answered in kind, and only
 * then is the FAQ searched, answering only when one topic clearly fits.
 */
export function createMatcher(
  faq: Faq,
  overrides: Partial<MatcherConfig> = {},
  lexicons: Record<Lang, Lexicon> = LEXICONS,
): Matcher {
  const config: MatcherConfig = { ...DEFAULT_MATCHER_CONFIG, ...overrides };
  const lex = compileLexicons(lexicons);
  const indexStopwords = mapLanguages((lang) => new Set([...lex.stopwords[lang], ...lex.generic[lang]]));
  const index = new TopicIndex(faq, indexStopwords);
  const grams = config.charGramWeight > 0 ? new CharGramIndex(faq, indexStopwords) : undefined;
  /** Per topic, the topics to offer beside it: the ones the FAQ names as related, then its category's. */
  const neighbours = faq.topics.map((topic) => [
    ...topic.related,
    ...faq.topics.filter((other) => other.category === topic.category && other.id !== topic.id).map((o) => o.id),
  ]);
  /** A word is dropped when it is a function word or generic word of the message's language, or a function
   * word of another language and not a content word of the message's language ("ev" is "this" in Kurmanji
   * but "home" in Turkish). */
  const isStopword = (token: string, lang: Lang) =>
    lex.stopwords[lang].has(token) ||
    lex.generic[lang].has(token) ||
    (lex.anyStopword.has(token) && !index.isContentIn(token, lang));

  // Scratch space for rank, reused across messages (match is synchronous), so that a message costs work in
  // proportion to the topics its words touch rather than to the size of the FAQ.
  const evidence = new Float64Array(index.topicIds.length);
  const best = new Float64Array(index.topicIds.length);
  const touched: number[] = [];
  const candidates: number[] = [];
  const gramScores = new Float64Array(index.topicIds.length);
  const gramTouched: number[] = [];

  function rank(
    content: string[],
    lang: Lang,
    arabizi: boolean,
    explain?: WordExplanation[],
    /** Another spelling to try for a word the index does not know: Cyrillic for transliterated Russian. */
    retype?: (token: string) => string | undefined,
    /** The words as the letter-sequence view should read them; none when it cannot read the script. */
    gramWords?: readonly string[],
    /** Per content word, how much it counts (see QUESTION_WEIGHT). */
    weights?: readonly number[],
  ): TopicMatch[] {
    let matchedWeight = 0;
    let fuzzyBudget = MAX_FUZZY_LOOKUPS;
    let unknown = 0;
    for (let i = 0; i < content.length; i++) {
      const token = content[i] ?? "";
      const next = content[i + 1];
      const counts = weights?.[i] ?? 1;
      const joined = next === undefined ? undefined : index.lookupJoined(token, next);
      // Typo lookups cost most; a long story gets them for its first words only, which keeps the worst
      // case bounded without hurting the short messages most people send.
      const fuzzyAllowed = fuzzyBudget > 0;
      let hits = joined === undefined ? index.lookup(token, fuzzyAllowed) : [{ term: joined, similarity: 1 }];
      if (fuzzyAllowed && joined === undefined && token.length >= 4 && !hits.some((h) => h.similarity >= 0.8))
        fuzzyBudget--;
      const word = joined === undefined ? token : `${token} ${next}`;
      if (joined !== undefined) i++;
      const retyped = hits.length === 0 ? retype?.(token) : undefined;
      if (retyped) hits = index.lookup(retyped, fuzzyAllowed);
      if (arabizi && scriptOf(token) === "latin" && !hits.some((h) => h.similarity === 1)) {
        const skeletons = arabiziSkeletons(token);
        if (token.length <= 4 && lex.stopSkeletons.has(skeletons[0] ?? "")) {
          explain?.push({ word, kind: "skipped" });
          continue;
        }
        for (const form of skeletons) if (form.length >= 2) hits = [...hits, ...index.lookupSkeleton(form)];
      }
      if (hits.length === 0) {
        // Ages, amounts and times ("my son is 2") say nothing about whether the FAQ covers the question.
        const weakens = !NUMBER.test(token) && token.length >= 2;
        if (weakens) unknown += counts;
        explain?.push({ word, kind: weakens ? "unknown" : "skipped" });
        continue;
      }
      explain?.push({ word, kind: "matched", terms: hits.map((hit) => index.explain(hit)) });
      let weight = 0;
      for (const { term, similarity } of hits) {
        const termWeight =
          (index.idf[term] ?? 0) * similarity * (index.termIsContentIn(term, lang) ? 1 : OTHER_LANGUAGE_WEIGHT);
        weight = Math.max(weight, termWeight);
        for (const { topic, weight: postingWeight } of index.postings[term] ?? []) {
          const value = termWeight * postingWeight;
          if ((best[topic] ?? 0) === 0) touched.push(topic);
          if (value > (best[topic] ?? 0)) best[topic] = value;
        }
      }
      matchedWeight += counts * weight;
      for (const topic of touched) {
        if ((evidence[topic] ?? 0) === 0) candidates.push(topic);
        evidence[topic] = (evidence[topic] ?? 0) + counts * (best[topic] ?? 0);
        best[topic] = 0;
      }
      touched.length = 0;
    }
    const gramWeight = gramWords ? config.charGramWeight : 0;
    const unread = gramWords === undefined && config.charGramWeight > 0;
    if (gramWords && gramWeight > 0) grams?.score(gramWords, gramScores, gramTouched);
    for (const topic of gramTouched) if ((evidence[topic] ?? 0) === 0) candidates.push(topic);
    const denominator = matchedWeight + config.unknownWeight * unknown;
    let first = 0;
    let second = 0;
    for (const topic of candidates) {
      const value = evidence[topic] ?? 0;
      if (value > first) [first, second] = [value, first];
      else if (value > second) second = value;
    }
    const scored: Array<TopicMatch & { topic: number }> = [];
    for (const topic of candidates) {
      const value = evidence[topic] ?? 0;
      evidence[topic] = 0;
      // Three things make a topic the answer by its words: it explains most of the message (coverage), it
      // leads the strongest other topic (share: 1/2 when two topics tie), and the evidence is strong
      // (certainty).
      const coverage = value / denominator;
      const rival = value === first ? second : first;
      const share = value / (value + rival);
      const certainty = 1 - Math.exp(-value / config.saturation);
      const byWords = value > 0 ? Math.sqrt(coverage * share) * certainty : 0;
      const byLetters = gramScores[topic] ?? 0;
      gramScores[topic] = 0;
      scored.push({
        id: index.topicIds[topic] ?? "",
        topic,
        confidence: round(unread ? byWords * WORDS_ALONE_SCALE : (byWords + gramWeight * byLetters) / (1 + gramWeight)),
      });
    }
    candidates.length = 0;
    gramTouched.length = 0;
    const ranked = scored.sort((a, b) => b.confidence - a.confidence || a.topic - b.topic).slice(0, MAX_MATCHES);
    const matches = ranked.map(({ id, confidence }) => ({ id, confidence }));
    // A few words may touch one topic only; its neighbours still make better choices to offer than nothing.
    for (const id of neighbours[ranked[0]?.topic ?? -1] ?? []) {
      if (matches.length >= MIN_MATCHES) break;
      if (!matches.some((m) => m.id === id)) matches.push({ id, confidence: 0 });
    }
    return matches;
  }

  function match(text: string, options: MatchOptions = {}): MatchResult {
    const folded = foldCase(text);
    const tokens = tokenize(normalize(text)).slice(0, MAX_TOKENS);
    const { lang } = detectLanguage(folded, tokens, lex.languageWords, options.lang);

    const arabizi =
      tokens.some(hasArabiziDigits) ||
      ((lang === "ar" || lang === "fa") && tokens.every((t) => scriptOf(t) !== "arabic"));
    const translit =
      (lang === "ru" || lang === "uk") && !tokens.some((t) => scriptOf(t) === "cyrillic") ? lang : undefined;
    const cyrillic = translit && tokens.map((token) => cyrillicFromLatin(token, translit) ?? token);
    // Only for a message taken as Arabic or Persian: "A2" in a German message is a course level.
    const hits = [
      ...lex.phrases.findAll(tokens, arabizi && (lang === "ar" || lang === "fa")),
      ...(cyrillic ? lex.phrases.findAll(cyrillic) : []),
    ];
    const has = (tag: PhraseTag) => hits.some((hit) => hit.tag === tag);
    const functionWord = (position: number) => lex.anyStopword.has(tokens[position] ?? "");
    const phrases: PhraseExplanation[] | undefined = options.explain
      ? hits.map((hit) => ({ list: hit.tag, phrase: hit.phrase.source, words: hit.at.map((i) => tokens[i] ?? "") }))
      : undefined;
    if (SOS_EMOJI.test(text) || isEmergency(hits, functionWord, clauseOf(text, tokens.length))) {
      return { decision: "emergency", lang, matches: [], ...(phrases ? { phrases } : {}) };
    }

    if (tokens.length === 0 || tokens.every((token) => /^\d+$/.test(token) && token.length < 3)) {
      const kind = EMOJI.test(text) ? (EMOJI_KIND.find(([pattern]) => pattern.test(text))?.[1] ?? "empty") : "empty";
      return { decision: "smalltalk", lang, matches: [], smalltalk: kind };
    }

    const covered = new Set<number>();
    let smalltalk: SmalltalkKind | undefined;
    for (const kind of SMALLTALK_KINDS) {
      for (const hit of hits) {
        if (hit.tag !== kind) continue;
        smalltalk ??= kind;
        for (const position of hit.at) covered.add(position);
      }
    }
    const skipped = (token: string, i: number) =>
      covered.has(i) || isStopword(token, lang) || (cyrillic !== undefined && isStopword(cyrillic[i] ?? "", lang));
    const kept = tokens.flatMap((token, i) => (skipped(token, i) ? [] : [i]));
    const content = kept.map((i) => tokens[i] ?? "");
    const sentenceWeights = questionWeights(text, tokens.length);
    const weights = kept.map((i) => sentenceWeights[i] ?? 1);
    const explain: WordExplanation[] | undefined = options.explain
      ? tokens.flatMap((word, i) => (skipped(word, i) ? [{ word, kind: "skipped" as const }] : []))
      : undefined;
    const retype = translit && ((token: string) => cyrillicFromLatin(token, translit));
    // Arabic typed in Latin letters shares no letters with the FAQ's Arabic; the word view's skeletons read it.
    const gramWords = arabizi
      ? undefined
      : translit
        ? content.map((t) => cyrillicFromLatin(t, translit) ?? t)
        : content;
    const ranked =
      content.length > 0 ? rank(content, lang, arabizi, explain, retype || undefined, gramWords, weights) : [];
    const asked = index.topicOfQuestion(content);
    const matches = asked === undefined ? ranked : certain(index.topicIds[asked] ?? "", ranked);
    const withWords = <T extends object>(result: T) => (explain ? { ...result, words: explain, phrases } : result);

    // "Are you a real person?" asks about the bot; it is not a request for one.
    if (smalltalk === "bot" && content.length === 0)
      return withWords({ decision: "smalltalk", lang, matches, smalltalk });
    if (has("askPerson")) {
      return withWords({ decision: "handoff", lang, matches, handoffReason: "asked-for-person" });
    }
    if (smalltalk && content.length === 0) return withWords({ decision: "smalltalk", lang, matches, smalltalk });
    const context: DecisionContext = {
      ...(has("offTopic") ? { offTopic: true } : {}),
      ...(smalltalk && content.length <= SMALLTALK_LEFTOVER ? { smalltalk } : {}),
    };
    return withWords({ ...decide(matches, config.thresholds, context), lang, context });
  }

  return { match, config };
}

/**
 * An acute phrase is an emergency, unless it is part of a figure of speech or the message places it long
 * ago; a weak word is one unless the message asks for information. Errs on the side of an alarm.
 */
function isEmergency(
  hits: Array<PhraseHit<PhraseTag>>,
  functionWord: (position: number) => boolean,
  clause: (position: number) => number,
): boolean {
  const idioms = hits.filter((hit) => hit.tag === "idiom");
  const endings = hits.filter((hit) => hit.tag === "resolved");
  const pasts = hits.filter((hit) => hit.tag === "past");
  // What a phrase says rests on its content words: "my boss will kill me if I'm late" is a figure of speech
  // even though the alarm "will kill me if" reaches one function word past it.
  const covered = (hit: PhraseHit<PhraseTag>, by: Array<PhraseHit<PhraseTag>>) => {
    const content = hit.at.filter((position) => !functionWord(position));
    const telling = content.length > 0 ? content : hit.at;
    return by.some((other) => telling.every((position) => other.at.includes(position)));
  };
  // A weak word inside words that the danger is over ("the ambulance took him to hospital") is part of the
  // good end, not an alarm of its own.
  const literal = (hit: PhraseHit<PhraseTag>) =>
    !covered(hit, idioms) && !(hit.tag === "weak" && covered(hit, endings));
  // Only a time right beside the words puts them in the past: "we came two years ago, now my husband is
  // beating me" is an emergency.
  const now = (hit: PhraseHit<PhraseTag>) =>
    !pasts.some(
      (past) =>
        past.at.some((p) => hit.at.some((q) => Math.abs(p - q) <= PAST_DISTANCE)) ||
        opensClause(past, hit, hits, clause),
    );
  const info = hits.some((hit) => hit.tag === "info");
  const alarms = hits.filter(
    (hit) => literal(hit) && ((hit.tag === "acute" && now(hit)) || (hit.tag === "weak" && now(hit) && !info)),
  );
  return alarms.length > 0 && !endedWell(hits, alarms);
}

/**
 * A time long past that opens the clause of the emergency words dates them, however many words stand
 * between in languages that put the verb last: "Geçen yıl babam Türkiye'de kalp krizi geçirdi", "Par bavê
 * min li Sûriyê felc bû". It dates only the first thing told after it ("two years ago he had a seizure and
 * now he is not responding"), and a comma or a full stop between ("two years ago we came, now he is
 * hitting me") ends its reach.
 */
function opensClause(
  past: PhraseHit<PhraseTag>,
  hit: PhraseHit<PhraseTag>,
  hits: Array<PhraseHit<PhraseTag>>,
  clause: (position: number) => number,
): boolean {
  const end = Math.max(...past.at);
  const first = Math.min(...hit.at);
  const told = (other: PhraseHit<PhraseTag>) => other.tag === "acute" || other.tag === "weak";
  return (
    Math.min(...past.at) < first &&
    first - end <= CLAUSE_PAST_DISTANCE &&
    hit.at.every((q) => clause(q) === clause(end)) &&
    !hits.some((other) => told(other) && Math.max(...other.at) < first && Math.min(...other.at) > end)
  );
}

/**
 * A story told afterwards that ends well ("last month the ambulance took my husband, thank God he is fine
 * now"): words that the danger is over come after every alarm word, and a time before now comes before
 * them. A new alarm after the good end ("he was fine yesterday, now he is not breathing") still counts.
 */
function endedWell(hits: Array<PhraseHit<PhraseTag>>, alarms: Array<PhraseHit<PhraseTag>>): boolean {
  const lastAlarm = Math.max(...alarms.flatMap((hit) => hit.at));
  return hits.some((end) => {
    if (end.tag !== "resolved" || Math.min(...end.at) <= lastAlarm) return false;
    const start = Math.min(...end.at);
    return hits.some((time) => (time.tag === "earlier" || time.tag === "past") && Math.min(...time.at) < start);
  });
}

/**
 * Per word of the message, QUESTION_WEIGHT for the words of its question and 1 for the rest, when it has
 * several sentences: the question is the sentences ending in a question mark, or else the last one.
 */
function questionWeights(text: string, tokenCount: number): number[] {
  const sentences = [...text.matchAll(SENTENCE)].map(([sentence]) => sentence);
  // Most messages are one sentence: no second tokenizing for them.
  if (sentences.length < 2) return new Array(tokenCount).fill(1);
  const sentenceOf = pieceOfWords(sentences);
  const told = [...new Set(sentenceOf)];
  if (told.length < 2) return new Array(tokenCount).fill(1);
  const question = (i: number) => /[?؟]/.test(sentences[i] ?? "");
  const asks = told.some(question);
  const last = told[told.length - 1];
  return sentenceOf.map((i) => ((asks ? question(i) : i === last) ? QUESTION_WEIGHT : 1)).slice(0, tokenCount);
}

/** A sentence with the marks that end it. */
const SENTENCE = /[^.!?؟\n]+[.!?؟\n]*/g;
const CLAUSE = /[^.!?؟\n,;:،؛–—]+[.!?؟\n,;:،؛–—]*/g;

/**
 * Per word of the message, the number of its clause (parts between commas and full stops); worked out only
 * when asked, since only a message with a time long past needs it.
 */
function clauseOf(text: string, tokenCount: number): (position: number) => number {
  let clauses: number[] | undefined;
  return (position) => {
    clauses ??= pieceOfWords([...text.matchAll(CLAUSE)].map(([clause]) => clause)).slice(0, tokenCount);
    return clauses[position] ?? -1;
  };
}

/** Per word of a text cut into pieces (sentences, clauses), the number of the piece it stands in. */
function pieceOfWords(pieces: readonly string[]): number[] {
  return pieces.flatMap((piece, i) => new Array<number>(tokenize(normalize(piece)).length).fill(i));
}

/** Turns the ranked topics into answer / clarify / handoff by the configured thresholds. */
export function decide(
  matches: TopicMatch[],
  thresholds: MatcherThresholds,
  context: DecisionContext = {},
): Omit<MatchResult, "lang"> {
  const [first, second] = matches;
  if (!first || first.confidence < thresholds.clarify) {
    // "thanks, you helped us so much": a word or two beside the thanks that fit no topic are part of the
    // small talk; handing them to a person would answer a thank-you with a ticket.
    if (context.smalltalk) return { decision: "smalltalk", matches, smalltalk: context.smalltalk };
    return { decision: "handoff", matches, handoffReason: "no-match" };
  }
  // "Is Lidl open on Sunday?" shares its words with the weekend doctor: a matter the FAQ does not cover
  // may still be near a topic, so it is offered as a choice rather than answered outright.
  if (context.offTopic) return { decision: "clarify", matches };
  if (first.confidence >= thresholds.answer && first.confidence - (second?.confidence ?? 0) >= thresholds.margin) {
    return { decision: "answer", matches };
  }
  return { decision: "clarify", matches };
}

/** One of the FAQ's own questions: its topic, certain, ahead of the rest of the ranking. */
function certain(id: string, ranked: TopicMatch[]): TopicMatch[] {
  return [{ id, confidence: 1 }, ...ranked.filter((match) => match.id !== id)].slice(0, MAX_MATCHES);
}

function mapLanguages<T>(make: (lang: Lang) => T): Record<Lang, T> {
  const result = {} as Record<Lang, T>;
  for (const lang of LANGUAGES) result[lang] = make(lang);
  return result;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
