import { describe, expect, it } from 'vitest';
import { DEFAULT_SLA_SETTINGS } from '../../lib/sla/settings';
import { checkTargets, storedSlaSettings, targetsDraftOf, timeZoneList } from './targets-draft';

describe('targets draft', () => {
  it('round-trips the defaults and shows whole hours in hours', () => {
    const draft = targetsDraftOf(DEFAULT_SLA_SETTINGS);
    expect(draft.targets.x.high).toEqual({ amount: '15', unit: 'minutes' });
    expect(draft.targets.facebook.low).toEqual({ amount: '24', unit: 'hours' });
    expect(draft.dueSoonPercent).toBe('75');
    expect(checkTargets(draft)).toEqual({ ok: true, settings: DEFAULT_SLA_SETTINGS });
  });

  it('converts units to seconds and keeps business hours with several periods a day', () => {
    const draft = targetsDraftOf(DEFAULT_SLA_SETTINGS);
    draft.targets.x.high = { amount: '10', unit: 'minutes' };
    draft.targets.x.low = { amount: '1.5', unit: 'hours' };
    draft.businessHours = {
      enabled: true,
      timeZone: 'Europe/London',
      week: [[{ start: '08:00', end: '12:00' }, { start: '13:00', end: '17:30' }], [], [], [], [], [], []],
      holidays: ['2026-12-25'],
    };
    const result = checkTargets(draft);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.settings.targets.x).toEqual({ high: 600, normal: 3600, low: 5400 });
    expect(result.settings.businessHours.week[0]).toHaveLength(2);
  });

  it('names problems in the form’s words', () => {
    const draft = targetsDraftOf(DEFAULT_SLA_SETTINGS);
    draft.targets.facebook.normal = { amount: '', unit: 'hours' };
    draft.dueSoonPercent = '120';
    draft.businessHours = {
      ...draft.businessHours,
      timeZone: 'Mars/Olympus',
      week: [[{ start: '09:00', end: '17:00' }, { start: '16:00', end: '18:00' }], [{ start: '22:00', end: '02:00' }], [], [], [], [], []],
    };
    const result = checkTargets(draft);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual(
      expect.arrayContaining([
        'Facebook, normal urgency: enter a number of hours above zero.',
        'Due soon: enter a percentage between 1 and 99.',
        'Time zone: Unknown time zone: use an IANA name such as Europe/London.',
        'Monday: Periods of one day must not overlap.',
      ]),
    );
    expect(result.errors.some((e) => e.startsWith('Tuesday, period 1: A period must end after it starts.'))).toBe(true);
  });

  it('falls back to the defaults for missing or broken stored settings, and lists UTC', () => {
    expect(storedSlaSettings(null)).toEqual(DEFAULT_SLA_SETTINGS);
    expect(storedSlaSettings({ targets: 'nope' })).toEqual(DEFAULT_SLA_SETTINGS);
    expect(timeZoneList()[0]).toBe('UTC');
    expect(timeZoneList()).toContain('Europe/London');
  });
});
