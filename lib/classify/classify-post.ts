import { featureBuffers, featurizeScan, gramOffset, gramSums, isContentToken, sharedFeatureSet, tagWordStart, tokenGramIdRanges, tokenGramSums, type FeatureBuffers, type FeatureSet } from './features';
import { addEmojiLean, emojiLean, setAsideModelSentiment, type EmojiLean } from './emoji-lean';
import { detectFlags } from './flags';
import { decideLanguage, languageName } from './language';
import { COLUMNS, COMPLAINT_COLUMN, INTENT_COLUMNS, LinearModel, SENTIMENT_COLUMNS, softmax, sumPacked } from './model';
import { K_HASHTAG, K_WORD, scan, T_ASCII, T_LOWER_TEXT, T_NEGATED, type Scan } from './tokenize';
import type { Classification, Flag, Intent, Sentiment, Urgency } from './types';
import { FLAG_NAMES, INTENTS, SENTIMENTS } from './types';
import { MODEL } from './weights';

export const CLASSIFIER_VERSION: string = MODEL.version;

/** A local layer over the shipped model, built from the agent's corrections (see corrections.ts). */
export interface CorrectionLayer {
  readonly size: number;
  /** Adds the layer's weights for these features to `logits`. */
  accumulate(features: FeatureSet, logits: Float64Array): void;
}

let shipped: LinearModel | undefined;

/** The shipped model, decoded on first use (a few milliseconds). */
export function shippedModel(): LinearModel {
  shipped ??= new LinearModel(MODEL);
  return shipped;
}

/** Raw scores of one post's features: logits (all columns) and the probabilities they give. */
export interface RawScores {
  logits: Float64Array;
  intent: Record<Intent, number>;
  sentiment: Record<Sentiment, number>;
}

const intentBuf = [0, 0, 0, 0, 0];
const sentimentBuf = [0, 0, 0];
const nonComplaint = INTENT_COLUMNS;
/**
 * The complaint decision's nudge and offset, chosen on 5-fold cross-validation over
 * complaints-dev (whole recipe per fold, 3 sentiment seeds): with `careline-linear-4`'s heads
 * the optimum moved from offset 0.1 (macro-F1 0.793) to 0.2 (0.805), the weight staying 0.25.
 */
const COMPLAINT_SENTIMENT_WEIGHT = 0.25;
const COMPLAINT_OFFSET = 0.2;

/**
 * Intent probabilities: the dedicated complaint head decides P(complaint) (it is trained on gold
 * labels); the four-way head shares the rest among question, praise, feedback and other.
 */
export function scoreFeatures(features: FeatureSet, layer?: CorrectionLayer, lean?: EmojiLean, addressed = false): RawScores {
  const logits = modelLogits(features, lean);
  if (layer && layer.size > 0) layer.accumulate(features, logits);
  return scoreLogits(logits, lean, addressed);
}

/**
 * The shipped model's logits for the features, its sentiment set aside for a post the emoji lean
 * decides: the part of scoreFeatures that the corrections layer's fitting, which scores each
 * corrected post many times over, computes once.
 */
export function modelLogits(features: FeatureSet, lean?: EmojiLean): Float64Array {
  const logits = new Float64Array(COLUMNS);
  shippedModel().accumulate(features.ids, features.ids.length, features.value, logits);
  setAsideModelSentiment(lean, logits);
  return logits;
}

/** The scores from the model's and the layer's logits: the emoji lean added to them (in place), then the heads. */
export function scoreLogits(logits: Float64Array, lean: EmojiLean | undefined, addressed: boolean): RawScores {
  addEmojiLean(lean, logits);
  return scoresOf(logits, addressed);
}

function scoresOf(logits: Float64Array, addressed: boolean): RawScores {
  softmax(logits, nonComplaint, intentBuf);
  softmax(logits, SENTIMENT_COLUMNS, sentimentBuf);
  const pc = addressedComplaint(complaintProbability(logits, sentimentBuf), addressed, sentimentBuf[0]!, intentBuf);
  const intent = {
    complaint: pc,
    question: (1 - pc) * intentBuf[0]!,
    praise: (1 - pc) * intentBuf[1]!,
    feedback: (1 - pc) * intentBuf[2]!,
    other: (1 - pc) * intentBuf[3]!,
  };
  const sentiment = { negative: sentimentBuf[0]!, neutral: sentimentBuf[1]!, positive: sentimentBuf[2]! };
  return { logits, intent, sentiment };
}

