import { describe, expect, it } from 'vitest';
import type { HandledItem, SeenRecord } from '../db/schema';
import { classifierAgreement } from './agreement';
import { responseBuckets } from './buckets';
import { computeHeadline, computeMetrics } from './compute';
import { generateSampleLog } from './sample-log';
import { DEFAULT_FILTER, type DashboardFilter } from './filter';
import { heatmap } from './heatmap';
import { applyFilter } from './select';
import { durationStats } from './stats';
import { templateEffectiveness } from './templates';

let seq = 0;
function item(o: Partial<HandledItem> & Pick<HandledItem, 'handledAt'>): HandledItem {
  seq++;
  const agentId = o.agentId ?? 'a1';
  const site = o.site ?? 'x';
  const postId = o.postId ?? `p${seq}`;
  return {
    id: `${agentId}:${site}:${postId}`,
    schemaVersion: 1,
    site,
    postId,
    permalink: `https://x.com/c/status/${postId}`,
    authorHandle: `customer${seq}`,
    authorName: `Customer ${seq}`,
    replyCount: 0,
    reason: 'replied',
    agentId,
    agentName: agentId === 'a1' ? 'Ana' : 'Ben',
    mode: 'live',
    updatedAt: o.handledAt,
    ...o,
  };
}

// A small log whose figures are worked out by hand in the comments of each test.
const A = item({ postId: 'A', site: 'x', agentId: 'a1', intent: 'complaint', sentiment: 'negative', urgency: 'high', replyCount: 2, responseSeconds: 600, responseBusinessSeconds: 600, handleSeconds: 120, targetSeconds: 900, targetMet: true, templateId: 't1', editDistance: 4, flags: [{ name: 'legal', evidence: ['lawyer'] }], postedAt: '2026-01-05T09:50:00.000Z', repliedAt: '2026-01-05T10:00:00.000Z', handledAt: '2026-01-05T10:00:00.000Z', text: 'My REFUND never came' });
const B = item({ postId: 'B', site: 'x', agentId: 'a1', intent: 'question', correctedIntent: 'question', sentiment: 'neutral', urgency: 'normal', replyCount: 1, responseSeconds: 1800, responseBusinessSeconds: 1800, handleSeconds: 300, targetSeconds: 3600, targetMet: true, templateId: 't1', editDistance: 0, postedAt: '2026-01-05T14:00:00.000Z', repliedAt: '2026-01-05T14:30:00.000Z', handledAt: '2026-01-05T14:30:00.000Z', tags: ['VIP'] });
const C = item({ postId: 'C', site: 'facebook', agentId: 'a2', intent: 'complaint', correctedIntent: 'question', sentiment: 'negative', urgency: 'normal', replyCount: 1, responseSeconds: 7200, responseBusinessSeconds: 3600, handleSeconds: 600, targetSeconds: 14400, targetMet: true, templateId: 't2', editDistance: 10, flags: [{ name: 'churn', evidence: ['cancel'] }, { name: 'legal', evidence: ['sue'] }], postedAt: '2026-01-06T07:00:00.000Z', repliedAt: '2026-01-06T09:00:00.000Z', handledAt: '2026-01-06T09:00:00.000Z' });
const D = item({ postId: 'D', site: 'facebook', agentId: 'a2', intent: 'praise', sentiment: 'positive', urgency: 'low', reason: 'no_reply_needed', responseSeconds: 3600, responseBusinessSeconds: 3600, handleSeconds: 60, targetSeconds: 86400, targetMet: true, postedAt: '2026-01-06T15:00:00.000Z', handledAt: '2026-01-06T16:00:00.000Z' });
const E = item({ postId: 'E', site: 'x', agentId: 'a1', intent: 'complaint', sentiment: 'negative', correctedSentiment: 'neutral', urgency: 'high', replyCount: 1, responseSeconds: 36000, responseBusinessSeconds: 7200, handleSeconds: 900, targetSeconds: 900, targetMet: false, templateId: 't1', editDistance: 8, postedAt: '2026-01-07T08:00:00.000Z', repliedAt: '2026-01-07T18:00:00.000Z', handledAt: '2026-01-07T18:00:00.000Z', replyText: 'Sorry, please DM us' });
const F = item({ postId: 'F', site: 'x', agentId: 'a2', intent: 'question', sentiment: 'neutral', urgency: 'normal', reason: 'spam', handledAt: '2026-01-07T20:00:00.000Z', notes: 'bot account' });
const G = item({ postId: 'G', site: 'practice', agentId: 'a1', intent: 'question', mode: 'practice', replyCount: 1, responseSeconds: 100, handledAt: '2026-01-06T12:00:00.000Z', practiceScore: 80 });
const H = item({ postId: 'H', site: 'x', agentId: 'a1', intent: 'question', replyCount: 1, responseSeconds: 100, handledAt: '2025-12-01T12:00:00.000Z' });
const items = [A, B, C, D, E, F, G, H];

