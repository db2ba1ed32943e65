export type {
  Decision,
  HandoffReason,
  MatchOptions,
  MatchResult,
  MatcherThresholds,
  SmalltalkKind,
  TopicMatch,
} from "./types.js";
