import { parseArgs } from "node:util";
import { loadFaq } from "../faq/index.js";
import { LANGUAGES } from "../languages.js";
import { formatProblem } from "../validation/problem.js";
import { DEFAULT_FAQ_DIR, type Io } from "./io.js";
import { reportProblems } from "./problems.js";

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
    return reportProblems(result.problems, io, `${result.faq?.topics.length ?? 0} topics`, values.strict);
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
