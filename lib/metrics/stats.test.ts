import { describe, expect, it } from 'vitest';
import { durationStats, durationStatsInPlace, durationStatsOnce, groupedStats, median, percentileSorted } from './stats';
import { mulberry32 } from '../seeded-random';
import { seededRandom } from './sample-log';

describe('percentiles (linear interpolation between closest ranks)', () => {
  it('median of odd and even counts, p90, single value, empty', () => {
    expect(percentileSorted([1, 2, 3], 0.5)).toBe(2);
    expect(percentileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentileSorted([10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 0.9)).toBeCloseTo(91);
    expect(percentileSorted([7], 0.9)).toBe(7);
    expect(percentileSorted([], 0.5)).toBeNull();
  });

  it('median of values in any order, without sorting them in place', () => {
    const values = [3, 10, 1, 2];
    expect(median(values)).toBe(2.5);
    expect(values).toEqual([3, 10, 1, 2]);
    expect(median([0.5, 0.49, 0.47])).toBe(0.49);
    expect(median([])).toBeNull();
  });

  it('ties: equal values give that value, and interpolation between a tie and the next', () => {
    expect(durationStats([5, 5, 5, 5])).toEqual({ count: 4, mean: 5, median: 5, p90: 5, min: 5, max: 5 });
    expect(durationStats([1, 3, 3, 3, 9]).median).toBe(3);
    expect(durationStats([1, 3, 3, 3, 9]).p90).toBeCloseTo(6.6, 9);
    expect(durationStats([2, 2, 8, 8]).median).toBe(5);
  });

  it('the linear-time version gives the same figures as sorting, ties and all', () => {
    const rand = seededRandom(3);
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + Math.floor(rand() * 60);
      const values = Array.from({ length: n }, () => (rand() < 0.5 ? Math.floor(rand() * 4) : rand() * 1000));
      const sorted = durationStats(values);
      const fast = durationStatsInPlace(Float64Array.from(values));
      expect(fast.count).toBe(sorted.count);
      expect(fast.median).toBeCloseTo(sorted.median!, 9);
      expect(fast.p90).toBeCloseTo(sorted.p90!, 9);
      expect(fast.mean).toBeCloseTo(sorted.mean!, 9);
      expect([fast.min, fast.max]).toEqual([sorted.min, sorted.max]);
    }
  });

  it('the one-off version (sorting below 20,000 values, selecting above) gives the linear-time figures to the last bit', () => {
    const rand = seededRandom(8);
    for (const n of [1, 2, 7, 500, 19_999, 20_000, 20_001, 45_000]) {
      const values = Float64Array.from({ length: n }, () => (rand() < 0.3 ? Math.floor(rand() * 5) : Math.round(rand() * 9e6) / 1000));
      expect(durationStatsOnce(values.slice())).toEqual(durationStatsInPlace(values.slice()));
    }
    expect(durationStatsOnce(new Float64Array(0))).toEqual(durationStats([]));
  });

  it('groups values by pair and skips NaN', () => {
    const values = Float64Array.from([1, 2, Number.NaN, 4, 5]);
    const stats = groupedStats(values, Int32Array.from([0, 1, 2, 3, 4]), Int32Array.from([1, 0, 0, 1, 1]), 5, 3);
    expect(stats[0]).toMatchObject({ count: 1, median: 2 });
    expect(stats[1]).toMatchObject({ count: 3, median: 4, mean: 10 / 3 });
    expect(stats[2]).toMatchObject({ count: 0, median: null });
    // Given the groups' pair counts (NaN included), the NaN still counts for nothing.
    expect(groupedStats(values, Int32Array.from([0, 1, 2, 3, 4]), Int32Array.from([1, 0, 0, 1, 1]), 5, 3, Int32Array.from([2, 3, 0]))).toEqual(stats);
  });

  it('gives each group exactly the stats of its own values, for rows in one group, several or none', () => {
    const rand = mulberry32(42);
    for (let trial = 0; trial < 60; trial++) {
      const n = 1 + Math.floor(rand() * 300);
      const groups = 1 + Math.floor(rand() * 9);
      // Few distinct values, so ties are common; some NaN.
      const values = Float64Array.from({ length: n }, () => (rand() < 0.1 ? Number.NaN : Math.floor(rand() * 40) * 7.25));
      const pairRows: number[] = [];
      const pairGroups: number[] = [];
      const identity = trial % 2 === 0;
      for (let r = 0; r < n; r++) {
        if (identity) {
          pairRows.push(r);
          pairGroups.push(Math.floor(rand() * groups));
        } else {
          for (let g = 0; g < groups; g++) {
            if (rand() < 0.3) {
              pairRows.push(r);
              pairGroups.push(g);
            }
          }
        }
      }
      const stats = groupedStats(values, Int32Array.from(pairRows), Int32Array.from(pairGroups), pairRows.length, groups);
      // The same with the groups' pair counts given (values or not), as groupPairs passes them.
      const sizes = new Int32Array(groups);
      for (const g of pairGroups) sizes[g]!++;
      expect(groupedStats(values, Int32Array.from(pairRows), Int32Array.from(pairGroups), pairRows.length, groups, sizes), `trial ${trial}, sizes given`).toEqual(stats);
      for (let g = 0; g < groups; g++) {
        const own = pairRows.filter((r, k) => pairGroups[k] === g && !Number.isNaN(values[r]!)).map((r) => values[r]!);
        const expected = durationStats(own);
        // The mean is summed in pair order, as the values come.
        if (own.length) expected.mean = own.reduce((a, b) => a + b, 0) / own.length;
        expect(stats[g], `trial ${trial} group ${g}`).toEqual(expected);
      }
    }
  });
});
