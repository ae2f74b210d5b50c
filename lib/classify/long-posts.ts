/**
 * Long posts of the shapes that once cost the classifier time in the square of their length:
 * one word, emoji or emoticon repeated (the reasons' candidates all clash with the first), many
 * matches of one flag's rules (some overlapping another rule's), a run of handles before "didn't
 * work", many emails, references and phone numbers; and ordinary posts run together. Up to 20,000
 * characters, the most a post may hold (lib/post.ts). Node only (reads data/classifier): for
 * output-corpus.ts, which holds their outputs to a digest, and the classifier bench, which times
 * them. The ordinary posts are TweetEval validation's (a caller that has them read passes them).
 */
import { loadSentimentVal } from './training-data';

function validationTexts(): string[] {
  return loadSentimentVal().map((s) => s.text);
}

/** Each shape, by name: a text of about `length` characters. */
export function longPostShapes(ordinary: readonly string[] = validationTexts()): Record<string, (length: number) => string> {
  const prose = (length: number, tail = ''): string => {
    let t = '';
    for (let k = 0; t.length < length; k++) t += `${ordinary[k % ordinary.length]!} ${tail}`;
    return t.slice(0, length);
  };
  const times = (piece: string, length: number): string => piece.repeat(Math.max(1, Math.floor(length / piece.length)));
  return {
    prose: (length) => prose(length),
    proseWithFlags: (length) => prose(length, 'still not working, I called 3 times, no reply. '),
    emoticons: (length) => times(':) ', length),
    emoji: (length) => times('😂 ', length),
    emojiRun: (length) => times('😂', length),
    oneWord: (length) => times('terrible ', length),
    oneWordThenAnother: (length) => `${times('awful awful ', length - 40)}but the refund never came`,
    didntWork: (length) => times("didn't work ", length),
    handlesThenDidntWork: (length) => `${times('@x ', length - 12)}didn't work`,
    hashReferences: (length) => times('#1234567 ', length),
    overlappingRules: (length) => times('sent it twice now, ', length),
    counted: (length) => {
      let t = '';
      for (let k = 2; t.length < length; k++) t += `called ${k} times `;
      return t;
    },
    phones: (length) => times('call 555-123-4567 ', length),
    emails: (length) => times('a@b.co ', length),
    references: (length) => times('order ABC123 ', length),
    stillNot: (length) => times('still not ', length),
    again: (length) => times('again ', length),
    negations: (length) => times('not good ', length),
    churn: (length) => times('I am switching to another provider. ', length),
    legal: (length) => times('I will sue you. ', length),
  };
}

/** Every shape at 1,000, 5,000 and 20,000 characters, and 40 mixes of short pieces of them with ordinary posts. */
export function longPosts(ordinary: readonly string[] = validationTexts()): string[] {
  const shapes = Object.values(longPostShapes(ordinary));
  const out = [1000, 5000, 20000].flatMap((length) => shapes.map((shape) => shape(length)));
  for (let k = 0; k < 40; k++) {
    let t = k % 2 === 0 ? '@acme @bob ' : '';
    for (let j = 0; t.length < 6000; j++) t += `${shapes[(k * 7 + j * 3) % shapes.length]!(30 + ((k + j) % 5) * 40)} ${ordinary[(k * 40 + j) % ordinary.length]!} `;
    out.push(k % 5 === 4 ? t.toUpperCase() : t);
  }
  return out;
}
