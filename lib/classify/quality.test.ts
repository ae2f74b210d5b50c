/**
 * Quality floor on the committed validation splits: a bad retrain fails CI. The floors sit a
 * little under the figures of the committed model (see docs/classifier.md) to allow for small
 * changes of recipe, not for regressions.
 */
import { describe, expect, it } from 'vitest';
import { classifyPost } from './index';
import { score } from './training';
import { loadBrandEval, loadComplaints, loadEmojiEval, loadSentimentVal, loadTwcsEval, polarityOf, type BrandEvalRow } from './training-data';
import { SENTIMENTS } from './types';

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

  it('posts with an emoji (TweetEval emotion, by polarity): macro-F1 ≥ 0.71', () => {
    const rows = loadEmojiEval();
    const predicted = rows.map((r) => {
      const s = classifyPost({ text: r.text, lang: 'en' }).scores.sentiment;
      return polarityOf(s.positive, s.negative);
    });
    expect(score(rows.map((r) => r.label), predicted, ['negative', 'positive']).macroF1).toBeGreaterThanOrEqual(0.71);
  });
});
