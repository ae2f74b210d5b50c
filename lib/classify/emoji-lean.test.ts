import { describe, expect, it } from 'vitest';
import { buildCorrectionLayer, classifyPost } from './index';
import { scoreFeatures } from './classify-post';
import { EMOJI_LEAN_LOGITS, emojiLean } from './emoji-lean';
import { featurize } from './features';
import { scan } from './tokenize';

const read = (text: string) => classifyPost({ text, lang: 'en' });

describe('emoji in posts to a brand', () => {
  it('a post with no words reads as its emoji say (the model alone read every one neutral)', () => {
    for (const text of ['@acme 😡', '@acme 👎👎👎', '😤 @acme', '@acme @bob 🤬 https://t.co/x', '@acme </3']) {
      const c = read(text);
      expect(c.sentiment, text).toBe('negative');
      expect(c.reasons[0], text).toMatch(/^".+" → negative$/);
    }
    for (const text of ['@acme 😍', '@acme ❤️', '@acme 👍🏽', '@acme <3']) expect(read(text).sentiment, text).toBe('positive');
    // Its reason names the emoji as written, and no other line contradicts it.
    expect(read('@acme 😡').reasons).toEqual(['"😡" → negative']);
    expect(read('@acme 👍🏽').reasons[0]).toBe('"👍🏽" → positive');
  });

  it('leaves emoji read both ways in posts to a brand to the model', () => {
    for (const text of ['@acme 😂', '@acme 🙏', '@acme 🔥', '@acme 😭']) expect(emojiLean(scan(text)), text).toBeUndefined();
    expect(read('@acme 😂').sentiment).toBe('neutral');
  });

  it('counts an emoji once however often it is repeated', () => {
    const lean = emojiLean(scan('@acme 😘😘😘 ❤️❤️ 😡'))!;
    expect(lean).toMatchObject({ negative: 1, positive: 2, wordless: true });
    expect(read('@acme 👎👎👎').scores.sentiment).toEqual(read('@acme 👎').scores.sentiment);
    // Three kisses after a complaint told in words do not turn it into praise.
    const sarcastic = read("Driver left me at the wrong place and @acme won't give a proper refund #Fail 😘😘😘");
    expect(sarcastic.sentiment).toBe('negative');
  });

  it('nudges a post with words, which still count', () => {
    const plain = read('@acme my new phone arrived today');
    const happy = read('@acme my new phone arrived today 😍');
    expect(happy.scores.sentiment.positive).toBeGreaterThan(plain.scores.sentiment.positive);
    const text = '@acme my new phone arrived today 😍 but the box was crushed 😞';
    const lean = emojiLean(scan(text))!;
    expect(lean).toMatchObject({ negative: 1, positive: 1, wordless: false });
    // Exactly EMOJI_LEAN_LOGITS on each listed emoji's sentiment, on top of the model's own reading.
    const features = featurize(text);
    const logOdds = (s: ReturnType<typeof scoreFeatures>, label: 'negative' | 'positive') => Math.log(s.sentiment[label] / s.sentiment.neutral);
    const model = scoreFeatures(features);
    const leaned = scoreFeatures(features, undefined, lean);
    expect(logOdds(leaned, 'positive') - logOdds(model, 'positive')).toBeCloseTo(EMOJI_LEAN_LOGITS, 9);
    expect(logOdds(leaned, 'negative') - logOdds(model, 'negative')).toBeCloseTo(EMOJI_LEAN_LOGITS, 9);
    expect(read('@acme my order never arrived and nobody answers, useless 😊').sentiment).toBe('negative');
    // A hashtag is words: "#fail" is read by the model too.
    expect(emojiLean(scan('@acme #fail 😡'))?.wordless).toBe(false);
  });

  it('a local correction still teaches a word-less post, and a reset restores the emoji reading', () => {
    // This team reads "@brand 👍" as a plain acknowledgement.
    const texts = ['@acme 👍', '@acme 👍 https://t.co/a', '@acme @bob 👍', '👍 @acme', '@acme 👍👍'];
    const layer = buildCorrectionLayer(texts.map((text) => ({ text, sentiment: 'neutral' as const })));
    expect(classifyPost({ text: '@shopco 👍' }, { corrections: layer }).sentiment).toBe('neutral');
    expect(classifyPost({ text: '@shopco 👍' }, { corrections: buildCorrectionLayer([]) }).sentiment).toBe('positive');
  });
});
