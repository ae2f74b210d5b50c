import { sumPacked } from './model';
import { FNV_OFFSET, FNV_PRIME, fnvString, fnvUnits, K_EMOJI, K_EMOTICON, K_HASHTAG, K_PUNCT, K_URL, K_USER, K_WORD, scan, T_ELONGATED, T_FUNCTION, T_NEGATED, T_SHOUTED, type Scan } from './tokenize';

/**
 * Hashed features of a post: word unigrams and bigrams (negation-marked), character 3- and
 * 4-grams of words (robust to typos and inflections), and a few shape features (question mark,
 * shouting, elongation, URL, mention at the start).
 *
 * Feature ids are 32-bit hashes reduced to `FEATURE_BITS` bits. Training and inference share
 * this one function, so the model and the shipped weights always agree. The character n-grams
 * are hashed incrementally (FNV-1a over the word's code units: the 4-gram at i continues the
 * 3-gram's hash), straight from the scanner's buffer, with no substrings.
 */
export const FEATURE_BITS = 15;
const MASK = (1 << FEATURE_BITS) - 1;

function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

const SEED_WORD = 0x01;
const SEED_NEG = 0x02;
const SEED_CHAR = 0x04;
const SEED_SHAPE = 0x05;

function seeded(hash: number, seed: number): number {
  return mix(hash, seed);
}

export interface FeatureSet {
  /** Feature ids (with repeats); each counts `value`. */
  ids: Int32Array;
  /** 1/sqrt(count): every post has the same feature-vector length. */
  value: number;
  /**
   * Word unigram and bigram feature ids that can be shown as reasons (a content word, an emoji
   * or a tag, a pair with a content word: see `isContentToken`)…
   */
  namedIds: Int32Array;
  /** …and where they are: token index t for a unigram, -(t + 1) for the bigram ending at t. */
  namedAt: Int32Array;
}

function shapeId(name: string): number {
  return seeded(fnvString(name), SEED_SHAPE) & MASK;
}

const SHAPE_QUESTION = shapeId('?');
const SHAPE_EXCLAIM = shapeId('!');
const SHAPE_SHOUT = shapeId('shout');
const SHAPE_ELONG = shapeId('elong');
const SHAPE_URL = shapeId('url');
const SHAPE_LEADING_USER = shapeId('lead-user');
const SHAPE_NO_USER = shapeId('no-user');
const SHAPE_BIAS = shapeId('bias');
const SHAPE_SHORT = shapeId('short');

/** Features that say nothing about one kind of post (bias, shape, placeholders): corrections leave them alone. */
export const GENERIC_FEATURES: ReadonlySet<number> = new Set([
  SHAPE_QUESTION, SHAPE_EXCLAIM, SHAPE_SHOUT, SHAPE_ELONG, SHAPE_URL, SHAPE_LEADING_USER, SHAPE_NO_USER, SHAPE_BIAS, SHAPE_SHORT,
  seeded(fnvString('<user>'), SEED_WORD) & MASK, seeded(fnvString('<url>'), SEED_WORD) & MASK, seeded(fnvString('<num>'), SEED_WORD) & MASK,
]);

const HASH_START = seeded(fnvString('<s>'), SEED_WORD);
const HASH_END = seeded(fnvString('</s>'), SEED_WORD);
const CHAR_MIN = 3;
const CHAR_MAX = 4;
const CARET = 94;
const DOLLAR = 36;

let ids = new Int32Array(1024);
let namedIds = new Int32Array(256);
let namedAt = new Int32Array(256);
let namedGrams = new Int32Array(256);
let n = 0;
let named = 0;

/** Makes room for `extra` more ids after the first `n` (the ids buffer may be replaced). */
function reserve(extra: number): void {
  if (n + extra <= ids.length) return;
  const bigger = new Int32Array(Math.max(ids.length * 2, n + extra));
  bigger.set(ids);
  ids = bigger;
}

