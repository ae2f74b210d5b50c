/**
 * The whole training recipe (build-time only): three heads over one hashed feature space,
 * merged, pruned and quantised into the shipped model. Used by scripts/train-classifier.ts and,
 * fold by fold, by scripts/eval-classifier.ts.
 */
import { fnv1a } from '../fnv';
import { FEATURE_BITS, GENERIC_FEATURES } from './features';
import { COLUMNS, COMPLAINT_COLUMN, encodeModel, INTENT_COLUMNS, SENTIMENT_COLUMNS, type DenseRows, type EncodedModel } from './model';
import { toExample, trainAveraged, trainSoftmax, type Example, type TrainedHead } from './training';
import {
  intentTrainingSet,
  sentimentTrainingSet,
  emojiLexiconSet,
  vaderLexiconSet,
  LEXICON_SOURCES,
  SENTIMENT_INDEX,
  type BrandEvalRow,
  type ComplaintRow,
  type LabelledText,
} from './training-data';
import type { Intent, Sentiment } from './types';

/** Non-complaint intents, in INTENT_COLUMNS order. */
export const OTHER_INTENTS: readonly Intent[] = ['question', 'praise', 'feedback', 'other'];

/** How many feature rows the shipped model keeps (all of a 2^15 hashed space: about 230 KB gzipped, under the 300 KB budget). */
export const MAX_ROWS = 1 << 15;

/** The sentiment head's training options (also used by cross-validation). */
export const SENTIMENT_TRAINING = { classes: 3, epochs: 3, learningRate: 0.5, l2: 1e-6, balance: true } as const;

/**
 * The sentiment head is the mean of 40 runs over the same examples, shuffled with seeds 1–40
 * (`careline-linear-6`). One run's head moved with its seed (seeds 1–6: twcs-eval 0.669–0.681,
 * brand-eval 0.667–0.712). Means of 10, 20 and 40 runs (seeds 1–K): TweetEval validation 0.650,
 * 0.652, 0.655 (one run: 0.646 over seeds 1–6); the brand-train cross-validation level (0.594,
 * 0.598, 0.598; one run 0.586–0.608), its negative-or-neutral part rising (0.675, 0.681, 0.686;
 * one run 0.678–0.680); the held-out brand posts in docs/classifier-history.md. Training takes 40 times
 * one run (about a minute); running costs nothing more (one linear head).
 */
export const SENTIMENT_SEEDS: readonly number[] = Array.from({ length: 40 }, (_, k) => k + 1);

/** Trains the sentiment head as the shipped recipe does (by training and by cross-validation alike). */
export function trainSentimentHead(examples: readonly Example[]): TrainedHead {
  return trainAveraged(examples, SENTIMENT_TRAINING, SENTIMENT_SEEDS);
}

export interface Heads {
  sentiment: TrainedHead;
  complaint: TrainedHead;
  intent: TrainedHead;
}

export interface TrainingInput {
  sentiment: readonly LabelledText<Sentiment>[];
  complaints: readonly ComplaintRow[];
  bitext: readonly LabelledText<Intent>[];
  /** Hand-labelled brand-directed posts (brand-train.jsonl), weighted per head by BRAND_WEIGHTS. */
  brand?: readonly BrandEvalRow[];
  /** Add VADER's lexicon words and the emoji ranking's emoji as one-word sentiment examples. */
  lexicon?: boolean;
  log?: (msg: string) => void;
}

const cache = new Map<string, Example>();
const ownCache = new Map<string, Example>();
/**
 * A text's example (features cached by text). With `ownOnly` (a lexicon prior's example, a VADER
 * word or an emoji): only the word's own features (its word feature, its pairs with the start and
 * end of the post, its character n-grams), not the bias or the shape features of a short post with
 * no handle, which the priors' class mix would otherwise push; scaled as the whole post would be.
 */
function example(text: string, label: number, weight: number, ownOnly = false): Example {
  const store = ownOnly ? ownCache : cache;
  let e = store.get(text);
  if (!e) {
    e = toExample(text, 0, 1);
    if (ownOnly) e = { ...e, ids: e.ids.filter((id) => !GENERIC_FEATURES.has(id)) };
    store.set(text, e);
  }
  return { ids: e.ids, value: e.value, label, weight };
}

/**
 * The sentiment head's examples: the labelled posts, and with `lexicon` the priors (VADER's
 * words, the emoji ranking's emoji). Used by training and by cross-validation alike.
 */
