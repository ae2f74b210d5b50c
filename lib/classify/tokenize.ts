/**
 * Tokenization made for tweets and posts: handles, hashtags, URLs, emoji and emoticons,
 * elongations ("sooooo"), apostrophe-less contractions ("dont") and negation scope.
 *
 * One hand-written scanner over char codes (`scan`) does the work for the classifier: it fills
 * reusable typed arrays and a buffer of normalised code units, so classifying a post allocates
 * no token objects and no strings. `tokenize` turns the same scan into `Token` objects for
 * tests, tools and the public API.
 *
 * Grammar, at each token start (whitespace separates, anything else unknown is skipped):
 *  - `http://…`, `https://…`, `www.…` up to whitespace → url (norm `<url>`)
 *  - a link with no scheme, as X shows links: `example.com`, `bit.ly/3xYz…` → url (`bareUrlEnd`)
 *  - `@name` (not right after a letter or digit, as in an email) → user (`<user>`), `#tag` → hashtag
 *  - `:)`, `;-P`, `=D`, `(:`, `<3`, `</3` standing alone → emoticon
 *  - digits with `.,:/-` groups and an optional `st nd rd th am pm k x h` suffix → number
 *    (`<num>`); digits glued to letters ("3g", "24hrs") are a word
 *  - letters, marks and digits, with `_` and inner `'` `’` `-` → word: lower-cased, runs of 3+
 *    equal letters shortened to 2 (elongated), "dont"/"u"/"pls" normalised, shouting noted
 *  - emoji (Extended_Pictographic with ZWJ sequences; skin tones and VS16 dropped from the norm),
 *    flag pairs → emoji
 *  - `!`/`?` runs (norm: `!`, `?`, `!!`, `??`, `?!`), `.,;:…` runs (norm: first char), `--`,
 *    `(`, `)`, `"` → punct
 * Negation scope: after a negator ("not", "never", "…n't"), the next 4 tokens that are words are
 * marked, never past punctuation or a URL.
 */
import { fnv1a, FNV_OFFSET, FNV_PRIME } from '../fnv';
import { STOPWORD_LANGUAGES, stopwordEntry } from './language';
import { bareUrlEnd, isUrlStart, urlRunEnd } from './url-start';

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

export const K_WORD = 0;
export const K_USER = 1;
export const K_URL = 2;
export const K_HASHTAG = 3;
export const K_NUMBER = 4;
export const K_EMOJI = 5;
export const K_EMOTICON = 6;
export const K_PUNCT = 7;
const KIND_NAMES: readonly TokenKind[] = ['word', 'user', 'url', 'hashtag', 'number', 'emoji', 'emoticon', 'punct'];

/** Token bits. */
export const T_NEGATED = 1;
export const T_ELONGATED = 2;
export const T_SHOUTED = 4;
/** An English function word ("the", "my"): never a reason on its own. */
export const T_FUNCTION = 8;
/** A word written in ASCII only (its lower case then has the same length as the text). */
export const T_ASCII = 16;
/**
 * The token's text is its own lower case: a word or a tag in ASCII with no capital, or an emoji
 * (of the pictographs only "Ⓜ" has a lower case). A reason shows such a token's text as it is,
 * without `toLowerCase` (about 700 instructions a call in Node's V8, through ICU for a post with
 * a character past Latin-1).
 */
export const T_LOWER_TEXT = 32;

/** The scan of one post. Reused from call to call: read it before scanning another post. */
export interface Scan {
  text: string;
  count: number;
  kind: Uint8Array;
  bits: Uint8Array;
  start: Int32Array;
  end: Int32Array;
  /** FNV-1a (32-bit, signed) of the token's norm. */
  hash: Int32Array;
  /** The norm's code units are norm[normStart[t] .. normEnd[t]). */
  normStart: Int32Array;
  normEnd: Int32Array;
  norm: Uint16Array;
  /** Words, and the summed length of their norms (for language detection). */
  words: number;
  wordChars: number;
  /** Stop-word hits per language, in the order of language.ts's STOPWORD_LANGUAGES. */
  stopHits: Int32Array;
  /** Emoji and emoticon tokens. */
  emojis: number;
  /** @handles (user tokens): the post is addressed to, or mentions, an account. */
  users: number;
}

export { FNV_OFFSET, FNV_PRIME };

