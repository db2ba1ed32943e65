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

export interface PhraseHit {
  phrase: Phrase;
  at: number[];
}

/**
 * A list of phrases indexed by their words, so that a message is only checked against the few phrases
 * all of whose words it contains: the lexicons hold well over a thousand phrases, and checking each
 * one against every message would cost more than the whole FAQ search.
 */
export class PhraseSet {
  private readonly exact = new Map<string, number[]>();
  private readonly prefixes = new Map<string, number[]>();

  constructor(private readonly phrases: readonly Phrase[]) {
    phrases.forEach((phrase, id) => {
      for (const word of phrase.words) {
        const keys = new Set([word.text, scriptOf(word.text) === "arabic" ? arabicCore(word.text) : word.text]);
        for (const key of keys) push(word.prefix ? this.prefixes : this.exact, key, id);
      }
    });
  }

  /** Every phrase that occurs in the tokens, in list order. */
  findAll(tokens: readonly string[]): PhraseHit[] {
    // How many distinct message words match some word of each phrase: a cheap necessary condition.
    const matchedWords = new Map<number, number>();
    for (const token of new Set(tokens)) {
      const forms = scriptOf(token) === "arabic" ? arabicCores(token) : [token];
      const here = new Set<number>();
      for (const form of forms) {
        for (const id of this.exact.get(form) ?? []) here.add(id);
        for (let length = 1; length <= form.length; length++) {
          for (const id of this.prefixes.get(form.slice(0, length)) ?? []) here.add(id);
        }
      }
      for (const id of here) matchedWords.set(id, (matchedWords.get(id) ?? 0) + 1);
    }
    const hits: PhraseHit[] = [];
    for (const id of [...matchedWords.keys()].sort((a, b) => a - b)) {
      const phrase = this.phrases[id];
      if (!phrase || (matchedWords.get(id) ?? 0) < new Set(phrase.words.map((w) => w.text)).size) continue;
      const at = findPhrase(phrase, tokens);
      if (at) hits.push({ phrase, at });
    }
    return hits;
  }

  find(tokens: readonly string[]): PhraseHit | undefined {
    return this.findAll(tokens)[0];
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
