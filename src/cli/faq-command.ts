import { relative } from "node:path";
import { parseArgs } from "node:util";
import { loadFaq } from "../faq/index.js";
import { LANGUAGES } from "../languages.js";
import { formatProblem, hasErrors } from "../validation/problem.js";
import { DEFAULT_FAQ_DIR, type Io } from "./io.js";

const USAGE = "usage: lotse faq check [--dir DIR] [--strict] | lotse faq export --json [--dir DIR]";

/** `lotse faq check|export`: validating and exporting the FAQ files. */
export async function faqCommand(args: string[], io: Io): Promise<number> {
  const [sub, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: {
      dir: { type: "string", default: DEFAULT_FAQ_DIR },
      strict: { type: "boolean" },
      json: { type: "boolean" },
    },
  });
  const result = loadFaq(values.dir);
  if (sub === "check") {
    for (const problem of result.problems)
      io.out(formatProblem({ ...problem, file: relative(process.cwd(), problem.file) || problem.file }));
    const errors = result.problems.filter((p) => p.severity === "error").length;
    const warnings = result.problems.length - errors;
    const failed = hasErrors(result.problems, values.strict);
    const topics = result.faq?.topics.length ?? 0;
    io.out(
      `${failed ? "FAILED" : "OK"}: ${topics} topics, ${errors} errors, ${warnings} warnings${values.strict ? " (strict)" : ""}`,
    );
    return failed ? 1 : 0;
  }
  if (sub === "export" && values.json) {
    if (!result.faq) {
      for (const problem of result.problems) io.err(formatProblem(problem));
      return 1;
    }
    const topics = result.faq.topics.map((topic) => ({
      id: topic.id,
      category: topic.category,
      related: topic.related,
      languages: Object.fromEntries(LANGUAGES.filter((l) => topic.languages[l]).map((l) => [l, topic.languages[l]])),
    }));
    io.out(JSON.stringify({ topics }));
    return 0;
  }
  io.err(USAGE);
  return 2;
}