/** FNV-1a of a string's code units, signed (the same as the scanner's token hash). */
export function fnvString(s: string): number {
  return fnv1a(s) | 0;
}

// ---- Character classes -------------------------------------------------------------------

const C_L = 1;
const C_M = 2;
const C_N = 4;
const C_PICT = 16;
/** Changes when lower-cased (an upper-case letter). */
const C_UP = 32;
/** Changes when upper-cased (a lower-case letter). */
const C_LO = 64;
const C_KNOWN = 128;

const RE_L = /\p{L}/u;
const RE_M = /\p{M}/u;
const RE_N = /\p{N}/u;
const RE_PICT = /\p{Extended_Pictographic}/u;

function computeClass(cp: number): number {
  const s = String.fromCodePoint(cp);
  let b = C_KNOWN;
  if (RE_L.test(s)) b |= C_L;
  if (RE_M.test(s)) b |= C_M;
  if (RE_N.test(s)) b |= C_N;
  if (RE_PICT.test(s)) b |= C_PICT;
  if (s.toLowerCase() !== s) b |= C_UP;
  if (s.toUpperCase() !== s) b |= C_LO;
  return b;
}

/** Classes of the BMP, filled lazily (a regular-expression test per new character, once). */
const bmpClass = new Uint8Array(0x10000);
/** Lower-case of a BMP code unit (0 = not computed yet). */
const bmpLower = new Uint16Array(0x10000);
const astralClass = new Map<number, number>();
for (let c = 0; c < 128; c++) {
  bmpClass[c] = computeClass(c);
  bmpLower[c] = c >= 65 && c <= 90 ? c + 32 : c;
}

function classOf(cp: number): number {
  if (cp < 0x10000) {
    let b = bmpClass[cp]!;
    if (b === 0) {
      b = computeClass(cp);
      bmpClass[cp] = b;
    }
    return b;
  }
  let b = astralClass.get(cp);
  if (b === undefined) {
    b = computeClass(cp);
    astralClass.set(cp, b);
  }
  return b;
}

function lowerOf(c: number): number {
  let l = bmpLower[c]!;
  if (l === 0) {
    const s = String.fromCharCode(c).toLowerCase();
    l = s.length === 1 ? s.charCodeAt(0) : c;
    bmpLower[c] = l;
  }
  return l;
}

function codePointAt(text: string, i: number, n: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
  }
  return c;
}

function isWordChar(b: number): boolean {
  return (b & (C_L | C_M | C_N)) !== 0;
}

/** Letter or number at i (for "not glued to a word" checks); false past the ends. */
function isAlnumAt(text: string, i: number, n: number): boolean {
  if (i < 0 || i >= n) return false;
  let c = text.charCodeAt(i);
  if (c < 128) return (bmpClass[c]! & (C_L | C_N)) !== 0;
  if (c >= 0xdc00 && c <= 0xdfff && i > 0) c = codePointAt(text, i - 1, n);
  else c = codePointAt(text, i, n);
  return (classOf(c) & (C_L | C_N)) !== 0;
}

// ---- Word tables -------------------------------------------------------------------------

/** Apostrophe-less spellings that are common in posts, mapped to the usual form. */
const CONTRACTIONS: Record<string, string> = {
  dont: "don't", doesnt: "doesn't", didnt: "didn't", cant: "can't", couldnt: "couldn't", wouldnt: "wouldn't",
  shouldnt: "shouldn't", isnt: "isn't", arent: "aren't", wasnt: "wasn't", werent: "weren't", havent: "haven't",
  hasnt: "hasn't", hadnt: "hadn't", wont: "won't", im: "i'm", ive: "i've", youre: "you're", theyre: "they're",
  thats: "that's", whats: "what's", u: 'you', ur: 'your', pls: 'please', plz: 'please', thx: 'thanks', ty: 'thank',
  tho: 'though', cuz: 'because', bc: 'because', b4: 'before', r: 'are', n: 'and', idk: "i don't know",
};

/** Words that open a negation scope. */
const NEGATORS = [
  'not', 'no', 'never', 'nothing', 'nobody', 'none', 'nowhere', 'neither', 'nor', 'cannot', 'without', 'hardly',
  'barely', 'noone', 'nope', 'nah', 'aint', "ain't",
];
const NEGATOR_SET = new Set(NEGATORS);

/** Scope of a negation: at most this many words, and never past punctuation. */
const NEGATION_SCOPE = 4;

