/**
 * Classifier throughput against AFINN (the `sentiment` package) in the same process, on the same
 * posts (the committed hand-labelled brand-directed set and TweetEval validation), one core.
 */
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import Sentiment from 'sentiment';
import { buildCorrectionLayer, ClassificationCache, classifyPost, CLASSIFIER_VERSION } from '../../lib/classify/index';
import { shippedModel } from '../../lib/classify/classify-post';
import { featureBuffers, featurizeScan, gramSums } from '../../lib/classify/features';
import { detectFlags } from '../../lib/classify/flags';
import { COLUMNS } from '../../lib/classify/model';
import { scan } from '../../lib/classify/tokenize';
import { loadBrandEval, loadBrandTrain, loadSentimentTrain } from '../../lib/classify/training-data';
import { longPostShapes } from '../../lib/classify/long-posts';
import { classifierBenchPosts } from './_classifier-posts';
import { median } from '../../lib/metrics/stats';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
setFlagsFromString('--no-expose-gc');

/**
 * A full collection before each timed section: the data sets just loaded (tens of megabytes of
 * rows) are then moved out of the young generation here, not by the first collections inside
 * whichever timed section runs next.
 */
function settle(): void {
  collectGarbage();
}

/** CPU time (user + system) of this process since `start`, in milliseconds. */
function cpuMs(start: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(start);
  return (u.user + u.system) / 1000;
}

/**
 * Posts per second of `fn` over `texts`, passes repeated for at least `minMs` of this process's
 * CPU time (one pass with 0).
 */
function rate(texts: readonly string[], fn: (t: string) => unknown, minMs: number): number {
  let n = 0;
  const start = process.cpuUsage();
  let usedMs: number;
  do {
    for (let i = 0; i < texts.length; i++) fn(texts[i]!);
    n += texts.length;
    usedMs = cpuMs(start);
  } while (usedMs < minMs);
  return (n * 1000) / usedMs;
}

/** Paired rates [a, b]: the medians of the a rates, of the b rates and of the ratios a / b. */
function pairedSummary(pairs: ReadonlyArray<readonly [number, number]>): { a: number; b: number; ratio: number } {
  return {
    a: Math.round(median(pairs.map((p) => p[0]))!),
    b: Math.round(median(pairs.map((p) => p[1]))!),
    ratio: median(pairs.map((p) => p[0] / p[1]))!,
  };
}

/**
 * Posts per second of two functions over the same posts, this process's CPU time (so other work
 * on a shared machine slows both sides less than wall-clock time would), paired: `rounds` short
 * rounds of each, alternating which goes first, so a slow spell of the machine falls on both
 * sides of a round's ratio. The medians of the rounds' rates and of their ratios (a / b).
 */
function pairedRates(
  texts: readonly string[],
  a: (t: string) => unknown,
  b: (t: string) => unknown,
  rounds = 11,
  roundMs = 250,
): { a: number; b: number; ratio: number } {
  for (let i = 0; i < 2000; i++) {
    a(texts[i % texts.length]!);
    b(texts[i % texts.length]!);
  } // warm-up
  settle();
  const pairs: Array<[number, number]> = [];
  for (let r = 0; r < rounds; r++) {
    if (r % 2 === 0) {
      const x = rate(texts, a, roundMs);
      pairs.push([x, rate(texts, b, roundMs)]);
    } else {
      const y = rate(texts, b, roundMs);
      pairs.push([rate(texts, a, roundMs), y]);
    }
  }
  return pairedSummary(pairs);
}

/**
 * One pass over posts not repeated (the sentiment training tweets), CPU time: the per-word
 * n-gram cache then meets new words as it would on a live timeline, unlike the repeated set.
 * Paired as `pairedRates` is: the posts in `chunks` slices, each read by both functions in turn
 * (each slice is new to the classifier when it reads it); the medians of the slices' rates and
 * of their ratios (a / b).
 */
function onePassRates(texts: readonly string[], a: (t: string) => unknown, b: (t: string) => unknown, chunks = 10): { a: number; b: number; ratio: number } {
  settle();
  const size = Math.ceil(texts.length / chunks);
  const pairs: Array<[number, number]> = [];
  for (let c = 0; c < chunks; c++) {
    const slice = texts.slice(c * size, (c + 1) * size);
    const x = rate(slice, a, 0);
    pairs.push([x, rate(slice, b, 0)]);
  }
  return pairedSummary(pairs);
}

/**
 * Microseconds per post of each stage, the best of `rounds` passes over the posts (the least
 * disturbed by other work): where the time goes, for whoever speeds it up next. "features" is
 * the scanner plus features and the dot product, as classifyPost runs them.
 */
function stageMicros(texts: readonly string[], rounds = 15): Record<string, number> {
  const model = shippedModel();
  const logits = new Float64Array(COLUMNS);
  const stages: Record<string, (t: string) => unknown> = {
    scan: (t) => scan(t),
    features: (t) => {
      const count = featurizeScan(scan(t), model.packed);
      const f = featureBuffers();
      model.accumulate(f.ids, f.count, 1 / Math.sqrt(count), logits.fill(0), gramSums);
      return logits;
    },
    flags: (t) => detectFlags(t),
    total: (t) => classifyPost({ text: t, lang: 'en' }),
  };
  const best: Record<string, number> = {};
  for (let r = 0; r < rounds; r++) {
    for (const [name, fn] of Object.entries(stages)) {
      const start = process.hrtime.bigint();
      for (let i = 0; i < texts.length; i++) fn(texts[i]!);
      const us = Number(process.hrtime.bigint() - start) / 1000 / texts.length;
      best[name] = Math.min(best[name] ?? Infinity, us);
    }
  }
  return best;
}

