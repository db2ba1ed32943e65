export { LEXICONS } from "./lexicon/index.js";
export { createMatcher, DEFAULT_MATCHER_CONFIG, decide, type Matcher, type MatcherConfig } from "./matcher.js";
export type {
  Decision,
  HandoffReason,
  MatcherThresholds,
  MatchOptions,
  MatchResult,
  SmalltalkKind,
  TopicMatch,
  WordExplanation,
} from "./types.js";