function seen(o: Partial<SeenRecord> & Pick<SeenRecord, 'postId' | 'firstSeenAt'>): SeenRecord {
  const agentId = o.agentId ?? 'a1';
  const site = o.site ?? 'x';
  return { id: `${agentId}:${site}:${o.postId}`, site, authorHandle: 'c', agentId, mode: 'live', handled: false, ...o };
}
const seenRecords = [
  seen({ postId: 'A', firstSeenAt: '2026-01-05T09:58:00.000Z', handled: true }),
  // Not marked handled, but a log item exists for it: answered.
  seen({ postId: 'B', firstSeenAt: '2026-01-05T14:25:00.000Z' }),
  seen({ postId: 'unanswered', firstSeenAt: '2026-01-06T10:00:00.000Z' }),
  seen({ postId: 'G', site: 'practice', mode: 'practice', firstSeenAt: '2026-01-06T11:00:00.000Z', handled: true }),
  seen({ postId: 'old', firstSeenAt: '2025-12-31T23:59:59.000Z' }),
  seen({ postId: 'C', site: 'facebook', agentId: 'a2', firstSeenAt: '2026-01-06T08:50:00.000Z', handled: true }),
];

const jan5to7: DashboardFilter = { ...DEFAULT_FILTER, range: 'custom', from: '2026-01-05', to: '2026-01-07' };
const ctx = { timeZone: 'UTC', nowMs: Date.parse('2026-01-08T12:00:00Z') };
const m = computeMetrics(items, seenRecords, jan5to7, ctx);