/** The least milliseconds `fn` took over `runs` runs (the run least disturbed by other work). */
function bestMs(runs: number, fn: () => void): number {
  let min = Infinity;
  for (let r = 0; r < runs; r++) {
    const start = process.hrtime.bigint();
    fn();
    min = Math.min(min, Number(process.hrtime.bigint() - start) / 1e6);
  }
  return min;
}

/**
 * What the sidebar's queue costs each second (its timers move, so it is re-sorted): 300 loaded
 * posts classified with 40 local corrections, afresh (as before the cache) and from the
 * sidebar's ClassificationCache; best of 20 refreshes, milliseconds.
 */
function queueRefreshMs(texts: readonly string[]): { afresh: number; cached: number } {
  const queue = texts.slice(0, 300);
  const layer = buildCorrectionLayer(loadBrandEval().slice(0, 40).map((b) => ({ text: b.text, intent: b.intent, sentiment: b.sentiment })));
  const cache = new ClassificationCache(layer);
  return {
    afresh: bestMs(20, () => queue.forEach((text) => classifyPost({ text, lang: 'en' }, { corrections: layer }))),
    cached: bestMs(20, () => queue.forEach((text) => cache.classify({ text, lang: 'en' }))),
  };
}

/**
 * Fitting the corrections layer from 1,000 corrected posts (the hand-labelled brand training
 * posts, intent and sentiment each), as the extension does whenever the agent's corrections
 * change: milliseconds (best of 3), and against classifying the same posts once with no layer.
 */
function correctionsBuild(): { ms: number; ratio: number } {
  const corrections = loadBrandTrain()
    .slice(0, 1000)
    .map((b) => ({ text: b.text, intent: b.intent, sentiment: b.sentiment }));
  const ms = bestMs(3, () => buildCorrectionLayer(corrections));
  const classifyMs = bestMs(3, () => corrections.forEach((c) => classifyPost({ text: c.text, lang: 'en' })));
  return { ms, ratio: ms / classifyMs };
}

/**
 * Long posts (lib/classify/long-posts.ts) at 20,000 characters, the most a post may hold: the
 * milliseconds of the slowest shape (best of 5 runs each), and its time per character against the
 * bench posts' (`shortUsPerPost` over their mean length). Shapes that once took time in the square
 * of their length (200 ms for 20,000 characters of one emoji) show here first.
 */
function longPosts(shortUsPerPost: number, shortChars: number): { worstMs: number; worst: string; perCharRatio: number } {
  let worstMs = 0;
  let worst = '';
  for (const [name, shape] of Object.entries(longPostShapes())) {
    const text = shape(20_000);
    const best = bestMs(5, () => classifyPost({ text, lang: 'en' }));
    if (best > worstMs) {
      worstMs = best;
      worst = name;
    }
  }
  return { worstMs, worst, perCharRatio: (worstMs * 1000) / 20_000 / (shortUsPerPost / shortChars) };
}

export async function run(): Promise<Array<[string, string | number]>> {
  const texts = classifierBenchPosts();
  const afinn = new Sentiment();
  const paired = pairedRates(texts, (text) => classifyPost({ text, lang: 'en' }), (text) => afinn.analyze(text));
  const unseen = loadSentimentTrain().map((s) => s.text).slice(0, 40000);
  const unseenPaired = onePassRates(unseen, (text) => classifyPost({ text, lang: 'en' }), (text) => afinn.analyze(text));
  settle();
  const stages = stageMicros(texts);
  const queue = queueRefreshMs(texts);
  const build = correctionsBuild();
  const long = longPosts(stages.total!, texts.reduce((sum, t) => sum + t.length, 0) / texts.length);
  const module = readFileSync(join(import.meta.dirname, '../../lib/classify/weights.ts'));
  return [
    ['classifier.version', CLASSIFIER_VERSION],
    ['classifier.posts_per_second', paired.a],
    ['classifier.afinn_posts_per_second', paired.b],
    ['classifier.ratio_vs_afinn', Number(paired.ratio.toFixed(2))],
    ['classifier.unseen_posts_per_second', unseenPaired.a],
    ['classifier.unseen_ratio_vs_afinn', Number(unseenPaired.ratio.toFixed(2))],
    ['classifier.weights_kb_gzipped', Math.round(gzipSync(module).length / 1024)],
    ...Object.entries(stages).map(([name, us]): [string, number] => [`classifier.us_per_post.${name}`, Number(us.toFixed(2))]),
    ['classifier.queue_refresh_ms_300_posts_40_corrections', Number(queue.afresh.toFixed(2))],
    ['classifier.queue_refresh_ms_300_posts_cached', Number(queue.cached.toFixed(3))],
    ['classifier.corrections_layer_build_ms_1000_posts', Number(build.ms.toFixed(1))],
    ['classifier.corrections_layer_build_vs_classifying_them_ratio', Number(build.ratio.toFixed(1))],
    ['classifier.long_post_20k_chars_worst_ms', `${long.worstMs.toFixed(2)} (${long.worst})`],
    ['classifier.long_post_per_char_vs_bench_posts_ratio', Number(long.perCharRatio.toFixed(2))],
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [k, v] of await run()) console.log(`${k}: ${v}`);
}