/**
 * The complaint head, nudged by sentiment polarity: a neutral "how do I…?" leans question, a
 * negative post leans complaint.
 */
function complaintProbability(logits: Float64Array, sentiment: readonly number[]): number {
  return complaintFromHeads(1 / (1 + Math.exp(-logits[COMPLAINT_COLUMN]!)), sentiment[0]!, sentiment[2]!);
}

/** P(complaint) from the complaint head's probability and P(negative), P(positive). */
function complaintFromHeads(head: number, negative: number, positive: number): number {
  return Math.min(1, Math.max(0, head + COMPLAINT_SENTIMENT_WEIGHT * (negative - positive) - COMPLAINT_OFFSET));
}

/** The likeliest of the four-way head's intents (question 0, praise 1, feedback 2, other 3; ties: the first). */
function topOfFour(p: readonly number[]): number {
  let best = 0;
  for (let k = 1; k < 4; k++) if (p[k]! > p[best]!) best = k;
  return best;
}

/**
 * In a brand's queue a post that names an account (an @handle), or replies to one
 * (`ClassifyInput.replyTo`), is addressed to someone, most often the brand. A negative one is
 * more often a complaint than the complaint head says: it was trained with random tweets and
 * replies between people. So for such a post with P(negative) at least 0.6 and a four-way head
 * that does not read praise, the complaint odds are multiplied by 7/3: P(complaint) 0.3 reads
 * 0.5 and makes the post a complaint. Chosen on out-of-fold outputs of complaints-dev and
 * brand-train (docs/classifier-history.md, "Complaints addressed to an account").
 */
