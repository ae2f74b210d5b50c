import { describe, expect, it } from 'vitest';
import { featurize } from './features';
import { classifyPost } from './index';

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
