/**
 * Every post of the committed classifier data, classified, as one JSON line each: the record
 * that speed work is held to (output-digest.test.ts keeps its sha256; scripts/classifier-outputs.ts
 * writes the lines out to diff two versions). Node only (reads data/classifier).
 *
 * Sets: the brand-directed eval set, TweetEval validation, the sentiment training tweets, the
 * complaints, the Bitext seeds and the hand-labelled brand-directed training posts, each classified
 * as English (`lang: 'en'`) and with no language given (the language detector decides); the brand
 * and validation posts also upper-cased (shouting, case folding) and through a corrections layer
 * built from the first brand posts. And long posts (long-posts.ts), English, with and without the
 * corrections layer: their shapes once took time in the square of their length.
 */
import { createHash } from 'node:crypto';
import { buildCorrectionLayer } from './corrections';
import { classifyPost, type ClassifyInput, type ClassifyOptions } from './classify-post';
import { longPosts } from './long-posts';
import { loadBitext, loadBrandEval, loadBrandTrain, loadComplaints, loadSentimentTrain, loadSentimentVal } from './training-data';

export interface OutputSet {
  name: string;
  /** One JSON line per post: the input text, then the full Classification. */
  lines: string[];
}

function run(name: string, inputs: readonly ClassifyInput[], options?: ClassifyOptions): OutputSet {
  return { name, lines: inputs.map((input) => JSON.stringify([input.text, input.lang ?? null, classifyPost(input, options)])) };
}

export function outputSets(): OutputSet[] {
  const brand = loadBrandEval().map((b) => b.text);
  const val = loadSentimentVal().map((s) => s.text);
  const train = loadSentimentTrain().map((s) => s.text);
  const complaints = loadComplaints().map((c) => c.text);
  const bitext = loadBitext().map((b) => b.text);
  const brandTrain = loadBrandTrain().map((b) => b.text);
  const en = (texts: readonly string[]) => texts.map((text) => ({ text, lang: 'en' }));
  const any = (texts: readonly string[]) => texts.map((text) => ({ text }));
  const long = longPosts(val);
  const layer = buildCorrectionLayer(loadBrandEval().slice(0, 40).map((b) => ({ text: b.text, intent: b.intent, sentiment: b.sentiment })));
  return [
    run('brand/en', en(brand)),
    run('brand/any', any(brand)),
    run('brand/upper', en(brand.map((t) => t.toUpperCase()))),
    run('brand/corrections', en(brand), { corrections: layer }),
    run('val/en', en(val)),
    run('val/any', any(val)),
    run('val/upper', en(val.map((t) => t.toUpperCase()))),
    run('val/corrections', en(val), { corrections: layer }),
    run('train/en', en(train)),
    run('train/any', any(train)),
    run('complaints/en', en(complaints)),
    run('complaints/any', any(complaints)),
    run('bitext/en', en(bitext)),
    run('brand-train/en', en(brandTrain)),
    run('brand-train/any', any(brandTrain)),
    run('long/en', en(long)),
    run('long/corrections', en(long), { corrections: layer }),
  ];
}

export function digestOf(lines: readonly string[]): string {
  const h = createHash('sha256');
  for (const line of lines) h.update(line).update('\n');
  return h.digest('hex');
}
