import { describe, expect, it } from 'vitest';
import { buildCorrectionLayer, classifyPost } from './index';
import type { CorrectionLayer } from './classify-post';
import { featurize, type FeatureSet } from './features';

// A kind of post this team sees often: giveaway entries, which the shipped model reads as
// praise, and the team files as "other" with neutral sentiment (nothing to answer).
const corrections = [
  { text: '@ShopCo I would love to win this! #ShopCoGiveaway', intent: 'other' as const, sentiment: 'neutral' as const },
  { text: 'Love this, entering to win @ShopCo #ShopCoGiveaway', intent: 'other' as const, sentiment: 'neutral' as const },
  { text: '@ShopCo pick me! would love to win #ShopCoGiveaway', intent: 'other' as const, sentiment: 'neutral' as const },
  { text: 'amazing prize, love to win it @ShopCo #ShopCoGiveaway', intent: 'other' as const, sentiment: 'neutral' as const },
  { text: '#ShopCoGiveaway I would really love to win @ShopCo', intent: 'other' as const, sentiment: 'neutral' as const },
];
const newPost = { text: '@ShopCo would love to win this amazing prize #ShopCoGiveaway' };
const unrelated = { text: 'Thank you @ShopCo, the staff in your Leeds store were wonderful!' };

describe('corrections layer', () => {
  it('shipped model labels the new post differently from the corrections (the premise)', () => {
    const c = classifyPost(newPost);
    expect(c.intent).toBe('praise');
    expect(c.sentiment).toBe('positive');
  });

  it('after a handful of corrections, new posts of that kind are labelled as corrected', () => {
    const layer = buildCorrectionLayer(corrections);
    expect(layer.size).toBe(5);
    const c = classifyPost(newPost, { corrections: layer });
    expect(c.intent).toBe('other');
    expect(c.sentiment).toBe('neutral');
    expect(c.reasons.at(-1)).toBe('adjusted by 5 local corrections');
    // Every corrected post itself is now labelled as corrected.
    for (const k of corrections) expect(classifyPost(k, { corrections: layer }).intent).toBe('other');
  });

  it('leaves unrelated posts as the shipped model labels them', () => {
    const layer = buildCorrectionLayer(corrections);
    const before = classifyPost(unrelated);
    const after = classifyPost(unrelated, { corrections: layer });
    expect(after.intent).toBe(before.intent);
    expect(after.sentiment).toBe(before.sentiment);
  });

  it('a reset (an empty list) restores the shipped model exactly', () => {
    const reset = buildCorrectionLayer([]);
    expect(reset.size).toBe(0);
    expect(classifyPost(newPost, { corrections: reset })).toEqual(classifyPost(newPost));
  });

  it('is pure and deterministic', () => {
    const a = classifyPost(newPost, { corrections: buildCorrectionLayer(corrections) });
    const b = classifyPost(newPost, { corrections: buildCorrectionLayer(corrections) });
    expect(a).toEqual(b);
  });

  it('weighs the corrections in the reasons, for sentiment as for intent, through a word and its n-grams', () => {
    // A layer that has learnt one thing: "zebra" (its own feature and its n-grams) is negative.
    const zebra = new Set(featurize('zebra').ids);
    const layer: CorrectionLayer = {
      size: 1,
      accumulate(features: FeatureSet, logits: Float64Array) {
        for (const id of features.ids) if (zebra.has(id)) logits[4] = logits[4]! + 3 * features.value;
      },
    };
    const text = 'the zebra crossing by @ShopCo';
    expect(classifyPost({ text, lang: 'en' }).reasons.some((r) => r.startsWith('"zebra" → negative'))).toBe(false);
    const c = classifyPost({ text, lang: 'en' }, { corrections: layer });
    expect(c.sentiment).toBe('negative');
    expect(c.reasons).toContain('"zebra" → negative');
  });

  it('can correct sentiment alone', () => {
    const sarcasm = [
      { text: 'great, another delay @ShopCo, just great', sentiment: 'negative' as const },
      { text: 'oh great another delay from @ShopCo', sentiment: 'negative' as const },
      { text: 'another delay, great job @ShopCo', sentiment: 'negative' as const },
    ];
    const layer = buildCorrectionLayer(sarcasm);
    expect(classifyPost({ text: 'great, another delay again @ShopCo' }, { corrections: layer }).sentiment).toBe('negative');
  });

  it('learns a reply as classifyPost reads it: with the handle it answers first', () => {
    const replies = corrections.map((c) => ({ ...c, text: c.text.replace(/@ShopCo ?/, '').trim() }));
    const withHandle = replies.map((c) => ({ ...c, text: `@ShopCo ${c.text}` }));
    const asReplies = buildCorrectionLayer(replies.map((c) => ({ ...c, replyTo: 'ShopCo' })));
    const asText = buildCorrectionLayer(withHandle);
    const post = { text: 'so excited, would love to win! #ShopCoGiveaway', replyTo: 'ShopCo' };
    expect(classifyPost(post, { corrections: asReplies })).toEqual(classifyPost(post, { corrections: asText }));
    expect(classifyPost(post, { corrections: asReplies }).intent).toBe('other');
  });
});
