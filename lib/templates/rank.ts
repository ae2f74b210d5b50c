/**
 * Ranks templates for the focused post: fit to its flags, intent, sentiment, channel and language
 * first, then what this agent has used and kept for similar posts. Each suggestion carries the
 * reasons it was chosen, in words for the sidebar.
 */
import type { Classification, FlagName, Intent, Sentiment } from '../classify/types.ts';
import { templateBodyFor, type ReplyChannel, type Template, type Tone } from './schema.ts';

/** This agent's past uses of one template for posts like this one (same intent). */
export interface TemplateUsage {
  uses: number;
  /** Mean of keptRatio(inserted, sent) over those uses, 0..1. */
  meanKeptRatio: number;
}

export interface RankInput {
  classification: Pick<Classification, 'classified' | 'intent' | 'sentiment' | 'flags'> & { language?: string };
  channel: ReplyChannel;
  /** The reply's language (the post's, or the team's); defaults to the classification's. */
  language?: string;
  /** By template id. */
  usage?: Record<string, TemplateUsage>;
}

export interface RankedTemplate {
  template: Template;
  score: number;
  reasons: string[];
}

// Weights: a flag the template is written for outweighs everything else (a legal holding reply
// must come first on a legal post); a template written for a flag the post does not have is pushed
// well down; intent outweighs sentiment and tone; usage breaks ties among good fits.
const W = {
  flagMatch: 10,
  flagMissing: -8,
  intentMatch: 4,
  intentPrimary: 0.5,
  intentSpecific: 0.5,
  intentAny: 1,
  intentMismatch: -3,
  sentimentMatch: 1.5,
  sentimentAny: 0.3,
  sentimentMismatch: -1.5,
  toneFit: 1,
  channelOwnBody: 0.5,
  noRequiredBlanks: 0.25,
  languageMismatch: -6,
  usageMax: 2,
} as const;

const FLAG_WORDS: Record<FlagName, string> = {
  legal: 'legal',
  safety: 'safety',
  churn: 'leaving',
  personal_data: 'personal data',
  abuse: 'abuse',
  repeat_contact: 'repeat contact',
  press: 'press',
};

const INTENT_WORDS: Record<Intent, string> = {
  complaint: 'complaints',
  question: 'questions',
  praise: 'praise',
  feedback: 'feedback',
  other: 'general posts',
};

const SENTIMENT_WORDS: Record<Sentiment, string> = { negative: 'an unhappy customer', neutral: 'a neutral post', positive: 'a happy customer' };

/** Tones that suit a post of this intent and sentiment. */
function fittingTones(intent: Intent, sentiment: Sentiment): Tone[] {
  if (intent === 'complaint' || sentiment === 'negative') return ['empathetic', 'apologetic'];
  if (intent === 'praise' || (intent === 'feedback' && sentiment === 'positive')) return ['grateful'];
  if (intent === 'question') return ['informative'];
  if (intent === 'feedback') return ['grateful', 'informative'];
  return [];
}

function baseLanguage(tag: string | undefined): string {
  return (tag ?? '').toLowerCase().split('-')[0] ?? '';
}

function channelName(channel: ReplyChannel): string {
  return channel === 'facebook' ? 'Facebook' : 'X';
}

