import type { Flag, FlagName, Intent, Sentiment, Urgency } from '../classify/types';
import type { HandledItem, HandledReason, SeenRecord } from '../db/schema';
import type { Site } from '../post';
import { DEFAULT_SLA_SETTINGS, type SlaSettings } from '../sla/settings';
import { responseFigures } from '../sla/status';
import { mulberry32 } from '../seeded-random';

/** mulberry32 (lib/seeded-random.ts): a small, fast, seeded PRNG with good spread for test data. */
export const seededRandom = mulberry32;

export interface SampleLogOptions {
  /** End of the period the log covers (default 2026-11-01T00:00:00Z, so output is stable). */
  endMs?: number;
  /** Days the log covers (default 60). */
  days?: number;
  /** Share of items in practice mode (default 0.05). */
  practiceShare?: number;
  /** Extra seen-but-not-handled records per item (default 0.2). */
  unhandledSeenShare?: number;
  /** Settings the response figures are computed with (default: defaults plus London 9–17 on). */
  settings?: SlaSettings;
}

export interface SampleLog {
  items: HandledItem[];
  seen: SeenRecord[];
}

const AGENTS = [
  ['agent-ana', 'Ana Silva'],
  ['agent-ben', 'Ben Okafor'],
  ['agent-chloe', 'Chloé Martin'],
  ['agent-dev', 'Dev Patel'],
  ['agent-emi', 'Emi Tanaka'],
  ['agent-finn', 'Finn Murphy'],
  ['agent-gita', 'Gita Rao'],
  ['agent-hugo', 'Hugo Weber'],
] as const;
const FIRST = ['Sam', 'Alex', 'Jo', 'Priya', 'Marco', 'Lena', 'Omar', 'Zoe', 'Kai', 'Ines', 'Tom', 'Yuki'];
const LAST = ['Reid', 'Costa', 'Nguyen', 'Khan', 'Berg', 'Lopez', 'Adams', 'Sato', 'Moreau', 'Ali'];
const OPENERS: Record<Intent, string[]> = {
  complaint: ['My order still has not arrived', 'Charged twice this month', 'The app keeps crashing', 'Worst support ever', 'Still waiting for my refund'],
  question: ['How do I change my address?', 'Do you ship to Ireland?', 'When does the sale end?', 'Can I pause my plan?', 'Is the store open on Sunday?'],
  praise: ['Thanks for the quick fix', 'Love the new update', 'Your team was brilliant today', 'Delivery came early, great job'],
  feedback: ['It would be nice to have dark mode', 'The checkout could be simpler', 'Please add more sizes'],
  other: ['Hello', 'Just tagging you here', 'Anyone there?'],
};
const TAILS = ['', ' Order #48213.', ' Please help.', ' This is the third time.', ' 🙏', ' @support', ' Thanks!', ' Not happy.'];
const FLAG_WORDS: Record<FlagName, string> = {
  legal: 'lawyer',
  safety: 'caught fire',
  churn: 'cancel my account',
  personal_data: 'my card number',
  abuse: 'idiots',
  repeat_contact: 'third time',
  press: 'journalist',
};
const TEMPLATES = Array.from({ length: 15 }, (_, i) => `tpl-${String(i + 1).padStart(2, '0')}`);
const NO_REPLY: HandledReason[] = ['no_reply_needed', 'moved_to_dm', 'escalated', 'spam'];
const INTENT_WEIGHTS: Array<[Intent, number]> = [['complaint', 0.38], ['question', 0.34], ['praise', 0.12], ['feedback', 0.1], ['other', 0.06]];
/** Posts per hour of the day, customers' local time (evening peak). */
const HOUR_WEIGHTS = [1, 0.6, 0.4, 0.3, 0.3, 0.5, 1, 2, 3.5, 4.5, 5, 5, 5, 5, 4.8, 4.6, 4.6, 4.8, 5, 5.2, 5, 4, 3, 2];

const SAMPLE_SETTINGS: SlaSettings = {
  ...DEFAULT_SLA_SETTINGS,
  businessHours: { ...DEFAULT_SLA_SETTINGS.businessHours, enabled: true, timeZone: 'Europe/London' },
};

