/**
 * Scores one practice reply and explains each part to the trainee. The rubric, its weights and
 * why each part scores as it does are documented in docs/practice.md; change both together.
 *
 * Parts (weight): speed (0.15), first move (0.30), tone (0.20), channel fit (0.10), personal data
 * (0.15), similarity to the brand's real reply (0.10, reference only; left out when the scenario
 * has no brand reply, the other weights then share its place). Two mistakes cap the total because
 * they would do real harm on a live account: asking for (or repeating) personal data in public caps
 * it at 40, and a reply X would refuse (over 280) caps it at 50.
 */
import type { Classification, Intent, Sentiment, Urgency } from '../classify/types.ts';
import { DEFAULT_SLA_SETTINGS, targetFor, type SlaSettings } from '../sla/settings.ts';
import { formatDuration } from '../sla/format-duration.ts';
import { countForChannel } from '../templates/channel.ts';
import type { ReplyChannel } from '../templates/schema.ts';
import { checkTone, type ToneFinding } from '../templates/tone-check.ts';
import { asksToDelete, detectMoves, MOVE_DONE, MOVE_LABELS, type DetectedMove } from './first-moves.ts';
import type { FirstMove, Scenario } from './scenario.ts';
import { replySimilarity } from './similarity.ts';

import { SKILLS, type Skill } from './skills.ts';

export { SKILLS, type Skill };

export const SKILL_WEIGHTS: Record<Skill, number> = {
  speed: 0.15,
  first_move: 0.3,
  tone: 0.2,
  channel_fit: 0.1,
  personal_data: 0.15,
  similarity: 0.1,
};

export const SKILL_LABELS: Record<Skill, string> = {
  speed: 'Speed',
  first_move: 'First move',
  tone: 'Tone',
  channel_fit: 'Channel fit',
  personal_data: 'Personal data',
  similarity: 'Like the brand’s reply',
};

/** Highest total when the reply asks for or repeats personal data in public. */
export const PERSONAL_DATA_CAP = 40;
/** Highest total when the reply is too long to post on X. */
export const OVER_LIMIT_CAP = 50;
/** Shorter than this (as the channel counts) reads as curt. */
const CURT_LENGTH = 25;

export interface ScorePart {
  skill: Skill;
  /** 0..1 */
  score: number;
  weight: number;
  /** Written for the trainee: what was seen, and what to do next time. */
  explanation: string;
}

export interface ScoreResult {
  /** 0..100, rounded. */
  total: number;
  parts: ScorePart[];
  /** 0..1, present when the scenario has the brand's real reply. */
  brandReplySimilarity?: number;
  /** The moves the reply made, in order. */
  moves: FirstMove[];
  /** Why the total was capped, when it was. */
  cappedBy?: string;
}

