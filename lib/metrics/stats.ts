/**
 * Summary statistics over durations. Percentiles use linear interpolation between the two
 * nearest ranks (Hyndman & Fan type 7, the default of numpy, R and Excel's PERCENTILE.INC):
 * for n sorted values x[0..n-1] and share p, h = (n - 1)·p and the result is
 * x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]). The median is p = 0.5 (the mean of the two middle
 * values when n is even); p90 is p = 0.9.
 */

export interface DurationStats {
  count: number;
  /** null when count is 0. All figures in seconds. */
  mean: number | null;
  median: number | null;
  p90: number | null;
  min: number | null;
  max: number | null;
}

export const EMPTY_STATS: DurationStats = { count: 0, mean: null, median: null, p90: null, min: null, max: null };

/** Percentile of values already sorted ascending (type 7); null when empty. */
export function percentileSorted(sorted: ArrayLike<number>, p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  if (n === 1) return sorted[0]!;
  const h = (n - 1) * Math.min(1, Math.max(0, p));
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** The median of values (p = 0.5: the mean of the two middle ones when their count is even); null when empty. */
export function median(values: readonly number[]): number | null {
  return percentileSorted(Float64Array.from(values).sort(), 0.5);
}

/** Stats of values; sorts `values` in place when it is a typed array (pass a copy to keep it). */
export function durationStats(values: Float64Array | readonly number[]): DurationStats {
  const n = values.length;
  if (n === 0) return { ...EMPTY_STATS };
  const sorted = values instanceof Float64Array ? values.sort() : Float64Array.from(values).sort();
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sorted[i]!;
  return {
    count: n,
    mean: sum / n,
    median: percentileSorted(sorted, 0.5),
    p90: percentileSorted(sorted, 0.9),
    min: sorted[0]!,
    max: sorted[n - 1]!,
  };
}

/** A growable Float64Array: pushing numbers without boxing them in a JS array. */
export class NumberBuffer {
  private buf: Float64Array;
  length = 0;
  constructor(capacity = 16) {
    this.buf = new Float64Array(capacity);
  }
  push(v: number): void {
    if (this.length === this.buf.length) {
      const next = new Float64Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.length++] = v;
  }
  /** A view of the values pushed so far (shares memory; sorting it sorts the buffer). */
  view(): Float64Array {
    return this.buf.subarray(0, this.length);
  }
}

/** Rearranges a[lo..hi] so that a[k] holds the value it would have if sorted (Hoare/Wirth). */
function selectInPlace(a: Float64Array, lo: number, hi: number, k: number): void {
  while (hi > lo) {
    const pivot = a[(lo + hi) >>> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

/**
 * Same figures as `durationStats`, in linear time: values are reordered in place by selection
 * instead of sorted. For the dashboard's many groups over 100,000 items.
 */
export function durationStatsInPlace(a: Float64Array): DurationStats {
  const n = a.length;
  if (n === 0) return { ...EMPTY_STATS };
  sumMinMax(a);
  const [sum, min, max] = SUM_MIN_MAX;
  const median = percentileInPlace(a, 0.5, 0);
  const p90 = percentileInPlace(a, 0.9, Math.floor((n - 1) * 0.5));
  return { count: n, mean: sum! / n, median, p90, min: min!, max: max! };
}

/**
 * Below this many values, `durationStatsOnce` sorts (natively) instead of selecting.
 */
const SORT_BELOW = 20_000;

/**
 * Same figures as `durationStatsInPlace`, for a call that runs once with V8's compiler cold (the
 * page's first headline): up to `SORT_BELOW` values it sorts them with the typed array's own sort,
 * which is native code from the first call, where the selection loops would start in the
 * interpreter. The sum is taken before sorting, in the values' order, so the mean is the same to
 * the last bit either way; above the limit it selects in linear time. Reorders `a`.
 */
export function durationStatsOnce(a: Float64Array): DurationStats {
  const n = a.length;
  if (n === 0 || n > SORT_BELOW) return durationStatsInPlace(a);
  sumMinMax(a);
  const [sum, min, max] = SUM_MIN_MAX;
  a.sort();
  return { count: n, mean: sum! / n, median: percentileSorted(a, 0.5), p90: percentileSorted(a, 0.9), min: min!, max: max! };
}

/**
 * The hot loops of these stats each sit in a function of their own, with nothing after the
 * loop that has not run before. V8 compiles a long-running loop on the spot (OSR) from what the
 * function has run so far; code after the loop that had never run then threw that code away on
 * every call (`--trace-deopt`: "insufficient type feedback", thousands of times per dashboard
 * computation), and the rest of each call ran unoptimised, boxing every number it read.
 */
const SUM_MIN_MAX = new Float64Array(3);
function sumMinMax(a: Float64Array): void {
  let sum = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < a.length; i++) {
    const v = a[i]!;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  SUM_MIN_MAX[0] = sum;
  SUM_MIN_MAX[1] = min;
  SUM_MIN_MAX[2] = max;
}

/**
 * The type-7 percentile p of a (length ≥ 1), by selection in a[from..]: `from` may be the rank of
 * a smaller percentile already selected, as everything before it is no larger.
 */
function percentileInPlace(a: Float64Array, p: number, from: number): number {
  const n = a.length;
  const h = (n - 1) * p;
  const k = Math.floor(h);
  selectInPlace(a, from, n - 1, k);
  const lower = a[k]!;
  if (h === k || k + 1 >= n) return lower;
  // After selection everything right of k is ≥ a[k]: the next rank is their minimum.
  return lower + (h - k) * (minFrom(a, k + 1) - lower);
}

function minFrom(a: Float64Array, from: number): number {
  let min = Number.POSITIVE_INFINITY;
  for (let i = from; i < a.length; i++) if (a[i]! < min) min = a[i]!;
  return min;
}

/**
 * One buffer for `groupedStats`' values, reused from call to call: a dashboard filter change runs
 * it about 36 times over up to 100,000 rows, and a new buffer each time (up to 800 KB, zeroed,
 * outside the JS heap) made garbage collections a large share of the change's time in Chromium.
 * Nothing keeps a view of it past the call.
 */
let scratch = new Float64Array(1024);
function scratchValues(n: number): Float64Array {
  if (scratch.length < n) scratch = new Float64Array(Math.max(n, Math.ceil(scratch.length * 1.5)));
  return scratch.subarray(0, n);
}

/**
 * Stats of `values[row]` per group, for (row, group) pairs: a counting scatter into one buffer,
 * then linear-time selection per group. NaN values are left out.
 *
 * `groupSizes`, when the caller has them (the number of pairs of each group, values or not),
 * saves the counting pass: each group gets room for all its pairs, and the values it holds are
 * those the scatter wrote there. Several stats over the same pairs share them.
 */
export function groupedStats(
  values: Float64Array,
  pairRows: Int32Array,
  pairGroups: Int32Array,
  pairCount: number,
  groupCount: number,
  groupSizes?: Int32Array,
): DurationStats[] {
  const starts = new Int32Array(groupCount + 1);
  if (groupSizes) for (let g = 0; g < groupCount; g++) starts[g + 1] = groupSizes[g]!;
  else countPerGroup(values, pairRows, pairGroups, pairCount, starts);
  for (let g = 0; g < groupCount; g++) starts[g + 1]! += starts[g]!;
  const buf = scratchValues(starts[groupCount]!);
  // The scatter moves each group's cursor past the values it writes: its end.
  const ends = starts.slice(0, groupCount);
  scatter(values, pairRows, pairGroups, pairCount, ends, buf);
  const out: DurationStats[] = [];
  for (let g = 0; g < groupCount; g++) out.push(durationStatsInPlace(buf.subarray(starts[g]!, ends[g]!)));
  return out;
}

/** ends[g + 1] = the number of pairs of group g with a value (see `sumMinMax` for why a function). */
function countPerGroup(values: Float64Array, pairRows: Int32Array, pairGroups: Int32Array, pairCount: number, ends: Int32Array): void {
  for (let i = 0; i < pairCount; i++) if (!Number.isNaN(values[pairRows[i]!]!)) ends[pairGroups[i]! + 1]!++;
}

/** Each pair's value into its group's part of buf, at cursor[group] onwards. */
function scatter(values: Float64Array, pairRows: Int32Array, pairGroups: Int32Array, pairCount: number, cursor: Int32Array, buf: Float64Array): void {
  for (let i = 0; i < pairCount; i++) {
    const v = values[pairRows[i]!]!;
    if (!Number.isNaN(v)) buf[cursor[pairGroups[i]!]!++] = v;
  }
}