/** Makes room for `extra` more named features after the first `named`. */
function reserveNamed(extra: number): void {
  if (named + extra <= namedIds.length) return;
  const size = Math.max(namedIds.length * 2, named + extra);
  const a = new Int32Array(size);
  a.set(namedIds);
  namedIds = a;
  const b = new Int32Array(size);
  b.set(namedAt);
  namedAt = b;
  const c = new Int32Array(size);
  c.set(namedGrams);
  namedGrams = c;
}

/**
 * Whether token t can be shown as a reason: not a function word ("the", "my") and a norm of 2+
 * code units (not a one-letter word, not a lone one-unit emoji).
 */
export function isContentToken(s: Scan, t: number): boolean {
  return isContent(s.bits[t]!, s.normEnd[t]! - s.normStart[t]!);
}

/** `isContentToken` from a token's bits and the length of its norm, for a caller that has read them. */
function isContent(bits: number, normLength: number): boolean {
  return (bits & T_FUNCTION) === 0 && normLength >= 2;
}

/** Character 3- and 4-grams of norm[from..to) padded with ^ and $, pushed as feature ids. */
function charGrams(norm: Uint16Array, from: number, to: number): void {
  const len = to - from + 2;
  // A word of L code units has 2L - 1 n-grams (none under 2).
  reserve(2 * len);
  const out = ids;
  let m = n;
  const base = (FNV_OFFSET ^ SEED_CHAR) | 0;
  for (let i = 0; i + CHAR_MIN <= len; i++) {
    let h = base;
    const last = Math.min(len, i + CHAR_MAX);
    for (let k = i; k < last; k++) {
      const code = k === 0 ? CARET : k === len - 1 ? DOLLAR : norm[from + k - 1]!;
      h = Math.imul(h ^ code, FNV_PRIME);
      const size = k - i + 1;
      // The size is folded in so that "^ab" as a 3-gram and as the start of a 4-gram differ.
      if (size >= CHAR_MIN) out[m++] = ((h ^ (h >>> 15)) + Math.imul(size, 0x27d4eb2d)) & MASK;
    }
  }
  n = m;
}

/**
 * Per-word cache of the summed int8 rows of a word's character n-grams, for one weight table.
 * The n-grams of a word depend only on its norm, and about 10 of a word's ~12 features are
 * n-grams, so a word seen before costs 8 integer adds instead of ~15 hash-and-lookup steps.
 * Keyed by the scanner's FNV hash of the norm and checked against the code units on a hit, so
 * the sums are exactly those of the uncached path. Cleared when the table changes; once 3/4 full,
 * a new word replaces the one in its home slot.
 *
 * One slot is 8 int32 (32 bytes, half a cache line, so that the cache (512 KB) and the weight
 * table (512 KB packed) stay in a core's L2 together): the hash, the word's code units one byte each
 * (zero-padded, so equal keys mean equal lengths too), and the 8 sums two per int as int16 (a
 * word of n code units has 2n - 1 n-grams: at most 23 × 127 per column). Words of up to 12 code
 * units, all below 256 (Latin-1), are cached; others take the uncached path.
 */
const CACHE_SLOTS = 1 << 14;
const SLOT = 8;
const CACHE_MAX_WORD = 12;
const CACHE_FILL = (CACHE_SLOTS * 3) >> 2;
const cache = new Int32Array(CACHE_SLOTS * SLOT);
let cacheUsed = 0;
let cacheTable: Int32Array | undefined;

const rowSums = new Int32Array(8);

function clearCache(table: Int32Array): void {
  cache.fill(0);
  cacheUsed = 0;
  cacheTable = table;
}

/** Integer sums of the last `featurizeScan(s, table)`'s cached n-gram rows (8 columns). */
export const gramSums = new Int32Array(8);

/**
 * Per token of the last `featurizeScan(s, table)`, the integer row sums (8 columns) of its
 * character n-grams: what a word (or a hashtag's word) adds to the score beyond its own feature.
 * Token t's are at `gramOffset(t)`; the first 8 entries are zero (no n-grams: a word pair, an
 * emoji), and so are a tag of digits only's. Other tokens' entries are not written.
 */
let tokenGrams = new Int32Array(256 * 8);
export function tokenGramSums(): Int32Array {
  return tokenGrams;
}

