import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { LANGUAGES } from "../languages.js";
import type { LabelledMessage } from "./metrics.js";

/** Written by someone who never saw the FAQ: the figures we report. */
export const DEFAULT_EVAL_FILE = fileURLToPath(new URL("../../test/eval/messages.jsonl", import.meta.url));
/** Written alongside the FAQ: used to choose thresholds, so that the reported figures stay honest. */
export const DEFAULT_CALIBRATION_FILE = fileURLToPath(new URL("../../test/eval/calibration.jsonl", import.meta.url));

const lineSchema = z.object({
  text: z.string(),
  lang: z.enum(LANGUAGES),
  expect: z.string().min(1),
  style: z.string().optional(),
});

/** Reads the labelled evaluation set; a malformed line is an error with its line number. */
export function loadDataset(file: string = DEFAULT_EVAL_FILE): LabelledMessage[] {
  const messages: LabelledMessage[] = [];
  readFileSync(file, "utf8")
    .split("\n")
    .forEach((line, index) => {
      if (line.trim() === "") return;
      const parsed = lineSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${file}:${index + 1}: ${parsed.error.issues[0]?.message}`);
      messages.push(parsed.data);
    });
  return messages;
}
