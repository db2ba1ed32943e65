export { LEXICONS } from "./lexicon/index.js";
export { createMatcher, DEFAULT_MATCHER_CONFIG, decide, type Matcher, type MatcherConfig } from "./matcher.js";
export type * from "./types.js";
