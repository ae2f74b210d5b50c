import { describe, expect, it } from 'vitest';
import { HandledItemSchema, SeenRecordSchema } from '../db/schema';
import { DashboardFilterSchema, DEFAULT_FILTER, filterFromSearchParams, filterToSearchParams, resolveRange, type DashboardFilter } from './filter';
import { generateSampleLog } from './sample-log';
import { applyFilter, selectRows } from './select';
import { buildMetricsIndex } from './metrics-index';

const utc = (s: string) => Date.parse(s);

describe('filter ⇄ URL search params', () => {
  it('round-trips every field, and leaves defaults out', () => {
    const f: DashboardFilter = {
      mode: 'practice',
      range: 'custom',
      from: '2026-01-01',
      to: '2026-01-31',
      sites: ['x', 'facebook'],
      agents: ['agent-ana', 'a b&c=d'],
      intents: ['complaint'],
      urgencies: ['high', 'low'],
      flags: ['legal', 'press'],
      met: 'missed',
      q: 'refund #48213 & more',
    };
    const p = filterToSearchParams(f);
    expect(filterFromSearchParams(p.toString())).toEqual(f);
    expect(DashboardFilterSchema.safeParse(f).success).toBe(true);
    expect(filterToSearchParams(DEFAULT_FILTER).toString()).toBe('');
    expect(filterFromSearchParams('')).toEqual(DEFAULT_FILTER);
  });

  it('drops malformed values from a hand-edited URL instead of failing', () => {
    const f = filterFromSearchParams('mode=both&range=forever&site=myspace&site=x&site=x&intent=rant&met=maybe&range=custom&from=2026-13-45&to=yesterday');
    expect(f.mode).toBe('live');
    expect(f.range).toBe(DEFAULT_FILTER.range);
    expect(f.sites).toEqual(['x']);
    expect(f.intents).toEqual([]);
    expect(f.met).toBe('any');
    expect(f.from).toBeUndefined();
  });
});

describe('date ranges', () => {
  const now = utc('2026-03-15T03:00:00Z'); // Sunday 15 March in UTC, still Saturday 14th in New York

  it('whole local days in the dashboard time zone', () => {
    expect(resolveRange({ range: 'today' }, { nowMs: now, timeZone: 'UTC' })).toEqual({ fromMs: utc('2026-03-15T00:00:00Z'), toMs: utc('2026-03-16T00:00:00Z') });
    // New York switched to EDT on 8 March: midnight is 04:00 UTC.
    expect(resolveRange({ range: 'today' }, { nowMs: now, timeZone: 'America/New_York' })).toEqual({ fromMs: utc('2026-03-14T04:00:00Z'), toMs: utc('2026-03-15T04:00:00Z') });
    expect(resolveRange({ range: 'yesterday' }, { nowMs: now, timeZone: 'UTC' }).fromMs).toBe(utc('2026-03-14T00:00:00Z'));
    expect(resolveRange({ range: 'last_7_days' }, { nowMs: now, timeZone: 'UTC' })).toEqual({ fromMs: utc('2026-03-09T00:00:00Z'), toMs: utc('2026-03-16T00:00:00Z') });
    // Last 7 days in New York cross the DST change: the first day starts at 05:00 UTC (EST).
    expect(resolveRange({ range: 'last_7_days' }, { nowMs: now, timeZone: 'America/New_York' }).fromMs).toBe(utc('2026-03-08T05:00:00Z'));
    expect(resolveRange({ range: 'this_month' }, { nowMs: now, timeZone: 'UTC' }).fromMs).toBe(utc('2026-03-01T00:00:00Z'));
    expect(resolveRange({ range: 'last_month' }, { nowMs: now, timeZone: 'UTC' })).toEqual({ fromMs: utc('2026-02-01T00:00:00Z'), toMs: utc('2026-03-01T00:00:00Z') });
    expect(resolveRange({ range: 'last_month' }, { nowMs: utc('2026-01-10T00:00:00Z'), timeZone: 'UTC' }).fromMs).toBe(utc('2025-12-01T00:00:00Z'));
    expect(resolveRange({ range: 'all' }, { nowMs: now })).toEqual({ fromMs: -Infinity, toMs: Infinity });
    expect(resolveRange({ range: 'custom', from: '2026-02-01' }, { nowMs: now, timeZone: 'UTC' })).toEqual({ fromMs: utc('2026-02-01T00:00:00Z'), toMs: Infinity });
  });
});

