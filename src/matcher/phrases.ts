import { pushTo } from "./multimap.js";
import {
  arabicCore,
  arabicCores,
  arabiziSkeleton,
  arabiziSkeletons,
  normalize,
  scriptOf,
  tokenize,
} from "./normalize.js";

interface PhraseWord {
  text: string;
  prefix: boolean;
  /** An Arabic-script word without fused clitics, to meet "وبالمستشفى" (worked out once, at compile time). */
  core?: string;
  /** The consonant skeleton of an Arabic-script word, to meet it typed in Latin letters ("ma byetnaffas"). */
  skeleton?: string;
}

/**
 * A phrase meets Latin words by skeletons only when one of its words has a skeleton this long: short ones
 * are everywhere ("3m" is اغمي, fainted, but also "3am", the everyday "-ing"; "nr" is fire and Nour). And
 * only a phrase of two words or more: one word alone meets everyday words of the same consonants ("btla3",
 * I get, is ابتلع, swallowed; "3ar2an", sweating, is غرقان, drowning).
 */
const MIN_SKELETON = 4;

/** A lexicon phrase compiled for matching; `source` is kept for tests and debugging, never logged. */
export interface Phrase {
  words: PhraseWord[];
  source: string;
  /** How many other words may stand between the phrase's words. */
  slack: number;
  /** Whether the words must come in the phrase's order; otherwise any order. */
  ordered?: boolean;
}

/** Fillers a phrase tolerates by default: "ما عم يتنفس", "not really breathing". */
const DEFAULT_SLACK = 3;

/** Compiles lexicon phrases ("atm* nicht", "من+سنتين") with the same normalisation as messages. */
export function compilePhrases(phrases: readonly string[]): Phrase[] {
  const compiled: Phrase[] = [];
  for (const source of phrases) {
    // Words joined by "+" stand side by side: "من+سنتين" is "two years ago", while "من القنينة، عمرها سنتين"
    // ("from the bottle, she is two") holds the same words apart.
    const adjacent = source.includes("+");
    const words = source
      .split(/[\s+]+/)
      .filter(Boolean)
      .flatMap((raw) => {
        const prefix = raw.endsWith("*");
        return tokenize(normalize(raw.replace(/\*$/, ""))).map((text, i, all) => ({
          text,
          prefix: prefix && i === all.length - 1,
          ...(scriptOf(text) === "arabic"
            ? { core: arabicCore(text), skeleton: phraseSkeleton(arabiziSkeleton(text)) }
            : {}),
        }));
      });
    if (words.length < 2 || !words.some((word) => (word.skeleton?.length ?? 0) >= MIN_SKELETON))
      for (const word of words) delete word.skeleton;
    if (words.length > 0) compiled.push({ words, source, slack: adjacent ? 0 : DEFAULT_SLACK });
  }
  return compiled;
}

/** A final ه is written "e" or "a" in Latin letters, or not at all. */
function phraseSkeleton(skeleton: string): string {
  return skeleton.length > 2 ? skeleton.replace(/h$/, "") : skeleton;
}

/**
 * A Latin word of an Arabizi or Finglish message as skeletons: as typed, and without a spoken prefix
 * (b-, m-, 3a-: "bye2ta3", "mikone") that the lexicon's Arabic-script words do not carry; a "2" both as
 * hamza and as ق.
 */
export function latinSkeletons(token: string): string[] {
  return arabiziSkeletons(token).flatMap((typed) => {
    const skeleton = phraseSkeleton(typed);
    return skeleton.length > 3 && /^[bm3]/.test(skeleton) ? [skeleton, skeleton.slice(1)] : [skeleton];
  });
}

/** The skeletons of each Latin word of an Arabizi message, worked out once per message. */
type Skeletons = ReadonlyMap<string, string[]>;

/** One message's distinct words with their places and Arabic forms, worked out once per message. */
interface MessageWords {
  places: ReadonlyMap<string, number[]>;
  /** Per Arabic-script word, its forms without fused clitics (`arabicCores`). */
  cores: ReadonlyMap<string, string[]>;
  skeletons?: Skeletons;
}

// Called for every word of every candidate phrase against every word of the message: plain loops, no closures.
function wordMatches(word: PhraseWord, token: string, message: MessageWords): boolean {
  if (meets(word, token, word.text)) return true;
  const latin = message.skeletons?.get(token);
  if (latin && word.skeleton) {
    for (const candidate of latin) if (meets(word, candidate, word.skeleton)) return true;
    return false;
  }
  // Arabic fuses conjunctions, prepositions and the article onto the word: "وبالمستشفى".
  if (word.core === undefined) return false;
  for (const candidate of message.cores.get(token) ?? []) if (meets(word, candidate, word.core)) return true;
  return false;
}

function meets(word: PhraseWord, candidate: string, text: string): boolean {
  return word.prefix ? candidate.startsWith(text) : candidate === text;
}

/**
 * Each place a phrase occurs: the positions of the tokens it covers when all its words occur within a
 * window of the phrase's length plus its slack, in any order. Every place counts, not only the first: in
 * "I can't anymore. I don't want to live anymore" a figure of speech covers the first "anymore", not the
 * second.
 */
