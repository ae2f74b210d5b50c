import { describe, expect, it } from 'vitest';
import { flagScores, macroF1Interval, score, toExample, trainAveraged, trainSoftmax, type TrainOptions } from './training';

const L = ['a', 'b', 'c'];
/** n posts, the first `wrong` of which are mislabelled. */
function posts(n: number, wrong: number): { gold: string[]; predicted: string[] } {
  const gold = Array.from({ length: n }, (_, i) => L[i % 3]!);
  const predicted = gold.map((g, i) => (i < wrong ? L[(L.indexOf(g) + 1) % 3]! : g));
  return { gold, predicted };
}

describe('flagScores', () => {
  it('counts one flag: marked, raised, precision and recall, and NaN when none was raised', () => {
    const posts = [
      { gold: ['churn'], got: ['churn', 'abuse'] },
      { gold: ['churn'], got: [] },
      { gold: [], got: ['churn'] },
      { gold: ['abuse'], got: ['abuse'] },
    ];
    expect(flagScores(posts, 'churn')).toEqual({ marked: 2, raised: 2, precision: 0.5, recall: 0.5 });
    expect(flagScores(posts, 'abuse')).toEqual({ marked: 1, raised: 2, precision: 0.5, recall: 1 });
    const legal = flagScores(posts, 'legal');
    expect([legal.marked, legal.raised, Number.isNaN(legal.precision), Number.isNaN(legal.recall)]).toEqual([0, 0, true, true]);
  });
});

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

describe('trainAveraged', () => {
  const examples = [
    toExample('love it, thank you so much', 2),
    toExample('my order never arrived and nobody answers', 0),
    toExample('what time do you open on sunday', 1),
    toExample('great service, the staff were lovely', 2),
    toExample('the app keeps crashing, this is awful', 0),
    toExample('is the store open today', 1),
  ];
  const opts: TrainOptions = { classes: 3, epochs: 3, learningRate: 0.5, l2: 1e-6, balance: true };

  it('is the mean of the runs, weight by weight, and one seed is that run', () => {
    const a = trainSoftmax(examples, { ...opts, seed: 1 });
    const b = trainSoftmax(examples, { ...opts, seed: 2 });
    // Different shuffles give different heads: otherwise there is nothing to average.
    expect(Array.from(a.weights)).not.toEqual(Array.from(b.weights));
    const mean = trainAveraged(examples, opts, [1, 2]);
    let checked = 0;
    for (let i = 0; i < mean.weights.length; i++) {
      if (a.weights[i] === 0 && b.weights[i] === 0) continue;
      expect(mean.weights[i]).toBe(Math.fround((a.weights[i]! + b.weights[i]!) / 2));
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
    expect(Array.from(trainAveraged(examples, opts, [1]).weights)).toEqual(Array.from(a.weights));
  });

  it('gives the same bytes on every run, marks what any run saw, and needs a seed', () => {
    const x = trainAveraged(examples, opts, [1, 2, 3]);
    const y = trainAveraged(examples, opts, [1, 2, 3]);
    expect(Buffer.from(x.weights.buffer).equals(Buffer.from(y.weights.buffer))).toBe(true);
    const seen = trainSoftmax(examples, { ...opts, seed: 1 }).seen;
    expect(Array.from(x.seen)).toEqual(Array.from(seen));
    expect(x.seen.reduce((n, v) => n + v, 0)).toBeGreaterThan(50);
    expect(() => trainAveraged(examples, opts, [])).toThrow(/at least one seed/);
  });
});