export interface ScoreReplyInput {
  scenario: Scenario;
  reply: string;
  /** From the post appearing in the feed to the reply being sent. */
  respondedAfterMs: number;
  /** Where the reply is posted; defaults to the scenario's channel. */
  channel?: ReplyChannel;
  /** The classifier's view of the post; the scenario's expected labels are used where absent. */
  classification?: Pick<Classification, 'intent' | 'sentiment'> & Partial<Pick<Classification, 'urgency' | 'flags'>>;
  signature?: string;
  teamSigns?: boolean;
  slaSettings?: SlaSettings;
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

function sentimentFor(intent: Intent): Sentiment {
  switch (intent) {
    case 'complaint':
      return 'negative';
    case 'praise':
      return 'positive';
    case 'question':
    case 'feedback':
    case 'other':
      return 'neutral';
    default: {
      const never: never = intent;
      throw new Error(`Unknown intent ${String(never)}`);
    }
  }
}

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

// ── Speed ──────────────────────────────────────────────────────────────────────────────────────

function urgencyWords(urgency: Urgency): string {
  return urgency === 'high' ? 'an urgent post' : urgency === 'low' ? 'a low-priority post' : 'a normal post';
}

/** 1 up to half the target, 0.7 at the target, 0 at twice the target. */
export function speedScore(ageMs: number, targetMs: number): number {
  const f = ageMs / targetMs;
  if (f <= 0.5) return 1;
  if (f <= 1) return 1 - (f - 0.5) * 0.6;
  return clamp01(0.7 - (f - 1) * 0.7);
}

function scoreSpeed(input: ScoreReplyInput, channel: ReplyChannel, urgency: Urgency): ScorePart {
  const settings = input.slaSettings ?? DEFAULT_SLA_SETTINGS;
  const targetMs = targetFor(settings, channel, urgency) * 1000;
  const respondedMs = Math.max(0, input.respondedAfterMs);
  const ageMs = input.scenario.postedMinutesAgo * 60_000 + respondedMs;
  const score = speedScore(ageMs, targetMs);
  const waited = `The customer had waited ${formatDuration(ageMs)} when you replied (the post was ${formatDuration(input.scenario.postedMinutesAgo * 60_000)} old when it reached you, and you took ${formatDuration(respondedMs)}).`;
  const target = `The target for ${urgencyWords(urgency)} here is ${formatDuration(targetMs)}.`;
  let verdict: string;
  if (ageMs <= targetMs / 2) verdict = 'Well within target.';
  else if (ageMs <= targetMs) verdict = 'Within target, but close: open the oldest posts first and reply sooner.';
  else verdict = `Over target by ${formatDuration(ageMs - targetMs)}. Answer the oldest and most urgent posts first; a short holding reply beats a late perfect one.`;
  return { skill: 'speed', score, weight: SKILL_WEIGHTS.speed, explanation: `${waited} ${target} ${verdict}` };
}

// ── First move ─────────────────────────────────────────────────────────────────────────────────

/** How much a detected move counts toward an expected one (1 = the move itself). */
function credit(expected: FirstMove, found: ReadonlySet<FirstMove>): number {
  if (found.has(expected)) return 1;
  switch (expected) {
    case 'acknowledge':
      return found.has('apologise') ? 1 : 0;
    case 'apologise':
      return found.has('acknowledge') ? 0.75 : 0;
    case 'answer':
      return found.has('move_to_dm') || found.has('escalate') ? 0.5 : 0;
    case 'escalate':
      return found.has('move_to_dm') ? 0.25 : 0;
    case 'thank':
    case 'move_to_dm':
      return 0;
    default: {
      const never: never = expected;
      throw new Error(`Unknown move ${String(never)}`);
    }
  }
}

const MOVE_ADVICE: Record<FirstMove, string> = {
  acknowledge: 'Say you see the problem ("That’s not the experience we want for you").',
  apologise: 'Open with an apology ("Sorry about this").',
  thank: 'Thank them for the kind words or the feedback.',
  answer: 'Answer the question or give the next step (a link, the setting, when it will be fixed).',
  move_to_dm: 'Invite them to a DM (private messages) to take the details there.',
  escalate: 'Say you have passed it to the team who handles it (safety, legal, a manager), and that they will follow up.',
};

function scoreFirstMove(scenario: Scenario, detected: DetectedMove[]): ScorePart {
  const expected = [...new Set(scenario.expected.firstMoves)];
  const found = new Set(detected.map((d) => d.move));
  const credits = expected.map((move) => credit(move, found));
  const coverage = credits.reduce((a, b) => a + b, 0) / expected.length;
  const opening = detected[0];
  // The opening move counts when it is (or fully stands for) one of the expected moves.
  const opensRight = opening !== undefined && expected.some((m) => credit(m, new Set([opening.move])) >= 0.75);
  const score = detected.length === 0 ? 0 : clamp01(0.85 * coverage + 0.15 * (opensRight ? 1 : 0));

  const wanted = `For this post a good reply would ${list(expected.map((m) => MOVE_LABELS[m]))}.`;
  if (detected.length === 0) {
    return {
      skill: 'first_move',
      score,
      weight: SKILL_WEIGHTS.first_move,
      explanation: `${wanted} Your reply made none of these moves. ${expected.map((m) => MOVE_ADVICE[m]).join(' ')}`,
    };
  }
  const did = `Your reply ${list(detected.map((d) => `${MOVE_DONE[d.move]} (“${d.evidence}”)`))}.`;
  const missing = expected.filter((_, i) => (credits[i] ?? 0) < 1);
  const advice = missing.length > 0 ? ` Missing: ${missing.map((m) => MOVE_ADVICE[m]).join(' ')}` : ' All the expected moves are there.';
  const order = opensRight || !opening ? '' : ` It opens with a move this post does not call for (it ${MOVE_DONE[opening.move]}): lead with what the customer needs first.`;
  return { skill: 'first_move', score, weight: SKILL_WEIGHTS.first_move, explanation: `${wanted} ${did}${advice}${order}` };
}

// ── Tone ───────────────────────────────────────────────────────────────────────────────────────

/** Tone-check rules that other parts score, so they are not counted twice. */
const SCORED_ELSEWHERE = new Set<ToneFinding['rule']>(['over-limit', 'personal-data-in-public', 'unsigned']);

function scoreTone(findings: readonly ToneFinding[]): ScorePart {
  const own = findings.filter((f) => !SCORED_ELSEWHERE.has(f.rule));
  const warns = own.filter((f) => f.severity === 'warn').length;
  const infos = own.length - warns;
  const score = clamp01(1 - 0.35 * warns - 0.15 * infos);
  const explanation =
    own.length === 0
      ? 'The tone check (the same one the sidebar runs on x.com) found nothing to change.'
      : `The tone check (the same one the sidebar runs on x.com) found: ${own.map((f) => f.message).join(' ')}`;
  return { skill: 'tone', score, weight: SKILL_WEIGHTS.tone, explanation };
}

// ── Channel fit ────────────────────────────────────────────────────────────────────────────────

function scoreChannelFit(reply: string, channel: ReplyChannel, findings: readonly ToneFinding[], teamSigns: boolean): { part: ScorePart; over: boolean } {
  const count = countForChannel(reply, channel);
  const where = channel === 'facebook' ? 'a Facebook comment' : 'an X reply';
  if (count.over) {
    return {
      over: true,
      part: {
        skill: 'channel_fit',
        score: 0,
        weight: SKILL_WEIGHTS.channel_fit,
        explanation: `Your reply counts ${count.weighted} against the ${count.limit} allowed in ${where}: the site would not post it. Cut it down, split it into a short thread, or move the details to private messages.`,
      },
    };
  }
  let score = 1;
  const notes: string[] = [`Length ${count.weighted} of ${count.limit}: it fits ${where}.`];
  if (count.weighted < CURT_LENGTH) {
    score -= 0.4;
    notes.push('It is very short, which reads as curt: a short apology or thanks and a next step fit easily.');
  } else if (channel === 'facebook' && count.weighted > 1000) {
    score -= 0.3;
    notes.push('It is long for a comment: people skim; move the detail to a private message.');
  }
  const unsigned = findings.find((f) => f.rule === 'unsigned');
  if (teamSigns && unsigned) {
    score -= 0.3;
    notes.push(unsigned.message);
  } else if (teamSigns) {
    notes.push('Signed as your team does.');
  }
  return { over: false, part: { skill: 'channel_fit', score: clamp01(score), weight: SKILL_WEIGHTS.channel_fit, explanation: notes.join(' ') } };
}

// ── Personal data ──────────────────────────────────────────────────────────────────────────────

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/giu;
const LONG_NUMBER = /\+?\d[\d\s().-]{5,}\d/gu;

/** Emails and long numbers from the post that the reply repeats in public. */
export function repeatedPersonalData(post: string, reply: string): string[] {
  const repeated: string[] = [];
  for (const match of post.matchAll(EMAIL)) if (reply.toLowerCase().includes(match[0].toLowerCase())) repeated.push('their email address');
  const replyDigits = reply.replace(/\D+/gu, '');
  for (const match of post.matchAll(LONG_NUMBER)) {
    const digits = match[0].replace(/\D/gu, '');
    if (digits.length >= 7 && replyDigits.includes(digits)) repeated.push('a number they posted');
  }
  return [...new Set(repeated)];
}

function scorePersonalData(
  input: ScoreReplyInput,
  findings: readonly ToneFinding[],
  found: ReadonlySet<FirstMove>,
  postExposesData: boolean,
): { part: ScorePart; critical: boolean } {
  const part = (score: number, explanation: string): ScorePart => ({ skill: 'personal_data', score, weight: SKILL_WEIGHTS.personal_data, explanation });
  const asks = findings.filter((f) => f.rule === 'personal-data-in-public');
  if (asks.length > 0) {
    return {
      critical: true,
      part: part(0, `${asks.map((f) => f.message).join(' ')} On a live account this puts the customer at risk, so this reply can score at most ${PERSONAL_DATA_CAP}.`),
    };
  }
  const repeated = repeatedPersonalData(input.scenario.text, input.reply);
  if (repeated.length > 0) {
    return {
      critical: true,
      part: part(0, `Your reply repeats ${list(repeated)} in public. Never echo personal data back; refer to it in a DM. This reply can score at most ${PERSONAL_DATA_CAP}.`),
    };
  }
  if (postExposesData) {
    const dm = found.has('move_to_dm');
    const del = asksToDelete(input.reply);
    const score = (dm ? 0.5 : 0) + (del ? 0.5 : 0);
    const did = dm && del ? 'You moved to private messages and asked them to delete the post: exactly right.' : '';
    const todo = [
      dm ? '' : 'Invite them to a DM so the details stay private.',
      del ? '' : 'Ask them to delete the post (it shows their personal details to everyone).',
    ].filter(Boolean);
    return {
      critical: false,
      part: part(score, `This post shows the customer’s personal details in public. ${did}${todo.join(' ')}`.trim()),
    };
  }
  return { critical: false, part: part(1, 'Nothing personal asked for or repeated in public.') };
}

// ── Similarity ─────────────────────────────────────────────────────────────────────────────────

function scoreSimilarity(reply: string, brandReply: string): { part: ScorePart; similarity: number } {
  const similarity = replySimilarity(reply, brandReply);
  const score = clamp01(0.25 + similarity * 2);
  const percent = Math.round(similarity * 100);
  const closeness = similarity >= 0.35 ? 'close to' : similarity >= 0.15 ? 'partly like' : 'quite different from';
  return {
    similarity,
    part: {
      skill: 'similarity',
      score,
      weight: SKILL_WEIGHTS.similarity,
      explanation: `Your reply is ${closeness} what the brand actually sent (${percent}% overlap). It is shown beside yours as one way to answer, not the only right one: compare what they said first and what next step they gave.`,
    },
  };
}

// ── Total ──────────────────────────────────────────────────────────────────────────────────────

function emptyResult(scenario: Scenario): ScoreResult {
  const skills = SKILLS.filter((s) => s !== 'similarity' || scenario.brandReply);
  return {
    total: 0,
    parts: skills.map((skill) => ({ skill, score: 0, weight: SKILL_WEIGHTS[skill], explanation: 'No reply was written.' })),
    moves: [],
  };
}

/** Scores one reply to a scenario, each part explained for the trainee. Pure and deterministic. */
export function scoreReply(input: ScoreReplyInput): ScoreResult {
  const { scenario } = input;
  const reply = input.reply.trim();
  if (!reply) return emptyResult(scenario);
  const channel: ReplyChannel = input.channel ?? scenario.channel;
  const intent = input.classification?.intent ?? scenario.expected.intent;
  const sentiment = input.classification?.sentiment ?? sentimentFor(intent);
  const urgency: Urgency = scenario.expected.urgency ?? input.classification?.urgency ?? 'normal';
  const postExposesData =
    scenario.expected.flags.includes('personal_data') || (input.classification?.flags ?? []).some((f) => f.name === 'personal_data');

  const findings = checkTone(reply, {
    post: { text: scenario.text, classification: { intent, sentiment } },
    channel,
    teamSigns: input.teamSigns ?? false,
    ...(input.signature ? { signature: input.signature } : {}),
  });
  const detected = detectMoves(reply);
  const found = new Set(detected.map((d) => d.move));

  const speed = scoreSpeed(input, channel, urgency);
  const firstMove = scoreFirstMove(scenario, detected);
  const tone = scoreTone(findings);
  const fit = scoreChannelFit(reply, channel, findings, input.teamSigns ?? false);
  const personal = scorePersonalData(input, findings, found, postExposesData);
  const parts: ScorePart[] = [speed, firstMove, tone, fit.part, personal.part];
  let similarity: number | undefined;
  if (scenario.brandReply) {
    const sim = scoreSimilarity(reply, scenario.brandReply);
    similarity = sim.similarity;
    parts.push(sim.part);
  }

  const weightSum = parts.reduce((a, p) => a + p.weight, 0);
  let total = Math.round((100 * parts.reduce((a, p) => a + p.weight * p.score, 0)) / weightSum);
  let cappedBy: string | undefined;
  if (personal.critical && total > PERSONAL_DATA_CAP) {
    total = PERSONAL_DATA_CAP;
    cappedBy = `Capped at ${PERSONAL_DATA_CAP}: personal data in public.`;
  }
  if (fit.over && total > OVER_LIMIT_CAP) {
    total = OVER_LIMIT_CAP;
    cappedBy = `Capped at ${OVER_LIMIT_CAP}: too long to post.`;
  }
  return {
    total,
    parts,
    ...(similarity !== undefined ? { brandReplySimilarity: Math.round(similarity * 1000) / 1000 } : {}),
    moves: detected.map((d) => d.move),
    ...(cappedBy ? { cappedBy } : {}),
  };
}