function findPhrase(phrase: Phrase, message: MessageWords): number[][] {
  const window = phrase.words.length + phrase.slack;
  const positions: number[][] = [];
  for (const word of phrase.words) {
    const at: number[] = [];
    for (const [token, places] of message.places) if (wordMatches(word, token, message)) at.push(...places);
    if (at.length === 0) return [];
    positions.push(at);
  }
  const found = new Map<string, number[]>();
  for (const start of positions[0] ?? []) {
    const chosen: number[] = [start];
    for (const candidates of positions.slice(1)) {
      const previous = chosen[chosen.length - 1] ?? start;
      let near: number | undefined;
      for (const i of candidates) {
        if (chosen.includes(i) || Math.abs(i - start) >= window || (phrase.ordered && i <= previous)) continue;
        if (near === undefined || Math.abs(i - start) < Math.abs(near - start)) near = i;
      }
      if (near === undefined) break;
      chosen.push(near);
    }
    if (chosen.length === phrase.words.length && Math.max(...chosen) - Math.min(...chosen) < window)
      found.set([...chosen].sort((a, b) => a - b).join(","), chosen);
  }
  return [...found.values()];
}

export interface PhraseHit<Tag> {
  phrase: Phrase;
  tag: Tag;
  at: number[];
}

/**
 * All lexicon phrases indexed by one word each, their rarest, so that a message is checked only against
 * the few phrases whose rarest word it contains: the lexicons hold tens of thousands of phrases, many of
 * them sharing everyday words ("my son", "من"), and checking each one against every message would cost
 * more than the whole FAQ search. One set holds every kind of phrase (tagged), so each message is scanned
 * once.
 */
export class PhraseSet<Tag> {
  private readonly exact = new Map<string, number[]>();
  private readonly prefixes = new Map<string, number[]>();
  private readonly prefixLengths: number[];
  private readonly skeletons = new Map<string, number[]>();
  private readonly skeletonPrefixes = new Map<string, number[]>();

  constructor(private readonly entries: ReadonlyArray<{ phrase: Phrase; tag: Tag }>) {
    const uses = new Map<string, number>();
    for (const { phrase } of entries)
      for (const text of new Set(phrase.words.map((w) => w.text))) uses.set(text, (uses.get(text) ?? 0) + 1);
    const lengths = new Set<number>();
    entries.forEach(({ phrase }, id) => {
      // Any word would do, since every candidate is checked in full; the rarest keeps the candidates few.
      const anchor = phrase.words.reduce((rarest, word) =>
        (uses.get(word.text) ?? 0) < (uses.get(rarest.text) ?? 0) ? word : rarest,
      );
      for (const key of new Set([anchor.text, anchor.core ?? anchor.text])) {
        pushTo(anchor.prefix ? this.prefixes : this.exact, key, id);
        if (anchor.prefix) lengths.add(key.length);
      }
      if (anchor.skeleton) pushTo(anchor.prefix ? this.skeletonPrefixes : this.skeletons, anchor.skeleton, id);
    });
    this.prefixLengths = [...lengths].sort((a, b) => a - b);
  }

  /**
   * Every phrase that occurs in the tokens, in the order they were given. With `arabizi`, Latin words also
   * meet the Arabic-script words of phrases by their skeletons.
   */
  findAll(tokens: readonly string[], arabizi = false): Array<PhraseHit<Tag>> {
    const places = new Map<string, number[]>();
    tokens.forEach((token, i) => {
      pushTo(places, token, i);
    });
    const cores = new Map<string, string[]>();
    for (const token of places.keys()) if (scriptOf(token) === "arabic") cores.set(token, arabicCores(token));
    const message: MessageWords = {
      places,
      cores,
      ...(arabizi
        ? {
            skeletons: new Map(
              [...places.keys()].filter((t) => scriptOf(t) === "latin").map((t) => [t, latinSkeletons(t)]),
            ),
          }
        : {}),
    };
    const candidates = new Set<number>();
    for (const token of places.keys()) {
      for (const form of cores.get(token) ?? [token]) {
        for (const id of this.exact.get(form) ?? []) candidates.add(id);
        for (const length of this.prefixLengths) {
          if (length > form.length) break;
          for (const id of this.prefixes.get(form.slice(0, length)) ?? []) candidates.add(id);
        }
      }
      for (const skeleton of message.skeletons?.get(token) ?? []) {
        for (const id of this.skeletons.get(skeleton) ?? []) candidates.add(id);
        for (let length = 1; length <= skeleton.length; length++)
          for (const id of this.skeletonPrefixes.get(skeleton.slice(0, length)) ?? []) candidates.add(id);
      }
    }
    const hits: Array<PhraseHit<Tag>> = [];
    // In the lexicons' order, as the tests and the emergency rules expect.
    for (const id of [...candidates].sort((a, b) => a - b)) {
      const entry = this.entries[id];
      if (!entry) continue;
      for (const at of findPhrase(entry.phrase, message)) hits.push({ phrase: entry.phrase, tag: entry.tag, at });
    }
    return hits;
  }
}
