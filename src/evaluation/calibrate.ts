import type { Faq } from "../faq/model.js";
import { createMatcher, decide, type MatcherConfig, type MatchResult } from "../matcher/index.js";
import { computeMetrics, type LabelledMessage, type Metrics, type Outcome, ratio } from "./metrics.js";

/** Upper bounds the calibration keeps below, a little stricter than the targets to leave room for new data. */
const LIMITS = { confidentlyWrong: 0.015, outOfScopeAnswered: 0.045 };

export interface Calibration {
  config: MatcherConfig;
  metrics: Metrics;
}

export function runMatcher(faq: Faq, config: MatcherConfig, messages: LabelledMessage[]): Outcome[] {
  const matcher = createMatcher(faq, config);
  return messages.map((message) => ({ message, result: matcher.match(message.text, { lang: message.lang }) }));
}

/** Re-decides the threshold-dependent outcomes without matching again. */
function redecide(outcomes: Outcome[], thresholds: MatcherConfig["thresholds"]): Outcome[] {
  return outcomes.map(({ message, result }) => {
    const thresholdDependent =
      result.decision === "answer" || result.decision === "clarify" || result.handoffReason === "no-match";
    if (!thresholdDependent) return { message, result };
    const decided: MatchResult = { ...decide(result.matches, thresholds), lang: result.lang };
    return { message, result: decided };
  });
}

/**
 * Searches the scoring constants and thresholds for the most correct answers that stay within the
 * limits on confidently wrong and out-of-scope answers. Beside that it values offering the right topic
 * as a choice rather than handing off, and, less, handing an out-of-scope question straight to a person
 * rather than offering unrelated buttons (those still end in "none of these", which reaches a person).
 */
export function calibrate(faq: Faq, messages: LabelledMessage[]): Calibration | undefined {
  let best: { score: number; calibration: Calibration } | undefined;
  for (const [unknownWeight, saturation, charGramWeight] of grid([1, 1.5, 2], [1.2, 2, 3], [0, 1, 2, 3])) {
    const base = { thresholds: { answer: 1, clarify: 0, margin: 0 }, unknownWeight, saturation, charGramWeight };
    const outcomes = runMatcher(faq, base, messages);
    for (let answer = 0.05; answer <= 0.6; answer += 0.005) {
      for (const margin of [0, 0.02, 0.03, 0.05]) {
        // What is answered does not depend on `clarify`: an answer threshold over the limits is over them
        // for every clarify threshold below it.
        const answered = computeMetrics(redecide(outcomes, { answer: round(answer), clarify: round(answer), margin }));
        if (ratio(answered.confidentlyWrong) > LIMITS.confidentlyWrong) continue;
        if (ratio(answered.outOfScopeAnswered) > LIMITS.outOfScopeAnswered) continue;
        for (let clarify = 0.05; clarify <= Math.min(answer, 0.25); clarify += 0.025) {
          const thresholds = { answer: round(answer), clarify: round(clarify), margin };
          const metrics = computeMetrics(redecide(outcomes, thresholds));
          const reachable = ratio(metrics.top3) - ratio(metrics.handedOff);
          const score = ratio(metrics.answeredCorrectly) + 0.2 * reachable + 0.05 * ratio(metrics.outOfScopeHandedOff);
          if (!best || score > best.score) {
            best = { score, calibration: { config: { ...base, thresholds }, metrics } };
          }
        }
      }
    }
  }
  return best?.calibration;
}

function grid<A, B, C>(as: A[], bs: B[], cs: C[]): Array<[A, B, C]> {
  return as.flatMap((a) => bs.flatMap((b) => cs.map((c): [A, B, C] => [a, b, c])));
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