export function isNegator(norm: string): boolean {
  return NEGATOR_SET.has(norm) || norm.endsWith("n't");
}

interface WordEntry {
  /** The word's code units. */
  codes: Uint16Array;
  contraction?: { codes: Uint16Array; hash: number };
  negator: boolean;
  /** Bit k: a stop word of STOPWORD_LANGUAGES[k]. */
  stopMask: number;
}

/** Words with a role, by the FNV hash of their norm (checked against the code units on a hit). */
const WORD_SLOTS = 8192;
const wordSlotHash = new Int32Array(WORD_SLOTS);
const wordSlotEntry = new Int32Array(WORD_SLOTS).fill(-1);
const WORDS: WordEntry[] = [];
/** A string's UTF-16 code units, as the scanner's norm buffer holds them. */
function codeUnits(word: string): Uint16Array {
  const codes = new Uint16Array(word.length);
  for (let i = 0; i < word.length; i++) codes[i] = word.charCodeAt(i);
  return codes;
}
function findWord(h: number): number {
  let slot = h & (WORD_SLOTS - 1);
  while (wordSlotEntry[slot] !== -1) {
    if (wordSlotHash[slot] === h) return wordSlotEntry[slot]!;
    slot = (slot + 1) & (WORD_SLOTS - 1);
  }
  return -1;
}
function entry(word: string): WordEntry {
  const h = fnvString(word);
  const found = findWord(h);
  if (found >= 0) return WORDS[found]!;
  const e: WordEntry = { codes: codeUnits(word), negator: false, stopMask: 0 };
  let slot = h & (WORD_SLOTS - 1);
  while (wordSlotEntry[slot] !== -1) slot = (slot + 1) & (WORD_SLOTS - 1);
  wordSlotHash[slot] = h;
  wordSlotEntry[slot] = WORDS.length;
  WORDS.push(e);
  return e;
}
for (const [from, to] of Object.entries(CONTRACTIONS)) entry(from).contraction = { codes: codeUnits(to), hash: fnvString(to) };
for (const w of NEGATORS) entry(w).negator = true;
for (const [word, mask] of stopwordEntry()) entry(word).stopMask |= mask;

// ---- The scanner -------------------------------------------------------------------------

const S: Scan = {
  text: '',
  count: 0,
  kind: new Uint8Array(256),
  bits: new Uint8Array(256),
  start: new Int32Array(256),
  end: new Int32Array(256),
  hash: new Int32Array(256),
  normStart: new Int32Array(256),
  normEnd: new Int32Array(256),
  norm: new Uint16Array(4096),
  words: 0,
  wordChars: 0,
  stopHits: new Int32Array(STOPWORD_LANGUAGES.length),
  emojis: 0,
  users: 0,
};
let normLen = 0;

function growTokens(): void {
  const size = S.kind.length * 2;
  const grow = <T extends Uint8Array | Int32Array>(a: T, make: (n: number) => T): T => {
    const b = make(size);
    b.set(a);
    return b;
  };
  S.kind = grow(S.kind, (n) => new Uint8Array(n));
  S.bits = grow(S.bits, (n) => new Uint8Array(n));
  S.start = grow(S.start, (n) => new Int32Array(n));
  S.end = grow(S.end, (n) => new Int32Array(n));
  S.hash = grow(S.hash, (n) => new Int32Array(n));
  S.normStart = grow(S.normStart, (n) => new Int32Array(n));
  S.normEnd = grow(S.normEnd, (n) => new Int32Array(n));
}

function ensureNorm(extra: number): void {
  if (normLen + extra <= S.norm.length) return;
  const b = new Uint16Array(Math.max(S.norm.length * 2, normLen + extra + 64));
  b.set(S.norm);
  S.norm = b;
}

function pushCode(c: number): void {
  S.norm[normLen++] = c;
}

function pushString(s: string): void {
  ensureNorm(s.length);
  for (let i = 0; i < s.length; i++) S.norm[normLen++] = s.charCodeAt(i);
}

/** FNV-1a (signed, as `fnvString`) of `units[from .. to)`: a token's hash from its norm's code units. */
export function fnvUnits(units: Uint16Array, from: number, to: number): number {
  let h = FNV_OFFSET | 0;
  for (let i = from; i < to; i++) h = Math.imul(h ^ units[i]!, FNV_PRIME);
  return h | 0;
}

