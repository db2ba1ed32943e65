import type { Document } from "yaml";
import { isNode, LineCounter, parseDocument } from "yaml";
import type { z } from "zod";
import type { Problem } from "./problem.js";

export interface ParsedYaml<T> {
  value?: T;
  problems: Problem[];
  /** The line of the node at `path` (1-based); the file's first line when the path does not exist. */
  lineOf(path: ReadonlyArray<string | number>): number;
}

/**
 * Parses YAML and validates it against a schema, translating every syntax and schema error into a
 * `file:line` problem, so that an admin editing a file by hand is told exactly where to look.
 */
export function parseYaml<S extends z.ZodType>(file: string, source: string, schema: S): ParsedYaml<z.output<S>> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line;
  const lineOf = (path: ReadonlyArray<string | number>) => nodeLine(doc, path, lineAt);

  const problems: Problem[] = [...doc.errors, ...doc.warnings].map((e) => ({
    file,
    line: lineAt(e.pos[0]),
    severity: e.name === "YAMLWarning" ? "warning" : "error",
    message: `YAML: ${e.message.split("\n")[0]}`,
  }));
  if (problems.some((p) => p.severity === "error")) return { problems, lineOf };

  const result = schema.safeParse(doc.toJS());
  if (result.success) return { value: result.data, problems, lineOf };
  for (const issue of result.error.issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        problems.push({ file, line: lineOf([...path, key]), severity: "error", message: unknownKey(path, key) });
      }
      continue;
    }
    const where = path.length ? `${path.join(".")}: ` : "";
    const missing = issue.code === "invalid_type" && !doc.hasIn(path);
    problems.push({
      file,
      line: lineOf(path),
      severity: "error",
      message: missing ? `${where}missing; add "${path.at(-1)}:"` : `${where}${issue.message}`,
    });
  }
  return { problems, lineOf };
}

function unknownKey(path: ReadonlyArray<string | number>, key: string): string {
  const where = path.length ? ` in ${path.join(".")}` : "";
  return `unknown field "${key}"${where}; check its spelling or remove it`;
}

/** Walks down from the path's end until a node exists, so a missing field points at its parent. */
function nodeLine(doc: Document, path: ReadonlyArray<string | number>, lineAt: (offset: number) => number): number {
  for (let depth = path.length; depth >= 0; depth--) {
    const sub = path.slice(0, depth);
    const node = sub.length === 0 ? doc.contents : doc.getIn(sub, true);
    if (isNode(node) && node.range) return lineAt(node.range[0]);
    // A key without value: point at the key itself.
    if (depth > 0) {
      const parent = depth === 1 ? doc.contents : doc.getIn(path.slice(0, depth - 1), true);
      const pair = parentPair(parent, path[depth - 1]);
      if (pair) return lineAt(pair);
    }
  }
  return 1;
}

function parentPair(parent: unknown, key: string | number | undefined): number | undefined {
  if (!parent || typeof parent !== "object" || !("items" in parent) || !Array.isArray(parent.items)) return undefined;
  for (const item of parent.items as unknown[]) {
    if (item && typeof item === "object" && "key" in item) {
      const k = (item as { key: unknown }).key;
      if (isNode(k) && k.toJSON() === key && k.range) return k.range[0];
    }
  }
  return undefined;
}
