import type { HandledItem } from '../db/schema';
import { INTENTS, SENTIMENTS } from '../classify/types';
import { allRows, buildMetricsIndex, type MetricsIndex } from './metrics-index';

export interface LabelAgreement {
  label: string;
  /** Items the classifier gave this label. */
  predicted: number;
  /** Of those, how many an agent changed to another label. */
  corrected: number;
  correctionRate: number | null;
}

export interface AxisAgreement {
  /** Items with a classifier label on this axis. */
  labelled: number;
  corrected: number;
  /** 1 − corrected / labelled; null when nothing was labelled. */
  agreement: number | null;
  byLabel: LabelAgreement[];
  /** Corrections from → to, most frequent first. */
  confusions: Array<{ from: string; to: string; count: number }>;
}

export interface ClassifierAgreement {
  intent: AxisAgreement;
  sentiment: AxisAgreement;
}

const NONE = 255;

function axis(rows: Int32Array, predicted: Uint8Array, corrected: Uint8Array, labels: readonly string[]): AxisAgreement {
  const L = labels.length;
  const counts = new Int32Array(L);
  const confusion = new Int32Array(L * L);
  let labelled = 0;
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r]!;
    const p = predicted[i]!;
    if (p === NONE) continue;
    labelled++;
    counts[p]!++;
    const c = corrected[i]!;
    // A "correction" to the same label is a confirmation, not a change.
    if (c !== NONE && c !== p) confusion[p * L + c]!++;
  }
  let changed = 0;
  const byLabel: LabelAgreement[] = [];
  const confusions: AxisAgreement['confusions'] = [];
  for (let p = 0; p < L; p++) {
    let k = 0;
    for (let c = 0; c < L; c++) {
      const v = confusion[p * L + c]!;
      if (v) confusions.push({ from: labels[p]!, to: labels[c]!, count: v });
      k += v;
    }
    changed += k;
    byLabel.push({ label: labels[p]!, predicted: counts[p]!, corrected: k, correctionRate: counts[p] ? k / counts[p]! : null });
  }
  confusions.sort((a, b) => b.count - a.count);
  return { labelled, corrected: changed, agreement: labelled ? 1 - changed / labelled : null, byLabel, confusions };
}

export function classifierAgreementOf(index: MetricsIndex, rows: Int32Array): ClassifierAgreement {
  const c = index.item;
  return {
    intent: axis(rows, c.predictedIntent, c.correctedIntent, INTENTS),
    sentiment: axis(rows, c.predictedSentiment, c.correctedSentiment, SENTIMENTS),
  };
}

/** How often agents corrected each classifier label. */
export function classifierAgreement(items: readonly HandledItem[]): ClassifierAgreement {
  const index = buildMetricsIndex(items, [], 'UTC');
  return classifierAgreementOf(index, allRows(index));
}