function hashNorm(from: number, to: number): number {
  return fnvUnits(S.norm, from, to);
}

function sameCodes(from: number, to: number, codes: Uint16Array): boolean {
  if (to - from !== codes.length) return false;
  const norm = S.norm;
  for (let i = 0; i < codes.length; i++) if (norm[from + i] !== codes[i]) return false;
  return true;
}

function emit(kind: number, start: number, end: number, normFrom: number, bits: number): number {
  return emitHashed(kind, start, end, normFrom, bits, hashNorm(normFrom, normLen));
}

/** `emit` with the norm's hash already computed. */
function emitHashed(kind: number, start: number, end: number, normFrom: number, bits: number, hash: number): number {
  const t = S.count;
  S.kind[t] = kind;
  S.start[t] = start;
  S.end[t] = end;
  S.normStart[t] = normFrom;
  S.normEnd[t] = normLen;
  S.hash[t] = hash;
  S.bits[t] = bits;
  S.count = t + 1;
  return t;
}


/** A URL token, t[start .. end), norm `<url>`. */
function emitUrl(start: number, end: number, normFrom: number): void {
  pushString('<url>');
  emit(K_URL, start, end, normFrom, 0);
}

const EMOTICON_MOUTH = new Set([...')](\\[dDpP/|*3@$'].map((c) => c.charCodeAt(0)));
const EMOTICON_NOSE = new Set([..."-o'^"].map((c) => c.charCodeAt(0)));
const EMOTICON_NOSE_REV = new Set([..."-o'"].map((c) => c.charCodeAt(0)));
function isEyes(c: number): boolean {
  return c === 58 || c === 59 || c === 61;
}
function isOpenMouth(c: number): boolean {
  return c === 41 || c === 93 || c === 40;
}

/**
 * Whether an emoticon can start with code unit c: eyes (":", ";", "="), a mouth read backwards
 * ("(", ")", "]") or "<" ("<3", "</3"), as `emoticonAt` reads them. The scanner asks `emoticonAt`
 * (a call) only at these, not at every ".", "," or "!".
 */
function isEmoticonStart(c: number): boolean {
  return isEyes(c) || isOpenMouth(c) || c === 60;
}

/**
 * For tests that hold `isEmoticonStart` to `emoticonAt`: the length of the emoticon at i (0 if
 * none), and whether the scanner asks there at all.
 */
export function emoticonProbe(text: string, i: number): { length: number; asked: boolean } {
  return { length: emoticonAt(text, i, text.length), asked: isEmoticonStart(text.charCodeAt(i)) };
}

/** Length of an emoticon starting at i (0 if none). */
function emoticonAt(text: string, i: number, n: number): number {
  if (isAlnumAt(text, i - 1, n)) return 0;
  const c = text.charCodeAt(i);
  let len = 0;
  if (isEyes(c)) {
    const j = i + 1;
    if (j < n && EMOTICON_NOSE.has(text.charCodeAt(j)) && j + 1 < n && EMOTICON_MOUTH.has(text.charCodeAt(j + 1))) len = 3;
    else if (j < n && EMOTICON_MOUTH.has(text.charCodeAt(j))) len = 2;
  } else if (isOpenMouth(c)) {
    const j = i + 1;
    if (j < n && EMOTICON_NOSE_REV.has(text.charCodeAt(j)) && j + 1 < n && isEyes(text.charCodeAt(j + 1))) len = 3;
    else if (j < n && isEyes(text.charCodeAt(j))) len = 2;
  } else if (c === 60) {
    // Bounds first: a read past the end would throw the optimised scanner away.
    if (i + 1 < n && text.charCodeAt(i + 1) === 51) len = 2;
    else if (i + 2 < n && text.charCodeAt(i + 1) === 47 && text.charCodeAt(i + 2) === 51) len = 3;
  }
  if (len === 0 || isAlnumAt(text, i + len, n)) return 0;
  return len;
}

const NUMBER_SUFFIXES = ['st', 'nd', 'rd', 'th', 'am', 'pm', 'k', 'x', 'h'];

