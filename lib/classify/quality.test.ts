/**
 * Quality floor on the committed validation splits: a bad retrain fails CI. The floors sit a
 * little under the figures of the committed model (see docs/classifier.md) to allow for small
 * changes of recipe, not for regressions.
 */
import { describe, expect, it } from 'vitest';
import { detectFlags } from './flags';
import { classifyPost } from './index';
import { flagScores, score } from './training';
import { loadBrandEval, loadBrandFlags, loadComplaints, loadEmojiEval, loadSentimentVal, loadTwcsEval, loadTwcsFlags, loadTwcsLabels, polarityOf, type BrandEvalRow } from './training-data';
import { SENTIMENTS, type FlagName } from './types';

/** Hand-marked posts with the flags the rules raise on them, for `flagScores`. */
function markedAndRaised(rows: ReadonlyArray<{ text: string; flags: readonly FlagName[] }>): Array<{ gold: readonly string[]; got: string[] }> {
  return rows.map((r) => ({ gold: r.flags, got: detectFlags(r.text).map((f) => f.name) }));
}

/** Each flag's precision and recall on hand-marked posts, at least its floors: [flag, precision, recall]. */
function expectFlagFloors(rows: ReadonlyArray<{ text: string; flags: readonly FlagName[] }>, floors: ReadonlyArray<readonly [FlagName, number, number]>): void {
  const posts = markedAndRaised(rows);
  for (const [name, precision, recall] of floors) {
    const f = flagScores(posts, name);
    expect(f.precision, `${name} precision`).toBeGreaterThanOrEqual(precision);
    expect(f.recall, `${name} recall`).toBeGreaterThanOrEqual(recall);
  }
}

/** Sentiment and complaint-vs-not macro-F1 on hand-labelled brand posts, held to their floors. */
function expectBrandFloors(rows: BrandEvalRow[], sentimentFloor: number, complaintFloor: number): void {
  const out = rows.map((r) => classifyPost({ text: r.text, lang: 'en' }));
  expect(score(rows.map((r) => r.sentiment), out.map((o) => o.sentiment), SENTIMENTS).macroF1).toBeGreaterThanOrEqual(sentimentFloor);
  const c = score(
    rows.map((r) => (r.intent === 'complaint' ? 'y' : 'n')),
    out.map((o) => (o.intent === 'complaint' ? 'y' : 'n')),
    ['y', 'n'],
  );
  expect(c.macroF1).toBeGreaterThanOrEqual(complaintFloor);
}

describe('quality floor (committed validation data)', () => {
  it('sentiment on TweetEval validation: macro-F1 ≥ 0.64', () => {
    const val = loadSentimentVal();
    const s = score(val.map((v) => v.label), val.map((v) => classifyPost({ text: v.text, lang: 'en' }).sentiment), SENTIMENTS);
    expect(s.macroF1).toBeGreaterThanOrEqual(0.64);
  });

  it('complaint detection on the held-out complaints split: macro-F1 ≥ 0.81', () => {
    const val = loadComplaints().filter((r) => r.split === 'val');
    const s = score(
      val.map((r) => (r.complaint ? 'y' : 'n')),
      val.map((r) => (classifyPost({ text: r.text, lang: 'en' }).intent === 'complaint' ? 'y' : 'n')),
      ['y', 'n'],
    );
    expect(s.macroF1).toBeGreaterThanOrEqual(0.81);
  });

  it('brand-directed posts (hand-labelled): sentiment macro-F1 ≥ 0.66, complaint macro-F1 ≥ 0.79', () => {
    expectBrandFloors(loadBrandEval(), 0.66, 0.79);
  });

  // 0.69: a single run of the sentiment head (0.669–0.681 over seeds 1–6) in place of the mean of
  // 40 (0.714) fails here.
  it('the 393 hand-labelled twcs posts: sentiment macro-F1 ≥ 0.69, complaint macro-F1 ≥ 0.74', () => {
    expectBrandFloors(loadTwcsEval(), 0.69, 0.74);
  });

  // The 2,237 twcs posts labelled in the twenty-ninth session (0.707 and 0.775 in eval:classifier).
  it('the 2,237 hand-labelled twcs posts of twcs-labels.jsonl: sentiment macro-F1 ≥ 0.69, complaint macro-F1 ≥ 0.75', () => {
    expectBrandFloors(loadTwcsLabels(), 0.69, 0.75);
  });

  // The flags on 2,106 hand-marked brand posts (brand-flags.jsonl): the rules' figures in
  // docs/classifier-history.md, "Flags against 2,106 more hand-marked brand posts". A rule dropped
  // or loosened fails here: each floor is a few points under the figure.
  it('flags on the 1,706 hand-marked brand posts the rules were read on: each common flag at its precision and recall', () => {
    expectFlagFloors(
      loadBrandFlags().filter((r) => r.use === 'rules'),
      [
        ['repeat_contact', 0.82, 0.52],
        ['churn', 0.85, 0.6],
        ['safety', 0.7, 0.38],
        ['personal_data', 0.9, 0.6],
        ['abuse', 0.75, 0.7],
      ],
    );
  });

  it('repeat contact on the 400 hand-marked brand posts never read for the rules: precision ≥ 0.8, recall ≥ 0.33', () => {
    expectFlagFloors(
      loadBrandFlags().filter((r) => r.use === 'held-out'),
      [['repeat_contact', 0.8, 0.33]],
    );
  });

  // The flags on 2,306 hand-marked twcs posts (twcs-flags.jsonl): the figures in
  // docs/classifier-history.md, "Flags against 2,306 hand-marked twcs posts". The rules before the
  // twenty-ninth session fail both: repeat contact recall 0.35 and 0.31, safety 0.27, churn 0.32.
  it('flags on the 1,160 hand-marked twcs posts the twenty-ninth session read: each common flag at its precision and recall', () => {
    expectFlagFloors(
      loadTwcsFlags().filter((r) => r.use === 'rules'),
      [
        ['repeat_contact', 0.85, 0.52],
        ['churn', 0.85, 0.6],
        ['safety', 0.8, 0.7],
        ['abuse', 0.65, 0.75],
      ],
    );
  });

  it('repeat contact and safety on the 1,146 hand-marked twcs posts never read for the rules: precision ≥ 0.77 and 0.6, recall ≥ 0.32 and 0.35', () => {
    // Safety: 6 of its 15 marked posts found since the thirtieth session's rule written from the
    // guideline (5 before it, recall 0.33, which this floor fails).
    expectFlagFloors(
      loadTwcsFlags().filter((r) => r.use === 'held-out'),
      [
        ['repeat_contact', 0.77, 0.32],
        ['safety', 0.6, 0.35],
      ],
    );
  });

  it('posts with an emoji (TweetEval emotion, by polarity): macro-F1 ≥ 0.71', () => {
    const rows = loadEmojiEval();
    const predicted = rows.map((r) => {
      const s = classifyPost({ text: r.text, lang: 'en' }).scores.sentiment;
      return polarityOf(s.positive, s.negative);
    });
    expect(score(rows.map((r) => r.label), predicted, ['negative', 'positive']).macroF1).toBeGreaterThanOrEqual(0.71);
  });
});
