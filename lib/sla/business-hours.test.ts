import { describe, expect, it } from 'vitest';
import { addBusinessMs, compileBusinessHours, elapsedBusinessMs, isOpenAt } from './business-hours';
import { BusinessHoursSchema, type BusinessHours, type Period } from './settings';

const MIN = 60_000;
const H = 60 * MIN;
const utc = (s: string) => Date.parse(s);
const nine5: Period[] = [{ start: '09:00', end: '17:00' }];
const weekdays = (periods: Period[]) => [periods, periods, periods, periods, periods, [], []];

function hours(timeZone: string, week: Period[][], holidays: string[] = []): BusinessHours {
  return BusinessHoursSchema.parse({ enabled: true, timeZone, week, holidays });
}

const london = hours('Europe/London', weekdays(nine5));
const newYork = hours('America/New_York', weekdays(nine5));

describe('business hours: the example in the issue', () => {
  it('a post at 16:45 on Friday with a 60-minute target breaches at 09:45 on Monday', () => {
    const posted = utc('2026-01-09T16:45:00Z'); // Friday, GMT
    expect(new Date(addBusinessMs(posted, 60 * MIN, london)).toISOString()).toBe('2026-01-12T09:45:00.000Z');
    expect(elapsedBusinessMs(posted, utc('2026-01-12T09:45:00Z'), london)).toBe(60 * MIN);
    expect(elapsedBusinessMs(posted, utc('2026-01-12T10:00:00Z'), london)).toBe(75 * MIN);
  });

  it('counts nothing over the weekend and starts a weekend post at Monday 09:00', () => {
    expect(elapsedBusinessMs(utc('2026-01-09T17:00:00Z'), utc('2026-01-12T09:00:00Z'), london)).toBe(0);
    const saturday = utc('2026-01-10T11:00:00Z');
    expect(addBusinessMs(saturday, 30 * MIN, london)).toBe(utc('2026-01-12T09:30:00Z'));
  });

  it('a target that uses up the day ends at closing time, not the next opening', () => {
    expect(addBusinessMs(utc('2026-01-08T16:00:00Z'), 60 * MIN, london)).toBe(utc('2026-01-08T17:00:00Z'));
  });

  it('is the calendar difference when business hours are off', () => {
    const off = { ...london, enabled: false };
    expect(elapsedBusinessMs(utc('2026-01-09T16:45:00Z'), utc('2026-01-12T09:45:00Z'), off)).toBe(65 * H);
    expect(addBusinessMs(utc('2026-01-09T16:45:00Z'), 60 * MIN, off)).toBe(utc('2026-01-09T17:45:00Z'));
  });

  it('returns 0 for empty or reversed spans', () => {
    expect(elapsedBusinessMs(utc('2026-01-08T12:00:00Z'), utc('2026-01-08T12:00:00Z'), london)).toBe(0);
    expect(elapsedBusinessMs(utc('2026-01-08T13:00:00Z'), utc('2026-01-08T12:00:00Z'), london)).toBe(0);
    expect(addBusinessMs(utc('2026-01-10T12:00:00Z'), 0, london)).toBe(utc('2026-01-10T12:00:00Z'));
  });
});

