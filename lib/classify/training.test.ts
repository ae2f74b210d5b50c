import { describe, expect, it } from 'vitest';
import { macroF1Interval, score } from './training';

const L = ['a', 'b', 'c'];
/** n posts, the first `wrong` of which are mislabelled. */
function posts(n: number, wrong: number): { gold: string[]; predicted: string[] } {
  const gold = Array.from({ length: n }, (_, i) => L[i % 3]!);
  const predicted = gold.map((g, i) => (i < wrong ? L[(L.indexOf(g) + 1) % 3]! : g));
  return { gold, predicted };
}

describe('macroF1Interval', () => {
  it('holds the point figure, is the same on every run, and narrows as the posts grow', () => {
    const small = posts(60, 15);
    const large = posts(600, 150);
    const [lo, hi] = macroF1Interval(small.gold, small.predicted, L);
    const point = score(small.gold, small.predicted, L).macroF1;
    expect(lo).toBeLessThan(point);
    expect(hi).toBeGreaterThan(point);
    expect(macroF1Interval(small.gold, small.predicted, L)).toEqual([lo, hi]);
    const [llo, lhi] = macroF1Interval(large.gold, large.predicted, L);
    expect(lhi - llo).toBeLessThan((hi - lo) * 0.6);
    expect(llo).toBeLessThan(score(large.gold, large.predicted, L).macroF1);
  });

  it('is a single point when every post is right, and empty input gives [0, 0]', () => {
    const all = posts(90, 0);
    expect(macroF1Interval(all.gold, all.predicted, L)).toEqual([1, 1]);
    expect(macroF1Interval([], [], L)).toEqual([0, 0]);
  });
});
