import { arabicCore, arabicCores, normalize, scriptOf, tokenize } from "./normalize.js";

interface PhraseWord {
  text: string;
  prefix: boolean;
}

/** A lexicon phrase compiled for matching; `source` is kept for tests and debugging, never logged. */
export interface Phrase {
  words: PhraseWord[];
  source: string;
}

/** Compiles lexicon phrases ("atm* nicht") with the same normalisation as messages. */
export function compilePhrases(phrases: readonly string[]): Phrase[] {
  const compiled: Phrase[] = [];
  for (const source of phrases) {
    const words = source
      .split(/\s+/)
      .filter(Boolean)
      .flatMap((raw) => {
        const prefix = raw.endsWith("*");
        return tokenize(normalize(raw.replace(/\*$/, ""))).map((text, i, all) => ({
          text,
          prefix: prefix && i === all.length - 1,
        }));
      });
    if (words.length > 0) compiled.push({ words, source });
  }
  return compiled;
}

function wordMatches(word: PhraseWord, token: string): boolean {
  const hit = (candidate: string, text: string) => (word.prefix ? candidate.startsWith(text) : candidate === text);
  if (hit(token, word.text)) return true;
  // Arabic fuses conjunctions, prepositions and the article onto the word: "وبالمستشفى".
  if (scriptOf(token) !== "arabic") return false;
  const core = arabicCore(word.text);
  return arabicCores(token).some((candidate) => hit(candidate, core));
}

/**
 * Positions of the tokens a phrase covers when all its words occur within a window of the phrase's
 * length plus three tokens, in any order; undefined when it does not occur.
 */
export function findPhrase(phrase: Phrase, tokens: readonly string[]): number[] | undefined {
  const window = phrase.words.length + 3;
  const positions = phrase.words.map((word) => tokens.flatMap((token, i) => (wordMatches(word, token) ? [i] : [])));
  if (positions.some((p) => p.length === 0)) return undefined;
  for (const start of positions[0] ?? []) {
    const chosen: number[] = [start];
    let ok = true;
    for (const candidates of positions.slice(1)) {
      const near = candidates.find((i) => Math.abs(i - start) < window && !chosen.includes(i));
      if (near === undefined) {
        ok = false;
        break;
      }
      chosen.push(near);
    }
    if (ok && Math.max(...chosen) - Math.min(...chosen) < window) return chosen;
  }
  return undefined;
}

/** The first phrase of the list that occurs in the tokens, with the positions it covers. */
export function findAnyPhrase(
  phrases: readonly Phrase[],
  tokens: readonly string[],
): { phrase: Phrase; at: number[] } | undefined {
  for (const phrase of phrases) {
    const at = findPhrase(phrase, tokens);
    if (at) return { phrase, at };
  }
  return undefined;
}
