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

/**
 * The figures the matcher is judged by. Over in-scope messages: answered correctly (decision answer,
 * right topic), top-1 and top-3 of the ranking, confidently wrong (answered with a wrong topic),
 * clarified and handed off; over out-of-scope messages: answered at all; emergencies: recall, and
 * false alarms over everything else.
 */
export function computeMetrics(outcomes: Outcome[]): Metrics {
  const rate = (filter: (o: Outcome) => boolean, hit: (o: Outcome) => boolean): Rate => {
    const selected = outcomes.filter(filter);
    return { hits: selected.filter(hit).length, total: selected.length };
  };
  const inScope = (o: Outcome) => isTopic(o.message.expect);
  const answeredRight = (o: Outcome) => o.result.decision === "answer" && o.result.matches[0]?.id === o.message.expect;
  const byLang = {} as Record<Lang, Rate>;
  for (const lang of LANGUAGES) byLang[lang] = rate((o) => inScope(o) && o.message.lang === lang, answeredRight);
  return {
    answeredCorrectly: rate(inScope, answeredRight),
    top1: rate(inScope, (o) => o.result.matches[0]?.id === o.message.expect),
    top3: rate(inScope, (o) => o.result.matches.slice(0, 3).some((m) => m.id === o.message.expect)),
    confidentlyWrong: rate(
      inScope,
      (o) => o.result.decision === "answer" && o.result.matches[0]?.id !== o.message.expect,
    ),
    outOfScopeAnswered: rate(
      (o) => o.message.expect === "out-of-scope",
      (o) => o.result.decision === "answer",
    ),
    outOfScopeHandedOff: rate(
      (o) => o.message.expect === "out-of-scope",
      (o) => o.result.decision === "handoff",
    ),
    emergencyRecall: rate(
      (o) => o.message.expect === "emergency",
      (o) => o.result.decision === "emergency",
    ),
    falseAlarms: rate(
      (o) => o.message.expect !== "emergency",
      (o) => o.result.decision === "emergency",
    ),
    smalltalkAccuracy: rate(
      (o) => o.message.expect === "smalltalk",
      (o) => o.result.decision === "smalltalk",
    ),
    askPersonAccuracy: rate(
      (o) => o.message.expect === "ask-person",
      (o) => o.result.decision === "handoff" && o.result.handoffReason === "asked-for-person",
    ),
    clarified: rate(inScope, (o) => o.result.decision === "clarify"),
    handedOff: rate(inScope, (o) => o.result.decision === "handoff"),
    answeredCorrectlyByLang: byLang,
  };
}

export function percent({ hits, total }: Rate): string {
  return total === 0 ? "n/a" : `${((100 * hits) / total).toFixed(1)}% (${hits}/${total})`;
}

export function ratio({ hits, total }: Rate): number {
  return total === 0 ? 0 : hits / total;
}