describe('business hours across midnight, time zones and daylight saving', () => {
  it('spans several days and midnights', () => {
    // Wed 12:00 → Fri 12:00 London winter: 5 + 8 + 3 hours.
    expect(elapsedBusinessMs(utc('2026-01-07T12:00:00Z'), utc('2026-01-09T12:00:00Z'), london)).toBe(16 * H);
    // A month of weekdays: January 2026 has 22 weekdays.
    expect(elapsedBusinessMs(utc('2026-01-01T00:00:00Z'), utc('2026-02-01T00:00:00Z'), london)).toBe(22 * 8 * H);
  });

  it('works in the calendar time zone, not UTC', () => {
    const tokyo = hours('Asia/Tokyo', weekdays(nine5));
    // Tokyo 09:00–17:00 is 00:00–08:00 UTC.
    expect(isOpenAt(utc('2026-01-08T00:30:00Z'), tokyo)).toBe(true);
    expect(isOpenAt(utc('2026-01-08T09:00:00Z'), tokyo)).toBe(false);
    expect(elapsedBusinessMs(utc('2026-01-07T20:00:00Z'), utc('2026-01-08T12:00:00Z'), tokyo)).toBe(8 * H);
    // Friday 16:30 in Kolkata (+05:30) with 60 minutes → Monday 09:30 local = 04:00 UTC.
    const kolkata = hours('Asia/Kolkata', weekdays(nine5));
    expect(addBusinessMs(utc('2026-01-09T11:00:00Z'), 60 * MIN, kolkata)).toBe(utc('2026-01-12T04:00:00Z'));
  });

  it('a 9–17 day on a London change day is still 8 hours', () => {
    const everyDay = hours('Europe/London', Array.from({ length: 7 }, () => nine5));
    // Spring forward: Sunday 29 March 2026; 09:00 BST = 08:00 UTC.
    expect(elapsedBusinessMs(utc('2026-03-29T00:00:00Z'), utc('2026-03-30T00:00:00Z'), everyDay)).toBe(8 * H);
    // Sat 12:00 GMT → Mon 12:00 BST: 5 + 8 + 3 hours.
    expect(elapsedBusinessMs(utc('2026-03-28T12:00:00Z'), utc('2026-03-30T11:00:00Z'), everyDay)).toBe(16 * H);
    expect(addBusinessMs(utc('2026-03-28T16:30:00Z'), 60 * MIN, everyDay)).toBe(utc('2026-03-29T08:30:00Z'));
    // Fall back: Sunday 25 October 2026; 09:00 GMT = 09:00 UTC.
    expect(elapsedBusinessMs(utc('2026-10-25T00:00:00Z'), utc('2026-10-26T00:00:00Z'), everyDay)).toBe(8 * H);
    expect(addBusinessMs(utc('2026-10-24T15:30:00Z'), 60 * MIN, everyDay)).toBe(utc('2026-10-25T09:30:00Z'));
  });

  it('New York: a Friday-afternoon post over the spring and autumn changes', () => {
    // Fri 6 March 2026 16:30 EST (21:30 UTC) + 60 min → Mon 9 March 09:30 EDT (13:30 UTC).
    expect(addBusinessMs(utc('2026-03-06T21:30:00Z'), 60 * MIN, newYork)).toBe(utc('2026-03-09T13:30:00Z'));
    expect(elapsedBusinessMs(utc('2026-03-06T21:30:00Z'), utc('2026-03-09T13:30:00Z'), newYork)).toBe(60 * MIN);
    // Fri 30 Oct 2026 16:30 EDT (20:30 UTC) + 60 min → Mon 2 Nov 09:30 EST (14:30 UTC).
    expect(addBusinessMs(utc('2026-10-30T20:30:00Z'), 60 * MIN, newYork)).toBe(utc('2026-11-02T14:30:00Z'));
  });

  it('a period that spans a change is an hour shorter or longer, as the wall clock says', () => {
    const night = hours('Europe/London', Array.from({ length: 7 }, () => [{ start: '00:00', end: '04:00' }]));
    expect(elapsedBusinessMs(utc('2026-03-28T12:00:00Z'), utc('2026-03-29T12:00:00Z'), night)).toBe(3 * H);
    expect(elapsedBusinessMs(utc('2026-10-24T12:00:00Z'), utc('2026-10-25T12:00:00Z'), night)).toBe(5 * H);
  });

  it('split shifts skip the lunch break', () => {
    const split = hours('Europe/London', weekdays([{ start: '09:00', end: '12:00' }, { start: '13:00', end: '17:00' }]));
    expect(addBusinessMs(utc('2026-01-08T11:30:00Z'), 60 * MIN, split)).toBe(utc('2026-01-08T13:30:00Z'));
    expect(elapsedBusinessMs(utc('2026-01-08T11:30:00Z'), utc('2026-01-08T13:30:00Z'), split)).toBe(60 * MIN);
    expect(elapsedBusinessMs(utc('2026-01-08T00:00:00Z'), utc('2026-01-09T00:00:00Z'), split)).toBe(7 * H);
    expect(isOpenAt(utc('2026-01-08T12:30:00Z'), split)).toBe(false);
    // Order of periods in settings does not matter.
    const reversed = hours('Europe/London', weekdays([{ start: '13:00', end: '17:00' }, { start: '09:00', end: '12:00' }]));
    expect(addBusinessMs(utc('2026-01-08T11:30:00Z'), 60 * MIN, reversed)).toBe(utc('2026-01-08T13:30:00Z'));
  });

  it('holidays are closed all day', () => {
    const withHoliday = hours('Europe/London', weekdays(nine5), ['2026-01-12']);
    expect(addBusinessMs(utc('2026-01-09T16:45:00Z'), 60 * MIN, withHoliday)).toBe(utc('2026-01-13T09:45:00Z'));
    expect(elapsedBusinessMs(utc('2026-01-12T00:00:00Z'), utc('2026-01-13T00:00:00Z'), withHoliday)).toBe(0);
  });

  it('a night shift across midnight is written as two periods', () => {
    const nights = hours('Europe/London', [
      [{ start: '22:00', end: '24:00' }],
      [{ start: '00:00', end: '02:00' }, { start: '22:00', end: '24:00' }],
      [{ start: '00:00', end: '02:00' }],
      [], [], [], [],
    ]);
    // Monday 23:30 + 60 min → Tuesday 00:30 (periods touching at midnight are continuous).
    expect(addBusinessMs(utc('2026-01-05T23:30:00Z'), 60 * MIN, nights)).toBe(utc('2026-01-06T00:30:00Z'));
    // Tuesday 01:30 + 60 min → Tuesday 22:30.
    expect(addBusinessMs(utc('2026-01-06T01:30:00Z'), 60 * MIN, nights)).toBe(utc('2026-01-06T22:30:00Z'));
  });

  it('a calendar with no open time never comes due', () => {
    const closed = hours('UTC', [[], [], [], [], [], [], []]);
    expect(addBusinessMs(0, MIN, closed)).toBe(Number.POSITIVE_INFINITY);
    expect(elapsedBusinessMs(0, 1e10, closed)).toBe(0);
  });

  it('elapsed and add are inverse over a year of split shifts, holidays and DST (New York)', () => {
    const cal = compileBusinessHours(
      hours(
        'America/New_York',
        [
          [{ start: '08:30', end: '12:00' }, { start: '12:45', end: '18:15' }],
          [{ start: '09:00', end: '17:00' }],
          [{ start: '00:00', end: '03:00' }, { start: '09:00', end: '17:00' }],
          [{ start: '09:00', end: '24:00' }],
          [{ start: '00:00', end: '01:30' }, { start: '09:00', end: '17:00' }],
          [{ start: '10:00', end: '14:00' }],
          [],
        ],
        ['2026-07-03', '2026-11-26', '2026-12-25'],
      ),
    );
    let seed = 12345;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const base = utc('2026-01-01T00:00:00Z');
    for (let i = 0; i < 500; i++) {
      const start = base + Math.floor(rand() * 365 * 24 * 60) * MIN;
      const ms = Math.floor(rand() * 40 * 60) * MIN + MIN;
      const due = addBusinessMs(start, ms, cal);
      expect(elapsedBusinessMs(start, due, cal)).toBe(ms);
      expect(due).toBeGreaterThan(start);
    }
  });
});

describe('compiled calendars', () => {
  it('are reused per settings object', async () => {
    const { calendarFor } = await import('./business-hours');
    expect(calendarFor(london)).toBe(calendarFor(london));
    expect(calendarFor({ ...london })).not.toBe(calendarFor(london));
  });
});
