import { parseArgs } from "node:util";
import {
  calibrate,
  expectedOutOfScopeAnswered,
  runMatcher,
  ThresholdSweep,
  withoutOffTopicLists,
} from "../evaluation/calibrate.js";
import { DEFAULT_CALIBRATION_FILE, DEFAULT_EVAL_FILE, loadDataset } from "../evaluation/dataset.js";
import { computeMetrics, emergencyNumbersShown, type Metrics, type Outcome, percent } from "../evaluation/metrics.js";
import { loadKnowledge } from "../knowledge/load.js";
import { LANGUAGES } from "../languages.js";
import type { MatcherThresholds } from "../matcher/index.js";
import { DEFAULT_FAQ_DIR, type Io } from "./io.js";

/** `lotse eval`: the matcher's figures on the labelled set; `--calibrate` searches better thresholds. */
export async function evalCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      file: { type: "string", default: DEFAULT_EVAL_FILE },
      "calibration-file": { type: "string", multiple: true },
      dir: { type: "string", default: DEFAULT_FAQ_DIR },
      matcher: { type: "string" },
      calibrate: { type: "boolean" },
      errors: { type: "boolean" },
    },
  });
  const { faq, matcher } = loadKnowledge({ faqDir: values.dir, matcherFile: values.matcher });
  const messages = loadDataset(values.file);
  const outcomes = runMatcher(faq, matcher.config, messages);
  io.out(`evaluation set: ${messages.length} messages, FAQ: ${faq.topics.length} topics`);
  printFigures(outcomes, matcher.config.thresholds, io);
  io.out(
    `emergencies shown 112 in the reply (alarm, question back, hand-off or answer): ${percent(emergencyNumbersShown(outcomes, faq))}`,
  );

  const detected = messages.filter((m) => matcher.match(m.text).lang === m.lang).length;
  io.out(`language detected without a prior: ${percent({ hits: detected, total: messages.length })}`);

  if (values.errors) {
    io.out("\nmisses (expected → decision: top matches):");
    for (const { message, result } of outcomes) {
      const right =
        result.decision === "emergency"
          ? message.expect === "emergency"
          : result.decision === "smalltalk"
            ? message.expect === "smalltalk"
            : result.handoffReason === "asked-for-person"
              ? message.expect === "ask-person"
              : result.decision === "answer"
                ? result.matches[0]?.id === message.expect
                : message.expect === "out-of-scope";
      if (right) continue;
      const top = result.matches
        .slice(0, 3)
        .map((m) => `${m.id} ${m.confidence}`)
        .join(", ");
      io.out(`[${message.lang}] ${message.expect} → ${result.decision}: ${top} | ${message.text.slice(0, 90)}`);
    }
  }

  if (values.calibrate) {
    // Every labelled message we have: a few numbers fitted on thousands of messages in every style generalise
    // better than the same numbers fitted on the small plain-style set alone.
    const calibrationFiles = values["calibration-file"] ?? [DEFAULT_CALIBRATION_FILE, values.file];
    const calibrationSet = calibrationFiles.flatMap((file) => loadDataset(file));
    const found = calibrate(faq, calibrationSet);
    if (!found) {
      io.out("\ncalibration: no setting keeps confidently-wrong and out-of-scope answers within the limits");
      return 1;
    }
    const { thresholds, unknownWeight, saturation, charGramWeight } = found.config;
    io.out(`\ncalibrated on ${calibrationSet.length} messages (put into config/matcher.yaml):`);
    io.out(
      `thresholds:\n  answer: ${thresholds.answer}\n  clarify: ${thresholds.clarify}\n  margin: ${thresholds.margin}`,
    );
    io.out(`unknown_weight: ${unknownWeight}\nsaturation: ${saturation}\nchar_gram_weight: ${charGramWeight}`);
    io.out(`\nwith these, on the evaluation set (${messages.length} messages):`);
    printFigures(runMatcher(faq, found.config, messages), thresholds, io);
  }
  return 0;
}

function printFigures(outcomes: Outcome[], thresholds: MatcherThresholds, io: Io): void {
  const metrics = computeMetrics(outcomes);
  printMetrics(metrics, io);
  // What the off-topic lists do not protect: the out-of-scope questions of new users name other matters.
  const unlisted = new ThresholdSweep(withoutOffTopicLists(outcomes)).metrics(thresholds);
  io.out(`out-of-scope answered without the off-topic lists: ${percent(unlisted.outOfScopeAnswered)}`);
  const expected = expectedOutOfScopeAnswered(metrics, unlisted);
  io.out(`out-of-scope answered, expected on new messages: ${(100 * expected).toFixed(1)}%`);
}

function printMetrics(metrics: Metrics, io: Io): void {
  const rows: Array<[string, string, string]> = [
    ["top-1 answered correctly", percent(metrics.answeredCorrectly), "target ≥ 90%"],
    ["top-1 of the ranking", percent(metrics.top1), ""],
    ["top-3 of the ranking", percent(metrics.top3), ""],
    ["confidently wrong", percent(metrics.confidentlyWrong), "target ≤ 2%"],
    ["in scope, asked back (clarify)", percent(metrics.clarified), ""],
    ["in scope, handed off", percent(metrics.handedOff), ""],
    ["out-of-scope answered", percent(metrics.outOfScopeAnswered), "target ≤ 5%"],
    ["out-of-scope handed off", percent(metrics.outOfScopeHandedOff), ""],
    ["emergency recall", percent(metrics.emergencyRecall), "target 100%"],
    ["false alarms", percent(metrics.falseAlarms), "target ≤ 1%"],
    ["smalltalk accuracy", percent(metrics.smalltalkAccuracy), ""],
    ["asked for a person, handed off", percent(metrics.askPersonAccuracy), ""],
  ];
  for (const [name, value, target] of rows) io.out(`${name.padEnd(32)} ${value.padEnd(18)} ${target}`);
  io.out(
    `top-1 answered correctly by language: ${LANGUAGES.map((l) => `${l} ${percent(metrics.answeredCorrectlyByLang[l])}`).join(", ")}`,
  );
}
