/**
 * Training a multinomial logistic regression over hashed features (used by the training and
 * evaluation scripts, never by the extension at run time). AdaGrad SGD with L2, a seeded
 * shuffle, and no floating-point source of non-determinism: the same data give the same
 * weights, byte for byte.
 */
import { featurize, FEATURE_BITS } from './features';
import { mulberry32 } from '../seeded-random';

export interface Example {
  ids: Int32Array;
  value: number;
  label: number;
  weight: number;
}

export function toExample(text: string, label: number, weight = 1): Example {
  const f = featurize(text);
  return { ids: f.ids, value: f.value, label, weight };
}

export { mulberry32 };

export interface TrainOptions {
  classes: number;
  epochs?: number;
  learningRate?: number;
  l2?: number;
  seed?: number;
  /** Multiply each example's weight so that every class weighs the same in total. */
  balance?: boolean;
}

export interface TrainedHead {
  classes: number;
  /** 2^FEATURE_BITS × classes, row-major. */
  weights: Float32Array;
  /** Which features were seen in training. */
  seen: Uint8Array;
}

export function trainSoftmax(examples: readonly Example[], opts: TrainOptions): TrainedHead {
  const K = opts.classes;
  const size = 1 << FEATURE_BITS;
  const w = new Float32Array(size * K);
  const g2 = new Float32Array(size * K);
  const seen = new Uint8Array(size);
  const epochs = opts.epochs ?? 5;
  const lr = opts.learningRate ?? 0.5;
  const l2 = opts.l2 ?? 1e-6;
  const rand = mulberry32(opts.seed ?? 1);

  const classWeight = new Float64Array(K).fill(1);
  if (opts.balance) {
    const totals = new Float64Array(K);
    for (const e of examples) totals[e.label] = totals[e.label]! + e.weight;
    const sum = totals.reduce((a, b) => a + b, 0);
    for (let k = 0; k < K; k++) classWeight[k] = totals[k]! > 0 ? sum / (K * totals[k]!) : 0;
  }

  const order = examples.map((_, i) => i);
  const logits = new Float64Array(K);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      const t = order[i]!;
      order[i] = order[j]!;
      order[j] = t;
    }
    for (const idx of order) {
      const e = examples[idx]!;
      logits.fill(0);
      for (let f = 0; f < e.ids.length; f++) {
        const o = e.ids[f]! * K;
        for (let k = 0; k < K; k++) logits[k] = logits[k]! + w[o + k]! * e.value;
      }
      let max = -Infinity;
      for (let k = 0; k < K; k++) max = Math.max(max, logits[k]!);
      let sum = 0;
      for (let k = 0; k < K; k++) {
        logits[k] = Math.exp(logits[k]! - max);
        sum += logits[k]!;
      }
      const scale = e.weight * classWeight[e.label]!;
      for (let f = 0; f < e.ids.length; f++) {
        const id = e.ids[f]!;
        seen[id] = 1;
        const o = id * K;
        for (let k = 0; k < K; k++) {
          const p = logits[k]! / sum;
          const grad = (p - (k === e.label ? 1 : 0)) * e.value * scale + l2 * w[o + k]!;
          g2[o + k] = g2[o + k]! + grad * grad;
          w[o + k] = w[o + k]! - (lr * grad) / Math.sqrt(g2[o + k]! + 1e-8);
        }
      }
    }
  }
  return { classes: K, weights: w, seen };
}

/**
 * The mean of heads trained on the same examples with different shuffles (`seeds`): one linear
 * head again, so it costs nothing at run time. The last AdaGrad iterate of a single run moves with
 * the order the examples came in; the mean keeps what the runs agree on. Summed in double
 * precision in seed order, so the result is the same bytes on every run. A feature is seen when
 * any run saw it.
 */
