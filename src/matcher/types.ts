import type { Lang } from "../languages.js";

/** What the bot should do with a message. */
export type Decision = "answer" | "clarify" | "handoff" | "smalltalk" | "emergency";

/** Which kind of small talk, so the bot can reply in kind. */
export type SmalltalkKind = "greeting" | "thanks" | "bye" | "bot" | "ack" | "empty";

/** Why the matcher handed off: nothing fitted, or the user asked for a person. */
export type HandoffReason = "no-match" | "asked-for-person";

export interface TopicMatch {
  id: string;
  /** 0..1, 1 = certain. Comparable across queries: the thresholds in the matcher config apply to it. */
  confidence: number;
}

export interface MatchResult {
  decision: Decision;
  /** The language to answer in: the message's language when it is clear, otherwise the user's. */
  lang: Lang;
  /** Best first; for `answer` the first is the topic to show, for `clarify` up to 3 to offer. */
  matches: TopicMatch[];
  smalltalk?: SmalltalkKind;
  handoffReason?: HandoffReason;
  /** For a decision made by the thresholds: what besides the ranking it rested on (to decide it again). */
  context?: DecisionContext;
  /** With `explain`: what each word of the message counted for. */
  words?: WordExplanation[];
  /** With `explain`: the word-list phrases the message contains, such as an alarm or a figure of speech. */
  phrases?: PhraseExplanation[];
}

/** A word-list phrase found in a message: which list (`acute`, `idiom`, `past`, `offTopic`…) and where. */
export interface PhraseExplanation {
  list: string;
  phrase: string;
  words: string[];
}

/**
 * What an answer / clarify / hand-off decision rests on besides the ranked topics. Kept on the result, so
 * that calibration decides every message again exactly as the matcher would under other thresholds.
 */
export interface DecisionContext {
  /** The message names a matter the FAQ does not cover ("is Lidl open on Sunday?"): never answered outright. */
  offTopic?: boolean;
  /** Small talk with a word or two beside it ("thanks, you helped us so much"): no fit keeps it small talk. */
  smalltalk?: SmalltalkKind;
}

/**
 * Why a word helped or weakened a match, so that an admin can see which keyword a topic lacks:
 * `skipped` words (function words, greetings) are ignored, `unknown` words are in no topic and weaken
 * every match, `matched` words point to the topics of the indexed words they met.
 */
export interface WordExplanation {
  word: string;
  kind: "skipped" | "unknown" | "matched";
  terms?: Array<{ term: string; similarity: number; topics: string[] }>;
}

export interface MatchOptions {
  /** The language the user chose, or Telegram's language_code mapped onto ours: a prior, not a rule. */
  lang?: Lang;
  /** Also report what each word counted for (slower; for `lotse match --explain`). */
  explain?: boolean;
}

/** Confidence thresholds; configuration, calibrated with `lotse eval --calibrate`. */
export interface MatcherThresholds {
  /** At or above this (and clear of the runner-up by `margin`) the top topic is answered. */
  answer: number;
  /** At or above this, plausible topics are offered as choices. Below it: hand-off. */
  clarify: number;
  /** How far the top topic must lead the second one to be answered without asking. */
  margin: number;
}