describe('computeMetrics on a hand-computed log', () => {
  it('keeps live items A–F of 5–7 January (practice G and December H are out)', () => {
    expect(m.totals.items).toBe(6);
    expect(m.range).toEqual({ fromMs: Date.parse('2026-01-05T00:00:00Z'), toMs: Date.parse('2026-01-08T00:00:00Z') });
  });

  it('volume, replies and handled-without-reply by reason', () => {
    expect(m.totals).toEqual({
      items: 6,
      replied: 4,
      withoutReply: 2,
      withoutReplyByReason: { no_reply_needed: 1, moved_to_dm: 0, escalated: 0, spam: 1 },
      replies: 5, // 2 + 1 + 1 + 0 + 1 + 0
      repliesPerRepliedItem: 1.25, // 5 replies over 4 items with a reply
    });
  });

  it('response rate: seen records in the filter answered by a flag or a log item', () => {
    // In filter: A (handled), B (item exists), unanswered, C (handled). Practice and December are out.
    expect(m.responseRate).toEqual({ seen: 4, answered: 3, rate: 0.75 });
  });

  it('first response time, calendar: median, mean, p90 (linear interpolation)', () => {
    // Sorted: 600, 1800, 3600, 7200, 36000. Median x[2]; p90 h = 3.6 → 7200 + 0.6 × 28800.
    const { p90, ...rest } = m.firstResponse;
    expect(rest).toEqual({ count: 5, mean: 9840, median: 3600, min: 600, max: 36000 });
    expect(p90).toBeCloseTo(24480, 6);
  });

  it('first response time, business hours, with a tie at the median', () => {
    // Sorted: 600, 1800, 3600, 3600, 7200 → median 3600; p90 = 3600 + 0.6 × 3600.
    expect(m.firstResponseBusiness).toEqual({ count: 5, mean: 3360, median: 3600, p90: 5760, min: 600, max: 7200 });
  });

  it('share within target and handle time', () => {
    expect(m.withinTarget).toEqual({ measured: 5, met: 4, missed: 1, share: 0.8 });
    // Sorted: 60, 120, 300, 600, 900.
    expect(m.handleTime).toEqual({ count: 5, mean: 396, median: 300, p90: 780, min: 60, max: 900 });
  });

  it('breaks down by channel', () => {
    expect(m.byChannel.map((g) => [g.key, g.items, g.replied, g.withoutReply])).toEqual([
      ['x', 4, 3, 1],
      ['facebook', 2, 1, 1],
    ]);
    const x = m.byChannel[0]!;
    expect(x.response.median).toBe(1800); // 600, 1800, 36000
    expect(x.withinTargetShare).toBeCloseTo(2 / 3);
    expect(x.targetMeasured).toBe(3);
  });

  it('breaks down by effective intent and sentiment (agent corrections win)', () => {
    expect(m.byIntent.map((g) => [g.key, g.items])).toEqual([['question', 3], ['complaint', 2], ['praise', 1]]);
    expect(m.bySentiment.map((g) => [g.key, g.items])).toEqual([['neutral', 3], ['negative', 2], ['positive', 1]]);
    expect(m.byUrgency.map((g) => [g.key, g.items])).toEqual([['normal', 3], ['high', 2], ['low', 1]]);
  });

  it('breaks down by flag (an item counts under each of its flags), agent, template and reason', () => {
    expect(m.byFlag.map((g) => [g.key, g.items])).toEqual([['none', 4], ['legal', 2], ['churn', 1]]);
    expect(m.byAgent.map((g) => [g.key, g.label, g.items])).toEqual([['a1', 'Ana', 3], ['a2', 'Ben', 3]]);
    expect(m.byTemplate.map((g) => [g.key, g.items])).toEqual([['t1', 3], ['none', 2], ['t2', 1]]);
    expect(m.byReason.map((g) => [g.key, g.items])).toEqual([['replied', 4], ['no_reply_needed', 1], ['spam', 1]]);
  });

  it('breaks down by day and hour of handling', () => {
    expect(m.byDay.map((g) => [g.key, g.items])).toEqual([['2026-01-05', 2], ['2026-01-06', 2], ['2026-01-07', 2]]);
    expect(m.byHour).toHaveLength(24);
    const hours = Object.fromEntries(m.byHour.filter((g) => g.items).map((g) => [g.key, g.items]));
    expect(hours).toEqual({ '09': 1, '10': 1, '14': 1, '16': 1, '18': 1, '20': 1 });
    expect(m.byHour[0]!.response.median).toBeNull();
  });

  it('puts first responses in buckets; exactly 1 h is in 1–4 h', () => {
    expect(m.responseBuckets.calendar.map((b) => b.count)).toEqual([2, 2, 0, 1, 0]);
    expect(m.responseBuckets.calendar[0]!.share).toBe(0.4);
    expect(m.responseBuckets.business.map((b) => b.count)).toEqual([2, 3, 0, 0, 0]);
    expect(responseBuckets([A, E, H], 'calendar').map((b) => b.count)).toEqual([2, 0, 0, 1, 0]);
    expect(responseBuckets([item({ handledAt: '2026-01-01T00:00:00Z', responseSeconds: 86400 })])[4]!.count).toBe(1);
  });

  it('template effectiveness', () => {
    expect(m.templates).toEqual([
      // t1 on A, B, E: edits 0, 4, 8; responses 600, 1800, 36000; negative only A (E corrected to neutral).
      { templateId: 't1', uses: 3, medianEditDistance: 4, medianResponseSeconds: 1800, withSentiment: 3, negativeShare: 1 / 3 },
      { templateId: 't2', uses: 1, medianEditDistance: 10, medianResponseSeconds: 7200, withSentiment: 1, negativeShare: 1 },
    ]);
    expect(templateEffectiveness([A, B, C, D, E, F])).toEqual(m.templates);
  });

  it('classifier agreement: corrections per label; a "correction" to the same label is not one', () => {
    const intent = m.classifierAgreement.intent;
    expect(intent.labelled).toBe(6);
    expect(intent.corrected).toBe(1);
    expect(intent.agreement).toBeCloseTo(5 / 6);
    expect(intent.byLabel.find((l) => l.label === 'complaint')).toEqual({ label: 'complaint', predicted: 3, corrected: 1, correctionRate: 1 / 3 });
    expect(intent.byLabel.find((l) => l.label === 'question')).toEqual({ label: 'question', predicted: 2, corrected: 0, correctionRate: 0 });
    expect(intent.byLabel.find((l) => l.label === 'other')).toEqual({ label: 'other', predicted: 0, corrected: 0, correctionRate: null });
    expect(intent.confusions).toEqual([{ from: 'complaint', to: 'question', count: 1 }]);
    expect(m.classifierAgreement.sentiment.confusions).toEqual([{ from: 'negative', to: 'neutral', count: 1 }]);
    expect(classifierAgreement([A, B, C, D, E, F])).toEqual(m.classifierAgreement);
  });

  it('heatmap of posted versus answered, by ISO weekday and hour in the time zone', () => {
    // 5 January 2026 is a Monday.
    expect(m.heatmap.posted[0]![9]).toBe(1); // A posted 09:50
    expect(m.heatmap.answered[0]![10]).toBe(1); // A replied 10:00
    expect(m.heatmap.answered[1]![16]).toBe(1); // D: handled without reply, by handledAt
    expect(m.heatmap.posted.flat().reduce((s, v) => s + v, 0)).toBe(5); // F has no postedAt
    expect(m.heatmap.answered.flat().reduce((s, v) => s + v, 0)).toBe(6);
    expect(m.heatmap.max).toBe(1);
    const ny = heatmap([A], 'America/New_York');
    expect(ny.posted[0]![4]).toBe(1); // 09:50 UTC is 04:50 EST
    expect(ny.timeZone).toBe('America/New_York');
  });

  it('never mixes practice with live: practice has its own view', () => {
    const p = computeMetrics(items, seenRecords, { ...jan5to7, mode: 'practice' }, ctx);
    expect(p.totals.items).toBe(1);
    expect(p.byChannel.map((g) => g.key)).toEqual(['practice']);
    expect(p.responseRate).toEqual({ seen: 1, answered: 1, rate: 1 });
  });

  it('gives nulls, not NaN, for an empty selection', () => {
    const e = computeMetrics(items, seenRecords, { ...jan5to7, agents: ['nobody'] }, ctx);
    expect(e.totals.items).toBe(0);
    expect(e.firstResponse).toEqual({ count: 0, mean: null, median: null, p90: null, min: null, max: null });
    expect(e.withinTarget.share).toBeNull();
    expect(e.responseRate.rate).toBeNull();
    expect(e.totals.repliesPerRepliedItem).toBeNull();
    expect(e.byDay).toEqual([]);
    expect(e.byHour).toHaveLength(24);
  });

  it('days and hours follow the dashboard time zone', () => {
    // E handled 18:00 UTC on 7 January is 13:00 in New York; F 20:00 UTC is 15:00.
    const ny = computeMetrics(items, seenRecords, jan5to7, { timeZone: 'America/New_York', nowMs: ctx.nowMs });
    // In New York, 5–7 January starts 05:00 UTC on the 5th and ends 05:00 UTC on the 8th: A–F.
    expect(ny.totals.items).toBe(6);
    expect(ny.byDay.map((g) => [g.key, g.items])).toEqual([['2026-01-05', 2], ['2026-01-06', 2], ['2026-01-07', 2]]);
    expect(ny.byHour.find((g) => g.key === '13')!.items).toBe(1);
    expect(ny.byDay[1]!.response.median).toBe(5400); // C 7200 and D 3600
  });
});