export function trainAveraged(examples: readonly Example[], opts: TrainOptions, seeds: readonly number[]): TrainedHead {
  if (seeds.length === 0) throw new Error('trainAveraged needs at least one seed');
  const size = (1 << FEATURE_BITS) * opts.classes;
  const sum = new Float64Array(size);
  const seen = new Uint8Array(1 << FEATURE_BITS);
  for (const seed of seeds) {
    const head = trainSoftmax(examples, { ...opts, seed });
    for (let i = 0; i < size; i++) sum[i] = sum[i]! + head.weights[i]!;
    for (let i = 0; i < seen.length; i++) seen[i] = seen[i]! | head.seen[i]!;
  }
  const weights = new Float32Array(size);
  for (let i = 0; i < size; i++) weights[i] = sum[i]! / seeds.length;
  return { classes: opts.classes, weights, seen };
}

/** Probabilities of each class for one example under a trained head (full precision). */
export function predictHead(head: TrainedHead, e: Pick<Example, 'ids' | 'value'>): number[] {
  const K = head.classes;
  const logits = new Array<number>(K).fill(0);
  for (let f = 0; f < e.ids.length; f++) {
    const o = e.ids[f]! * K;
    for (let k = 0; k < K; k++) logits[k] = logits[k]! + head.weights[o + k]! * e.value;
  }
  const max = Math.max(...logits);
  const ex = logits.map((l) => Math.exp(l - max));
  const sum = ex.reduce((a, b) => a + b, 0);
  return ex.map((x) => x / sum);
}

export interface ClassReport {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface Scores {
  accuracy: number;
  macroF1: number;
  perClass: ClassReport[];
  n: number;
}

/**
 * One flag against hand-marked posts (each post's marked and raised flag names): how many posts
 * were marked and raised, with precision and recall (NaN when nothing was raised or marked).
 */
export function flagScores(posts: ReadonlyArray<{ gold: readonly string[]; got: readonly string[] }>, name: string): { marked: number; raised: number; precision: number; recall: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const { gold, got } of posts) {
    const marked = gold.includes(name);
    const raised = got.includes(name);
    if (marked && raised) tp++;
    else if (raised) fp++;
    else if (marked) fn++;
  }
  return { marked: tp + fn, raised: tp + fp, precision: tp / (tp + fp), recall: tp / (tp + fn) };
}

export function score(gold: readonly string[], predicted: readonly string[], labels: readonly string[]): Scores {
  let correct = 0;
  const perClass: ClassReport[] = labels.map((label) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < gold.length; i++) {
      if (predicted[i] === label && gold[i] === label) tp++;
      else if (predicted[i] === label) fp++;
      else if (gold[i] === label) fn++;
    }
    const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
    const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { label, precision, recall, f1, support: tp + fn };
  });
  for (let i = 0; i < gold.length; i++) if (gold[i] === predicted[i]) correct++;
  const present = perClass.filter((c) => c.support > 0);
  return {
    accuracy: gold.length === 0 ? 0 : correct / gold.length,
    macroF1: present.reduce((a, c) => a + c.f1, 0) / Math.max(1, present.length),
    perClass,
    n: gold.length,
  };
}

/**
 * A 95 % percentile bootstrap interval of macro-F1: the posts resampled with replacement
 * `rounds` times (seeded, so the interval printed is the same on every run), macro-F1 scored on
 * each resample. How far a figure on a few hundred posts can be trusted.
 */
export function macroF1Interval(gold: readonly string[], predicted: readonly string[], labels: readonly string[], rounds = 1000, seed = 1): [number, number] {
  const n = gold.length;
  if (n === 0) return [0, 0];
  const rand = mulberry32(seed);
  const g: string[] = new Array<string>(n);
  const p: string[] = new Array<string>(n);
  const figures: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < n; i++) {
      const k = Math.floor(rand() * n);
      g[i] = gold[k]!;
      p[i] = predicted[k]!;
    }
    figures.push(score(g, p, labels).macroF1);
  }
  figures.sort((a, b) => a - b);
  return [figures[Math.floor(0.025 * (rounds - 1))]!, figures[Math.ceil(0.975 * (rounds - 1))]!];
}
