/** A finding of `lotse faq check` / `lotse config check`, always pointing at a file and line. */
export interface Problem {
  file: string;
  line: number;
  severity: "error" | "warning";
  message: string;
}

export function formatProblem(problem: Problem): string {
  const tag = problem.severity === "warning" ? "warning: " : "";
  return `${problem.file}:${problem.line}: ${tag}${problem.message}`;
}

export function hasErrors(problems: Problem[], strict = false): boolean {
  return problems.some((p) => p.severity === "error" || (strict && p.severity === "warning"));
}

/** Thrown when a file cannot be used at all; carries every problem so callers can show them. */
export class ValidationError extends Error {
  override name = "ValidationError";
  constructor(
    readonly problems: Problem[],
    what: string,
  ) {
    super(`${what} is invalid:\n${problems.map(formatProblem).join("\n")}`);
  }
}
