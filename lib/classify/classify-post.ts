import { featurize, namedText, type FeatureSet } from './features';
import { detectFlags } from './flags';
import { detectLanguage, isFunctionWord } from './language';
import { COLUMNS, COMPLAINT_COLUMN, decodeModel, INTENT_COLUMNS, LinearModel, SENTIMENT_COLUMNS, softmax } from './model';
import { tokenize, type Token } from './tokenize';
import type { Classification, Flag, Intent, Sentiment, Urgency } from './types';
import { INTENTS, SENTIMENTS } from './types';
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
  shipped ??= new LinearModel(decodeModel(MODEL), MODEL.featureBits);
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
const COMPLAINT_SENTIMENT_WEIGHT = 0.25;
const COMPLAINT_OFFSET = 0.1;

/**
 * Intent probabilities: the dedicated complaint head decides P(complaint) (it is trained on gold
 * labels); the four-way head shares the rest among question, praise, feedback and other.
 */
export function scoreFeatures(features: FeatureSet, layer?: CorrectionLayer): RawScores {
  const logits = new Float64Array(COLUMNS);
  shippedModel().accumulate(features.ids, features.ids.length, features.value, logits);
  if (layer && layer.size > 0) layer.accumulate(features, logits);
  softmax(logits, nonComplaint, intentBuf);
  softmax(logits, SENTIMENT_COLUMNS, sentimentBuf);
  // The complaint head, nudged by sentiment polarity: a neutral "how do I…?" leans question, a
  // negative post leans complaint (5-fold CV on complaints-dev: macro-F1 0.78 → 0.79).
  const head = 1 / (1 + Math.exp(-logits[COMPLAINT_COLUMN]!));
  const pc = Math.min(1, Math.max(0, head + COMPLAINT_SENTIMENT_WEIGHT * (sentimentBuf[0]! - sentimentBuf[2]!) - COMPLAINT_OFFSET));
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

function argmax<K extends string>(scores: Record<K, number>, labels: readonly K[]): K {
  let best = labels[0]!;
  for (const l of labels) if (scores[l] > scores[best]) best = l;
  return best;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function roundAll<K extends string>(scores: Record<K, number>): Record<K, number> {
  const out = { ...scores };
  for (const k in out) out[k] = round(out[k]);
  return out;
}

/** Urgency from intent, sentiment strength and flags, with the rule that set it. */
export function deriveUrgency(intent: Intent, sentiment: Record<Sentiment, number>, flags: readonly Flag[]): { urgency: Urgency; rule: string } {
  const has = (name: Flag['name']) => flags.some((f) => f.name === name);
  if (has('safety')) return { urgency: 'high', rule: 'Safety flag: someone may be at risk.' };
  if (has('legal')) return { urgency: 'high', rule: 'Legal threat flag: lawyer, court or regulator mentioned.' };
  if (has('personal_data')) return { urgency: 'high', rule: 'Personal data posted in public: move to private messages and ask them to delete it.' };
  const negative = sentiment.negative;
  if (intent === 'complaint' || negative >= 0.5) {
    if (has('churn')) return { urgency: 'high', rule: 'Complaint with a churn signal (cancel, switching, never again).' };
    if (has('press')) return { urgency: 'high', rule: 'Complaint that mentions the press or going public.' };
    if (has('repeat_contact')) return { urgency: 'high', rule: 'Complaint from a customer who has been in touch before.' };
    if (negative >= 0.85) return { urgency: 'high', rule: 'Complaint with strongly negative sentiment.' };
    return { urgency: 'normal', rule: intent === 'complaint' ? 'Complaint.' : 'Negative post.' };
  }
  if (has('churn')) return { urgency: 'normal', rule: 'Churn signal.' };
  if (intent === 'question') return { urgency: 'normal', rule: 'Question: the customer is waiting for an answer.' };
  if (has('repeat_contact')) return { urgency: 'normal', rule: 'Repeat contact.' };
  if (has('abuse')) return { urgency: 'low', rule: 'Abusive language with no complaint or question.' };
  return { urgency: 'low', rule: `${intent[0]!.toUpperCase()}${intent.slice(1)}: no reply deadline pressure.` };
}

/** The words that pushed most toward the chosen intent and sentiment. */
function explain(model: LinearModel, tokens: readonly Token[], features: FeatureSet, intent: Intent, sentiment: Sentiment, layer?: CorrectionLayer): string[] {
  const w = model.weights;
  const intentCol = INTENTS.indexOf(intent) - 1;
  const sentCol = SENTIMENT_COLUMNS[SENTIMENTS.indexOf(sentiment)]!;
  const top: Array<{ weight: number; at: number; label: string }> = [];
  const delta = layer && layer.size > 0 ? new Float64Array(COLUMNS) : undefined;
  for (let i = 0; i < features.namedIds.length; i++) {
    const id = features.namedIds[i]!;
    const at = features.namedAt[i]!;
    const o = model.row(id) * COLUMNS;
    let iw: number;
    if (intent === 'complaint') iw = w[o + COMPLAINT_COLUMN]!;
    else iw = w[o + intentCol]! - (w[o]! + w[o + 1]! + w[o + 2]! + w[o + 3]!) / 4 - w[o + COMPLAINT_COLUMN]! * 0.5;
    const sw = sentiment === 'neutral' ? 0 : w[o + sentCol]! - (w[o + 4]! + w[o + 5]! + w[o + 6]!) / 3;
    if (delta) {
      delta.fill(0);
      layer!.accumulate({ ids: Int32Array.of(id), value: 1, namedIds: [], namedAt: [] }, delta);
      iw += intent === 'complaint' ? delta[COMPLAINT_COLUMN]! : delta[intentCol]! - delta[COMPLAINT_COLUMN]! * 0.5;
    }
    const weight = Math.max(iw, sw);
    if (weight <= 0.15 || (top.length === 3 && weight <= top[2]!.weight)) continue;
    const word = at >= 0 ? tokens[at]!.norm : tokens[-at - 1]!.norm;
    if (at >= 0 && (isFunctionWord(word) || word.length < 2)) continue;
    if (at < 0 && isFunctionWord(word) && isFunctionWord(tokens[-at - 2]!.norm)) continue;
    const label = iw >= sw ? intent : sentiment;
    const text = namedText(tokens, at).toLowerCase();
    const same = top.findIndex((e) => namedText(tokens, e.at).toLowerCase() === text && e.label === label);
    if (same >= 0) {
      if (top[same]!.weight >= weight) continue;
      top.splice(same, 1);
    }
    top.push({ weight, at, label });
    top.sort((a, b) => b.weight - a.weight || a.at - b.at);
    if (top.length > 3) top.pop();
  }
  return top.map((e) => `"${namedText(tokens, e.at).toLowerCase()}" → ${e.label}`);
}

export interface ClassifyInput {
  text: string;
  /** The site's language tag for the post (X's `lang`), if any. */
  lang?: string;
}

export interface ClassifyOptions {
  corrections?: CorrectionLayer;
}

/** Classifies one post. Synchronous, deterministic, no network. */
export function classifyPost(input: ClassifyInput, options: ClassifyOptions = {}): Classification {
  const text = input.text ?? '';
  const tokens = tokenize(text);
  const words: string[] = [];
  for (const t of tokens) if (t.kind === 'word') words.push(t.norm);
  const lang = detectLanguage(text, input.lang, words);
  const flags = detectFlags(text);
  if (!lang.known) {
    const uniform = 1 / INTENTS.length;
    return {
      classified: false,
      language: lang.language,
      intent: 'other',
      sentiment: 'neutral',
      urgency: flags.some((f) => f.name === 'personal_data' || f.name === 'safety' || f.name === 'legal') ? 'high' : 'normal',
      urgencyRule: `Not classified: the post looks like "${lang.language}", a language the model does not know. Read it yourself.`,
      flags,
      scores: {
        intent: { complaint: uniform, question: uniform, praise: uniform, feedback: uniform, other: uniform },
        sentiment: { negative: 1 / 3, neutral: 1 / 3, positive: 1 / 3 },
      },
      reasons: [`not classified: language "${lang.language}"`],
      version: CLASSIFIER_VERSION,
    };
  }
  const features = featurize(tokens);
  const scores = scoreFeatures(features, options.corrections);
  const intent = scores.intent.complaint >= 0.5 ? 'complaint' : argmax(scores.intent, INTENTS);
  const sentiment = argmax(scores.sentiment, SENTIMENTS);
  const { urgency, rule } = deriveUrgency(intent, scores.sentiment, flags);
  const reasons = explain(shippedModel(), tokens, features, intent, sentiment, options.corrections);
  for (const f of flags) {
    if (reasons.length >= 5) break;
    reasons.push(`${f.name.replace('_', ' ')} flag: ${f.evidence.slice(0, 2).map((e) => `"${e}"`).join(', ')}`);
  }
  if (options.corrections && options.corrections.size > 0) reasons.push(`adjusted by ${options.corrections.size} local correction${options.corrections.size === 1 ? '' : 's'}`);
  return {
    classified: true,
    language: lang.language,
    intent,
    sentiment,
    urgency,
    urgencyRule: rule,
    flags,
    scores: { intent: roundAll(scores.intent), sentiment: roundAll(scores.sentiment) },
    reasons,
    version: CLASSIFIER_VERSION,
  };
}

