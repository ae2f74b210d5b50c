/**
 * Tokenization made for tweets and posts: handles, hashtags, URLs, emoji and emoticons,
 * elongations ("sooooo"), apostrophe-less contractions ("dont") and negation scope.
 *
 * Every token keeps its surface form (`raw`) so that reasons and flag evidence can quote the
 * post, and a normalised form (`norm`) that the model hashes.
 */

export type TokenKind = 'word' | 'user' | 'url' | 'hashtag' | 'number' | 'emoji' | 'emoticon' | 'punct';

export interface Token {
  kind: TokenKind;
  /** Normalised form used for features: lower-case, placeholders for users, URLs and numbers. */
  norm: string;
  /** The text as written. */
  raw: string;
  /** Offset of `raw` in the input. */
  start: number;
  /** Inside the scope of a negation ("not", "never", "n't", …). */
  negated: boolean;
  /** The word was elongated ("sooo", "noooo") and has been shortened. */
  elongated: boolean;
  /** Written in capitals (3+ letters), as in shouting. */
  shouted: boolean;
}

// Order matters: URLs before users and emoticons (":/" in "https://"), users before words.
const TOKEN_RE = new RegExp(
  [
    String.raw`(https?:\/\/\S+|www\.[^\s]+)`,
    String.raw`(@[\p{L}\p{N}_]+)`,
    String.raw`(#[\p{L}\p{N}_]+)`,
    String.raw`((?<![\p{L}\p{N}])(?:[:;=][\-o'^]?[)\](\[dDpP\/|*3@$]|[)\](][\-o']?[:;=]|<\/?3)(?![\p{L}\p{N}]))`,
    String.raw`(\p{N}+(?:[.,:\/\-]\p{N}+)*(?:st|nd|rd|th|am|pm|k|x|h)?(?![\p{L}]))`,
    String.raw`([\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}_]|['’\-](?=[\p{L}\p{N}]))*)`,
    String.raw`(\p{Extended_Pictographic}(?:\uFE0F|\u200D\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}])*|[\u{1F1E6}-\u{1F1FF}]{2})`,
    String.raw`([!?]+|[.,;:…]+|[\-–—]{2,}|[()"])`,
  ].join('|'),
  'gu',
);

/** Words that open a negation scope. */
const NEGATORS = new Set([
  'not', 'no', 'never', 'nothing', 'nobody', 'none', 'nowhere', 'neither', 'nor', 'cannot', 'without', 'hardly',
  'barely', 'noone', 'nope', 'nah', 'aint', "ain't",
]);

/** Apostrophe-less spellings that are common in posts, mapped to the usual form. */
const CONTRACTIONS: Record<string, string> = {
  dont: "don't", doesnt: "doesn't", didnt: "didn't", cant: "can't", couldnt: "couldn't", wouldnt: "wouldn't",
  shouldnt: "shouldn't", isnt: "isn't", arent: "aren't", wasnt: "wasn't", werent: "weren't", havent: "haven't",
  hasnt: "hasn't", hadnt: "hadn't", wont: "won't", im: "i'm", ive: "i've", youre: "you're", theyre: "they're",
  thats: "that's", whats: "what's", u: 'you', ur: 'your', pls: 'please', plz: 'please', thx: 'thanks', ty: 'thank',
  tho: 'though', cuz: 'because', bc: 'because', b4: 'before', r: 'are', n: 'and', idk: "i don't know",
};

/** Scope of a negation: at most this many tokens, and never past punctuation. */
const NEGATION_SCOPE = 4;

export function isNegator(norm: string): boolean {
  return NEGATORS.has(norm) || norm.endsWith("n't");
}

function shorten(word: string): { text: string; elongated: boolean } {
  // Three or more of the same letter become two: "sooooo" → "soo", "nooo" → "noo".
  let run = 1;
  let found = false;
  for (let i = 1; i < word.length; i++) {
    run = word.charCodeAt(i) === word.charCodeAt(i - 1) ? run + 1 : 1;
    if (run === 3) {
      found = true;
      break;
    }
  }
  if (!found) return { text: word, elongated: false };
  const text = word.replace(/(\p{L})\1{2,}/gu, '$1$1');
  return { text, elongated: text.length !== word.length };
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let negationLeft = 0;
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(text)) !== null) {
    const raw = m[0];
    const start = m.index;
    let kind: TokenKind;
    let norm: string;
    let elongated = false;
    let shouted = false;
    if (m[1] !== undefined) {
      kind = 'url';
      norm = '<url>';
    } else if (m[2] !== undefined) {
      kind = 'user';
      norm = '<user>';
    } else if (m[3] !== undefined) {
      kind = 'hashtag';
      norm = raw.toLowerCase();
    } else if (m[4] !== undefined) {
      kind = 'emoticon';
      norm = raw.replace(/[-o'^]/g, '').toLowerCase();
    } else if (m[5] !== undefined) {
      kind = 'number';
      norm = '<num>';
    } else if (m[6] !== undefined) {
      kind = 'word';
      let lower = raw.toLowerCase();
      if (lower.includes('’')) lower = lower.replace(/’/g, "'");
      const s = shorten(lower);
      elongated = s.elongated;
      norm = CONTRACTIONS[s.text] ?? s.text;
      shouted = raw.length >= 3 && raw !== lower && raw === raw.toUpperCase();
    } else if (m[7] !== undefined) {
      kind = 'emoji';
      // Skin tones and variation selectors do not change the meaning.
      norm = raw.replace(/\uFE0F|\u{1F3FB}|\u{1F3FC}|\u{1F3FD}|\u{1F3FE}|\u{1F3FF}/gu, '');
    } else {
      kind = 'punct';
      norm = raw[0] === '!' || raw[0] === '?' ? (raw.length > 1 ? raw.slice(0, 2) : raw) : raw[0] === '.' ? '.' : raw;
      if (norm.length === 2 && norm[0] !== norm[1]) norm = '?!';
    }

    let negated = false;
    if (kind === 'punct' || kind === 'url') {
      negationLeft = 0;
    } else if (negationLeft > 0 && kind === 'word') {
      negated = true;
      negationLeft--;
    }
    tokens.push({ kind, norm, raw, start, negated, elongated, shouted });
    if (kind === 'word' && isNegator(norm)) negationLeft = NEGATION_SCOPE;
  }
  return tokens;
}
