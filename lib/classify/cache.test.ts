import { describe, expect, it } from 'vitest';
import { ClassificationCache } from './cache';
import { buildCorrectionLayer, classifyPost } from './index';

describe('ClassificationCache', () => {
  it('answers as classifyPost does, once per text and language tag', () => {
    const cache = new ClassificationCache();
    const a = cache.classify({ text: '@acme my order never arrived', lang: 'en' });
    expect(a).toEqual(classifyPost({ text: '@acme my order never arrived', lang: 'en' }));
    expect(cache.classify({ text: '@acme my order never arrived', lang: 'en' })).toBe(a);
    // Another language tag is another answer.
    const fr = cache.classify({ text: '@acme my order never arrived', lang: 'fr' });
    expect(fr.classified).toBe(false);
    expect(cache.size).toBe(2);
    // So is another reply handle: a reply is addressed to an account even when its text names none.
    const text = "I couldn't even eat the chorizo because it was too tough. Very dissatisfied.";
    expect(cache.classify({ text, replyTo: 'acme' })).toEqual(classifyPost({ text, replyTo: 'acme' }));
    expect(cache.classify({ text })).toEqual(classifyPost({ text }));
    expect(cache.classify({ text, replyTo: 'acme' }).intent).not.toBe(cache.classify({ text }).intent);
    expect(cache.size).toBe(4);
  });

  it('classifies with its layer', () => {
    const giveaway = [1, 2, 3, 4, 5].map((k) => ({ text: `@ShopCo would love to win ${k} #ShopCoGiveaway`, intent: 'other' as const, sentiment: 'neutral' as const }));
    const layer = buildCorrectionLayer(giveaway);
    const text = '@ShopCo would love to win this amazing prize #ShopCoGiveaway';
    expect(new ClassificationCache(layer).classify({ text })).toEqual(classifyPost({ text }, { corrections: layer }));
    expect(new ClassificationCache(layer).classify({ text }).reasons.at(-1)).toBe('adjusted by 5 local corrections');
  });

  it('keeps at most its capacity, dropping the least recently read', () => {
    const cache = new ClassificationCache(undefined, 3);
    const first = cache.classify({ text: 'one' });
    cache.classify({ text: 'two' });
    cache.classify({ text: 'three' });
    expect(cache.classify({ text: 'one' })).toBe(first); // read again: now the youngest
    cache.classify({ text: 'four' }); // drops "two"
    expect(cache.size).toBe(3);
    expect(cache.classify({ text: 'one' })).toBe(first);
    const two = cache.classify({ text: 'two' });
    expect(two).toEqual(classifyPost({ text: 'two' }));
    expect(cache.size).toBe(3);
  });
});
