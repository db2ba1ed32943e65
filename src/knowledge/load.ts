import { loadFaq } from "../faq/index.js";
import type { Faq } from "../faq/model.js";
import { DEFAULT_MATCHER_FILE, loadMatcherConfig } from "../matcher/config.js";
import { createMatcher, type Matcher } from "../matcher/index.js";
import { hasErrors, ValidationError } from "../validation/problem.js";

/** The FAQ together with the matcher built over it: swapped as one when admins reload. */
export interface Knowledge {
  faq: Faq;
  matcher: Matcher;
}

export interface KnowledgeSources {
  faqDir: string;
  matcherFile?: string;
}

/** Loads and validates the FAQ and the matcher's thresholds; throws a ValidationError listing every problem. */
export function loadKnowledge({ faqDir, matcherFile = DEFAULT_MATCHER_FILE }: KnowledgeSources): Knowledge {
  const { faq, problems } = loadFaq(faqDir);
  if (!faq || hasErrors(problems)) throw new ValidationError(problems, `the FAQ in ${faqDir}`);
  return { faq, matcher: createMatcher(faq, loadMatcherConfig(matcherFile)) };
}
