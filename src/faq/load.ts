import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { LANGUAGES } from "../languages.js";
import type { Problem } from "../validation/problem.js";
import { parseYaml } from "../validation/yaml.js";
import { checkMarkup } from "./markup.js";
import type { Category, Faq, Topic } from "./model.js";
import { ANSWER_HARD_LIMIT, ANSWER_SOFT_LIMIT, categoriesSchema, topicSchema } from "./schema.js";

/** The file beside the topics that names the categories; the leading underscore keeps it apart from topics. */
export const CATEGORIES_FILE = "_categories.yaml";
/** How many phrasings per language a topic should have before the matcher can rely on it. */
export const MIN_QUESTIONS = 6;

export interface FaqLoadResult {
  /** Present unless an error makes the FAQ unusable. */
  faq?: Faq;
  problems: Problem[];
}

/** Reads and validates every topic file in `dir`. Never throws for bad content: problems say what is wrong. */
export function loadFaq(dir: string): FaqLoadResult {
  const problems: Problem[] = [];
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => /\.ya?ml$/.test(name));
  } catch {
    return { problems: [{ file: dir, line: 1, severity: "error", message: "FAQ directory not found" }] };
  }
  names.sort();

  const categories = loadCategories(dir, names, problems);
  const topics: Array<{ topic: Topic; file: string; lineOf: (path: Array<string | number>) => number }> = [];
  for (const name of names.filter((n) => n !== CATEGORIES_FILE)) {
    const file = join(dir, name);
    const parsed = parseYaml(file, readFileSync(file, "utf8"), topicSchema);
    problems.push(...parsed.problems);
    const value = parsed.value;
    if (!value) continue;
    const topic: Topic = {
      id: value.id,
      category: value.category,
      related: value.related,
      needsOffice: value.needs_office,
      check: value.check,
      languages: value.languages,
    };
    topics.push({ topic, file, lineOf: parsed.lineOf });
    const at = (path: Array<string | number>, severity: Problem["severity"], message: string) =>
      problems.push({ file, line: parsed.lineOf(path), severity, message });

    const stem = basename(name).replace(/\.ya?ml$/, "");
    if (stem !== topic.id)
      at(["id"], "error", `id "${topic.id}" does not match the file name; rename the file to ${topic.id}.yaml`);
    if (categories && !categories.some((c) => c.id === topic.category)) {
      at(["category"], "error", `unknown category "${topic.category}"; use one listed in ${CATEGORIES_FILE}`);
    }
    for (const lang of LANGUAGES) {
      const text = topic.languages[lang];
      if (!text) {
        at(["languages"], "warning", `missing translation: ${lang}`);
        continue;
      }
      const length = text.answer.length;
      if (length > ANSWER_HARD_LIMIT) {
        at(
          ["languages", lang, "answer"],
          "error",
          `${lang} answer has ${length} characters; shorten it to at most ${ANSWER_SOFT_LIMIT}`,
        );
      } else if (length > ANSWER_SOFT_LIMIT) {
        at(
          ["languages", lang, "answer"],
          "warning",
          `${lang} answer has ${length} characters; aim for at most ${ANSWER_SOFT_LIMIT}`,
        );
      }
      for (const problem of checkMarkup(text.answer))
        at(["languages", lang, "answer"], "error", `${lang} answer: ${problem.message}`);
      if (text.questions.length < MIN_QUESTIONS) {
        at(
          ["languages", lang, "questions"],
          "warning",
          `${lang} has ${text.questions.length} questions; add phrasings up to at least ${MIN_QUESTIONS}`,
        );
      }
    }
  }

  const seen = new Map<string, string>();
  for (const { topic, file, lineOf } of topics) {
    const first = seen.get(topic.id);
    if (first)
      problems.push({
        file,
        line: lineOf(["id"]),
        severity: "error",
        message: `duplicate id "${topic.id}", also in ${first}`,
      });
    else seen.set(topic.id, file);
  }
  for (const { topic, file, lineOf } of topics) {
    topic.related.forEach((id, index) => {
      const at = { file, line: lineOf(["related", index]) };
      if (id === topic.id) problems.push({ ...at, severity: "error", message: "a topic cannot be related to itself" });
      else if (!seen.has(id))
        problems.push({ ...at, severity: "error", message: `related topic "${id}" does not exist` });
    });
  }

  if (topics.length === 0 && !problems.some((p) => p.severity === "error")) {
    problems.push({ file: dir, line: 1, severity: "error", message: "no topic files (*.yaml) found" });
  }
  const failed = problems.some((p) => p.severity === "error");
  return failed || !categories ? { problems } : { faq: { topics: topics.map((t) => t.topic), categories }, problems };
}

function loadCategories(dir: string, names: string[], problems: Problem[]): Category[] | undefined {
  const file = join(dir, CATEGORIES_FILE);
  if (!names.includes(CATEGORIES_FILE)) {
    problems.push({
      file,
      line: 1,
      severity: "error",
      message: `missing; create ${CATEGORIES_FILE} listing the categories`,
    });
    return undefined;
  }
  const parsed = parseYaml(file, readFileSync(file, "utf8"), categoriesSchema);
  problems.push(...parsed.problems);
  parsed.value?.categories.forEach((category, index) => {
    for (const lang of LANGUAGES) {
      if (!category.titles[lang]) {
        problems.push({
          file,
          line: parsed.lineOf(["categories", index, "titles"]),
          severity: "warning",
          message: `category ${category.id}: missing title in ${lang}`,
        });
      }
    }
  });
  return parsed.value?.categories;
}
