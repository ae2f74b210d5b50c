import type { HandledItem } from '../db/schema';
import { allRows, buildMetricsIndex, type MetricsIndex } from './metrics-index';

export interface ResponseBucket {
  key: '0-1h' | '1-4h' | '4-8h' | '8-24h' | '24h+';
  label: string;
  /** Inclusive lower and exclusive upper bound in seconds (Infinity for the last). */
  fromSeconds: number;
  toSeconds: number;
  count: number;
  /** count / items with a response time; null when there are none. */
  share: number | null;
}

const H = 3600;
const BOUNDS: Array<[ResponseBucket['key'], string, number, number]> = [
  ['0-1h', '0–1 h', 0, H],
  ['1-4h', '1–4 h', H, 4 * H],
  ['4-8h', '4–8 h', 4 * H, 8 * H],
  ['8-24h', '8–24 h', 8 * H, 24 * H],
  ['24h+', '24 h+', 24 * H, Number.POSITIVE_INFINITY],
];

/**
 * First-response time buckets over some rows of an index. A response of exactly 1 h falls in
 * 1–4 h (lower bound inclusive). Rows without a response time are left out.
 */
export function responseBucketsOf(index: MetricsIndex, rows: Int32Array, basis: 'calendar' | 'business'): ResponseBucket[] {
  const values = basis === 'calendar' ? index.item.resp : index.item.respB;
  const counts = [0, 0, 0, 0, 0];
  let total = 0;
  for (let r = 0; r < rows.length; r++) {
    const s = values[rows[r]!]!;
    if (Number.isNaN(s)) continue;
    total++;
    counts[s < H ? 0 : s < 4 * H ? 1 : s < 8 * H ? 2 : s < 24 * H ? 3 : 4]!++;
  }
  return BOUNDS.map(([key, label, fromSeconds, toSeconds], i) => ({
    key,
    label,
    fromSeconds,
    toSeconds,
    count: counts[i]!,
    share: total ? counts[i]! / total : null,
  }));
}

/** First-response time buckets of these items (calendar or business seconds). */
export function responseBuckets(items: readonly HandledItem[], basis: 'calendar' | 'business' = 'calendar'): ResponseBucket[] {
  const index = buildMetricsIndex(items, [], 'UTC');
  return responseBucketsOf(index, allRows(index), basis);
}