/**
 * A deterministic, realistic activity log for benchmarks, demos and end-to-end tests: the same
 * `(n, seed, options)` always gives the same rows, each valid per HandledItemSchema and
 * SeenRecordSchema.
 */
export function generateSampleLog(n: number, seed = 1, options: SampleLogOptions = {}): SampleLog {
  const rand = seededRandom(seed);
  const endMs = options.endMs ?? Date.parse('2026-11-01T00:00:00Z');
  const days = options.days ?? 60;
  const practiceShare = options.practiceShare ?? 0.05;
  const unhandledShare = options.unhandledSeenShare ?? 0.2;
  const settings = options.settings ?? SAMPLE_SETTINGS;
  const startMs = endMs - days * 86_400_000;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const weighted = <T>(ws: ReadonlyArray<readonly [T, number]>): T => {
    let r = rand() * ws.reduce((s, [, w]) => s + w, 0);
    for (const [v, w] of ws) if ((r -= w) <= 0) return v;
    return ws[ws.length - 1]![0];
  };
  const hourPairs = HOUR_WEIGHTS.map((w, h) => [h, w] as const);
  // Log-normal delays: median ≈ e^mu seconds.
  const logNormal = (mu: number, sigma: number) => {
    const u = Math.max(rand(), 1e-12);
    const v = rand();
    return Math.exp(mu + sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
  };
  const iso = (ms: number) => new Date(ms).toISOString();

  const items: HandledItem[] = [];
  const seen: SeenRecord[] = [];
  let postSeq = 1_850_000_000_000_000_000n + BigInt(seed) * 1_000_000n;

  const makePost = () => {
    const practice = rand() < practiceShare;
    const site: Site = practice ? 'practice' : rand() < 0.6 ? 'x' : 'facebook';
    postSeq += BigInt(1 + Math.floor(rand() * 5000));
    const postId = site === 'facebook' ? `${postSeq % 10_000_000_000n}_${Math.floor(rand() * 1e9)}` : String(postSeq);
    const first = pick(FIRST);
    const last = pick(LAST);
    const authorHandle = `${first.toLowerCase()}${last.toLowerCase()}${Math.floor(rand() * 100)}`;
    const intent = weighted(INTENT_WEIGHTS);
    const sentiment: Sentiment =
      intent === 'complaint' ? (rand() < 0.85 ? 'negative' : 'neutral') : intent === 'praise' ? (rand() < 0.9 ? 'positive' : 'neutral') : weighted([['neutral', 0.6], ['negative', 0.25], ['positive', 0.15]] as const);
    const urgency: Urgency = intent === 'complaint' && rand() < 0.35 ? 'high' : rand() < 0.15 ? 'low' : 'normal';
    const flags: Flag[] = [];
    if (rand() < 0.08) {
      const name = pick(Object.keys(FLAG_WORDS) as FlagName[]);
      flags.push({ name, evidence: [FLAG_WORDS[name]] });
      if (rand() < 0.15) {
        const other = pick(Object.keys(FLAG_WORDS) as FlagName[]);
        if (other !== name) flags.push({ name: other, evidence: [FLAG_WORDS[other]] });
      }
    }
    let text = pick(OPENERS[intent]) + pick(TAILS);
    for (const f of flags) text += ` ${f.evidence[0]}`;
    const day = Math.floor(rand() * days);
    const hour = weighted(hourPairs);
    const postedAtMs = startMs + day * 86_400_000 + hour * 3_600_000 + Math.floor(rand() * 3_600_000);
    const [agentId, agentName] = pick(AGENTS);
    const permalink =
      site === 'x'
        ? `https://x.com/${authorHandle}/status/${postId}`
        : site === 'facebook'
          ? `https://www.facebook.com/${postId}`
          : `careline-practice://post/${postId}`;
    return { practice, site, postId, authorHandle, authorName: `${first} ${last}`, intent, sentiment, urgency, flags, text, postedAtMs, agentId, agentName, permalink };
  };

  for (let i = 0; i < n; i++) {
    const p = makePost();
    const firstSeenAtMs = p.postedAtMs + Math.floor(logNormal(7.2, 1.3) * 1000);
    const handleMs = Math.floor(logNormal(4.6, 0.8) * 1000);
    const handledAtMs = firstSeenAtMs + handleMs;
    const reason: HandledReason = rand() < 0.86 ? 'replied' : pick(NO_REPLY);
    const replied = reason === 'replied';
    const replyCount = replied ? weighted([[1, 0.72], [2, 0.2], [3, 0.08]] as const) : 0;
    const figures = responseFigures({
      postedAtMs: p.postedAtMs,
      firstSeenAtMs,
      respondedAtMs: handledAtMs,
      site: p.site,
      urgency: p.urgency,
      settings,
    });
    const templateId = replied && rand() < 0.7 ? pick(TEMPLATES) : undefined;
    const correctedIntent = rand() < 0.06 ? weighted(INTENT_WEIGHTS.filter(([x]) => x !== p.intent)) : undefined;
    const correctedSentiment = rand() < 0.04 ? pick((['negative', 'neutral', 'positive'] as const).filter((x) => x !== p.sentiment)) : undefined;
    const id = `${p.agentId}:${p.site}:${p.postId}`;
    const lastReplyAtMs = replyCount > 1 ? handledAtMs + Math.floor(logNormal(7, 1) * 1000) : handledAtMs;
    const item: HandledItem = {
      id,
      schemaVersion: 1,
      site: p.site,
      postId: p.postId,
      permalink: p.permalink,
      authorHandle: p.authorHandle,
      authorName: p.authorName,
      text: p.text,
      language: 'en',
      postedAt: iso(p.postedAtMs),
      firstSeenAt: iso(firstSeenAtMs),
      handledAt: iso(handledAtMs),
      replyCount,
      reason,
      ...figures,
      intent: p.intent,
      sentiment: p.sentiment,
      urgency: p.urgency,
      classifierVersion: 'sample-1',
      agentId: p.agentId,
      agentName: p.agentName,
      mode: p.practice ? 'practice' : 'live',
      updatedAt: iso(lastReplyAtMs),
    };
    if (replied) {
      item.repliedAt = iso(handledAtMs);
      item.lastReplyAt = iso(lastReplyAtMs);
      item.replyText = `Hi ${p.authorName.split(' ')[0]}, sorry about this. Could you send us a DM with your order number?`;
    }
    if (p.flags.length) item.flags = p.flags;
    if (correctedIntent) item.correctedIntent = correctedIntent;
    if (correctedSentiment) item.correctedSentiment = correctedSentiment;
    if (templateId) {
      item.templateId = templateId;
      item.editDistance = rand() < 0.4 ? 0 : Math.floor(logNormal(2.5, 1));
    }
    if (rand() < 0.05) item.tags = [pick(['vip', 'billing', 'delivery', 'bug'])];
    if (p.practice) {
      item.practiceScore = Math.floor(40 + rand() * 61);
      item.practiceSessionId = `session-${Math.floor(rand() * 50)}`;
    }
    items.push(item);
    seen.push(seenRecord(p, firstSeenAtMs, true));
    if (rand() < unhandledShare) {
      const q = makePost();
      seen.push(seenRecord(q, q.postedAtMs + Math.floor(logNormal(7.2, 1.3) * 1000), false));
    }
  }
  return { items, seen };
}

function seenRecord(
  p: { practice: boolean; site: Site; postId: string; permalink: string; authorHandle: string; authorName: string; text: string; postedAtMs: number; intent: Intent; sentiment: Sentiment; urgency: Urgency; flags: Flag[]; agentId: string },
  firstSeenAtMs: number,
  handled: boolean,
): SeenRecord {
  const s: SeenRecord = {
    id: `${p.agentId}:${p.site}:${p.postId}`,
    site: p.site,
    postId: p.postId,
    permalink: p.permalink,
    authorHandle: p.authorHandle,
    authorName: p.authorName,
    text: p.text,
    postedAt: new Date(p.postedAtMs).toISOString(),
    firstSeenAt: new Date(firstSeenAtMs).toISOString(),
    intent: p.intent,
    sentiment: p.sentiment,
    urgency: p.urgency,
    agentId: p.agentId,
    mode: p.practice ? 'practice' : 'live',
    handled,
  };
  if (p.flags.length) s.flags = p.flags;
  return s;
}
