import type { HandledItem } from '../db/schema';
import { allRows, buildMetricsIndex, localTimeOf, type MetricsIndex } from './metrics-index';

/**
 * When customers post versus when they are answered: counts per local weekday and hour.
 * Rows are ISO weekdays (0 = Monday … 6 = Sunday), columns hours 0–23.
 */
export interface Heatmap {
  timeZone: string;
  /** By the customer's post time (items without postedAt are left out). */
  posted: number[][];
  /** By the first reply time, or the handling time for items handled without a reply. */
  answered: number[][];
  /** Largest cell of either grid, for scaling colours. */
  max: number;
}

export function heatmapOf(index: MetricsIndex, rows: Int32Array): Heatmap {
  const posted = new Int32Array(168);
  const answered = new Int32Array(168);
  const { postedCell, answeredCell } = localTimeOf(index);
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r]!;
    const p = postedCell[i]!;
    if (p >= 0) posted[p]!++;
    const a = answeredCell[i]!;
    if (a >= 0) answered[a]!++;
  }
  let max = 0;
  for (let c = 0; c < 168; c++) max = Math.max(max, posted[c]!, answered[c]!);
  const grid = (cells: Int32Array) => Array.from({ length: 7 }, (_, d) => Array.from(cells.subarray(d * 24, d * 24 + 24)));
  return { timeZone: index.timeZone, posted: grid(posted), answered: grid(answered), max };
}

/** The posted/answered heatmap of these items in `timeZone`. */
export function heatmap(items: readonly HandledItem[], timeZone: string): Heatmap {
  const index = buildMetricsIndex(items, [], timeZone);
  return heatmapOf(index, allRows(index));
}
