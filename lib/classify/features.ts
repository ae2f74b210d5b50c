import type { Token } from './tokenize';

/**
 * Hashed features of a post: word unigrams and bigrams (negation-marked), character 3- to
 * 5-grams of words (robust to typos and inflections), and a few shape features (question mark,
 * shouting, elongation, URL, mention at the start).
 *
 * Feature ids are 32-bit FNV-1a hashes reduced to `FEATURE_BITS` bits. Training and inference
 * share this one function, so the model and the shipped weights always agree.
 */
export const FEATURE_BITS = 15;
const MASK = (1 << FEATURE_BITS) - 1;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function hashString(s: string, seed: number): number {
  let h = (FNV_OFFSET ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const SEED_WORD = 0x01;
const SEED_NEG = 0x02;
const SEED_CHAR = 0x04;
const SEED_SHAPE = 0x05;

export interface FeatureSet {
  /** Feature ids (with repeats); each counts `value`. */
  ids: Int32Array;
  /** 1/sqrt(count): every post has the same feature-vector length. */
  value: number;
  /** Word unigram and bigram feature ids that can be shown as reasons… */
  namedIds: number[];
  /** …and where they are: token index t for a unigram, -(t + 1) for the bigram ending at t. */
  namedAt: number[];
}

/** The words a named feature stands for, as written in the post. */
export function namedText(tokens: readonly Token[], at: number): string {
  if (at >= 0) return tokens[at]!.raw;
  const t = -at - 1;
  return `${tokens[t - 1]!.raw} ${tokens[t]!.raw}`;
}

function shapeId(name: string): number {
  return hashString(name, SEED_SHAPE) & MASK;
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
  hashString('<user>', SEED_WORD) & MASK, hashString('<url>', SEED_WORD) & MASK, hashString('<num>', SEED_WORD) & MASK,
]);

const HASH_START = hashString('<s>', SEED_WORD);
const HASH_END = hashString('</s>', SEED_WORD);
const CHAR_MIN = 3;
const CHAR_MAX = 5;

let scratch = new Int32Array(1024);

function push(n: number, id: number): number {
  if (n === scratch.length) {
    const bigger = new Int32Array(scratch.length * 2);
    bigger.set(scratch);
    scratch = bigger;
  }
  scratch[n] = id;
  return n + 1;
}

export function featurize(tokens: readonly Token[]): FeatureSet {
  let n = push(0, SHAPE_BIAS);
  const namedIds: number[] = [];
  const namedAt: number[] = [];
  let prevHash = HASH_START;
  let prevIsWord = false;
  let hasUser = false;
  let words = 0;
  for (let t = 0; t < tokens.length; t++) {
    const tok = tokens[t]!;
    const norm = tok.norm;
    const wordHash = hashString(norm, tok.negated ? SEED_NEG : SEED_WORD);
    const uni = wordHash & MASK;
    n = push(n, uni);
    const bi = mix(prevHash, wordHash) & MASK;
    n = push(n, bi);
    const kind = tok.kind;
    if (kind === 'word' || kind === 'emoji' || kind === 'emoticon' || kind === 'hashtag') {
      namedIds.push(uni);
      namedAt.push(t);
      if (prevIsWord) {
        namedIds.push(bi);
        namedAt.push(-(t + 1));
      }
    }
    prevHash = wordHash;
    prevIsWord = kind === 'word';

    switch (kind) {
      case 'word': {
        words++;
        // Character n-grams of the word padded with boundaries: "^late$" → "^la", "lat", …
        const len = norm.length + 2;
        for (let size = CHAR_MIN; size <= CHAR_MAX; size++) {
          for (let i = 0; i + size <= len; i++) {
            let h = (FNV_OFFSET ^ SEED_CHAR ^ size) >>> 0;
            for (let k = i; k < i + size; k++) {
              const code = k === 0 ? 94 : k === len - 1 ? 36 : norm.charCodeAt(k - 1);
              h ^= code;
              h = Math.imul(h, FNV_PRIME);
            }
            n = push(n, (h >>> 0) & MASK);
          }
        }
        if (tok.shouted) n = push(n, SHAPE_SHOUT);
        if (tok.elongated) n = push(n, SHAPE_ELONG);
        break;
      }
      case 'punct':
        if (norm.charCodeAt(0) === 63) n = push(n, SHAPE_QUESTION);
        else if (norm.charCodeAt(0) === 33) n = push(n, SHAPE_EXCLAIM);
        break;
      case 'url':
        n = push(n, SHAPE_URL);
        break;
      case 'user':
        if (t === 0) n = push(n, SHAPE_LEADING_USER);
        hasUser = true;
        break;
      default:
        break;
    }
  }
  n = push(n, mix(prevHash, HASH_END) & MASK);
  if (!hasUser) n = push(n, SHAPE_NO_USER);
  if (words <= 4) n = push(n, SHAPE_SHORT);
  return { ids: scratch.slice(0, n), value: 1 / Math.sqrt(n), namedIds, namedAt };
}
