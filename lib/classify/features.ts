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
const SEED_BIGRAM = 0x03;
const SEED_CHAR = 0x04;
const SEED_SHAPE = 0x05;

/** A word-level feature that can be shown to the agent as a reason. */
export interface NamedFeature {
  id: number;
  /** The words as written in the post. */
  text: string;
}

export interface FeatureSet {
  /** Feature ids (with repeats); each counts `value`. */
  ids: number[];
  /** 1/sqrt(count): every post has the same feature-vector length. */
  value: number;
  /** Word unigrams and bigrams, for reasons. */
  named: NamedFeature[];
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

const CHAR_MIN = 3;
const CHAR_MAX = 5;

export function featurize(tokens: readonly Token[], withNames = false): FeatureSet {
  const ids: number[] = [SHAPE_BIAS];
  const named: NamedFeature[] = [];
  let prevHash = hashString('<s>', SEED_WORD);
  let prevRaw = '';
  let hasUser = false;
  let words = 0;
  for (let t = 0; t < tokens.length; t++) {
    const tok = tokens[t]!;
    const norm = tok.norm;
    const wordHash = hashString(norm, tok.negated ? SEED_NEG : SEED_WORD);
    const uni = wordHash & MASK;
    ids.push(uni);
    const bi = mix(prevHash, wordHash) & MASK;
    ids.push(bi);
    if (withNames && (tok.kind === 'word' || tok.kind === 'emoji' || tok.kind === 'emoticon' || tok.kind === 'hashtag')) {
      named.push({ id: uni, text: tok.raw });
      if (prevRaw !== '') named.push({ id: bi, text: `${prevRaw} ${tok.raw}` });
    }
    prevHash = wordHash;
    prevRaw = tok.kind === 'word' ? tok.raw : '';

    switch (tok.kind) {
      case 'word': {
        words++;
        // Character n-grams of the word padded with boundaries: "^late$" → "^la", "lat", …
        const padded = `^${norm}$`;
        const n = padded.length;
        for (let len = CHAR_MIN; len <= CHAR_MAX; len++) {
          for (let i = 0; i + len <= n; i++) {
            let h = (FNV_OFFSET ^ SEED_CHAR ^ len) >>> 0;
            for (let k = i; k < i + len; k++) {
              h ^= padded.charCodeAt(k);
              h = Math.imul(h, FNV_PRIME);
            }
            ids.push((h >>> 0) & MASK);
          }
        }
        if (tok.shouted) ids.push(SHAPE_SHOUT);
        if (tok.elongated) ids.push(SHAPE_ELONG);
        break;
      }
      case 'punct':
        if (norm[0] === '?') ids.push(SHAPE_QUESTION);
        else if (norm[0] === '!') ids.push(SHAPE_EXCLAIM);
        break;
      case 'url':
        ids.push(SHAPE_URL);
        break;
      case 'user':
        if (t === 0) ids.push(SHAPE_LEADING_USER);
        hasUser = true;
        break;
      default:
        break;
    }
  }
  ids.push(mix(prevHash, hashString('</s>', SEED_WORD)) & MASK);
  if (!hasUser) ids.push(SHAPE_NO_USER);
  if (words <= 4) ids.push(SHAPE_SHORT);
  return { ids, value: 1 / Math.sqrt(ids.length), named };
}
