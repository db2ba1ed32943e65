import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LANGUAGES, type Lang } from "../../src/languages.js";

export const CATEGORIES_YAML = `categories:\n  - id: arrival\n    titles: {${LANGUAGES.map((l) => `${l}: Arrival`).join(", ")}}\n`;

/** A complete, valid topic file in all languages (or those given), for tests to break on purpose. */
export function topicYaml(
  id: string,
  options: { langs?: readonly Lang[]; related?: string[]; answer?: string } = {},
): string {
  const langs = options.langs ?? LANGUAGES;
  const blocks = langs.map(
    (lang) => `  ${lang}:
    title: Title ${lang}
    questions:
${["one", "two", "three", "four", "five", "six"].map((q) => `      - question ${q} about ${id}`).join("\n")}
    keywords: [${id}]
    answer: ${JSON.stringify(options.answer ?? `An answer about ${id} in ${lang}.`)}`,
  );
  return `id: ${id}
category: arrival
related: [${(options.related ?? []).join(", ")}]
languages:
${blocks.join("\n")}
`;
}

/** Writes files into a fresh temporary FAQ directory and returns its path. */
export function faqDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "lotse-faq-"));
  for (const [name, content] of Object.entries({ "_categories.yaml": CATEGORIES_YAML, ...files })) {
    writeFileSync(join(dir, name), content);
  }
  return dir;
}
