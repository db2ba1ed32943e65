import { type Problem, ValidationError } from "../validation/problem.js";
import { type Knowledge, type KnowledgeSources, loadKnowledge } from "./load.js";

export type { Knowledge, KnowledgeSources } from "./load.js";

/** The FAQ and matcher in use, swappable while the bot runs. */
export interface KnowledgeSource {
  /** The current FAQ and matcher. Take it once per update, so a reload never mixes two versions. */
  get(): Knowledge;
  /** Loads the files again; on errors the current version stays in use and the problems are returned. */
  reload(): ReloadResult;
}

export interface ReloadResult {
  reloaded: boolean;
  /** Why the reload was refused; empty when it succeeded. */
  problems: Problem[];
}

/** Loads the FAQ and builds the matcher; throws a ValidationError when the files cannot be used at start. */
export function createKnowledge(sources: KnowledgeSources): KnowledgeSource {
  let current = loadKnowledge(sources);
  return {
    get: () => current,
    reload() {
      try {
        current = loadKnowledge(sources);
        return { reloaded: true, problems: [] };
      } catch (error) {
        if (error instanceof ValidationError) return { reloaded: false, problems: error.problems };
        // An unreadable file (permissions, a half-copied deployment) must not take the running bot down either.
        const message = error instanceof Error ? error.message : String(error);
        return { reloaded: false, problems: [{ file: sources.faqDir, line: 1, severity: "error", message }] };
      }
    },
  };
}
