/**
 * Classifier throughput against AFINN (the `sentiment` package) in the same process, on the same
 * posts (the committed hand-labelled brand-directed set and TweetEval validation), one core.
 */
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Sentiment from 'sentiment';
import { classifyPost, CLASSIFIER_VERSION } from '../../lib/classify/index';
import { loadBrandEval, loadSentimentVal } from '../../lib/classify/training-data';

function postsPerSecond(texts: readonly string[], fn: (t: string) => unknown, minMs = 1500): number {
  for (let i = 0; i < 2000; i++) fn(texts[i % texts.length]!); // warm-up
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < minMs) {
    for (let i = 0; i < texts.length; i++) fn(texts[i]!);
    n += texts.length;
  }
  return Math.round((n * 1000) / (performance.now() - start));
}

export async function run(): Promise<Array<[string, string | number]>> {
  const texts = [...loadBrandEval().map((b) => b.text), ...loadSentimentVal().map((s) => s.text)];
  const afinn = new Sentiment();
  const ours = postsPerSecond(texts, (text) => classifyPost({ text, lang: 'en' }));
  const baseline = postsPerSecond(texts, (text) => afinn.analyze(text));
  const module = readFileSync(join(import.meta.dirname, '../../lib/classify/weights.ts'));
  return [
    ['classifier.version', CLASSIFIER_VERSION],
    ['classifier.posts_per_second', ours],
    ['classifier.afinn_posts_per_second', baseline],
    ['classifier.ratio_vs_afinn', Number((ours / baseline).toFixed(2))],
    ['classifier.weights_kb_gzipped', Math.round(gzipSync(module).length / 1024)],
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [k, v] of await run()) console.log(`${k}: ${v}`);
}