const ADDRESSED_NEGATIVE = 0.6;
const ADDRESSED_ODDS = 7 / 3;
const PRAISE_OF_FOUR = 1;
function addressedComplaint(pc: number, addressed: boolean, negative: number, four: readonly number[]): number {
  if (!addressed || negative < ADDRESSED_NEGATIVE || topOfFour(four) === PRAISE_OF_FOUR) return pc;
  return (ADDRESSED_ODDS * pc) / (ADDRESSED_ODDS * pc + 1 - pc);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

interface UrgencyRule {
  readonly urgency: Urgency;
  readonly rule: string;
}
const U = (urgency: Urgency, rule: string): UrgencyRule => Object.freeze({ urgency, rule });
const U_SAFETY = U('high', 'Safety flag: someone may be at risk.');
const U_LEGAL = U('high', 'Legal threat flag: lawyer, court or regulator mentioned.');
const U_PERSONAL = U('high', 'Personal data posted in public: move to private messages and ask them to delete it.');
/** The escalations of a complaint, or of a negative post: churn, press, repeat contact, strongly negative, or none. */
interface Escalations {
  readonly churn: UrgencyRule;
  readonly press: UrgencyRule;
  readonly repeat: UrgencyRule;
  readonly strong: UrgencyRule;
  readonly plain: UrgencyRule;
}
const COMPLAINT_ESCALATIONS: Escalations = {
  churn: U('high', 'Complaint with a churn signal (cancel, switching, never again).'),
  press: U('high', 'Complaint that mentions the press or going public.'),
  repeat: U('high', 'Complaint from a customer who has been in touch before.'),
  strong: U('high', 'Complaint with strongly negative sentiment.'),
  plain: U('normal', 'Complaint.'),
};
/** The same for a negative post the model does not call a complaint. */
const NEGATIVE_ESCALATIONS: Escalations = {
  churn: U('high', 'Negative post with a churn signal (cancel, switching, never again).'),
  press: U('high', 'Negative post that mentions the press or going public.'),
  repeat: U('high', 'Negative post from a customer who has been in touch before.'),
  strong: U('high', 'Strongly negative post.'),
  plain: U('normal', 'Negative post.'),
};
const U_CHURN = U('normal', 'Churn signal.');
const U_QUESTION = U('normal', 'Question: the customer is waiting for an answer.');
const U_REPEAT = U('normal', 'Repeat contact.');
const U_ABUSE = U('low', 'Abusive language with no complaint or question.');
const U_LOW: Record<Intent, UrgencyRule> = {
  complaint: U('low', 'Complaint: no reply deadline pressure.'),
  question: U('low', 'Question: no reply deadline pressure.'),
  praise: U('low', 'Praise: no reply deadline pressure.'),
  feedback: U('low', 'Feedback: no reply deadline pressure.'),
  other: U('low', 'Other: no reply deadline pressure.'),
};
const F_SAFETY = 1;
const F_LEGAL = 2;
const F_PERSONAL = 4;
const F_CHURN = 8;
const F_PRESS = 16;
const F_REPEAT = 32;
const F_ABUSE = 64;
const FLAG_BIT: Record<Flag['name'], number> = {
  safety: F_SAFETY, legal: F_LEGAL, personal_data: F_PERSONAL, churn: F_CHURN, press: F_PRESS, repeat_contact: F_REPEAT, abuse: F_ABUSE,
};

/** The urgency rule (a shared, frozen object) for an intent, P(negative) and a mask of F_* flag bits. */
function urgencyOf(intent: Intent, negative: number, mask: number): UrgencyRule {
  if (mask & F_SAFETY) return U_SAFETY;
  if (mask & F_LEGAL) return U_LEGAL;
  if (mask & F_PERSONAL) return U_PERSONAL;
  if (intent === 'complaint' || negative >= 0.5) {
    const e = intent === 'complaint' ? COMPLAINT_ESCALATIONS : NEGATIVE_ESCALATIONS;
    if (mask & F_CHURN) return e.churn;
    if (mask & F_PRESS) return e.press;
    if (mask & F_REPEAT) return e.repeat;
    if (negative >= 0.85) return e.strong;
    return e.plain;
  }
  if (mask & F_CHURN) return U_CHURN;
  if (intent === 'question') return U_QUESTION;
  if (mask & F_REPEAT) return U_REPEAT;
  if (mask & F_ABUSE) return U_ABUSE;
  return U_LOW[intent];
}

function flagMask(flags: readonly Flag[]): number {
  let mask = 0;
  for (let i = 0; i < flags.length; i++) mask |= FLAG_BIT[flags[i]!.name];
  return mask;
}

/** Urgency from intent, sentiment strength and flags, with the rule that set it (a shared, frozen object). */
export function deriveUrgency(intent: Intent, sentiment: Record<Sentiment, number>, flags: readonly Flag[]): { readonly urgency: Urgency; readonly rule: string } {
  return urgencyOf(intent, sentiment.negative, flagMask(flags));
}

/**
 * The negator whose scope holds word t ("not" in "not working", "never" in "never got my refund"),
 * or -1 when t is not negated: back over the scope (at most 4 words, maybe a handle or an emoji
 * between) to the first word outside it.
 */
function negatorOf(s: Scan, t: number): number {
  if ((s.bits[t]! & T_NEGATED) === 0) return -1;
  let j = t - 1;
  while (j >= 0 && t - j <= 8 && (s.kind[j] !== K_WORD || (s.bits[j]! & T_NEGATED) !== 0)) j--;
  return j >= 0 && t - j <= 8 && s.kind[j] === K_WORD ? j : -1;
}

/** Token t's text, lower-cased (as it is when the scanner saw no capital: `T_LOWER_TEXT`). */
function tokenText(s: Scan, t: number): string {
  const text = s.text.slice(s.start[t]!, s.end[t]!);
  return (s.bits[t]! & T_LOWER_TEXT) !== 0 ? text : text.toLowerCase();
}

/**
 * The text of a named feature as written (lower-cased): a word, or a word pair. A pair's words
 * are lower-cased one by one, as the whole would be (the space between them is neither cased nor
 * case-ignorable, so no word's lower case depends on the other), without first joining them.
 * A word in a negation's scope is a feature of its own ("working" after "not" is not "working"),
 * so it is shown with its negator: "not working", "never … refund".
 */
function namedText(s: Scan, at: number): string {
  if (at >= 0) {
    const negator = negatorOf(s, at);
    if (negator < 0) return tokenText(s, at);
    return negator === at - 1 ? pairText(s, negator) : `${tokenText(s, negator)} … ${tokenText(s, at)}`;
  }
  return pairText(s, -at - 2);
}

/**
 * Tokens t and t + 1 as a pair, "t t+1": one slice of the post when it writes them so (one space
 * between, each its own lower case), else the two lower-cased with a space between.
 */
function pairText(s: Scan, t: number): string {
  const end = s.end[t]!;
  const start = s.start[t + 1]!;
  const lowerText = (s.bits[t]! & s.bits[t + 1]! & T_LOWER_TEXT) !== 0;
  if (lowerText && start === end + 1 && s.text.charCodeAt(end) === 32) return s.text.slice(s.start[t]!, s.end[t + 1]!);
  return `${tokenText(s, t)} ${tokenText(s, t + 1)}`;
}

/** A reason line's end for each label: '" → complaint'. */
const REASON_END: Readonly<Record<Intent | Sentiment, string>> = Object.fromEntries(
  [...INTENTS, ...SENTIMENTS].map((label) => [label, `" → ${label}`]),
) as Record<Intent | Sentiment, string>;

/** Whether text[a0..a1) and text[b0..b1) are equal lower-cased (no strings unless non-ASCII). */
function sameRange(text: string, a0: number, a1: number, b0: number, b1: number): boolean {
  if (a1 - a0 === b1 - b0) {
    let i = 0;
    for (; i < a1 - a0; i++) {
      let x = text.charCodeAt(a0 + i);
      let y = text.charCodeAt(b0 + i);
      if (x === y) continue;
      if (x >= 128 || y >= 128) break;
      if (x >= 65 && x <= 90) x += 32;
      if (y >= 65 && y <= 90) y += 32;
      if (x !== y) return false;
    }
    if (i === a1 - a0) return true;
  } else {
    let ascii = true;
    for (let i = a0; i < a1 && ascii; i++) if (text.charCodeAt(i) >= 128) ascii = false;
    for (let i = b0; i < b1 && ascii; i++) if (text.charCodeAt(i) >= 128) ascii = false;
    if (ascii) return false;
  }
  return text.slice(a0, a1).toLowerCase() === text.slice(b0, b1).toLowerCase();
}

/**
 * On the corrections path (featurized without the table), per token: the integer row sums of a
 * word's n-grams, and what the corrections add through them (logits).
 */
let layerGrams = new Int32Array(256 * 8);
let layerGramDelta = new Float64Array(256 * 8);
const gramFeature: FeatureSet = { ids: new Int32Array(0), value: 1, namedIds: new Int32Array(0), namedAt: new Int32Array(0) };
/** The reasons' candidates of the current post: weight, named position, label (0 intent, 1 sentiment). */
let candWeight = new Float64Array(64);
let candAt = new Int32Array(64);
let candLabel = new Int32Array(64);
/** Whether a candidate of weight w at `at` ranks before one of weight w2 at `at2`: heavier, or as heavy and earlier in the post. */
function ranksBefore(w: number, at: number, w2: number, at2: number): boolean {
  return w > w2 || (w === w2 && at < at2);
}
const pickedAt = new Int32Array(3);
const pickedLabel = new Int32Array(3);
const oneId = new Int32Array(1);
const oneFeature: FeatureSet = { ids: oneId, value: 1, namedIds: oneId, namedAt: oneId };
const delta = new Float64Array(COLUMNS);

/**
 * Whether tokens x and y read the same (lower-cased), or as one word with another ending: two
 * ASCII words of which the shorter, 4 letters or more, starts the longer, at most 3 letters
 * shorter ("bottle" and "bottles", "love" and "loved", "order" and "ordered").
 */
function sameToken(s: Scan, x: number, y: number): boolean {
  if (x === y) return true;
  const start = s.start;
  const end = s.end;
  const lx = end[x]! - start[x]!;
  const ly = end[y]! - start[y]!;
  if ((s.bits[x]! & s.bits[y]! & T_ASCII) !== 0 && lx !== ly) {
    const short = lx < ly ? x : y;
    const shortLength = lx < ly ? lx : ly;
    const longer = lx < ly ? y : x;
    if (shortLength < 4 || Math.abs(lx - ly) > 3) return false;
    return sameRange(s.text, start[short]!, end[short]!, start[longer]!, start[longer]! + shortLength);
  }
  return sameRange(s.text, start[x]!, end[x]!, start[y]!, end[y]!);
}

/**
 * Whether two named features (see `namedText`) share a content word: "annoying" and "extremely
 * annoying", "a kick" and "kick out" (function words do not count: "a bit" and "a kick" do not
 * overlap). A negated word reads with its negator ("never" and "never … refund" overlap), and two
 * words of one negation's scope read as one ("not working" and "not … again").
 */
function overlaps(s: Scan, a: number, b: number): boolean {
  const na = a >= 0 ? negatorOf(s, a) : -1;
  const nb = b >= 0 ? negatorOf(s, b) : -1;
  if (na >= 0 && na === nb) return true;
  // Each feature's tokens: a word (and its negator), or a pair's two words.
  const a1 = a >= 0 ? a : -a - 1;
  const a0 = a >= 0 ? (na >= 0 ? na : a1) : a1 - 1;
  const b1 = b >= 0 ? b : -b - 1;
  const b0 = b >= 0 ? (nb >= 0 ? nb : b1) : b1 - 1;
  for (let x = a0; x <= a1; x++) {
    // Between a negator and its word, only those two are the feature's.
    if ((x !== a0 && x !== a1) || !isContentToken(s, x)) continue;
    for (let y = b0; y <= b1; y++) if ((y === b0 || y === b1) && isContentToken(s, y) && sameToken(s, x, y)) return true;
  }
  return false;
}

/** Whether named feature `at` of label `label` shares a content word with a chosen reason of the same label. */
function clashes(s: Scan, at: number, label: number, picked: number): boolean {
  for (let j = 0; j < picked; j++) if (pickedLabel[j] === label && overlaps(s, pickedAt[j]!, at)) return true;
  return false;
}

/**
 * The heaviest candidate left (ties: the earlier in the post, then the earlier found) that shares
 * no content word with a chosen reason of its label, or -1: the one the greedy order takes next.
 * Each heaviest is tested alone, and marked taken (weight -1) when it clashes; after a few such,
 * one pass tests every candidate left and marks those that clash (a heavier one left clashes
 * with a reason chosen before it, and so with the reasons chosen now). A post whose candidates
 * all clash with its first reason (thousands of one word or emoji repeated) is then searched a
 * few times, not once per candidate.
 */
function heaviestUnclashed(s: Scan, cands: number, picked: number): number {
  for (let tries = 0; tries < 8; tries++) {
    let best = -1;
    let bestWeight = 0;
    let bestAt = 0;
    for (let k = 0; k < cands; k++) {
      // A taken candidate weighs -1: never before another.
      const w = candWeight[k]!;
      const at = candAt[k]!;
      if (ranksBefore(w, at, bestWeight, bestAt)) {
        best = k;
        bestWeight = w;
        bestAt = at;
      }
    }
    if (best < 0 || !clashes(s, bestAt, candLabel[best]!, picked)) return best;
    candWeight[best] = -1;
  }
  let best = -1;
  let bestWeight = 0;
  let bestAt = 0;
  for (let k = 0; k < cands; k++) {
    const w = candWeight[k]!;
    if (w < 0) continue;
    const at = candAt[k]!;
    if (clashes(s, at, candLabel[k]!, picked)) candWeight[k] = -1;
    else if (ranksBefore(w, at, bestWeight, bestAt)) {
      best = k;
      bestWeight = w;
      bestAt = at;
    }
  }
  return best;
}

/**
 * The words that pushed most toward the chosen intent and sentiment: up to 3 named features
 * (words, emoji, word pairs), the heaviest first, none sharing a content word with a heavier one
 * of the same label ("annoying" and "extremely annoying" are one reason, the heavier shown). A
 * word weighs all it adds to the score: its own feature and its character n-grams. One
 * walk over the post's named features collects the candidates (weight above 0.15); strings are
 * built only for the 3 chosen.
 */
function explain(model: LinearModel, s: Scan, features: FeatureBuffers, intent: Intent, sentiment: Sentiment, layer?: CorrectionLayer): string[] {
  const packed = model.packed;
  const sc = model.scales;
  const intentCol = INTENTS.indexOf(intent) - 1;
  const sentCol = SENTIMENT_COLUMNS[SENTIMENTS.indexOf(sentiment)]!;
  const isComplaint = intent === 'complaint';
  const hasLayer = layer !== undefined && layer.size > 0;
  const neutral = sentiment === 'neutral';
  // The column scales and the chosen columns' scales, read once.
  const s0 = sc[0]!, s1 = sc[1]!, s2 = sc[2]!, s3 = sc[3]!, s4 = sc[4]!, s5 = sc[5]!, s6 = sc[6]!, s7 = sc[COMPLAINT_COLUMN]!;
  const sI = isComplaint ? s7 : sc[intentCol]!;
  const sS = sc[sentCol]!;
  const namedIds = features.namedIds;
  const namedAt = features.namedAt;
  const namedGrams = features.namedGrams;
  const named = features.named;
  if (candWeight.length < named) {
    candWeight = new Float64Array(named * 2);
    candAt = new Int32Array(named * 2);
    candLabel = new Int32Array(named * 2);
  }
  const kinds = s.kind;
  let grams = tokenGramSums();
  if (hasLayer) {
    // Featurized without the table (the layer reads every feature id): sum the words' n-gram rows here.
    if (layerGrams.length < gramOffset(s.count)) {
      layerGrams = new Int32Array(gramOffset(s.count) * 2);
      layerGramDelta = new Float64Array(gramOffset(s.count) * 2);
    }
    // Laid out as tokenGramSums(): token t's at gramOffset(t), the first 8 entries zero.
    grams = layerGrams;
    const ranges = tokenGramIdRanges();
    for (let t = 0; t < s.count; t++) {
      const kind = kinds[t]!;
      if (kind === K_WORD || kind === K_HASHTAG) {
        const from = kind === K_HASHTAG ? tagWordStart(s, t) : s.normStart[t]!;
        const g = gramOffset(t);
        layerGramDelta.fill(0, g, g + 8);
        if (from >= 0) {
          // The word's n-gram ids as featurizeScan pushed them.
          const gramFrom = ranges[2 * t]!;
          const gramTo = ranges[2 * t + 1]!;
          sumPacked(features.ids, gramFrom, gramTo, packed, grams, g);
          // What the corrections add through the word's n-grams, in logits.
          gramFeature.ids = features.ids.subarray(gramFrom, gramTo);
          layer.accumulate(gramFeature, layerGramDelta.subarray(g, g + 8));
        } else grams.fill(0, g, g + 8);
      }
    }
  }
  let cands = 0;
  for (let i = 0; i < named; i++) {
    // Function words, one-letter words and pairs with no other word ("to the", "b a") are never
    // shown: featurizeScan names none of them.
    const at = namedAt[i]!;
    const id = namedIds[i]!;
    // The feature's own row (packed two columns to a word: see packRows), and for a word (or a
    // tag's word) the rows of its character n-grams: all that the word adds to the score (a
    // pair's or an emoji's offset is that of 8 zeros: no test to mispredict).
    const o = id << 2;
    const w0 = packed[o]!, w1 = packed[o + 1]!, w2 = packed[o + 2]!, w3 = packed[o + 3]!;
    let r0 = (w0 << 16) >> 16, r2 = (w1 << 16) >> 16, r4 = (w2 << 16) >> 16, r6 = (w3 << 16) >> 16;
    let r1 = (w0 - r0) >> 16, r3 = (w1 - r2) >> 16, r5 = (w2 - r4) >> 16, r7 = (w3 - r6) >> 16;
    const g = namedGrams[i]!;
    r0 += grams[g]!;
    r1 += grams[g + 1]!;
    r2 += grams[g + 2]!;
    r3 += grams[g + 3]!;
    r4 += grams[g + 4]!;
    r5 += grams[g + 5]!;
    r6 += grams[g + 6]!;
    r7 += grams[g + 7]!;
    if (hasLayer) {
      // The corrections' weights for the feature (and a word's n-grams), in the rows' units.
      delta.fill(0);
      oneId[0] = id;
      layer.accumulate(oneFeature, delta);
      for (let c = 0; c < COLUMNS; c++) delta[c] = delta[c]! + layerGramDelta[g + c]!;
      r0 += delta[0]! / s0;
      r1 += delta[1]! / s1;
      r2 += delta[2]! / s2;
      r3 += delta[3]! / s3;
      r4 += delta[4]! / s4;
      r5 += delta[5]! / s5;
      r6 += delta[6]! / s6;
      r7 += delta[COMPLAINT_COLUMN]! / s7;
    }
    let iw: number;
    if (isComplaint) iw = r7 * s7;
    else {
      const ri = intentCol === 0 ? r0 : intentCol === 1 ? r1 : intentCol === 2 ? r2 : r3;
      iw = ri * sI - (r0 * s0 + r1 * s1 + r2 * s2 + r3 * s3) / 4 - r7 * s7 * 0.5;
    }
    const rs = sentCol === 4 ? r4 : sentCol === 5 ? r5 : r6;
    const sw = neutral ? 0 : rs * sS - (r4 * s4 + r5 * s5 + r6 * s6) / 3;
    // The heavier side, intent on a tie: one comparison, which the processor cannot predict.
    const sentimentWins = sw > iw;
    const weight = sentimentWins ? sw : iw;
    if (weight <= 0.15) continue;
    candWeight[cands] = weight;
    candAt[cands] = at;
    candLabel[cands] = sentimentWins ? 1 : 0;
    cands++;
  }
  // Greedy: the heaviest candidate left (ties: the earlier in the post, then the earlier found),
  // unless it shares a content word with a chosen one of the same label; then drop it. One scan
  // keeps the three heaviest (most candidates are lighter than the third, a test the processor
  // predicts); only when clashes use them up is the rest searched (heaviestUnclashed).
  let top0 = -1, top1 = -1, top2 = -1;
  let w0 = 0, w1 = 0, w2 = 0;
  let a0 = 0, a1 = 0, a2 = 0;
  for (let k = 0; k < cands; k++) {
    // Every candidate weighs more than 0.15, so an empty place (weight 0) takes any. (The
    // lighter ones are left before their place in the post is read.)
    const w = candWeight[k]!;
    if (w < w2) continue;
    const at = candAt[k]!;
    if (!ranksBefore(w, at, w2, a2)) continue;
    if (ranksBefore(w, at, w1, a1)) {
      top2 = top1;
      w2 = w1;
      a2 = a1;
      if (ranksBefore(w, at, w0, a0)) {
        top1 = top0;
        w1 = w0;
        a1 = a0;
        top0 = k;
        w0 = w;
        a0 = at;
      } else {
        top1 = k;
        w1 = w;
        a1 = at;
      }
    } else {
      top2 = k;
      w2 = w;
      a2 = at;
    }
  }
  let picked = 0;
  for (let i = 0; picked < 3; i++) {
    let best = i === 0 ? top0 : i === 1 ? top1 : i === 2 ? top2 : -1;
    if (i >= 3) best = heaviestUnclashed(s, cands, picked);
    if (best < 0) break;
    const at = candAt[best]!;
    const label = candLabel[best]!;
    candWeight[best] = -1;
    if (clashes(s, at, label, picked)) continue;
    pickedAt[picked] = at;
    pickedLabel[picked] = label;
    picked++;
  }
  const reasons: string[] = [];
  const intentEnd = REASON_END[intent];
  const sentimentEnd = REASON_END[sentiment];
  for (let k = 0; k < picked; k++) reasons.push('"' + namedText(s, pickedAt[k]!) + (pickedLabel[k] === 0 ? intentEnd : sentimentEnd));
  return reasons;
}

/**
 * The listed emoji behind the sentiment (see emoji-lean.ts), first: its logits usually outweigh
 * any one word's. A line the walk over the features wrote for the same emoji goes (for the
 * sentiment it would say the same; for the intent, "😡" → other beside "😡" → negative reads as
 * a contradiction).
 */
function addEmojiReason(s: Scan, lean: EmojiLean, sentiment: Sentiment, reasons: string[]): void {
  const at = sentiment === 'negative' ? lean.negativeAt : sentiment === 'positive' ? lean.positiveAt : -1;
  if (at < 0) return;
  const quoted = `"${s.text.slice(s.start[at]!, s.end[at]!)}" → `;
  for (let k = reasons.length - 1; k >= 0; k--) if (reasons[k]!.startsWith(quoted)) reasons.splice(k, 1);
  reasons.unshift(`${quoted}${sentiment}`);
}

/** A flag's reason line: its name and up to two of its words ('churn flag: "cancel my account"'). */
function flagReason(f: Flag): string {
  return `${f.name.replace('_', ' ')} flag: ${f.evidence.slice(0, 2).map((e) => `"${e}"`).join(', ')}`;
}

/** Whether a reason line restates a flag (for a view that shows the flags apart). */
export function isFlagReason(reason: string): boolean {
  return FLAG_REASON.test(reason);
}
/** The lines `flagReason` writes, for every flag name. */
const FLAG_REASON = new RegExp(`^(?:${FLAG_NAMES.map((name) => name.replace('_', ' ')).join('|')}) flag: `);

export interface ClassifyInput {
  text: string;
  /** The site's language tag for the post (X's `lang`), if any. */
  lang?: string;
  /**
   * The handle the post replies to, when the site shows it apart from the text (X's "Replying to
   * @acme" above a reply whose text names no one): the post is read with that handle first, as
   * the training posts have it (`withReplyHandle`).
   */
  replyTo?: string;
}

export interface ClassifyOptions {
  corrections?: CorrectionLayer;
  /** A model other than the shipped one (the evaluation script's models trained on part of the data). */
  model?: LinearModel;
}

const logitsBuf = new Float64Array(COLUMNS);
const UNIFORM_INTENT = 1 / INTENTS.length;

const LEADING_HANDLE = /^\s*\.?@\w/;

/**
 * A reply's text as the training posts have it. X shows the handles a reply answers apart from its
 * text ("Replying to @acme"); the posts the model learnt from (and the evaluation sets) carry them
 * first ("@acme my order…"). A reply whose text starts with no handle is read with its `replyTo`
 * handle first, so that its features (a leading handle, a post addressed to an account) are those
 * the model knows. The handle keeps only its letters, digits and underscores.
 */
export function withReplyHandle(text: string, replyTo: string | undefined): string {
  if (replyTo === undefined || LEADING_HANDLE.test(text)) return text;
  const handle = replyTo.replace(/\W/g, '');
  return handle === '' ? text : `@${handle} ${text}`;
}

/** Classifies one post. Synchronous, deterministic, no network. */
export function classifyPost(input: ClassifyInput, options: ClassifyOptions = {}): Classification {
  const text = withReplyHandle(input.text ?? '', input.replyTo);
  const s = scan(text);
  const lang = decideLanguage(text, input.lang, s.wordChars, s.stopHits);
  const flags = detectFlags(text);
  if (!lang.known) {
    return {
      classified: false,
      language: lang.language,
      intent: 'other',
      sentiment: 'neutral',
      urgency: flags.some((f) => f.name === 'personal_data' || f.name === 'safety' || f.name === 'legal') ? 'high' : 'normal',
      urgencyRule: `Not classified: the post looks like ${languageName(lang.language)} ("${lang.language}"), a language the model does not know. Read it yourself.`,
      flags,
      scores: {
        intent: { complaint: UNIFORM_INTENT, question: UNIFORM_INTENT, praise: UNIFORM_INTENT, feedback: UNIFORM_INTENT, other: UNIFORM_INTENT },
        sentiment: { negative: 1 / 3, neutral: 1 / 3, positive: 1 / 3 },
      },
      reasons: [`not classified: language "${lang.language}"`],
      version: CLASSIFIER_VERSION,
    };
  }
  const model = options.model ?? shippedModel();
  const layer = options.corrections;
  const logits = logitsBuf.fill(0);
  const lean = emojiLean(s);
  const hasLayer = layer !== undefined && layer.size > 0;
  let features: FeatureBuffers;
  if (hasLayer) {
    // The layer reads every feature id: no n-gram cache.
    const count = featurizeScan(s);
    features = featureBuffers();
    model.accumulate(features.ids, count, 1 / Math.sqrt(count), logits);
  } else {
    const count = featurizeScan(s, model.packed);
    features = featureBuffers();
    model.accumulate(features.ids, features.count, 1 / Math.sqrt(count), logits, gramSums);
  }
  // In scoreFeatures' order: the shipped model, set aside for a word-less post, the layer, the emoji.
  setAsideModelSentiment(lean, logits);
  if (hasLayer) layer.accumulate(sharedFeatureSet(), logits);
  addEmojiLean(lean, logits);
  softmax(logits, nonComplaint, intentBuf);
  softmax(logits, SENTIMENT_COLUMNS, sentimentBuf);
  const pc = addressedComplaint(complaintProbability(logits, sentimentBuf), s.users > 0, sentimentBuf[0]!, intentBuf);
  const rest = 1 - pc;
  const intentScores = {
    complaint: round(pc),
    question: round(rest * intentBuf[0]!),
    praise: round(rest * intentBuf[1]!),
    feedback: round(rest * intentBuf[2]!),
    other: round(rest * intentBuf[3]!),
  };
  // Complaint or not is the complaint head's call (P ≥ 0.5); otherwise the likeliest of the other four.
  const intent: Intent = pc < 0.5 ? INTENTS[topOfFour(intentBuf) + 1]! : 'complaint';
  let sBest = 0;
  for (let k = 1; k < 3; k++) if (sentimentBuf[k]! > sentimentBuf[sBest]!) sBest = k;
  const sentiment = SENTIMENTS[sBest]!;
  const sentimentScores = { negative: round(sentimentBuf[0]!), neutral: round(sentimentBuf[1]!), positive: round(sentimentBuf[2]!) };
  const { urgency, rule } = flags.length === 0 ? urgencyOf(intent, sentimentBuf[0]!, 0) : urgencyOf(intent, sentimentBuf[0]!, flagMask(flags));
  const reasons = explain(model, s, features, intent, sentiment, layer);
  if (lean) addEmojiReason(s, lean, sentiment, reasons);
  for (const f of flags) {
    if (reasons.length >= 5) break;
    reasons.push(flagReason(f));
  }
  if (layer && layer.size > 0) reasons.push(`adjusted by ${layer.size} local correction${layer.size === 1 ? '' : 's'}`);
  return {
    classified: true,
    language: lang.language,
    intent,
    sentiment,
    urgency,
    urgencyRule: rule,
    flags,
    scores: { intent: intentScores, sentiment: sentimentScores },
    reasons,
    version: CLASSIFIER_VERSION,
  };
}
