import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { findTopic, topicText } from "../faq/index.js";
import { loadKnowledge } from "../knowledge/load.js";
import { isLang, type Lang } from "../languages.js";
import type { MatchResult, WordExplanation } from "../matcher/index.js";
import { DEFAULT_FAQ_DIR, type Io } from "./io.js";

const USAGE =
  'usage: lotse match "text" [--lang xx] [--explain] [--dir DIR] | lotse match --jsonl [--dir DIR] < lines.jsonl';

/** `lotse match`: the matcher's decision for one message, or for JSON lines from stdin. */
export async function matchCommand(
  args: string[],
  io: Io,
  input: NodeJS.ReadableStream = process.stdin,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      lang: { type: "string" },
      dir: { type: "string", default: DEFAULT_FAQ_DIR },
      matcher: { type: "string" },
      jsonl: { type: "boolean" },
      explain: { type: "boolean" },
    },
  });
  if (values.lang !== undefined && !isLang(values.lang)) {
    io.err(`unknown language "${values.lang}"; use one of de, en, ar, fa, uk, ru, tr, ku`);
    return 2;
  }
  if (!values.jsonl && positionals.length === 0) {
    io.err(USAGE);
    return 2;
  }
  const knowledge = loadKnowledge({ faqDir: values.dir, matcherFile: values.matcher });
  const { matcher, faq } = knowledge;

  if (!values.jsonl) {
    const result = matcher.match(positionals.join(" "), { lang: values.lang, explain: values.explain });
    io.out(`decision: ${describe(result)}`);
    io.out(`language: ${result.lang}`);
    for (const [i, m] of result.matches.slice(0, 3).entries()) {
      const topic = findTopic(faq, m.id);
      const title = topic ? topicText(topic, result.lang).text.title : "";
      io.out(`${i + 1}. ${m.id}  ${m.confidence.toFixed(3)}  ${title}`);
    }
    if (result.words) printWords(result.words, io);
    for (const { list, phrase, words } of result.phrases ?? [])
      io.out(`  word list ${list}: "${phrase}" (${words.join(" ")})`);
    return 0;
  }

  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    if (line.trim() === "") continue;
    io.out(JSON.stringify(matchLine(line, (text, lang) => matcher.match(text, { lang }))));
  }
  return 0;
}

/** For admins: which words found which topics, and which words no topic knows (candidates for keywords). */
function printWords(words: WordExplanation[], io: Io): void {
  const ignored = words.filter((w) => w.kind === "skipped").map((w) => w.word);
  if (ignored.length > 0) io.out(`ignored: ${ignored.join(" ")}`);
  for (const { word, kind, terms } of words) {
    if (kind === "unknown") io.out(`  ${word}: in no topic (weakens every match)`);
    for (const { term, similarity, topics } of terms ?? []) {
      const shown = topics.slice(0, 4).join(", ") + (topics.length > 4 ? `, +${topics.length - 4}` : "");
      io.out(`  ${word} → ${term} (${similarity}): ${shown}`);
    }
  }
}

function describe(result: MatchResult): string {
  if (result.decision === "smalltalk") return `smalltalk (${result.smalltalk})`;
  if (result.decision === "handoff") return `handoff (${result.handoffReason})`;
  return result.decision;
}

type MatchFn = (text: string, lang: Lang | undefined) => MatchResult;

/** One JSON line in, one out; a bad line yields an error line in its place, so outputs stay aligned. */
export function matchLine(line: string, match: MatchFn): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return { text: null, lang: null, decision: null, matches: [], error: "invalid JSON" };
  }
  const record = (parsed ?? {}) as { text?: unknown; lang?: unknown };
  if (typeof record.text !== "string") {
    return { text: null, lang: null, decision: null, matches: [], error: 'missing "text"' };
  }
  const prior = isLang(record.lang) ? record.lang : undefined;
  const result = match(record.text, prior);
  return {
    text: record.text,
    lang: result.lang,
    decision: result.decision,
    matches: result.matches.map(({ id, confidence }) => ({ id, confidence })),
  };
}
