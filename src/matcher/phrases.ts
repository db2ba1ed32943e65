import { pushTo } from "./multimap.js";
import { arabicCore, arabicCores, arabiziLatin, arabiziSkeleton, normalize, scriptOf, tokenize } from "./normalize.js";

interface PhraseWord {
  text: string;
  prefix: boolean;
  /** The consonant skeleton of an Arabic-script word, to meet it typed in Latin letters ("ma byetnaffas"). */
  skeleton?: string;
}

/**
 * A phrase meets Latin words by skeletons only when one of its words has a skeleton this long: short ones
 * are everywhere ("3m" is اغمي, fainted, but also "3am", the everyday "-ing"; "nr" is fire and Nour).
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
          ...(scriptOf(text) === "arabic" ? { skeleton: phraseSkeleton(arabiziSkeleton(text)) } : {}),
        }));
      });
    if (!words.some((word) => (word.skeleton?.length ?? 0) >= MIN_SKELETON))
      for (const word of words) delete word.skeleton;
    if (words.length > 0) compiled.push({ words, source, slack: DEFAULT_SLACK });
  }
  return compiled;
}

/** A final ه is written "e" or "a" in Latin letters, or not at all. */
function phraseSkeleton(skeleton: string): string {
  return skeleton.length > 2 ? skeleton.replace(/h$/, "") : skeleton;
}

/**
 * A Latin word of an Arabizi or Finglish message as skeletons: as typed, and without a spoken prefix
 * (b-, m-, 3a-: "bye2ta3", "mikone") that the lexicon's Arabic-script words do not carry.
 */
export function latinSkeletons(token: string): string[] {
  const skeleton = phraseSkeleton(arabiziSkeleton(arabiziLatin(token)));
  return skeleton.length > 3 && /^[bm3]/.test(skeleton) ? [skeleton, skeleton.slice(1)] : [skeleton];
}

/** The skeletons of each Latin word of an Arabizi message, worked out once per message. */
type Skeletons = ReadonlyMap<string, string[]>;

function wordMatches(word: PhraseWord, token: string, skeletons: Skeletons | undefined): boolean {
  const hit = (candidate: string, text: string) => (word.prefix ? candidate.startsWith(text) : candidate === text);
  if (hit(token, word.text)) return true;
  const latin = skeletons?.get(token);
  if (latin && word.skeleton) {
    const skeleton = word.skeleton;
    return latin.some((candidate) => hit(candidate, skeleton));
  }
  // Arabic fuses conjunctions, prepositions and the article onto the word: "وبالمستشفى".
  if (scriptOf(token) !== "arabic") return false;
  const core = arabicCore(word.text);
  return arabicCores(token).some((candidate) => hit(candidate, core));
}

/**
 * Each place a phrase occurs: the positions of the tokens it covers when all its words occur within a
 * window of the phrase's length plus its slack, in any order. Every place counts, not only the first: in
 * "I can't anymore. I don't want to live anymore" a figure of speech covers the first "anymore", not the
 * second.
 */
function findPhrase(phrase: Phrase, tokens: readonly string[], skeletons?: Skeletons): number[][] {
  const window = phrase.words.length + phrase.slack;
  const positions = phrase.words.map((word) =>
    tokens.flatMap((token, i) => (wordMatches(word, token, skeletons) ? [i] : [])),
  );
  if (positions.some((p) => p.length === 0)) return [];
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
 * All lexicon phrases indexed by their words, so that a message is checked only against the few phrases
 * all of whose words it contains: the lexicons hold well over a thousand phrases, and checking each one
 * against every message would cost more than the whole FAQ search. One set holds every kind of phrase
 * (tagged), so each message is scanned once.
 */
export class PhraseSet<Tag> {
  private readonly exact = new Map<string, number[]>();
  private readonly prefixes = new Map<string, number[]>();
  private readonly prefixLengths: number[];
  private readonly skeletons = new Map<string, number[]>();
  private readonly skeletonPrefixes = new Map<string, number[]>();
  private readonly distinctWords: number[];

  constructor(private readonly entries: ReadonlyArray<{ phrase: Phrase; tag: Tag }>) {
    const lengths = new Set<number>();
    entries.forEach(({ phrase }, id) => {
      for (const word of phrase.words) {
        const keys = new Set([word.text, scriptOf(word.text) === "arabic" ? arabicCore(word.text) : word.text]);
        for (const key of keys) {
          pushTo(word.prefix ? this.prefixes : this.exact, key, id);
          if (word.prefix) lengths.add(key.length);
        }
        if (word.skeleton) pushTo(word.prefix ? this.skeletonPrefixes : this.skeletons, word.skeleton, id);
      }
    });
    this.prefixLengths = [...lengths].sort((a, b) => a - b);
    this.distinctWords = entries.map(({ phrase }) => new Set(phrase.words.map((w) => w.text)).size);
  }

  /**
   * Every phrase that occurs in the tokens, in the order they were given. With `arabizi`, Latin words also
   * meet the Arabic-script words of phrases by their skeletons.
   */
  findAll(tokens: readonly string[], arabizi = false): Array<PhraseHit<Tag>> {
    // How many distinct message words match some word of each phrase: a cheap necessary condition.
    const matchedWords = new Map<number, number>();
    const here = new Set<number>();
    const skeletons: Skeletons | undefined = arabizi
      ? new Map(tokens.filter((token) => scriptOf(token) === "latin").map((token) => [token, latinSkeletons(token)]))
      : undefined;
    for (const token of new Set(tokens)) {
      here.clear();
      for (const form of scriptOf(token) === "arabic" ? arabicCores(token) : [token]) {
        for (const id of this.exact.get(form) ?? []) here.add(id);
        for (const length of this.prefixLengths) {
          if (length > form.length) break;
          for (const id of this.prefixes.get(form.slice(0, length)) ?? []) here.add(id);
        }
      }
      for (const skeleton of skeletons?.get(token) ?? []) {
        for (const id of this.skeletons.get(skeleton) ?? []) here.add(id);
        for (let length = 1; length <= skeleton.length; length++)
          for (const id of this.skeletonPrefixes.get(skeleton.slice(0, length)) ?? []) here.add(id);
      }
      for (const id of here) matchedWords.set(id, (matchedWords.get(id) ?? 0) + 1);
    }
    const hits: Array<PhraseHit<Tag>> = [];
    for (const [id, count] of matchedWords) {
      const entry = this.entries[id];
      if (!entry || count < (this.distinctWords[id] ?? 0)) continue;
      for (const at of findPhrase(entry.phrase, tokens, skeletons))
        hits.push({ phrase: entry.phrase, tag: entry.tag, at });
    }
    return hits;
  }
}
