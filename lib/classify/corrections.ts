/**
 * Learning from the agent: a small local layer over the shipped model.
 *
 * The layer holds additive weights for the features of corrected posts only. It is fitted by a
 * few passes of logistic-loss gradient steps until every correction is labelled as corrected
 * (with a margin), starting from the shipped model's own scores, so a post that shares the
 * corrected posts' words moves the same way while unrelated posts keep the shipped labels.
 * Pure and deterministic: the same corrections in the same order give the same layer; an empty
 * list gives an empty layer, which is the reset.
 */
import type { CorrectionLayer } from './classify-post';
import { modelLogits, scoreLogits, withReplyHandle, type RawScores } from './classify-post';
import { emojiLean } from './emoji-lean';
import { GENERIC_FEATURES, scanFeatures, type FeatureSet } from './features';
import { COLUMNS, COMPLAINT_COLUMN, INTENT_COLUMNS, SENTIMENT_COLUMNS } from './model';
import { scan } from './tokenize';
import type { Intent, Sentiment } from './types';
import { INTENTS, SENTIMENTS } from './types';

export interface CorrectionInput {
  text: string;
  /** The handle the post replies to when the site shows it apart (as `ClassifyInput.replyTo`). */
  replyTo?: string;
  intent?: Intent;
  sentiment?: Sentiment;
}

/** Target probability of the corrected label before a correction counts as learnt. */
const TARGET = 0.8;
const MAX_PASSES = 40;
const STEP = 1.5;

// The layer's loops keep a score's 8 columns in locals.
if (COLUMNS !== 8) throw new Error(`corrections: the layer's loops are written for 8 columns, not ${COLUMNS}`);

/**
 * The layer's weights: for each feature id it has learnt, COLUMNS additive weights, found by open
 * addressing in typed arrays (a Map's lookup cost more than the rest of the fitting: it is asked
 * for every feature of every corrected post, many times over).
 */
class Layer implements CorrectionLayer {
  size = 0;
  /** The id in each slot, plus one (0: empty). */
  private keys = new Int32Array(1024);
  /** Slot k's weights at k × COLUMNS. */
  private weights = new Float64Array(1024 * COLUMNS);
  private used = 0;
  /** `accumulate`'s offsets. */
  private scratch = new Int32Array(256);

  /** The id's slot, or -1 when the layer has no weights for it. */
  private slotOf(id: number): number {
    const mask = this.keys.length - 1;
    for (let slot = Math.imul(id, 0x9e3779b1) & mask; ; slot = (slot + 1) & mask) {
      const key = this.keys[slot]!;
      if (key === id + 1) return slot;
      if (key === 0) return -1;
    }
  }

  accumulate(features: FeatureSet, logits: Float64Array): void {
    const ids = features.ids;
    if (this.scratch.length < ids.length) this.scratch = new Int32Array(ids.length * 2);
    this.fillOffsets(ids, this.scratch);
    this.accumulateAt(this.scratch, ids.length, features.value, logits);
  }

  /**
   * A slot, its weights zero, for each of these ids the layer can learn (not the generic ones):
   * the fitting finds its posts' weights through `offsets` from then on. A zero weight adds
   * nothing to a score, so the layer scores as if the slot were not there.
   */
  reserve(ids: Int32Array): void {
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      if (GENERIC_FEATURES.has(id) || this.slotOf(id) >= 0) continue;
      if (2 * (this.used + 1) > this.keys.length) this.grow();
      this.place(id + 1);
      this.used++;
    }
  }

  /** Where each id's weights start in the layer's weights, or -1 for an id it has none for (valid until the next `reserve`). */
  offsets(ids: Int32Array): Int32Array<ArrayBuffer> {
    const out = new Int32Array(ids.length);
    this.fillOffsets(ids, out);
    return out;
  }

  private fillOffsets(ids: Int32Array, out: Int32Array): void {
    for (let i = 0; i < ids.length; i++) {
      const slot = this.slotOf(ids[i]!);
      out[i] = slot < 0 ? -1 : slot * COLUMNS;
    }
  }

  /** Adds value × the weights at each of the first `count` offsets to `logits`. */
  accumulateAt(offsets: Int32Array, count: number, value: number, logits: Float64Array): void {
    const w = this.weights;
    // Each column summed in a local, in the features' order.
    let l0 = logits[0]!, l1 = logits[1]!, l2 = logits[2]!, l3 = logits[3]!, l4 = logits[4]!, l5 = logits[5]!, l6 = logits[6]!, l7 = logits[7]!;
    for (let i = 0; i < count; i++) {
      const o = offsets[i]!;
      if (o < 0) continue;
      l0 += w[o]! * value;
      l1 += w[o + 1]! * value;
      l2 += w[o + 2]! * value;
      l3 += w[o + 3]! * value;
      l4 += w[o + 4]! * value;
      l5 += w[o + 5]! * value;
      l6 += w[o + 6]! * value;
      l7 += w[o + 7]! * value;
    }
    logits[0] = l0;
    logits[1] = l1;
    logits[2] = l2;
    logits[3] = l3;
    logits[4] = l4;
    logits[5] = l5;
    logits[6] = l6;
    logits[7] = l7;
  }

  /** Adds `amount` to the weight of `column` at each offset (a feature twice in a post, twice). */
  stepAt(offsets: Int32Array, column: number, amount: number): void {
    const w = this.weights;
    for (let i = 0; i < offsets.length; i++) {
      const o = offsets[i]!;
      if (o >= 0) w[o + column] = w[o + column]! + amount;
    }
  }

  /** The first empty slot from `key`'s home, which it takes (a key is an id plus one). */
  private place(key: number): number {
    const mask = this.keys.length - 1;
    let slot = Math.imul(key - 1, 0x9e3779b1) & mask;
    while (this.keys[slot] !== 0) slot = (slot + 1) & mask;
    this.keys[slot] = key;
    return slot;
  }

  /** Twice the slots, every id placed again. */
  private grow(): void {
    const keys = this.keys;
    const weights = this.weights;
    this.keys = new Int32Array(keys.length * 2);
    this.weights = new Float64Array(keys.length * 2 * COLUMNS);
    for (let old = 0; old < keys.length; old++) {
      const key = keys[old]!;
      if (key !== 0) this.weights.set(weights.subarray(old * COLUMNS, (old + 1) * COLUMNS), this.place(key) * COLUMNS);
    }
  }
}

