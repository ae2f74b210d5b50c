import { describe, expect, it } from 'vitest';
import { BusinessHoursSchema, DEFAULT_SLA_SETTINGS, SlaSettingsSchema, targetFor } from './settings';

const messages = (r: { success: boolean; error?: { issues: Array<{ message: string }> } }) =>
  r.error?.issues.map((i) => i.message) ?? [];

describe('SLA settings', () => {
  it('defaults are valid and match the issue', () => {
    expect(SlaSettingsSchema.safeParse(DEFAULT_SLA_SETTINGS).success).toBe(true);
    expect(targetFor(DEFAULT_SLA_SETTINGS, 'x', 'high')).toBe(15 * 60);
    expect(targetFor(DEFAULT_SLA_SETTINGS, 'x', 'normal')).toBe(60 * 60);
    expect(targetFor(DEFAULT_SLA_SETTINGS, 'x', 'low')).toBe(4 * 3600);
    expect(targetFor(DEFAULT_SLA_SETTINGS, 'facebook', 'high')).toBe(60 * 60);
    expect(targetFor(DEFAULT_SLA_SETTINGS, 'facebook', 'normal')).toBe(4 * 3600);
    expect(targetFor(DEFAULT_SLA_SETTINGS, 'facebook', 'low')).toBe(24 * 3600);
    expect(DEFAULT_SLA_SETTINGS.dueSoonShare).toBe(0.75);
    expect(DEFAULT_SLA_SETTINGS.businessHours.enabled).toBe(false);
  });

  it('practice uses the X targets unless given its own; no urgency means normal', () => {
    expect(targetFor(DEFAULT_SLA_SETTINGS, 'practice', 'high')).toBe(15 * 60);
    expect(targetFor(DEFAULT_SLA_SETTINGS, 'x', undefined)).toBe(60 * 60);
    const own = { ...DEFAULT_SLA_SETTINGS, targets: { ...DEFAULT_SLA_SETTINGS.targets, practice: { high: 1, normal: 2, low: 3 } } };
    expect(targetFor(own, 'practice', 'low')).toBe(3);
  });

  it('rejects a period across midnight with a message that says how to write it', () => {
    const r = BusinessHoursSchema.safeParse({
      ...DEFAULT_SLA_SETTINGS.businessHours,
      week: [[{ start: '22:00', end: '02:00' }], [], [], [], [], [], []],
    });
    expect(r.success).toBe(false);
    expect(messages(r).join(' ')).toMatch(/22:00–24:00 on the first day and 00:00–02:00 on the next/);
  });

  it('rejects overlaps, bad times, bad zones, bad holidays and a short week', () => {
    const base = DEFAULT_SLA_SETTINGS.businessHours;
    const overlap = BusinessHoursSchema.safeParse({ ...base, week: [[{ start: '09:00', end: '13:00' }, { start: '12:00', end: '17:00' }], [], [], [], [], [], []] });
    expect(messages(overlap)).toContain('Periods of one day must not overlap.');
    expect(BusinessHoursSchema.safeParse({ ...base, week: [[{ start: '9:00', end: '17:00' }], [], [], [], [], [], []] }).success).toBe(false);
    expect(BusinessHoursSchema.safeParse({ ...base, week: [[{ start: '09:00', end: '24:01' }], [], [], [], [], [], []] }).success).toBe(false);
    expect(BusinessHoursSchema.safeParse({ ...base, week: [[{ start: '00:00', end: '24:00' }], [], [], [], [], [], []] }).success).toBe(true);
    expect(messages(BusinessHoursSchema.safeParse({ ...base, timeZone: 'Europe/Atlantis' })).join()).toMatch(/Unknown time zone/);
    expect(BusinessHoursSchema.safeParse({ ...base, holidays: ['25/12/2026'] }).success).toBe(false);
    expect(BusinessHoursSchema.safeParse({ ...base, week: base.week.slice(0, 5) }).success).toBe(false);
  });

  it('rejects targets of zero and a due-soon share outside (0, 1)', () => {
    expect(SlaSettingsSchema.safeParse({ ...DEFAULT_SLA_SETTINGS, dueSoonShare: 1 }).success).toBe(false);
    expect(SlaSettingsSchema.safeParse({ ...DEFAULT_SLA_SETTINGS, dueSoonShare: 0 }).success).toBe(false);
    const zero = { ...DEFAULT_SLA_SETTINGS, targets: { ...DEFAULT_SLA_SETTINGS.targets, x: { high: 0, normal: 60, low: 60 } } };
    expect(SlaSettingsSchema.safeParse(zero).success).toBe(false);
  });
});