/** Scores one template for a post; undefined when it has no body for the channel. */
export function scoreTemplate(template: Template, input: RankInput): RankedTemplate | undefined {
  const body = templateBodyFor(template, input.channel);
  if (body === undefined) return undefined;
  const { classification } = input;
  const reasons: string[] = [];
  let score = 0;

  const postFlags = new Set(classification.flags.map((f) => f.name));
  const matchedFlags = template.flags.filter((f) => postFlags.has(f));
  const missingFlags = template.flags.filter((f) => !postFlags.has(f));
  if (matchedFlags.length > 0) {
    score += W.flagMatch * matchedFlags.length;
    reasons.push(`Written for ${matchedFlags.map((f) => FLAG_WORDS[f]).join(' and ')} posts`);
  }
  if (missingFlags.length > 0) score += W.flagMissing;

  // An unclassified post (a language the model doesn't know) has no intent or sentiment to match.
  if (classification.classified) {
    const { intent, sentiment } = classification;
    if (template.intents.includes(intent)) {
      // A template written mainly (or only) for this intent beats one that also covers others.
      score += W.intentMatch + (template.intents[0] === intent ? W.intentPrimary : 0) + W.intentSpecific / template.intents.length;
      reasons.push(`Fits ${INTENT_WORDS[intent]}`);
    } else if (template.intents.length === 0) {
      score += matchedFlags.length > 0 ? 0 : W.intentAny;
    } else if (matchedFlags.length === 0) {
      score += W.intentMismatch;
    }
    if (template.sentiments.includes(sentiment)) {
      score += W.sentimentMatch;
      if (sentiment !== 'neutral') reasons.push(`Suits ${SENTIMENT_WORDS[sentiment]}`);
    } else if (template.sentiments.length === 0) {
      score += W.sentimentAny;
    } else if (matchedFlags.length === 0) {
      score += W.sentimentMismatch;
    }
    const tones = fittingTones(intent, sentiment);
    const tone = template.tones.find((t) => tones.includes(t));
    if (tone) {
      score += W.toneFit;
      reasons.push(`${tone[0]?.toUpperCase()}${tone.slice(1)} tone`);
    }
  }

  // Among equals, one that can go out without a form to fill comes first.
  if (!template.blanks.some((b) => b.required)) score += W.noRequiredBlanks;

  const ownBody = input.channel === 'facebook' ? template.bodies.facebook : template.bodies.x;
  if (ownBody && ownBody.trim()) {
    score += W.channelOwnBody;
    reasons.push(`Written for ${channelName(input.channel)}`);
  }

  const language = baseLanguage(input.language ?? classification.language);
  if (language && language !== 'und' && baseLanguage(template.language) !== language) {
    score += W.languageMismatch;
    reasons.push(`In ${template.language}, not the post's language (${language})`);
  }

  const usage = input.usage?.[template.id];
  if (usage && usage.uses > 0) {
    const kept = Math.min(1, Math.max(0, usage.meanKeptRatio));
    // Diminishing returns on count; a template the agent always rewrites earns little.
    const boost = Math.min(W.usageMax, Math.log2(1 + usage.uses) * 0.5) * kept;
    score += boost;
    reasons.push(`You used it ${usage.uses} time${usage.uses === 1 ? '' : 's'} on similar posts and kept ${Math.round(kept * 100)}%`);
  }

  return { template, score: Math.round(score * 1000) / 1000, reasons };
}

/**
 * The best `limit` templates for a post, best first. Ties keep a stable order (by name, then id).
 * Templates without a body for the channel are left out.
 */
export function rankTemplates(templates: readonly Template[], input: RankInput, limit = 5): RankedTemplate[] {
  const scored: RankedTemplate[] = [];
  for (const template of templates) {
    const ranked = scoreTemplate(template, input);
    if (ranked) scored.push(ranked);
  }
  scored.sort((a, b) => b.score - a.score || a.template.name.localeCompare(b.template.name) || a.template.id.localeCompare(b.template.id));
  return scored.slice(0, Math.max(0, limit));
}

/** One logged use of a template, as the log keeps it. */
export interface TemplateUseRecord {
  templateId: string;
  intent: Intent;
  keptRatio: number;
}

/** Summarises an agent's logged uses into per-template usage for posts of one intent. */
export function summarizeUsage(records: readonly TemplateUseRecord[], intent: Intent): Record<string, TemplateUsage> {
  const sums = new Map<string, { uses: number; kept: number }>();
  for (const record of records) {
    if (record.intent !== intent) continue;
    const entry = sums.get(record.templateId) ?? { uses: 0, kept: 0 };
    entry.uses++;
    entry.kept += Math.min(1, Math.max(0, record.keptRatio));
    sums.set(record.templateId, entry);
  }
  const usage: Record<string, TemplateUsage> = {};
  for (const [id, { uses, kept }] of sums) usage[id] = { uses, meanKeptRatio: kept / uses };
  return usage;
}