function softmaxOf(logits: Float64Array, columns: readonly number[]): number[] {
  const max = Math.max(...columns.map((c) => logits[c]!));
  const ex = columns.map((c) => Math.exp(logits[c]! - max));
  const sum = ex.reduce((a, b) => a + b, 0);
  return ex.map((e) => e / sum);
}

export function buildCorrectionLayer(corrections: ReadonlyArray<CorrectionInput>): CorrectionLayer {
  const layer = new Layer();
  const items = corrections
    .filter((c) => c.text.trim() !== '' && (c.intent !== undefined || c.sentiment !== undefined))
    .map((c) => {
      // Featurized as classifyPost reads the post: a reply with its handle first.
      // One scan gives the features, and, to score it as classifyPost does, the emoji lean and
      // whether it names an account.
      const s = scan(withReplyHandle(c.text, c.replyTo));
      const features = scanFeatures(s);
      const lean = emojiLean(s);
      layer.reserve(features.ids);
      // The shipped model's part of the scores, the same on every pass.
      return { ...c, features, lean, addressed: s.users > 0, model: modelLogits(features, lean), offsets: new Int32Array(0) };
    });
  // Every slot is reserved: the offsets hold from here on.
  for (const item of items) item.offsets = layer.offsets(item.features.ids);
  layer.size = items.length;
  /** scoreFeatures with the layer, for a corrected post. */
  const score = (item: (typeof items)[number]): RawScores => {
    const logits = item.model.slice();
    layer.accumulateAt(item.offsets, item.offsets.length, item.features.value, logits);
    return scoreLogits(logits, item.lean, item.addressed);
  };
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let learnt = true;
    for (const item of items) {
      const { features, offsets } = item;
      // Each step's size is shared among the post's features, so long and short posts move alike.
      const step = STEP / features.value / features.ids.length;
      if (item.intent !== undefined) {
        const s = score(item);
        if (s.intent[item.intent] < TARGET) {
          learnt = false;
          const pc = s.intent.complaint;
          const wantComplaint = item.intent === 'complaint' ? 1 : 0;
          const gc = wantComplaint - pc;
          layer.stepAt(offsets, COMPLAINT_COLUMN, gc * step);
          if (item.intent !== 'complaint') {
            const target = INTENTS.indexOf(item.intent) - 1;
            const p = softmaxOf(s.logits, INTENT_COLUMNS);
            for (let k = 0; k < INTENT_COLUMNS.length; k++) layer.stepAt(offsets, INTENT_COLUMNS[k]!, ((k === target ? 1 : 0) - p[k]!) * step);
          }
        }
      }
      if (item.sentiment !== undefined) {
        const s = score(item);
        if (s.sentiment[item.sentiment] < TARGET) {
          learnt = false;
          const target = SENTIMENTS.indexOf(item.sentiment);
          const p = softmaxOf(s.logits, SENTIMENT_COLUMNS);
          for (let k = 0; k < SENTIMENT_COLUMNS.length; k++) layer.stepAt(offsets, SENTIMENT_COLUMNS[k]!, ((k === target ? 1 : 0) - p[k]!) * step);
        }
      }
    }
    if (learnt) break;
  }
  return layer;
}

/** The shipped model alone: what a reset gives. */
export const EMPTY_CORRECTION_LAYER: CorrectionLayer = buildCorrectionLayer([]);
