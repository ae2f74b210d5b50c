/**
 * Quality floor on the committed validation splits: a bad retrain fails CI. The floors sit a
 * little under the figures of the committed model (see docs/classifier.md) to allow for small
 * changes of recipe, not for regressions.
 */
import { describe, expect, it } from 'vitest';
import { classifyPost } from './index';
import { score } from './training';
import { loadBrandEval, loadComplaints, loadEmojiEval, loadSentimentVal, loadTwcsEval, polarityOf } from './training-data';
import { SENTIMENTS } from './types';

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

  it('brand-directed posts (hand-labelled): sentiment macro-F1 ≥ 0.64, complaint macro-F1 ≥ 0.79', () => {
    const brand = loadBrandEval();
    const out = brand.map((b) => classifyPost({ text: b.text, lang: 'en' }));
    expect(score(brand.map((b) => b.sentiment), out.map((o) => o.sentiment), SENTIMENTS).macroF1).toBeGreaterThanOrEqual(0.64);
    const c = score(
      brand.map((b) => (b.intent === 'complaint' ? 'y' : 'n')),
      out.map((o) => (o.intent === 'complaint' ? 'y' : 'n')),
      ['y', 'n'],
    );
    expect(c.macroF1).toBeGreaterThanOrEqual(0.79);
  });

  it('the 393 hand-labelled twcs posts: sentiment macro-F1 ≥ 0.65, complaint macro-F1 ≥ 0.74', () => {
    const twcs = loadTwcsEval();
    const out = twcs.map((t) => classifyPost({ text: t.text, lang: 'en' }));
    expect(score(twcs.map((t) => t.sentiment), out.map((o) => o.sentiment), SENTIMENTS).macroF1).toBeGreaterThanOrEqual(0.65);
    const c = score(
      twcs.map((t) => (t.intent === 'complaint' ? 'y' : 'n')),
      out.map((o) => (o.intent === 'complaint' ? 'y' : 'n')),
      ['y', 'n'],
    );
    expect(c.macroF1).toBeGreaterThanOrEqual(0.74);
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
