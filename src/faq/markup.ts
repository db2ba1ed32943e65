/**
 * The FAQ answers' markup: plain text, `**bold**`, lines starting with "- " or "1. " as lists, and bare
 * https:// links, which Telegram links by itself. Nothing else is interpreted, so an admin cannot break
 * the bot's HTML by accident and a file from elsewhere cannot smuggle links behind innocent words.
 */

export interface MarkupProblem {
  message: string;
}

const UNSAFE_PATTERNS: Array<[RegExp, string]> = [
  [/<\/?[a-z][^>]*>/i, "HTML tags are not allowed; write plain text and use **bold** for emphasis"],
  [/\[[^\]]*\]\([^)]*\)/, "Markdown links [text](url) are not allowed; write the bare https:// address"],
  [/(?<![\w*])__[^_]+__(?!\w)|`/, "only **bold** is supported; remove underscores/backticks used as markup"],
  [/javascript:|data:/i, "script or data URLs are not allowed"],
  [/\bhttp:\/\//i, "use https:// links only"],
];

/** Problems with an answer's markup, for `lotse faq check`. */
export function checkMarkup(text: string): MarkupProblem[] {
  const problems: MarkupProblem[] = [];
  for (const [pattern, message] of UNSAFE_PATTERNS) {
    if (pattern.test(text)) problems.push({ message });
  }
  const boldMarks = text.match(/\*\*/g)?.length ?? 0;
  if (boldMarks % 2 !== 0) problems.push({ message: "unbalanced ** (bold needs an opening and a closing **)" });
  return problems;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Renders an answer as Telegram HTML: everything escaped first, then only our own markup turned into tags. */
export function renderAnswerHtml(text: string): string {
  return escapeHtml(text.trim()).replace(/\*\*([^*\n]+?)\*\*/g, "<b>$1</b>");
}

/** Renders an answer as plain text for terminals: bold marks dropped. */
export function renderAnswerPlain(text: string): string {
  return text.trim().replace(/\*\*([^*\n]+?)\*\*/g, "$1");
}
