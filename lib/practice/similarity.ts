/**
 * How close a trainee's reply is to the brand's real reply: the mean of a word-set overlap (Dice)
 * and a character-trigram overlap (Jaccard), after dropping what differs for every agent anyway
 * (@mentions, links' addresses, sign-offs, case, punctuation). A reference figure, not a verdict:
 * many good replies share few words with the brand's.
 */

// Function words carry no meaning of their own; leaving them in makes any two replies look alike.
const STOPWORDS = new Set(
  'a an the and or but if of to in on at for with from by as is are was were be been being it its this that these those we i you your our us me my they them their he she his her there here so do does did have has had can could would should will shall may might just please hi hello hey'.split(
    ' ',
  ),
);

/** Lower-cased text without mentions, link addresses, sign-offs and punctuation. */
export function normaliseReply(text: string): string {
  return text
    .toLowerCase()
    .replace(/https?:\/\/\S+|www\.\S+/gu, ' link ')
    .replace(/(?:^|\s)@\w+/gu, ' ')
    .replace(/(?:\^|\*|[-–—]\s?)[a-z]{1,3}\s*$/u, ' ')
    .replace(/[’']/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function wordSet(normalised: string): Set<string> {
  return new Set(normalised.split(' ').filter((w) => w.length > 1 && !STOPWORDS.has(w)));
}

function trigrams(normalised: string): Set<string> {
  const padded = ` ${normalised} `;
  const out = new Set<string>();
  const chars = [...padded];
  for (let i = 0; i + 3 <= chars.length; i++) out.add(chars.slice(i, i + 3).join(''));
  return out;
}

function intersectionSize(a: Set<string>, b: Set<string>): number {
  let n = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (large.has(x)) n++;
  return n;
}

/** Dice coefficient of the content words: 2|A∩B| / (|A|+|B|). */
export function wordOverlap(a: string, b: string): number {
  const wa = wordSet(normaliseReply(a));
  const wb = wordSet(normaliseReply(b));
  if (wa.size === 0 && wb.size === 0) return 1;
  if (wa.size === 0 || wb.size === 0) return 0;
  return (2 * intersectionSize(wa, wb)) / (wa.size + wb.size);
}

/** Jaccard index of the character trigrams: |A∩B| / |A∪B|. */
export function trigramOverlap(a: string, b: string): number {
  const ta = trigrams(normaliseReply(a));
  const tb = trigrams(normaliseReply(b));
  if (ta.size === 0 && tb.size === 0) return 1;
  const shared = intersectionSize(ta, tb);
  const union = ta.size + tb.size - shared;
  return union === 0 ? 0 : shared / union;
}

/** 0 (nothing in common) to 1 (the same reply, give or take mentions, links and sign-off). */
export function replySimilarity(a: string, b: string): number {
  return (wordOverlap(a, b) + trigramOverlap(a, b)) / 2;
}