/** Where token t's n-gram sums are in `tokenGramSums()` (and in any buffer laid out as it is). */
export function gramOffset(t: number): number {
  return (t + 1) * 8;
}

/**
 * Per token of the last `featurizeScan(s)` (with no table, as the corrections layer reads posts):
 * where its word's character n-gram ids stand in the feature buffer, from at 2t and to at 2t + 1,
 * for a word or a hashtag with a word (other tokens' entries are not written).
 */
let tokenGramIds = new Int32Array(512);
export function tokenGramIdRanges(): Int32Array {
  return tokenGramIds;
}

/**
 * The offset in `cache` of the slot holding the n-gram row sums of norm[from..to) (computed on
 * a miss), or -1 when the word cannot be cached (too long, or a code unit of 256 or more).
 */
function cachedGrams(norm: Uint16Array, from: number, to: number, hash: number, table: Int32Array): number {
  const len = to - from;
  if (len > CACHE_MAX_WORD) return -1;
  // The key: code units k..k+3 in bytes 0..3 of word k/4 (zero past the end).
  let k0 = 0;
  let k1 = 0;
  let k2 = 0;
  let wide = 0;
  for (let k = 0; k < len; k++) {
    const c = norm[from + k]!;
    wide |= c;
    if (k < 4) k0 |= c << (k << 3);
    else if (k < 8) k1 |= c << ((k - 4) << 3);
    else k2 |= c << ((k - 8) << 3);
  }
  if (wide >= 256) return -1;
  const home = hash & (CACHE_SLOTS - 1);
  let slot = home;
  for (;;) {
    const o = slot * SLOT;
    const w0 = cache[o + 1]!;
    if (w0 === 0) break; // empty: a word's first code unit is never 0
    if (w0 === k0 && cache[o] === hash && cache[o + 2] === k1 && cache[o + 3] === k2) return o;
    slot = (slot + 1) & (CACHE_SLOTS - 1);
  }
  if (cacheUsed >= CACHE_FILL) {
    // Full: the word takes its home slot, in place of the word there. No slot is ever emptied,
    // so every probe chain stays whole; a word pushed out comes back on its next miss.
    slot = home;
  } else cacheUsed++;
  const mark = n;
  charGrams(norm, from, to);
  sumPacked(ids, mark, n, table, rowSums, 0);
  n = mark;
  const o = slot * SLOT;
  cache[o] = hash;
  cache[o + 1] = k0;
  cache[o + 2] = k1;
  cache[o + 3] = k2;
  cache[o + 4] = (rowSums[0]! & 0xffff) | (rowSums[1]! << 16);
  cache[o + 5] = (rowSums[2]! & 0xffff) | (rowSums[3]! << 16);
  cache[o + 6] = (rowSums[4]! & 0xffff) | (rowSums[5]! << 16);
  cache[o + 7] = (rowSums[6]! & 0xffff) | (rowSums[7]! << 16);
  return o;
}

/**
 * Where the word of hashtag t starts in the scan's norm (after the "#"), or -1 for a tag of
 * digits only ("#4417", an order reference), which has no word to read.
 */
export function tagWordStart(s: Scan, t: number): number {
  const from = s.normStart[t]! + 1;
  const to = s.normEnd[t]!;
  for (let k = from; k < to; k++) if (s.norm[k]! < 48 || s.norm[k]! > 57) return from;
  return -1;
}

/**
 * Features of a scanned post into shared buffers (valid until the next call): returns how many.
 * Read them with `featureBuffers()`.
 *
 * With `table` (the model's packed weights, `LinearModel.packed`), the character n-grams of
 * words are not pushed: their rows' integer sums are added to `gramSums` instead (from a per-word
 * cache); the count returned still includes them, so the scores are exactly those of the full
 * feature list.
 */
