import { describe, expect, it } from 'vitest';
import { isoDateOfDay, isValidTimeZone, localDayIndex, tzOffsetMs, wallToInstant, weekdayOfDay } from './time-zone';

const H = 3_600_000;
const utc = (s: string) => Date.parse(s);

describe('time zones', () => {
  it('knows offsets in winter and summer', () => {
    expect(tzOffsetMs('Europe/London', utc('2026-01-15T12:00:00Z'))).toBe(0);
    expect(tzOffsetMs('Europe/London', utc('2026-07-15T12:00:00Z'))).toBe(H);
    expect(tzOffsetMs('America/New_York', utc('2026-01-15T12:00:00Z'))).toBe(-5 * H);
    expect(tzOffsetMs('America/New_York', utc('2026-07-15T12:00:00Z'))).toBe(-4 * H);
    expect(tzOffsetMs('Asia/Kolkata', utc('2026-07-15T12:00:00Z'))).toBe(5.5 * H);
    expect(tzOffsetMs('UTC', utc('2026-07-15T12:00:00Z'))).toBe(0);
  });

  it('switches offset at the exact change instant', () => {
    // London springs forward at 01:00 UTC on 29 March 2026.
    expect(tzOffsetMs('Europe/London', utc('2026-03-29T00:59:59Z'))).toBe(0);
    expect(tzOffsetMs('Europe/London', utc('2026-03-29T01:00:00Z'))).toBe(H);
  });

  it('maps local wall time to instants, including gaps and repeats', () => {
    const wall = (s: string) => Date.parse(`${s}Z`);
    expect(wallToInstant('Europe/London', wall('2026-07-01T09:00:00'))).toBe(utc('2026-07-01T08:00:00Z'));
    // 01:30 does not exist on 29 March 2026 in London: it maps to 02:30 BST.
    expect(wallToInstant('Europe/London', wall('2026-03-29T01:30:00'))).toBe(utc('2026-03-29T01:30:00Z'));
    // 01:30 happens twice on 25 October 2026: the first (BST) one.
    expect(wallToInstant('Europe/London', wall('2026-10-25T01:30:00'))).toBe(utc('2026-10-25T00:30:00Z'));
    // New York: 02:30 is skipped on 8 March 2026 → 03:30 EDT.
    expect(wallToInstant('America/New_York', wall('2026-03-08T02:30:00'))).toBe(utc('2026-03-08T07:30:00Z'));
  });

  it('gives local dates and ISO weekdays', () => {
    // 23:30 UTC on Friday 9 Jan 2026 is already Saturday in Tokyo.
    const ms = utc('2026-01-09T23:30:00Z');
    expect(isoDateOfDay(localDayIndex('UTC', ms))).toBe('2026-01-09');
    expect(isoDateOfDay(localDayIndex('Asia/Tokyo', ms))).toBe('2026-01-10');
    expect(weekdayOfDay(localDayIndex('UTC', ms))).toBe(4);
    expect(weekdayOfDay(localDayIndex('Asia/Tokyo', ms))).toBe(5);
    expect(isoDateOfDay(localDayIndex('America/Los_Angeles', ms))).toBe('2026-01-09');
  });

  it('validates zone names', () => {
    expect(isValidTimeZone('Europe/London')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});
