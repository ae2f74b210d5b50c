import { minutesOfHhmm, type BusinessHours } from './settings';
import { DAY_MS, dayOfIsoDate, localDayIndex, wallToInstant, weekdayOfDay } from './time-zone';

/**
 * Business time is real elapsed time while the team is open. Opening periods are local wall-clock
 * times, so a 09:00–17:00 day is 8 hours on a daylight-saving change day too; a period that itself
 * spans a change (say 00:00–04:00 on a spring-forward night) is an hour shorter or longer, as the
 * clock on the wall says.
 */

/** Stop searching for open time after this many days (no open time in 5 years: never due). */
const MAX_SEARCH_DAYS = 5 * 366;
const DAY_CACHE_LIMIT = 20_000;

/** Business hours prepared for fast repeated queries: per-day open intervals in UTC ms, cached. */
export interface BusinessCalendar {
  readonly timeZone: string;
  /** False when no weekday has any period: no business time ever passes. */
  readonly hasOpenTime: boolean;
  /** Open intervals [start, end, start, end, …] in UTC ms of local day `dayIndex`. */
  intervalsOfDay(dayIndex: number): Float64Array;
  dayOf(ms: number): number;
}

const EMPTY = new Float64Array(0);

export function compileBusinessHours(hours: BusinessHours): BusinessCalendar {
  const timeZone = hours.timeZone;
  const weekMinutes: number[][] = [];
  for (let d = 0; d < 7; d++) {
    const periods = [...(hours.week[d] ?? [])]
      .map((p) => [minutesOfHhmm(p.start), minutesOfHhmm(p.end)] as const)
      .filter(([s, e]) => e > s)
      .sort((a, b) => a[0] - b[0]);
    // Merge touching or overlapping periods (09:00–12:00 + 12:00–17:00 is one open span).
    const merged: number[] = [];
    for (const [s, e] of periods) {
      const last = merged.length - 1;
      if (last > 0 && s <= merged[last]!) merged[last] = Math.max(merged[last]!, e);
      else merged.push(s, e);
    }
    weekMinutes.push(merged);
  }
  const holidays = new Set(hours.holidays.map(dayOfIsoDate));
  const hasOpenTime = weekMinutes.some((m) => m.length > 0);
  const cache = new Map<number, Float64Array>();

  function intervalsOfDay(dayIndex: number): Float64Array {
    let iv = cache.get(dayIndex);
    if (iv) return iv;
    const minutes = weekMinutes[weekdayOfDay(dayIndex)]!;
    if (minutes.length === 0 || holidays.has(dayIndex)) {
      iv = EMPTY;
    } else {
      iv = new Float64Array(minutes.length);
      const midnightWall = dayIndex * DAY_MS;
      for (let i = 0; i < minutes.length; i++) {
        iv[i] = wallToInstant(timeZone, midnightWall + minutes[i]! * 60_000);
      }
    }
    if (cache.size >= DAY_CACHE_LIMIT) cache.clear();
    cache.set(dayIndex, iv);
    return iv;
  }

  return { timeZone, hasOpenTime, intervalsOfDay, dayOf: (ms) => localDayIndex(timeZone, ms) };
}

const compiled = new WeakMap<BusinessHours, BusinessCalendar>();

/** The compiled calendar for a settings object, reused while the same object is passed in. */
export function calendarFor(hours: BusinessHours): BusinessCalendar {
  let c = compiled.get(hours);
  if (!c) {
    c = compileBusinessHours(hours);
    compiled.set(hours, c);
  }
  return c;
}

function asCalendar(hours: BusinessHours | BusinessCalendar): BusinessCalendar {
  return 'intervalsOfDay' in hours ? hours : calendarFor(hours);
}

function isBusinessOn(hours: BusinessHours | BusinessCalendar): boolean {
  return 'intervalsOfDay' in hours ? true : hours.enabled;
}

/**
 * Business milliseconds between two instants (0 when `endMs <= startMs`). With business hours off,
 * the calendar difference.
 */
export function elapsedBusinessMs(startMs: number, endMs: number, hours: BusinessHours | BusinessCalendar): number {
  if (!(endMs > startMs)) return 0;
  if (!isBusinessOn(hours)) return endMs - startMs;
  const cal = asCalendar(hours);
  if (!cal.hasOpenTime) return 0;
  const first = cal.dayOf(startMs);
  const last = cal.dayOf(endMs);
  let total = 0;
  for (let d = first; d <= last; d++) {
    const iv = cal.intervalsOfDay(d);
    for (let i = 0; i < iv.length; i += 2) {
      const a = iv[i]! > startMs ? iv[i]! : startMs;
      const b = iv[i + 1]! < endMs ? iv[i + 1]! : endMs;
      if (b > a) total += b - a;
    }
  }
  return total;
}

/**
 * The instant at which `ms` business milliseconds have passed since `startMs` (the due time of a
 * target). A post that arrives while closed starts counting at the next opening. Returns
 * `Infinity` when the calendar has no open time within five years.
 */
export function addBusinessMs(startMs: number, ms: number, hours: BusinessHours | BusinessCalendar): number {
  if (!(ms > 0)) return startMs;
  if (!isBusinessOn(hours)) return startMs + ms;
  const cal = asCalendar(hours);
  if (!cal.hasOpenTime) return Number.POSITIVE_INFINITY;
  let remaining = ms;
  const first = cal.dayOf(startMs);
  for (let d = first; d < first + MAX_SEARCH_DAYS; d++) {
    const iv = cal.intervalsOfDay(d);
    for (let i = 0; i < iv.length; i += 2) {
      const end = iv[i + 1]!;
      if (end <= startMs) continue;
      const from = iv[i]! > startMs ? iv[i]! : startMs;
      const available = end - from;
      if (remaining <= available) return from + remaining;
      remaining -= available;
    }
  }
  return Number.POSITIVE_INFINITY;
}

/** True when the team is open at instant `ms` (always true with business hours off). */
export function isOpenAt(ms: number, hours: BusinessHours | BusinessCalendar): boolean {
  if (!isBusinessOn(hours)) return true;
  const cal = asCalendar(hours);
  const iv = cal.intervalsOfDay(cal.dayOf(ms));
  for (let i = 0; i < iv.length; i += 2) {
    if (ms >= iv[i]! && ms < iv[i + 1]!) return true;
  }
  return false;
}