describe('applyFilter', () => {
  const { items } = generateSampleLog(3000, 11, { practiceShare: 0.1 });
  const ctx = { timeZone: 'UTC', nowMs: utc('2026-11-01T00:00:00Z') };
  const all: DashboardFilter = { ...DEFAULT_FILTER, range: 'all' };
  const eff = (it: (typeof items)[number]) => it.correctedIntent ?? it.intent;

  it('each criterion agrees with a plain predicate over the items', () => {
    const cases: Array<[Partial<DashboardFilter>, (it: (typeof items)[number]) => boolean]> = [
      [{}, (it) => it.mode === 'live'],
      [{ mode: 'practice' }, (it) => it.mode === 'practice'],
      [{ sites: ['facebook'] }, (it) => it.mode === 'live' && it.site === 'facebook'],
      [{ agents: ['agent-ana', 'agent-ben'] }, (it) => it.mode === 'live' && ['agent-ana', 'agent-ben'].includes(it.agentId)],
      [{ intents: ['complaint'] }, (it) => it.mode === 'live' && eff(it) === 'complaint'],
      [{ urgencies: ['high'] }, (it) => it.mode === 'live' && it.urgency === 'high'],
      [{ flags: ['legal', 'churn'] }, (it) => it.mode === 'live' && (it.flags ?? []).some((f) => f.name === 'legal' || f.name === 'churn')],
      [{ met: 'missed' }, (it) => it.mode === 'live' && it.targetMet === false],
      [{ met: 'met' }, (it) => it.mode === 'live' && it.targetMet === true],
      [{ q: 'REFUND' }, (it) => it.mode === 'live' && `${it.text} ${it.replyText ?? ''}`.toLowerCase().includes('refund')],
      [{ range: 'last_7_days' }, (it) => it.mode === 'live' && utc(it.handledAt) >= utc('2026-10-26T00:00:00Z') && utc(it.handledAt) < utc('2026-11-02T00:00:00Z')],
      [
        { sites: ['x'], intents: ['complaint', 'question'], urgencies: ['high', 'normal'], met: 'missed' },
        (it) => it.mode === 'live' && it.site === 'x' && (eff(it) === 'complaint' || eff(it) === 'question') && it.urgency !== 'low' && it.targetMet === false,
      ],
    ];
    const index = buildMetricsIndex(items, [], 'UTC');
    for (const [partial, predicate] of cases) {
      const expected = items.filter(predicate);
      expect(expected.length).toBeGreaterThan(0);
      expect(applyFilter(items, { ...all, ...partial }, ctx)).toEqual(expected);
      expect(applyFilter(index, { ...all, ...partial }, ctx)).toEqual(expected);
    }
  });

  it('selects seen records by every criterion but met/missed, alone and together', () => {
    const { seen } = generateSampleLog(3000, 12, { practiceShare: 0.1 });
    const index = buildMetricsIndex(items, seen, 'UTC');
    const cases: Array<[Partial<DashboardFilter>, (s: (typeof seen)[number]) => boolean]> = [
      [{}, (s) => s.mode === 'live'],
      [{ mode: 'practice' }, (s) => s.mode === 'practice'],
      [{ sites: ['facebook'], urgencies: ['high'] }, (s) => s.mode === 'live' && s.site === 'facebook' && s.urgency === 'high'],
      [{ intents: ['praise'], flags: ['churn'] }, (s) => s.mode === 'live' && s.intent === 'praise' && (s.flags ?? []).some((f) => f.name === 'churn')],
      [{ met: 'met' }, (s) => s.mode === 'live'],
    ];
    for (const [partial, predicate] of cases) {
      const expected = seen.flatMap((s, i) => (predicate(s) ? [i] : []));
      expect(expected.length, JSON.stringify(partial)).toBeGreaterThan(0);
      expect(Array.from(selectRows(index, { ...all, ...partial }, ctx).seen), JSON.stringify(partial)).toEqual(expected);
    }
  });

  it('searches notes and tags too', () => {
    const tagged = items.find((it) => it.tags?.length)!;
    const hits = applyFilter(items, { ...all, mode: tagged.mode, q: tagged.tags![0]!.toUpperCase() }, ctx);
    expect(hits).toContain(tagged);
  });
});

describe('generateSampleLog', () => {
  it('is deterministic, valid per the log schemas, and varied', () => {
    const a = generateSampleLog(500, 42);
    const b = generateSampleLog(500, 42);
    expect(a).toEqual(b);
    expect(generateSampleLog(500, 43).items[0]).not.toEqual(a.items[0]);
    for (const it of a.items) expect(HandledItemSchema.safeParse(it).success).toBe(true);
    for (const s of a.seen) expect(SeenRecordSchema.safeParse(s).success).toBe(true);
    expect(new Set(a.items.map((it) => it.id)).size).toBe(500);
    expect(a.seen.length).toBeGreaterThan(500);
    expect(new Set(a.items.map((it) => it.site))).toEqual(new Set(['x', 'facebook', 'practice']));
    expect(a.items.some((it) => it.targetMet === false)).toBe(true);
    expect(a.items.some((it) => it.reason !== 'replied')).toBe(true);
    expect(a.items.some((it) => it.correctedIntent)).toBe(true);
  });
});