export function sentimentExamples(set: readonly LabelledText<Sentiment>[], lexicon: boolean): Example[] {
  const all = lexicon ? [...set, ...vaderLexiconSet(), ...emojiLexiconSet()] : set;
  return all.map((s) => example(s.text, SENTIMENT_INDEX.get(s.label)!, s.weight, LEXICON_SOURCES.has(s.source)));
}

export function trainHeads(input: TrainingInput): Heads {
  const log = input.log ?? (() => {});
  const sentimentSet = sentimentExamples(sentimentTrainingSet(input.sentiment, input.complaints, input.brand), input.lexicon ?? false);
  log(`sentiment: ${sentimentSet.length} examples`);
  const sentiment = trainSentimentHead(sentimentSet);

  const complaintSet: Example[] = input.complaints.map((r) => example(r.text, r.complaint ? 1 : 0, 1));
  for (const b of input.bitext) complaintSet.push(example(b.text, b.label === 'complaint' ? 1 : 0, 0.25));
  // No brand-train posts here: see BRAND_WEIGHTS in training-data.ts.
  log(`complaint: ${complaintSet.length} examples`);
  const complaint = trainSoftmax(complaintSet, { classes: 2, epochs: 5, learningRate: 0.1, l2: 1e-5, balance: true, seed: 2 });

  const intentSet = intentTrainingSet(input.complaints, input.sentiment, input.brand).filter((t) => t.label !== 'complaint');
  log(`intent (not complaint): ${intentSet.length} examples`);
  const intent = trainSoftmax(
    intentSet.map((t) => example(t.text, OTHER_INTENTS.indexOf(t.label), t.weight)),
    { classes: 4, epochs: 5, learningRate: 0.3, l2: 1e-6, balance: true, seed: 3 },
  );
  return { sentiment, complaint, intent };
}

/** Merge the heads into rows of COLUMNS weights, keep the `maxRows` most important features. */
export function mergeHeads(heads: Heads, maxRows = MAX_ROWS): DenseRows {
  const size = 1 << FEATURE_BITS;
  const importance = new Float64Array(size);
  const colMax = new Float64Array(COLUMNS);
  const row = new Float64Array(COLUMNS);
  const fill = (id: number) => {
    for (let k = 0; k < 4; k++) row[INTENT_COLUMNS[k]!] = heads.intent.weights[id * 4 + k]!;
    for (let k = 0; k < 3; k++) row[SENTIMENT_COLUMNS[k]!] = heads.sentiment.weights[id * 3 + k]!;
    row[COMPLAINT_COLUMN] = heads.complaint.weights[id * 2 + 1]! - heads.complaint.weights[id * 2]!;
  };
  for (let id = 0; id < size; id++) {
    fill(id);
    for (let c = 0; c < COLUMNS; c++) colMax[c] = Math.max(colMax[c]!, Math.abs(row[c]!));
  }
  for (let id = 0; id < size; id++) {
    fill(id);
    let imp = 0;
    for (let c = 0; c < COLUMNS; c++) imp = Math.max(imp, Math.abs(row[c]!) / (colMax[c]! || 1));
    importance[id] = imp;
  }
  const ids = [...importance.keys()].filter((id) => importance[id]! > 0);
  ids.sort((a, b) => importance[b]! - importance[a]! || a - b);
  const kept = ids.slice(0, maxRows).sort((a, b) => a - b);
  const weights = new Float32Array(kept.length * COLUMNS);
  kept.forEach((id, r) => {
    fill(id);
    for (let c = 0; c < COLUMNS; c++) weights[r * COLUMNS + c] = row[c]!;
  });
  return { ids: Uint32Array.from(kept), weights };
}

function fnv(s: string): string {
  return fnv1a(s).toString(16).padStart(8, '0');
}

/** Encodes the model; its version names the recipe and a hash of the weights. */
export function buildModel(heads: Heads, maxRows = MAX_ROWS): EncodedModel {
  const rows = mergeHeads(heads, maxRows);
  const draft = encodeModel('', FEATURE_BITS, rows);
  return { ...draft, version: `careline-linear-6+${fnv(draft.ids + draft.weights)}` };
}

export function modelModuleSource(model: EncodedModel): string {
  return [
    '// Generated by `npm run train:classifier` (scripts/train-classifier.ts). Do not edit by hand.',
    '// Data and provenance: data/classifier/PROVENANCE.md.',
    "import type { EncodedModel } from './model';",
    '',
    `export const MODEL: EncodedModel = ${JSON.stringify(model, null, 1)};`,
    '',
  ].join('\n');
}
