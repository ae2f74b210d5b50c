import { describe, expect, it } from 'vitest';
import { shippedModel } from './classify-post';
import { featureBuffers, featurize, featurizeScan, gramSums } from './features';
import { classifyPost } from './index';
import { COLUMNS } from './model';
import { scan } from './tokenize';
import { loadBrandEval, loadEmojiEval, loadSentimentVal } from './training-data';

describe('featurize: hashtags', () => {
  it('reads a hashtag as its word too: its word feature and character n-grams', () => {
    const word = featurize('disappointed');
    const tag = featurize('#disappointed');
    // Of the word's features only its pairs with the start and the end of the post are missing.
    const missing = [...word.ids].filter((id) => !tag.ids.includes(id));
    expect(missing).toHaveLength(2);
    expect(tag.ids.length).toBe(word.ids.length + 1);
    // The word's feature can be a reason, shown as the tag.
    expect([...tag.namedIds]).toContain(word.namedIds[0]);
  });

  it('gives a tag of digits only (an order reference) no word', () => {
    expect(featurize('#4417').ids.length).toBe(featurize('#abc').ids.length - (1 + 2 * 3 - 1));
  });

  it('lets a tag say what its word says', () => {
    const sad = classifyPost({ text: '@acme #disappointed' });
    expect(sad.sentiment).toBe('negative');
    expect(sad.reasons[0]).toMatch(/^"#disappointed" →/);
    expect(classifyPost({ text: '@acme #love' }).sentiment).toBe('positive');
    expect(classifyPost({ text: '@acme #thankyou' }).sentiment).toBe('positive');
  });
});

describe('featurizeScan: the per-word n-gram cache', () => {
  it('gives exactly the scores of the full feature list, words and hashtags alike, on a first and a second reading', () => {
    const model = shippedModel();
    const texts = [...loadBrandEval().map((b) => b.text), ...loadSentimentVal().map((v) => v.text), ...loadEmojiEval().map((e) => e.text)];
    expect(texts.filter((t) => t.includes('#')).length).toBeGreaterThan(300);
    const mismatches: string[] = [];
    for (const text of [...texts, ...texts]) {
      const full = new Float64Array(COLUMNS);
      const n = featurizeScan(scan(text));
      const f = featureBuffers();
      model.accumulate(f.ids, f.count, 1 / Math.sqrt(n), full);
      const cached = new Float64Array(COLUMNS);
      const m = featurizeScan(scan(text), model.packed);
      const g = featureBuffers();
      model.accumulate(g.ids, g.count, 1 / Math.sqrt(m), cached, gramSums);
      if (m !== n || cached.some((x, i) => x !== full[i])) mismatches.push(text);
    }
    expect(mismatches).toEqual([]);
  });
});
