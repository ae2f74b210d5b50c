import { describe, expect, it } from 'vitest';
import { handleTimeMs, responseFigures, slaStatus } from './status';
import { DEFAULT_SLA_SETTINGS, type SlaSettings } from './settings';

const MIN = 60_000;
const utc = (s: string) => Date.parse(s);
const posted = utc('2026-01-08T10:00:00Z'); // Thursday

const business: SlaSettings = {
  ...DEFAULT_SLA_SETTINGS,
  businessHours: { ...DEFAULT_SLA_SETTINGS.businessHours, enabled: true, timeZone: 'Europe/London' },
};

describe('slaStatus (calendar time)', () => {
  const at = (minutes: number) =>
    slaStatus({ postedAtMs: posted, nowMs: posted + minutes * MIN, site: 'x', urgency: 'normal', settings: DEFAULT_SLA_SETTINGS });

  it('is on track before the due-soon share, due soon from it, breached from the target', () => {
    expect(at(0).state).toBe('on_track');
    expect(at(44).state).toBe('on_track');
    expect(at(45).state).toBe('due_soon');
    expect(at(59).state).toBe('due_soon');
    expect(at(60).state).toBe('breached');
    expect(at(64).state).toBe('breached');
  });

  it('gives time left, then time over, and the absolute deadlines', () => {
    const s = at(20);
    expect(s.remainingMs).toBe(40 * MIN);
    expect(s.elapsedMs).toBe(20 * MIN);
    expect(s.elapsedBusinessMs).toBe(20 * MIN);
    expect(s.targetMs).toBe(60 * MIN);
    expect(s.dueAtMs).toBe(posted + 60 * MIN);
    expect(s.dueSoonAtMs).toBe(posted + 45 * MIN);
    expect(s.countsBusinessTime).toBe(false);
    expect(s.isPaused).toBe(false);
    expect(at(64).remainingMs).toBe(-4 * MIN);
  });

  it('uses the channel and urgency target', () => {
    const fbLow = slaStatus({ postedAtMs: posted, nowMs: posted + 5 * 3_600_000, site: 'facebook', urgency: 'low', settings: DEFAULT_SLA_SETTINGS });
    expect(fbLow.targetMs).toBe(24 * 3_600_000);
    expect(fbLow.state).toBe('on_track');
    const xHigh = slaStatus({ postedAtMs: posted, nowMs: posted + 12 * MIN, site: 'x', urgency: 'high', settings: DEFAULT_SLA_SETTINGS });
    expect(xHigh.state).toBe('due_soon');
  });

  it('is unknown without a posted time, and never negative for a post from the future', () => {
    const u = slaStatus({ postedAtMs: undefined, nowMs: posted, site: 'x', settings: DEFAULT_SLA_SETTINGS });
    expect(u.state).toBe('unknown');
    expect(Number.isNaN(u.dueAtMs)).toBe(true);
    expect(slaStatus({ postedAtMs: Number.NaN, nowMs: posted, site: 'x', settings: DEFAULT_SLA_SETTINGS }).state).toBe('unknown');
    const future = slaStatus({ postedAtMs: posted + MIN, nowMs: posted, site: 'x', settings: DEFAULT_SLA_SETTINGS });
    expect(future.elapsedMs).toBe(0);
    expect(future.state).toBe('on_track');
  });
});

describe('slaStatus (business time)', () => {
  const friday = utc('2026-01-09T16:45:00Z');

  it('pauses outside business hours and breaches at 09:45 on Monday', () => {
    const saturday = slaStatus({ postedAtMs: friday, nowMs: utc('2026-01-10T12:00:00Z'), site: 'x', settings: business });
    expect(saturday.isPaused).toBe(true);
    expect(saturday.countsBusinessTime).toBe(true);
    expect(saturday.elapsedBusinessMs).toBe(15 * MIN);
    expect(saturday.elapsedMs).toBe(utc('2026-01-10T12:00:00Z') - friday);
    expect(saturday.remainingMs).toBe(45 * MIN);
    expect(saturday.state).toBe('on_track');
    expect(new Date(saturday.dueAtMs).toISOString()).toBe('2026-01-12T09:45:00.000Z');
    expect(new Date(saturday.dueSoonAtMs).toISOString()).toBe('2026-01-12T09:30:00.000Z');

    const monday = (t: string) => slaStatus({ postedAtMs: friday, nowMs: utc(t), site: 'x', settings: business });
    expect(monday('2026-01-12T09:29:00Z').state).toBe('on_track');
    expect(monday('2026-01-12T09:30:00Z').state).toBe('due_soon');
    expect(monday('2026-01-12T09:45:00Z').state).toBe('breached');
    expect(monday('2026-01-12T09:49:00Z').remainingMs).toBe(-4 * MIN);
    expect(monday('2026-01-12T09:49:00Z').isPaused).toBe(false);
  });
});

describe('responseFigures and handle time', () => {
  it('fills the log fields for a reply', () => {
    const f = responseFigures({
      postedAtMs: utc('2026-01-09T16:45:00Z'),
      firstSeenAtMs: utc('2026-01-12T09:40:00Z'),
      respondedAtMs: utc('2026-01-12T09:50:00Z'),
      site: 'x',
      urgency: 'normal',
      settings: business,
    });
    expect(f).toEqual({
      targetSeconds: 3600,
      handleSeconds: 600,
      responseSeconds: (65 * 60 + 5) * 60,
      responseBusinessSeconds: 65 * 60,
      targetMet: false,
    });
    const calendar = responseFigures({ postedAtMs: posted, firstSeenAtMs: undefined, respondedAtMs: posted + 60 * MIN, site: 'x', settings: DEFAULT_SLA_SETTINGS });
    expect(calendar.targetMet).toBe(true);
    expect(calendar.handleSeconds).toBeUndefined();
    expect(responseFigures({ postedAtMs: undefined, firstSeenAtMs: posted, respondedAtMs: posted, site: 'x', settings: DEFAULT_SLA_SETTINGS }).targetMet).toBeUndefined();
    expect(handleTimeMs(posted, posted + 90_000)).toBe(90_000);
    expect(handleTimeMs(posted, posted - 1)).toBe(0);
  });
});
