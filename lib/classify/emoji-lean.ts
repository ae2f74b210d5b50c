/**
 * What a post's emoji say about its sentiment, on top of the model.
 *
 * The model learnt sentiment from SemEval and TweetEval tweets, whose releases had their emoji
 * stripped, and from a few thousand brand posts; it knows emoji only through weak priors. So
 * "@acme 😡" and "@acme 😍" both read neutral (0.92 and 0.98): a post of a handle and nothing
 * else, which is all those tweets left, was neutral. This short list, written for Careline, names
 * the emoji whose polarity is plain in posts to a brand; each one in a post adds a fixed amount to
 * its sentiment's logit. Left out on purpose: emoji read both ways in posts to a brand (😂 and 🤣
 * mock as often as they laugh, 😭 is as often "so funny", 🙏 both thanks and "please help", 🔥
 * both praise and a fire, 💪, 😬, 🤔).
 *
 * A post with no words at all ("@acme 😡", "😍😍 @acme") has nothing the model can read, so there
 * its emoji decide: the shipped model's sentiment logits are set aside (a local correction layer
 * still counts) before the emoji's are added.
 */
import { SENTIMENT_COLUMNS } from './model';
import { K_EMOJI, K_EMOTICON, K_HASHTAG, K_WORD, type Scan } from './tokenize';

const NEGATIVE_COLUMN = SENTIMENT_COLUMNS[0];
const POSITIVE_COLUMN = SENTIMENT_COLUMNS[2];

/**
 * Logits one listed emoji adds to its sentiment. Chosen on the hand-labelled brand-directed
 * training posts' out-of-fold scores (5 folds, whole recipe per fold; docs/classifier-history.md, "Emoji
 * in posts to a brand").
 */
export const EMOJI_LEAN_LOGITS = 2;

const NEGATIVE_EMOJI = '😡🤬😠😤👎💔😢😞😔😩😫🙄😒🤮🤢💩😾☹🙁😕😣😖😑😓😟😿🖕🤦';
const POSITIVE_EMOJI = '😍🥰❤😊👍👏🎉😁😀😃😄🥳💯💕💖💗💓💞💘🙌😘😎👌💙💚💛💜🧡♥☺😇🤗🙂🌟⭐🤩😻';

/** Polarity by the first code point of an emoji token's norm: -1 negative, 1 positive. */
const EMOJI_POLARITY = new Map<number, number>([
  ...[...NEGATIVE_EMOJI].map((e): [number, number] => [e.codePointAt(0)!, -1]),
  ...[...POSITIVE_EMOJI].map((e): [number, number] => [e.codePointAt(0)!, 1]),
]);

/** Keys standing for the two listed emoticons among the emoji's code points. */
const HEART = -1;
const BROKEN_HEART = -2;

/** Emoticons the model reads as neutral although they are not ("<3" is a heart): HEART, BROKEN_HEART or 0. */
function emoticonKey(s: Scan, t: number): number {
  const from = s.normStart[t]!;
  const length = s.normEnd[t]! - from;
  const n = s.norm;
  if (length === 2 && n[from] === 60 && n[from + 1] === 51) return HEART; // <3
  if (length === 3 && n[from] === 60 && n[from + 1] === 47 && n[from + 2] === 51) return BROKEN_HEART; // </3
  return 0;
}

/** The listed emoji seen so far in the current post (a post holds few). */
const seen: number[] = [];

export interface EmojiLean {
  /**
   * Distinct listed negative and positive emoji in the post: "😘😘😘" counts once (emphasis, not
   * three pieces of evidence; three would outweigh a whole complaint written in words).
   */
  negative: number;
  positive: number;
  /** The post has no word (and no hashtag): the emoji decide its sentiment. */
  wordless: boolean;
  /** Token of the first negative and of the first positive listed emoji (-1 if none), for the reasons. */
  negativeAt: number;
  positiveAt: number;
}

/** The listed emoji of a scanned post, or undefined when it has none (most posts). */
export function emojiLean(s: Scan): EmojiLean | undefined {
  if (s.emojis === 0) return undefined;
  let negative = 0;
  let positive = 0;
  let negativeAt = -1;
  let positiveAt = -1;
  let wordless = true;
  seen.length = 0;
  for (let t = 0; t < s.count; t++) {
    const kind = s.kind[t];
    let key = 0;
    let polarity = 0;
    if (kind === K_EMOJI) {
      const from = s.normStart[t]!;
      key = s.norm[from]!;
      if (key >= 0xd800 && key <= 0xdbff && from + 1 < s.normEnd[t]!) key = ((key - 0xd800) << 10) + (s.norm[from + 1]! - 0xdc00) + 0x10000;
      polarity = EMOJI_POLARITY.get(key) ?? 0;
    } else if (kind === K_EMOTICON) {
      key = emoticonKey(s, t);
      polarity = key === HEART ? 1 : key === BROKEN_HEART ? -1 : 0;
    } else if (kind === K_WORD || kind === K_HASHTAG) wordless = false;
    if (polarity === 0 || seen.includes(key)) continue;
    seen.push(key);
    if (polarity < 0) {
      if (negative++ === 0) negativeAt = t;
    } else if (polarity > 0) {
      if (positive++ === 0) positiveAt = t;
    }
  }
  if (negative === 0 && positive === 0) return undefined;
  return { negative, positive, wordless, negativeAt, positiveAt };
}

/**
 * Sets a word-less post's shipped sentiment logits aside (call after the shipped model's sum and
 * before a correction layer's).
 */
export function setAsideModelSentiment(lean: EmojiLean | undefined, logits: Float64Array): void {
  if (lean?.wordless) for (const c of SENTIMENT_COLUMNS) logits[c] = 0;
}

/** Adds the emoji's logits to the negative and positive sentiment columns. */
export function addEmojiLean(lean: EmojiLean | undefined, logits: Float64Array): void {
  if (!lean) return;
  logits[NEGATIVE_COLUMN] = logits[NEGATIVE_COLUMN]! + EMOJI_LEAN_LOGITS * lean.negative;
  logits[POSITIVE_COLUMN] = logits[POSITIVE_COLUMN]! + EMOJI_LEAN_LOGITS * lean.positive;
}