describe('metrics index reuse', () => {
  it('reuses the index for the same arrays and zone, and rebuilds for new ones', async () => {
    const { metricsIndexFor } = await import('./compute');
    const a = metricsIndexFor(items, seenRecords, 'UTC');
    expect(metricsIndexFor(items, seenRecords, 'UTC')).toBe(a);
    expect(metricsIndexFor(items, seenRecords, 'Europe/London')).not.toBe(a);
    expect(metricsIndexFor([...items], seenRecords, 'UTC')).not.toBe(a);
  });
});

describe('headline figures', () => {
  it('are the same figures computeMetrics gives, on the hand-computed log and on a generated one', () => {
    const headlineKeys = ['mode', 'timeZone', 'range', 'totals', 'responseRate', 'firstResponse', 'firstResponseBusiness', 'withinTarget', 'handleTime'] as const;
    const pick = (full: ReturnType<typeof computeMetrics>) => Object.fromEntries(headlineKeys.map((k) => [k, full[k]]));
    expect(computeHeadline(items, seenRecords, jan5to7, ctx)).toEqual(pick(m));
    const log = generateSampleLog(2000, 3, { endMs: Date.parse('2026-01-08T12:00:00Z') });
    for (const filter of [{ ...DEFAULT_FILTER, range: 'all' as const }, { ...DEFAULT_FILTER, range: 'all' as const, sites: ['x' as const], met: 'missed' as const }, { ...DEFAULT_FILTER, range: 'all' as const, mode: 'practice' as const }]) {
      const headline = computeHeadline(log.items, log.seen, filter, ctx);
      expect(headline.totals.items).toBeGreaterThan(0);
      expect(headline).toEqual(pick(computeMetrics(log.items, log.seen, filter, ctx)));
    }
  });

  it('agree with plain sums and sorted stats over the items the filter keeps', () => {
    const log = generateSampleLog(3000, 5, { endMs: Date.parse('2026-01-08T12:00:00Z') });
    for (const filter of [{ ...DEFAULT_FILTER, range: 'all' as const }, { ...DEFAULT_FILTER, range: 'all' as const, sites: ['facebook' as const], intents: ['complaint' as const] }]) {
      const kept = applyFilter(log.items, filter, ctx);
      expect(kept.length).toBeGreaterThan(100);
      const h = computeHeadline(log.items, log.seen, filter, ctx);
      const known = (f: (it: HandledItem) => number | undefined) => kept.map(f).filter((v): v is number => v !== undefined);
      for (const [got, values] of [
        [h.firstResponse, known((it) => it.responseSeconds)],
        [h.firstResponseBusiness, known((it) => it.responseBusinessSeconds)],
        [h.handleTime, known((it) => it.handleSeconds)],
      ] as const) {
        const want = durationStats(values);
        expect(values.length).toBeGreaterThan(0);
        expect({ ...got, mean: null }).toEqual({ ...want, mean: null });
        expect(got.mean).toBeCloseTo(want.mean!, 6);
      }
      expect(h.totals.replied).toBe(kept.filter((it) => it.reason === 'replied').length);
      expect(h.totals.replies).toBe(kept.reduce((s, it) => s + it.replyCount, 0));
      expect(h.totals.withoutReplyByReason.spam).toBe(kept.filter((it) => it.reason === 'spam').length);
      expect(h.withinTarget.measured).toBe(kept.filter((it) => it.targetMet !== undefined).length);
      expect(h.withinTarget.met).toBe(kept.filter((it) => it.targetMet === true).length);
    }
  });
});

