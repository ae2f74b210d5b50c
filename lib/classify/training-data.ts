/**
 * Loads the committed data files (data/classifier/) into training examples for the two heads.
 * Build-time only (node): the extension never imports this module.
 *
 * Intent has gold labels only for complaint / not complaint (ACL 2019 complaints). The other
 * intents are "silver": labelled by the transparent rules in `silverIntent` below, applied to
 * real non-complaint tweets, plus synthetic Bitext requests as seeds for `question`. The
 * weights below say how much each source counts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Intent, Sentiment } from './types';
import { INTENTS, SENTIMENTS } from './types';

export const DATA_DIR = join(import.meta.dirname, '../../data/classifier');

export interface LabelledText<L extends string> {
  text: string;
  label: L;
  weight: number;
  source: string;
}

function readTsv(name: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(join(DATA_DIR, name), 'utf8').split('\n');
  const cols = head!.split('\t');
  return lines
    .filter((l) => l.length > 0)
    .map((l) => {
      const cells = l.split('\t');
      const row: Record<string, string> = {};
      cols.forEach((c, i) => (row[c] = cells[i] ?? ''));
      return row;
    });
}

export interface ComplaintRow {
  id: string;
  text: string;
  complaint: boolean;
  domain: string;
  split: 'train' | 'val';
}

export function loadComplaints(): ComplaintRow[] {
  return readTsv('complaints.tsv').map((r) => ({
    id: r.tweet_id!,
    text: r.text!,
    complaint: r.complaint === '1',
    domain: r.domain!,
    split: r.split === 'val' ? 'val' : 'train',
  }));
}

export function loadSentimentTrain(): LabelledText<Sentiment>[] {
  return readTsv('sentiment-train.tsv').map((r) => ({ text: r.text!, label: r.label as Sentiment, weight: 1, source: 'semeval' }));
}

export function loadSentimentVal(): LabelledText<Sentiment>[] {
  return readTsv('sentiment-val.tsv').map((r) => ({ text: r.text!, label: r.label as Sentiment, weight: 1, source: 'tweeteval-val' }));
}

export interface BrandEvalRow {
  id: string;
  text: string;
  intent: Intent;
  sentiment: Sentiment;
}

/** The hand-labelled brand-directed evaluation set (see data/classifier/PROVENANCE.md). */
export function loadBrandEval(): BrandEvalRow[] {
  return readFileSync(join(DATA_DIR, 'brand-eval.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as BrandEvalRow);
}

const QUESTION_START = /^(?:(?:@\w+\s*)*)(?:how|what|when|where|why|who|which|is|are|can|could|do|does|did|will|would|should|any|anyone|has|have)\b/i;
const PRAISE = /\b(?:thanks?|thank you|thx|love|loving|great|awesome|amazing|excellent|brilliant|best|fantastic|wonderful|perfect|appreciate|kudos|shout ?out|well done|good job|happy|impressed|legend|superb)\b/i;
const FEEDBACK = /\b(?:should|suggest(?:ion)?|wish|would be (?:nice|great|good|better)|please (?:add|bring|make|consider|stop|start)|bring back|needs? to|ought to|why not|how about|idea|feature request|could you (?:add|make)|it'?d be (?:nice|great))\b/i;

/**
 * Silver intent for a real post known not to be a complaint (or with a known sentiment):
 * a question when it asks, praise when it thanks or praises, feedback when it suggests,
 * other otherwise. Returns undefined when the rules disagree (the example is left out).
 */
export function silverIntent(text: string, sentiment?: Sentiment): Intent | undefined {
  const asks = text.includes('?') || QUESTION_START.test(text);
  const praises = PRAISE.test(text) && sentiment !== 'negative';
  const suggests = FEEDBACK.test(text);
  const hits = Number(asks) + Number(praises) + Number(suggests);
  if (hits > 1) return undefined;
  if (asks) return 'question';
  if (praises) return sentiment === 'neutral' ? undefined : 'praise';
  if (suggests) return 'feedback';
  return 'other';
}

export interface IntentSets {
  train: LabelledText<Intent>[];
}

/** Intent training examples; `complaintRows` lets cross-validation hold some complaints out. */
export function intentTrainingSet(complaintRows: readonly ComplaintRow[], sentiment: readonly LabelledText<Sentiment>[]): LabelledText<Intent>[] {
  const out: LabelledText<Intent>[] = [];
  for (const r of complaintRows) {
    if (r.complaint) {
      out.push({ text: r.text, label: 'complaint', weight: 1, source: 'complaints:gold' });
    } else if (r.domain.startsWith('random')) {
      // Background tweets not addressed to a brand. Questions among them are left out: in the
      // agent's queue a question is for the brand.
      if (!r.text.includes('?')) out.push({ text: r.text, label: 'other', weight: 0.7, source: 'complaints:random' });
    } else {
      const silver = silverIntent(r.text);
      if (silver) out.push({ text: r.text, label: silver, weight: 0.8, source: 'complaints:silver' });
    }
  }
  for (const r of readTsv('bitext-intent-seed.tsv')) {
    out.push({ text: r.text!, label: r.intent as Intent, weight: 0.25, source: 'bitext' });
  }
  // Real tweets addressed to someone, from the sentiment set: silver praise/question/feedback/other.
  let taken = 0;
  for (const s of sentiment) {
    if (!s.text.includes('@user') || taken >= 6000) continue;
    if (s.label === 'negative') continue; // a negative tweet may or may not be a complaint: no label
    const silver = silverIntent(s.text, s.label);
    if (!silver) continue;
    out.push({ text: s.text, label: silver, weight: 0.3, source: 'semeval:silver' });
    taken++;
  }
  return out;
}

/**
 * Sentiment examples: SemEval plus brand-directed posts whose polarity the complaint label implies.
 * The brand-directed posts are few (about 800) but closest to the posts Careline reads, so each
 * counts 4 times: chosen on the same silver labels of the held-out complaints split (and TweetEval
 * validation, which did not move) among 0.6, 1, 2, 4 and 8.
 */
export function sentimentTrainingSet(sentiment: readonly LabelledText<Sentiment>[], complaintRows: readonly ComplaintRow[]): LabelledText<Sentiment>[] {
  const out = [...sentiment];
  for (const r of complaintRows) {
    // A complaint states a breach of expectations: negative (silver).
    if (r.complaint) out.push({ text: r.text, label: 'negative', weight: 4, source: 'complaints:silver' });
    else if (!r.domain.startsWith('random')) {
      // A post to a brand that its annotators did not call a complaint: when it only asks, neutral;
      // when it only thanks or praises, positive (silver, by the rules of `silverIntent`). Without
      // these, the complaints above teach that any post to a brand leans negative.
      const intent = silverIntent(r.text);
      if (intent === 'question') out.push({ text: r.text, label: 'neutral', weight: 4, source: 'complaints:silver' });
      else if (intent === 'praise') out.push({ text: r.text, label: 'positive', weight: 4, source: 'complaints:silver' });
    }
  }
  for (const r of readTsv('bitext-intent-seed.tsv')) {
    if (r.intent === 'question') out.push({ text: r.text!, label: 'neutral', weight: 0.2, source: 'bitext' });
  }
  return out;
}

export const INTENT_INDEX = new Map(INTENTS.map((l, i) => [l, i]));
export const SENTIMENT_INDEX = new Map(SENTIMENTS.map((l, i) => [l, i]));

/** The synthetic Bitext seeds (question / complaint). */
export function loadBitext(): LabelledText<Intent>[] {
  return readTsv('bitext-intent-seed.tsv').map((r) => ({ text: r.text!, label: r.intent as Intent, weight: 0.25, source: 'bitext' }));
}

/**
 * VADER's lexicon (vader-sentiment, Apache-2.0), words rated at least 1 away from neutral, as
 * one-word sentiment examples: the model learns a prior for words too rare in the tweets.
 * Training only: the lexicon itself does not ship.
 */
export function vaderLexiconSet(): LabelledText<Sentiment>[] {
  const path = join(import.meta.dirname, '../../node_modules/vader-sentiment/vader_lexicon.txt');
  const out: LabelledText<Sentiment>[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const [word, mean] = line.split('\t');
    const v = Number(mean);
    if (!word || !(Math.abs(v) >= 1)) continue;
    out.push({ text: word, label: v > 0 ? 'positive' : 'negative', weight: 0.3, source: 'vader-lexicon' });
  }
  return out;
}
