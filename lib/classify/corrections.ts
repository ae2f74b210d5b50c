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
import { scoreFeatures, withReplyHandle } from './classify-post';
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

class Layer implements CorrectionLayer {
  readonly deltas = new Map<number, Float64Array>();
  size = 0;

  accumulate(features: FeatureSet, logits: Float64Array): void {
    for (const id of features.ids) {
      const d = this.deltas.get(id);
      if (!d) continue;
      for (let c = 0; c < COLUMNS; c++) logits[c] = logits[c]! + d[c]! * features.value;
    }
  }

  add(id: number, column: number, amount: number): void {
    if (GENERIC_FEATURES.has(id)) return;
    let d = this.deltas.get(id);
    if (!d) {
      d = new Float64Array(COLUMNS);
      this.deltas.set(id, d);
    }
    d[column] = d[column]! + amount;
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
      return { ...c, features: scanFeatures(s), lean: emojiLean(s), addressed: s.users > 0 };
    });
  layer.size = items.length;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let learnt = true;
    for (const item of items) {
      const { features, lean, addressed } = item;
      // Each step's size is shared among the post's features, so long and short posts move alike.
      const step = STEP / features.value / features.ids.length;
      if (item.intent !== undefined) {
        const s = scoreFeatures(features, layer, lean, addressed);
        if (s.intent[item.intent] < TARGET) {
          learnt = false;
          const pc = s.intent.complaint;
          const wantComplaint = item.intent === 'complaint' ? 1 : 0;
          const gc = wantComplaint - pc;
          for (const id of features.ids) layer.add(id, COMPLAINT_COLUMN, gc * step);
          if (item.intent !== 'complaint') {
            const target = INTENTS.indexOf(item.intent) - 1;
            const p = softmaxOf(s.logits, INTENT_COLUMNS);
            for (let k = 0; k < INTENT_COLUMNS.length; k++) {
              const g = (k === target ? 1 : 0) - p[k]!;
              for (const id of features.ids) layer.add(id, INTENT_COLUMNS[k]!, g * step);
            }
          }
        }
      }
      if (item.sentiment !== undefined) {
        const s = scoreFeatures(features, layer, lean, addressed);
        if (s.sentiment[item.sentiment] < TARGET) {
          learnt = false;
          const target = SENTIMENTS.indexOf(item.sentiment);
          const p = softmaxOf(s.logits, SENTIMENT_COLUMNS);
          for (let k = 0; k < SENTIMENT_COLUMNS.length; k++) {
            const g = (k === target ? 1 : 0) - p[k]!;
            for (const id of features.ids) layer.add(id, SENTIMENT_COLUMNS[k]!, g * step);
          }
        }
      }
    }
    if (learnt) break;
  }
  return layer;
}

/** The shipped model alone: what a reset gives. */
export const EMPTY_CORRECTION_LAYER: CorrectionLayer = buildCorrectionLayer([]);
