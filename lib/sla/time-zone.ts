/**
 * Time-zone arithmetic on top of Intl (no dependency). An `Intl.DateTimeFormat` call costs a few
 * microseconds, too slow for 100,000 log rows or 500 ticking timers, so offsets are cached per
 * 15-minute bucket of UTC time: every time-zone transition since 1970 falls on a quarter hour.
 */

const MINUTE = 60_000;
const BUCKET = 15 * MINUTE;
export const DAY_MS = 86_400_000;
const CACHE_LIMIT = 50_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when the runtime knows this IANA time zone name. */
export function isValidTimeZone(timeZone: string): boolean {
  if (!timeZone) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

function computeOffsetMs(timeZone: string, ms: number): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(ms));
  let year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0, bc = false;
  for (const p of parts) {
    switch (p.type) {
      case 'year': year = Number(p.value); break;
      case 'month': month = Number(p.value); break;
      case 'day': day = Number(p.value); break;
      case 'hour': hour = Number(p.value); break;
      case 'minute': minute = Number(p.value); break;
      case 'second': second = Number(p.value); break;
      case 'era': bc = p.value === 'BC' || p.value === 'B'; break;
      default: break;
    }
  }
  if (bc) year = 1 - year;
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, 0);
  return d.getTime() - (ms - (((ms % 1000) + 1000) % 1000));
}

/**
 * Per zone: offsets by 15-minute bucket in a typed-array window (a lookup is an array read), filled
 * a whole UTC day at a time when the day has no change; buckets outside the window use a Map.
 */
interface ZoneCache {
  base: number;
  window: Float64Array;
  overflow: Map<number, number>;
}
const BUCKETS_PER_DAY = 96;
const WINDOW_DAYS = 2 * 366;

function zoneCache(timeZone: string, bucket: number): ZoneCache {
  let c = zoneCaches.get(timeZone);
  if (!c) {
    // The window starts a year before the first instant asked about.
    const firstDay = Math.floor(bucket / BUCKETS_PER_DAY) - 366;
    c = { base: firstDay * BUCKETS_PER_DAY, window: new Float64Array(WINDOW_DAYS * BUCKETS_PER_DAY).fill(Number.NaN), overflow: new Map() };
    zoneCaches.set(timeZone, c);
  }
  return c;
}
const zoneCaches = new Map<string, ZoneCache>();

/** Offset of local time from UTC in ms at instant `ms` (e.g. +3,600,000 for BST). */
export function tzOffsetMs(timeZone: string, ms: number): number {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return 0;
  const bucket = Math.floor(ms / BUCKET);
  const c = zoneCache(timeZone, bucket);
  const idx = bucket - c.base;
  if (idx >= 0 && idx < c.window.length) {
    const hit = c.window[idx]!;
    if (hit === hit) return hit; // not NaN
    const dayStart = idx - (idx % BUCKETS_PER_DAY);
    const first = computeOffsetMs(timeZone, (c.base + dayStart) * BUCKET);
    const last = computeOffsetMs(timeZone, (c.base + dayStart + BUCKETS_PER_DAY - 1) * BUCKET);
    if (first === last) {
      c.window.fill(first, dayStart, dayStart + BUCKETS_PER_DAY);
      return first;
    }
    // A change happens this day: fill bucket by bucket as they are asked for.
    const off = computeOffsetMs(timeZone, bucket * BUCKET);
    c.window[idx] = off;
    return off;
  }
  let off = c.overflow.get(bucket);
  if (off === undefined) {
    if (c.overflow.size >= CACHE_LIMIT) c.overflow.clear();
    off = computeOffsetMs(timeZone, bucket * BUCKET);
    c.overflow.set(bucket, off);
  }
  return off;
}

/** Local wall-clock time of `ms` as if it were UTC ms (read with getUTC* or the helpers below). */
export function toWallMs(timeZone: string, ms: number): number {
  return ms + tzOffsetMs(timeZone, ms);
}

/** Days since 1970-01-01 of the local calendar date of instant `ms`. */
export function localDayIndex(timeZone: string, ms: number): number {
  return Math.floor(toWallMs(timeZone, ms) / DAY_MS);
}

/** ISO weekday index, Monday = 0 … Sunday = 6, of a day index. */
export function weekdayOfDay(dayIndex: number): number {
  // 1970-01-01 was a Thursday (ISO index 3).
  return (((dayIndex + 3) % 7) + 7) % 7;
}

/** 'YYYY-MM-DD' of a day index. */
export function isoDateOfDay(dayIndex: number): string {
  return new Date(dayIndex * DAY_MS).toISOString().slice(0, 10);
}

/** Day index of 'YYYY-MM-DD' (NaN when malformed). */
export function dayOfIsoDate(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return Number.NaN;
  return Math.floor(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS);
}

/**
 * The instant at which local wall-clock time `wallMs` (UTC-encoded) happens in `timeZone`.
 * Like Temporal's 'compatible' disambiguation: a time skipped by a spring-forward change maps to
 * the same distance after the change (01:30 in a 01:00→02:00 gap is 02:30), and a time repeated
 * by a fall-back change maps to its first occurrence.
 */
export function wallToInstant(timeZone: string, wallMs: number): number {
  const before = tzOffsetMs(timeZone, wallMs - DAY_MS);
  const after = tzOffsetMs(timeZone, wallMs + DAY_MS);
  if (before === after) return wallMs - before;
  const a = wallMs - before;
  const b = wallMs - after;
  const aValid = a + tzOffsetMs(timeZone, a) === wallMs;
  const bValid = b + tzOffsetMs(timeZone, b) === wallMs;
  if (aValid && bValid) return Math.min(a, b);
  if (aValid) return a;
  if (bValid) return b;
  return a;
}
