import type { Faq } from "../faq/model.js";
import { LANGUAGES, type Lang } from "../languages.js";
import type { MatchResult } from "../matcher/index.js";

/**
 * What a labelled message should get: a topic id, or one of the special outcomes. "not-emergency" marks a
 * message that only sounds like one ("this heat is killing me"): it counts for false alarms only.
 */
export type Expectation = string;
export const SPECIAL_EXPECTATIONS = ["out-of-scope", "emergency", "not-emergency", "smalltalk", "ask-person"] as const;

export interface LabelledMessage {
  text: string;
  lang: Lang;
  expect: Expectation;
  style?: string;
}

export interface Outcome {
  message: LabelledMessage;
  result: MatchResult;
}

export interface Rate {
  hits: number;
  total: number;
}

export interface Metrics {
  answeredCorrectly: Rate;
  top1: Rate;
  top3: Rate;
  confidentlyWrong: Rate;
  outOfScopeAnswered: Rate;
  outOfScopeHandedOff: Rate;
  emergencyRecall: Rate;
  falseAlarms: Rate;
  smalltalkAccuracy: Rate;
  askPersonAccuracy: Rate;
  clarified: Rate;
  handedOff: Rate;
  answeredCorrectlyByLang: Record<Lang, Rate>;
}

const isTopic = (expect: string) => !(SPECIAL_EXPECTATIONS as readonly string[]).includes(expect);
const inScope = (o: Outcome) => isTopic(o.message.expect);
const expecting = (kind: string) => (o: Outcome) => o.message.expect === kind;
const decided = (decision: MatchResult["decision"]) => (o: Outcome) => o.result.decision === decision;
const answeredRight = (o: Outcome) => o.result.decision === "answer" && o.result.matches[0]?.id === o.message.expect;

type RateName = Exclude<keyof Metrics, "answeredCorrectlyByLang">;

/** A rate: the share of the messages it is over (`over`) that it counts (`hit`). */
interface RateRule {
  over: (o: Outcome) => boolean;
  hit: (o: Outcome) => boolean;
}

/**
 * The figures the matcher is judged by. Over in-scope messages: answered correctly (decision answer,
 * right topic), top-1 and top-3 of the ranking, confidently wrong (answered with a wrong topic),
 * clarified and handed off; over out-of-scope messages: answered at all, and handed off; emergencies:
 * recall, and false alarms over everything else.
 */
const RULES: Record<RateName, RateRule> = {
  answeredCorrectly: { over: inScope, hit: answeredRight },
  top1: { over: inScope, hit: (o) => o.result.matches[0]?.id === o.message.expect },
  top3: { over: inScope, hit: (o) => o.result.matches.slice(0, 3).some((m) => m.id === o.message.expect) },
  confidentlyWrong: { over: inScope, hit: (o) => decided("answer")(o) && o.result.matches[0]?.id !== o.message.expect },
  outOfScopeAnswered: { over: expecting("out-of-scope"), hit: decided("answer") },
  outOfScopeHandedOff: { over: expecting("out-of-scope"), hit: decided("handoff") },
  emergencyRecall: { over: expecting("emergency"), hit: decided("emergency") },
  falseAlarms: { over: (o) => !expecting("emergency")(o), hit: decided("emergency") },
  smalltalkAccuracy: { over: expecting("smalltalk"), hit: decided("smalltalk") },
  askPersonAccuracy: {
    over: expecting("ask-person"),
    hit: (o) => decided("handoff")(o) && o.result.handoffReason === "asked-for-person",
  },
  clarified: { over: inScope, hit: decided("clarify") },
  handedOff: { over: inScope, hit: decided("handoff") },
};
const RULE_LIST: RateRule[] = [
  ...Object.values(RULES),
  ...LANGUAGES.map((lang) => ({ over: (o: Outcome) => inScope(o) && o.message.lang === lang, hit: answeredRight })),
];

/**
 * One outcome's contribution to every figure, as counts that add up: the metrics of a set are the sum of
 * its outcomes' tallies. Calibration sums them over many threshold settings without deciding again.
 */
export type Tally = Int32Array;

export function emptyTally(): Tally {
  return new Int32Array(2 * RULE_LIST.length);
}

export function tally(outcome: Outcome): Tally {
  const counts = emptyTally();
  RULE_LIST.forEach((rule, i) => {
    if (!rule.over(outcome)) return;
    counts[2 * i] = 1;
    counts[2 * i + 1] = rule.hit(outcome) ? 1 : 0;
  });
  return counts;
}

/** `into += sign * other`, in place. */
export function addTally(into: Tally, other: Tally, sign = 1): Tally {
  for (let i = 0; i < into.length; i++) into[i] = (into[i] ?? 0) + sign * (other[i] ?? 0);
  return into;
}

export function metricsFromTally(counts: Tally): Metrics {
  const rateAt = (i: number): Rate => ({ total: counts[2 * i] ?? 0, hits: counts[2 * i + 1] ?? 0 });
  const names = Object.keys(RULES) as RateName[];
  const metrics = Object.fromEntries(names.map((name, i) => [name, rateAt(i)])) as Omit<
    Metrics,
    "answeredCorrectlyByLang"
  >;
  const byLang = Object.fromEntries(LANGUAGES.map((lang, i) => [lang, rateAt(names.length + i)])) as Record<Lang, Rate>;
  return { ...metrics, answeredCorrectlyByLang: byLang };
}

export function computeMetrics(outcomes: Outcome[]): Metrics {
  const total = emptyTally();
  for (const outcome of outcomes) addTally(total, tally(outcome));
  return metricsFromTally(total);
}

export function percent({ hits, total }: Rate): string {
  return total === 0 ? "n/a" : `${((100 * hits) / total).toFixed(1)}% (${hits}/${total})`;
}

export function ratio({ hits, total }: Rate): number {
  return total === 0 ? 0 : hits / total;
}

/** The number every emergency reply names; an answer that names it shows it too. */
const EMERGENCY_NUMBER = /\b112\b/;

/**
 * Emergencies whose reply names 112, alarmed or not: the alarm itself, a clarifying question and a no-match
 * hand-off (the bot adds the emergency numbers to both) and an answer whose text names 112 (the health
 * topics do). The safety net under the recall figure: a wording the word lists have never seen is most
 * often handed off as "nothing fits".
 */
export function emergencyNumbersShown(outcomes: Outcome[], faq: Faq): Rate {
  const answers = new Map(faq.topics.map((topic) => [topic.id, topic.languages]));
  const shown = ({ message, result }: Outcome) =>
    result.decision === "emergency" ||
    result.decision === "clarify" ||
    (result.decision === "handoff" && result.handoffReason === "no-match") ||
    (result.decision === "answer" &&
      EMERGENCY_NUMBER.test(answers.get(result.matches[0]?.id ?? "")?.[message.lang]?.answer ?? ""));
  const emergencies = outcomes.filter(expecting("emergency"));
  return { hits: emergencies.filter(shown).length, total: emergencies.length };
}
