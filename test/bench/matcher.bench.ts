/**
 * `npm run bench`: per-query latency of the matcher on the shipped FAQ and on a synthetic FAQ 50 times
 * larger, next to naive Fuse.js (default options over the same strings) measured in the same run.
 * Figures, not assertions: the machine is shared, so only ratios within one run mean much.
 */
import Fuse from "fuse.js";
import { DEFAULT_FAQ_DIR } from "../../src/cli/io.js";
import { loadDataset } from "../../src/evaluation/dataset.js";
import type { Faq, Topic } from "../../src/faq/index.js";
import { loadKnowledge } from "../../src/knowledge/load.js";
import { LANGUAGES } from "../../src/languages.js";
import { createMatcher } from "../../src/matcher/index.js";

const SCALE = 50;
/** Naive Fuse takes tens of milliseconds per query on the shipped FAQ and seconds at 50×: samples bound the run. */
const NAIVE_SAMPLE = 100;
const NAIVE_SAMPLE_LARGE = 3;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function time(queries: string[], run: (q: string) => unknown, rounds = 1): { p50: number; p99: number; n: number } {
  for (const q of queries.slice(0, 20)) run(q);
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) {
      const start = process.hrtime.bigint();
      run(q);
      samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p99: percentile(samples, 99), n: samples.length };
}

/** A deterministic pseudo-random generator, so every run benchmarks the same synthetic FAQ. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

/** Copies every topic SCALE times, changing about half of the words, so the vocabulary grows as well. */
function syntheticFaq(faq: Faq): Faq {
  const random = seeded(42);
  const mutate = (text: string, copy: number) =>
    text.replace(/[\p{L}]{4,}/gu, (word) =>
      random() < 0.5 ? `${word}${String.fromCharCode(97 + (copy % 26))}${copy}` : word,
    );
  const topics: Topic[] = [];
  for (let copy = 0; copy < SCALE; copy++) {
    for (const topic of faq.topics) {
      const languages: Topic["languages"] = {};
      for (const lang of LANGUAGES) {
        const text = topic.languages[lang];
        if (!text) continue;
        languages[lang] = {
          title: mutate(text.title, copy),
          questions: text.questions.map((q) => mutate(q, copy)),
          keywords: text.keywords.map((k) => mutate(k, copy)),
          answer: text.answer,
        };
      }
      topics.push({ ...topic, id: copy === 0 ? topic.id : `${topic.id}-${copy}`, related: [], languages });
    }
  }
  return { topics, categories: faq.categories };
}

function naiveFuse(faq: Faq): Fuse<string> {
  const strings = faq.topics.flatMap((topic) =>
    LANGUAGES.flatMap((lang) => {
      const text = topic.languages[lang];
      return text ? [text.title, ...text.questions, ...text.keywords] : [];
    }),
  );
  return new Fuse(strings);
}

function report(name: string, faq: Faq, queries: string[], naiveSample: number): void {
  let start = performance.now();
  const matcher = createMatcher(faq, config);
  const buildMs = performance.now() - start;
  start = performance.now();
  const fuse = naiveFuse(faq);
  const naiveBuildMs = performance.now() - start;
  const ours = time(queries, (q) => matcher.match(q), 3);
  console.log(`  (lotse measured, now naive Fuse.js on ${naiveSample} queries…)`);
  const naive = time(queries.slice(0, naiveSample), (q) => fuse.search(q));
  console.log(`\n${name}: ${faq.topics.length} topics`);
  console.log(
    `  lotse matcher  p50 ${ours.p50.toFixed(3)} ms  p99 ${ours.p99.toFixed(3)} ms  (${ours.n} queries, index built once in ${buildMs.toFixed(0)} ms)`,
  );
  console.log(
    `  naive Fuse.js  p50 ${naive.p50.toFixed(3)} ms  p99 ${naive.p99.toFixed(3)} ms  (${naive.n} queries, index ${naiveBuildMs.toFixed(0)} ms)`,
  );
  console.log(
    `  ratio naive/lotse: p50 ${(naive.p50 / ours.p50).toFixed(1)}×, p99 ${(naive.p99 / ours.p99).toFixed(1)}×`,
  );
}

const { faq, matcher } = loadKnowledge({ faqDir: DEFAULT_FAQ_DIR });
const config = matcher.config;
const queries = loadDataset().map((m) => m.text);
console.log(`queries: ${queries.length} messages of the evaluation set; node ${process.version}`);
report("shipped FAQ", faq, queries, NAIVE_SAMPLE);
report(`synthetic FAQ (${SCALE}×)`, syntheticFaq(faq), queries, NAIVE_SAMPLE_LARGE);
