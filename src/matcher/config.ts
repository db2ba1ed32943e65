import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { ValidationError } from "../validation/problem.js";
import { parseYaml } from "../validation/yaml.js";
import type { MatcherConfig } from "./matcher.js";

export const DEFAULT_MATCHER_FILE = fileURLToPath(new URL("../../config/matcher.yaml", import.meta.url));

const unit = z.number().min(0, "must be between 0 and 1").max(1, "must be between 0 and 1");

const matcherFileSchema = z
  .strictObject({
    thresholds: z.strictObject({ answer: unit, clarify: unit, margin: unit }),
    unknown_weight: z.number().min(0).max(5),
    saturation: z.number().positive().max(10),
    char_gram_weight: z.number().min(0).max(10),
  })
  .refine((v) => v.thresholds.clarify <= v.thresholds.answer, {
    message: "thresholds.clarify must not be above thresholds.answer",
    path: ["thresholds", "clarify"],
  });

/** Reads the matcher's thresholds; throws a ValidationError naming file and line when they are wrong. */
export function loadMatcherConfig(file: string = DEFAULT_MATCHER_FILE): MatcherConfig {
  const parsed = parseYaml(file, readFileSync(file, "utf8"), matcherFileSchema);
  if (!parsed.value) throw new ValidationError(parsed.problems, file);
  const { thresholds, unknown_weight, saturation, char_gram_weight } = parsed.value;
  return { thresholds, unknownWeight: unknown_weight, saturation, charGramWeight: char_gram_weight };
}