export function featurizeScan(s: Scan, table?: Int32Array): number {
  let cached = 0;
  if (table !== undefined && table !== cacheTable) clearCache(table);
  let g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0;
  const count = s.count;
  // Ids and named features are written through locals, not a call per id through the module's
  // bindings: room for the most a token adds (unigram, bigram, and a tag's word or two shape
  // features; two named) is made here. A word's character n-grams make their own room
  // (charGrams), after which the locals are read again.
  n = 0;
  named = 0;
  reserve(4 * count + 4);
  reserveNamed(2 * count);
  let out = ids;
  let m = 0;
  const nIds = namedIds;
  const nAt = namedAt;
  const nGrams = namedGrams;
  let nm = 0;
  out[m++] = SHAPE_BIAS;
  let prevHash = HASH_START;
  let prevIsWord = false;
  let prevContent = false;
  let hasUser = false;
  let words = 0;
  const kinds = s.kind;
  const bitsOf = s.bits;
  const hashes = s.hash;
  const norm = s.norm;
  const normStart = s.normStart;
  const normEnd = s.normEnd;
  if (table !== undefined && tokenGrams.length < gramOffset(count)) tokenGrams = new Int32Array(gramOffset(count) * 2);
  if (table === undefined && tokenGramIds.length < 2 * count) tokenGramIds = new Int32Array(4 * count);
  const tg = tokenGrams;
  for (let t = 0; t < count; t++) {
    const kind = kinds[t]!;
    const bits = bitsOf[t]!;
    const hash = hashes[t]!;
    const from = normStart[t]!;
    const to = normEnd[t]!;
    const wordHash = seeded(hash, bits & T_NEGATED ? SEED_NEG : SEED_WORD);
    const uni = wordHash & MASK;
    out[m++] = uni;
    const bi = mix(prevHash, wordHash) & MASK;
    out[m++] = bi;
    // Named only what a reason can show: a content token, a pair of words with one content word
    // ("to the" and "b a" are never shown); each with where its n-gram sums are: its word's (a
    // word's or a tag's), none (offset 0) for an emoji or a pair.
    const grams = gramOffset(t);
    const content = isContent(bits, to - from);
    if (kind === K_WORD || kind === K_EMOJI || kind === K_EMOTICON || kind === K_HASHTAG) {
      if (content) {
        nIds[nm] = uni;
        nGrams[nm] = kind === K_WORD || kind === K_HASHTAG ? grams : 0;
        nAt[nm++] = t;
      }
      if (prevIsWord && kind === K_WORD && (content || prevContent)) {
        nIds[nm] = bi;
        nGrams[nm] = 0;
        nAt[nm++] = -(t + 1);
      }
    }
    prevHash = wordHash;
    prevIsWord = kind === K_WORD;
    prevContent = content;
    // The code units whose character n-grams this token adds: a word's norm, or a hashtag's word.
    let gramFrom = -1;
    let gramTo = 0;
    let gramHash = 0;
    if (kind === K_WORD) {
      words++;
      gramFrom = from;
      gramTo = to;
      gramHash = hash;
    } else if (kind === K_HASHTAG) {
      // A hashtag also reads as its word ("#disappointed" as "disappointed", "#neverflyingagain"
      // by its character n-grams): the training tweets hold only some of the tags posts use.
      // A tag of digits only ("#4417", an order reference) has no word to read.
      const tagFrom = tagWordStart(s, t);
      if (tagFrom >= 0) {
        gramFrom = tagFrom;
        gramTo = to;
        gramHash = fnvUnits(norm, tagFrom, to);
        const word = seeded(gramHash, SEED_WORD) & MASK;
        out[m++] = word;
        if (content) {
          nIds[nm] = word;
          nGrams[nm] = grams;
          nAt[nm++] = t;
        }
      } else if (table !== undefined) tg.fill(0, grams, grams + 8);
    }
    if (gramFrom >= 0) {
      // cachedGrams and charGrams work on the module's buffer and count: hand them over.
      n = m;
      const slot = table === undefined ? -1 : cachedGrams(norm, gramFrom, gramTo, gramHash, table);
      if (slot < 0) {
        const mark = n;
        charGrams(norm, gramFrom, gramTo);
        // Pushed for the dot product; summed here for the reasons (with no table, summed by them
        // from where they stand).
        if (table !== undefined) sumPacked(ids, mark, n, table, tg, grams);
        else {
          tokenGramIds[2 * t] = mark;
          tokenGramIds[2 * t + 1] = n;
        }
        reserve(4 * (count - t) + 4);
        out = ids;
        m = n;
      } else {
        // The int16 halves, sign-extended; a word of L code units has 2L - 1 n-grams.
        const p0 = cache[slot + 4]!, p1 = cache[slot + 5]!, p2 = cache[slot + 6]!, p3 = cache[slot + 7]!;
        g0 += tg[grams] = (p0 << 16) >> 16;
        g1 += tg[grams + 1] = p0 >> 16;
        g2 += tg[grams + 2] = (p1 << 16) >> 16;
        g3 += tg[grams + 3] = p1 >> 16;
        g4 += tg[grams + 4] = (p2 << 16) >> 16;
        g5 += tg[grams + 5] = p2 >> 16;
        g6 += tg[grams + 6] = (p3 << 16) >> 16;
        g7 += tg[grams + 7] = p3 >> 16;
        cached += 2 * (gramTo - gramFrom) - 1;
      }
    }
    if (kind === K_WORD) {
      if (bits & T_SHOUTED) out[m++] = SHAPE_SHOUT;
      if (bits & T_ELONGATED) out[m++] = SHAPE_ELONG;
    } else if (kind === K_PUNCT) {
      // A run's norm is "!", "?", "!!", "??" or "?!" (a mixed run always starts with "?"), so its
      // first code unit decides. Nothing past the token's own norm is read: the shared buffer
      // there holds an earlier post's code units.
      const c = norm[from];
      if (c === 63) out[m++] = SHAPE_QUESTION;
      else if (c === 33) out[m++] = SHAPE_EXCLAIM;
    } else if (kind === K_URL) {
      out[m++] = SHAPE_URL;
    } else if (kind === K_USER) {
      if (t === 0) out[m++] = SHAPE_LEADING_USER;
      hasUser = true;
    }
  }
  out[m++] = mix(prevHash, HASH_END) & MASK;
  if (!hasUser) out[m++] = SHAPE_NO_USER;
  if (words <= 4) out[m++] = SHAPE_SHORT;
  n = m;
  named = nm;
  gramSums[0] = g0;
  gramSums[1] = g1;
  gramSums[2] = g2;
  gramSums[3] = g3;
  gramSums[4] = g4;
  gramSums[5] = g5;
  gramSums[6] = g6;
  gramSums[7] = g7;
  return n + cached;
}

