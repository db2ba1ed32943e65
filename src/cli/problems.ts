import { relative } from "node:path";
import { formatProblem, hasErrors, type Problem } from "../validation/problem.js";
import type { Io } from "./io.js";

/** Prints problems as `file:line: message` with paths relative to the working directory, plus a summary. */
export function reportProblems(problems: Problem[], io: Io, summary: string, strict = false): number {
  for (const problem of problems)
    io.out(formatProblem({ ...problem, file: relative(process.cwd(), problem.file) || problem.file }));
  const errors = problems.filter((p) => p.severity === "error").length;
  const failed = hasErrors(problems, strict);
  io.out(
    `${failed ? "FAILED" : "OK"}: ${summary}, ${errors} errors, ${problems.length - errors} warnings${strict ? " (strict)" : ""}`,
  );
  return failed ? 1 : 0;
}