/** End of a number starting at i, or -1 when the digits are glued to letters (then it is a word). */
function numberEnd(text: string, i: number, n: number): number {
  let j = i;
  while (j < n && isDigit(text.charCodeAt(j))) j++;
  while (j + 1 < n) {
    const c = text.charCodeAt(j);
    if ((c === 46 || c === 44 || c === 58 || c === 47 || c === 45) && isDigit(text.charCodeAt(j + 1))) {
      j += 2;
      while (j < n && isDigit(text.charCodeAt(j))) j++;
    } else break;
  }
  // Every suffix starts with a letter: a number followed by none takes no look at them.
  const next = j < n ? text.charCodeAt(j) | 32 : 0;
  if (next >= 97 && next <= 122) {
    for (const suffix of NUMBER_SUFFIXES) {
      let k = 0;
      while (k < suffix.length && j + k < n && (text.charCodeAt(j + k) | 32) === suffix.charCodeAt(k)) k++;
      if (k === suffix.length && !isWordCodeAt(text, j + k, n)) return j + k;
    }
  }
  return isWordCodeAt(text, j, n) ? -1 : j;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isWordCodeAt(text: string, i: number, n: number): boolean {
  if (i < 0 || i >= n) return false;
  const c = text.charCodeAt(i);
  if (c === 95) return true;
  return isWordChar(c < 128 ? bmpClass[c]! : classOf(codePointAt(text, i, n)));
}

/** Scans a post. The result is shared: read it before the next call. */
export function scan(text: string): Scan {
  const n = text.length;
  S.text = text;
  S.count = 0;
  S.words = 0;
  S.wordChars = 0;
  S.stopHits.fill(0);
  S.emojis = 0;
  S.users = 0;
  normLen = 0;
  // Upper bounds: a token per character, and a norm of at most 12 code units per character.
  while (S.kind.length <= n) growTokens();
  ensureNorm(12 * n + 16);
  let negationLeft = 0;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 9 || c === 13) {
      i++;
      continue;
    }
    const cp = c < 0xd800 ? c : codePointAt(text, i, n);
    const width = cp > 0xffff ? 2 : 1;
    const cls = c < 128 ? bmpClass[c]! : classOf(cp);
    const from = normLen;
    let kind = -1;
    let numEnd = 0;
    let emoLen = 0;

    if ((c === 104 || c === 72 || c === 119 || c === 87) && isUrlStart(text, i, n)) {
      const j = urlRunEnd(text, i, n);
      emitUrl(i, j, from);
      kind = K_URL;
      i = j;
    } else if ((c === 64 || c === 35) && isWordCodeAt(text, i + 1, n) && !(c === 64 && isWordCodeAt(text, i - 1, n))) {
      let j = i + 1;
      let tagBits = 0;
      // The name's ASCII code units read in place, as isWordCodeAt reads them (it is a call: V8
      // inlines little into a function this large).
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d < 128) {
          if (!isWordChar(bmpClass[d]!) && d !== 95) break;
          j++;
        } else if (isWordCodeAt(text, j, n)) j += d >= 0xd800 && d <= 0xdbff ? 2 : 1;
        else break;
      }
      if (c === 64) {
        pushString('<user>');
        kind = K_USER;
        S.users++;
      } else {
        ensureNorm(j - i);
        // Whether the tag's text is its own lower case: every code unit ASCII and none a capital.
        let lowerText = true;
        for (let k = i; k < j; k++) {
          const d = text.charCodeAt(k);
          if (d >= 128 || (d >= 65 && d <= 90)) lowerText = false;
          S.norm[normLen++] = lowerOf(d);
        }
        kind = K_HASHTAG;
        if (lowerText) tagBits = T_LOWER_TEXT;
      }
      emit(kind, i, j, from, tagBits);
      i = j;
    } else if (isEmoticonStart(c) && (emoLen = emoticonAt(text, i, n)) > 0) {
      const len = emoLen;
      for (let k = i; k < i + len; k++) {
        const e = text.charCodeAt(k);
        if (e !== 45 && e !== 111 && e !== 39 && e !== 94) pushCode(lowerOf(e));
      }
      emit(K_EMOTICON, i, i + len, from, 0);
      S.emojis++;
      kind = K_EMOTICON;
      i += len;
    } else if (isDigit(c) && (numEnd = numberEnd(text, i, n)) > 0) {
      const j = numEnd;
      pushString('<num>');
      emit(K_NUMBER, i, j, from, 0);
      kind = K_NUMBER;
      i = j;
    } else if (isWordChar(cls)) {
      // A word: lower-cased, ’ → ', runs of 3+ equal letters shortened to 2.
      let j = i;
      let hasUpper = false;
      let hasLower = false;
      let elongated = false;
      let ascii = true;
      // Norm code units and their FNV hash in locals (the norm buffer holds 12 units per
      // character of the post, ensured above, so it is not reallocated during the scan).
      const norm = S.norm;
      let nl = normLen;
      let hw = FNV_OFFSET | 0;
      // The last two code units written to this word's norm (-1: none), for the elongation test.
      let p1 = -1;
      let p2 = -1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d < 128) {
          // ASCII by range: letters (lower-cased), digits and "_" are word characters.
          let l = d;
          let letter = true;
          if (d >= 97 && d <= 122) hasLower = true;
          else if (d >= 65 && d <= 90) {
            hasUpper = true;
            l = d + 32;
          } else if ((d >= 48 && d <= 57) || d === 95) letter = false;
          else if ((d === 39 || d === 45) && isAlnumAt(text, j + 1, n)) letter = false;
          else break;
          if (letter && p1 === l && p2 === l) elongated = true;
          else {
            norm[nl++] = l;
            hw = Math.imul(hw ^ l, FNV_PRIME);
            p2 = p1;
            p1 = l;
          }
          j++;
          continue;
        }
        ascii = false;
        let dcp = d;
        let dw = 1;
        if (d >= 0xd800 && d <= 0xdbff) {
          dcp = codePointAt(text, j, n);
          dw = dcp > 0xffff ? 2 : 1;
        }
        const db = classOf(dcp);
        if (isWordChar(db)) {
          if (db & C_UP) hasUpper = true;
          if (db & C_LO) hasLower = true;
          if (dw === 2) {
            const d2 = text.charCodeAt(j + 1);
            norm[nl++] = d;
            hw = Math.imul(hw ^ d, FNV_PRIME);
            norm[nl++] = d2;
            hw = Math.imul(hw ^ d2, FNV_PRIME);
            p2 = d;
            p1 = d2;
          } else {
            const l = lowerOf(d);
            if ((db & C_L) !== 0 && p1 === l && p2 === l) elongated = true;
            else {
              norm[nl++] = l;
              hw = Math.imul(hw ^ l, FNV_PRIME);
              p2 = p1;
              p1 = l;
            }
          }
          j += dw;
        } else if (d === 8217 && isAlnumAt(text, j + 1, n)) {
          norm[nl++] = 39;
          hw = Math.imul(hw ^ 39, FNV_PRIME);
          p2 = p1;
          p1 = 39;
          j++;
        } else break;
      }
      normLen = nl;
      // A link as X shows it, with no scheme ("Example.com", "bit.ly/3xYz"): a URL, as
      // "https://…" is, not words ("example" is no reason for a sentiment).
      const linkEnd = ascii && j + 1 < n && text.charCodeAt(j) === 46 ? bareUrlEnd(text, i, j, n) : -1;
      if (linkEnd > 0) {
        normLen = from;
        emitUrl(i, linkEnd, from);
        kind = K_URL;
        i = linkEnd;
      } else {
        let bits = 0;
        if (elongated) bits |= T_ELONGATED;
        if (ascii) bits |= hasUpper ? T_ASCII : T_ASCII | T_LOWER_TEXT;
        if (hasUpper && !hasLower && j - i >= 3) bits |= T_SHOUTED;
        let h = hw | 0;
        let w = findWord(h);
        let e = w >= 0 && sameCodes(from, normLen, WORDS[w]!.codes) ? WORDS[w] : undefined;
        if (e?.contraction) {
          normLen = from;
          const to = e.contraction.codes;
          ensureNorm(to.length);
          S.norm.set(to, normLen);
          normLen += to.length;
          h = e.contraction.hash;
          w = findWord(h);
          e = w >= 0 && sameCodes(from, normLen, WORDS[w]!.codes) ? WORDS[w] : undefined;
        }
        const L = normLen - from;
        const negator =
          (e !== undefined && e.negator) ||
          (L >= 3 && S.norm[normLen - 1] === 116 && S.norm[normLen - 2] === 39 && S.norm[normLen - 3] === 110);
        if (e && e.stopMask !== 0) {
          if (e.stopMask & 1) bits |= T_FUNCTION;
          for (let k = 0, m = e.stopMask; m !== 0; k++, m >>>= 1) if (m & 1) S.stopHits[k]!++;
        }
        if (negationLeft > 0) {
          bits |= T_NEGATED;
          negationLeft--;
        }
        emitHashed(K_WORD, i, j, from, bits, h);
        kind = K_WORD;
        S.words++;
        S.wordChars += L;
        if (negator) negationLeft = NEGATION_SCOPE;
        i = j;
      }
    } else if ((cls & C_PICT) !== 0 || (cp >= 0x1f1e6 && cp <= 0x1f1ff)) {
      let j = i + width;
      // One pictograph has a lower case ("Ⓜ", U+24C2): the text is then not its own lower case.
      let emojiBits = (cls & C_UP) !== 0 ? 0 : T_LOWER_TEXT;
      if (cp >= 0x1f1e6 && cp <= 0x1f1ff && (cls & C_PICT) === 0) {
        const next = j < n ? codePointAt(text, j, n) : 0;
        if (next >= 0x1f1e6 && next <= 0x1f1ff) j += 2;
        else {
          i = j;
          continue;
        }
        for (let k = i; k < j; k++) pushCode(text.charCodeAt(k));
      } else {
        for (let k = i; k < j; k++) pushCode(text.charCodeAt(k));
        while (j < n) {
          const d = codePointAt(text, j, n);
          if (d === 0xfe0f) j++;
          else if (d >= 0x1f3fb && d <= 0x1f3ff) j += 2;
          else if (d === 0x200d && j + 1 < n) {
            // A ZWJ joins the next pictograph to this emoji; before anything else, the emoji ends there.
            const e = codePointAt(text, j + 1, n);
            const eb = classOf(e);
            if ((eb & C_PICT) === 0) break;
            if ((eb & C_UP) !== 0) emojiBits = 0;
            const end = j + 1 + (e > 0xffff ? 2 : 1);
            for (let k = j; k < end; k++) pushCode(text.charCodeAt(k));
            j = end;
          } else break;
        }
      }
      emit(K_EMOJI, i, j, from, emojiBits);
      S.emojis++;
      kind = K_EMOJI;
      i = j;
    } else if (c === 33 || c === 63) {
      let j = i + 1;
      while (j < n && (text.charCodeAt(j) === 33 || text.charCodeAt(j) === 63)) j++;
      if (j - i === 1) pushCode(c);
      else if (text.charCodeAt(i + 1) === c) {
        pushCode(c);
        pushCode(c);
      } else pushString('?!');
      emit(K_PUNCT, i, j, from, 0);
      kind = K_PUNCT;
      i = j;
    } else if (c === 46 || c === 44 || c === 59 || c === 58 || c === 8230) {
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === 46 || d === 44 || d === 59 || d === 58 || d === 8230) j++;
        else break;
      }
      pushCode(c);
      emit(K_PUNCT, i, j, from, 0);
      kind = K_PUNCT;
      i = j;
    } else if ((c === 45 || c === 8211 || c === 8212) && i + 1 < n && [45, 8211, 8212].includes(text.charCodeAt(i + 1))) {
      let j = i + 2;
      while (j < n && [45, 8211, 8212].includes(text.charCodeAt(j))) j++;
      pushString('--');
      emit(K_PUNCT, i, j, from, 0);
      kind = K_PUNCT;
      i = j;
    } else if (c === 40 || c === 41 || c === 34) {
      pushCode(c);
      emit(K_PUNCT, i, i + 1, from, 0);
      kind = K_PUNCT;
      i++;
    } else {
      i += width;
      continue;
    }
    if (kind === K_PUNCT || kind === K_URL) negationLeft = 0;
  }
  return S;
}

/** The norm of token t of a scan, as a string. */
export function normOf(s: Scan, t: number): string {
  return String.fromCharCode(...s.norm.subarray(s.normStart[t]!, s.normEnd[t]!));
}

export function tokenize(text: string): Token[] {
  const s = scan(text);
  const tokens: Token[] = [];
  for (let t = 0; t < s.count; t++) {
    const bits = s.bits[t]!;
    tokens.push({
      kind: KIND_NAMES[s.kind[t]!]!,
      norm: normOf(s, t),
      raw: text.slice(s.start[t]!, s.end[t]!),
      start: s.start[t]!,
      negated: (bits & T_NEGATED) !== 0,
      elongated: (bits & T_ELONGATED) !== 0,
      shouted: (bits & T_SHOUTED) !== 0,
    });
  }
  return tokens;
}