/** The last `featurizeScan`'s buffers, read in place (no views, no allocation): valid until the next call. */
export interface FeatureBuffers {
  ids: Int32Array;
  count: number;
  namedIds: Int32Array;
  namedAt: Int32Array;
  /** Where each named feature's n-gram sums are in `tokenGramSums()`: its word's, or 0 (none). */
  namedGrams: Int32Array;
  named: number;
}
const buffers: FeatureBuffers = { ids, count: 0, namedIds, namedAt, namedGrams, named: 0 };
export function featureBuffers(): FeatureBuffers {
  buffers.ids = ids;
  buffers.count = n;
  buffers.namedIds = namedIds;
  buffers.namedAt = namedAt;
  buffers.namedGrams = namedGrams;
  buffers.named = named;
  return buffers;
}

/** The last `featurizeScan`'s features as a FeatureSet of views on shared buffers (valid until the next call). */
export function sharedFeatureSet(): FeatureSet {
  return { ids: ids.subarray(0, n), value: 1 / Math.sqrt(n), namedIds: namedIds.subarray(0, named), namedAt: namedAt.subarray(0, named) };
}

/** Features of a text, in arrays of its own (for training and corrections). */
export function featurize(text: string): FeatureSet {
  return scanFeatures(scan(text));
}

/** Features of a scanned post, in arrays of its own (for a caller that reads the scan too). */
export function scanFeatures(s: Scan): FeatureSet {
  featurizeScan(s);
  return { ids: ids.slice(0, n), value: 1 / Math.sqrt(n), namedIds: namedIds.slice(0, named), namedAt: namedAt.slice(0, named) };
}