describe('seen records of agents in another order than the items', () => {
  it('count under their own agent: the seen agents are re-coded into the items\' table', () => {
    // The items are a2's only; the seen records' table lists a1 (seen only, twice) before a2,
    // then a3 (seen only): a1 and a2 have other codes there than in the index.
    const log = [C, D];
    const records = [
      seen({ postId: 'A', firstSeenAt: '2026-01-05T09:58:00.000Z', handled: true }),
      seen({ postId: 'other', firstSeenAt: '2026-01-05T10:00:00.000Z' }),
      seen({ postId: 'C', site: 'facebook', agentId: 'a2', firstSeenAt: '2026-01-06T08:50:00.000Z', handled: true }),
      seen({ postId: 'new', agentId: 'a3', firstSeenAt: '2026-01-06T09:00:00.000Z' }),
    ];
    const rate = (agents: string[]) => computeHeadline(log, records, { ...DEFAULT_FILTER, range: 'all', agents }, { timeZone: 'UTC' }).responseRate;
    expect(rate(['a1'])).toEqual({ seen: 2, answered: 1, rate: 0.5 });
    expect(computeHeadline(log, records, { ...DEFAULT_FILTER, range: 'all', agents: ['a1'] }, { timeZone: 'UTC' }).totals.items).toBe(0);
    expect(rate(['a2'])).toEqual({ seen: 1, answered: 1, rate: 1 });
    expect(rate(['a3'])).toEqual({ seen: 1, answered: 0, rate: 0 });
  });
});
