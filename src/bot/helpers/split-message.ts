/** Telegram's limit for a message's text. */
export const MESSAGE_LIMIT = 4096;
/** Telegram's limit for a photo's or document's caption. */
export const CAPTION_LIMIT = 1024;

/**
 * Splits Telegram HTML into messages of at most `limit` characters: between lines where possible, else
 * between words, else anywhere outside a tag or an entity. Counting the markup too keeps every part under
 * Telegram's limit (which counts only the visible text). A `<b>` or `<i>` cut in two is closed at the
 * end of one part and reopened at the start of the next, so each part is valid HTML on its own.
 */
export function splitMessage(html: string, limit = MESSAGE_LIMIT): string[] {
  if (html.length <= limit) return [html];
  // Room for closing and reopening the tags that are open where a line is cut.
  const room = limit - "<b><i></i></b>".length;
  const parts: string[] = [];
  let current = "";
  for (const piece of html.split("\n").flatMap((line) => splitLine(line, room))) {
    const joined = current === "" ? piece : `${current}\n${piece}`;
    if (joined.length <= limit) {
      current = joined;
    } else {
      parts.push(current);
      current = piece;
    }
  }
  parts.push(current);
  return parts.filter((part) => part.trim() !== "");
}

function splitLine(line: string, room: number): string[] {
  if (line.length <= room) return [line];
  const pieces: string[] = [];
  let rest = line;
  let reopen = "";
  while (reopen.length + rest.length > room) {
    const text = reopen + rest;
    const cut = cutPosition(text, room);
    const head = text.slice(0, cut).trimEnd();
    const open = openTags(head);
    pieces.push(
      head +
        [...open]
          .reverse()
          .map((tag) => `</${tag}>`)
          .join(""),
    );
    reopen = open.map((tag) => `<${tag}>`).join("");
    rest = text.slice(cut).trimStart();
  }
  pieces.push(reopen + rest);
  return pieces;
}

/** The last space before `room`, or else the last position before `room` that is not inside a tag or entity. */
function cutPosition(text: string, room: number): number {
  const space = text.lastIndexOf(" ", room);
  if (space > 0) return space;
  let cut = room;
  const tagStart = text.lastIndexOf("<", cut);
  if (tagStart > text.lastIndexOf(">", cut - 1)) cut = tagStart;
  const entityStart = text.lastIndexOf("&", cut);
  if (entityStart > text.lastIndexOf(";", cut - 1) && entityStart > cut - 10) cut = entityStart;
  return cut;
}

/** The `b` and `i` tags left open at the end of `html`, outermost first. */
function openTags(html: string): string[] {
  const open: string[] = [];
  for (const [, closing, tag] of html.matchAll(/<(\/?)(b|i)>/g)) {
    if (!tag) continue;
    if (closing) open.splice(open.lastIndexOf(tag), 1);
    else open.push(tag);
  }
  return open;
}
