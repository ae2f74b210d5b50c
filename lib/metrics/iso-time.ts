/**
 * Parses the ISO timestamps the log stores. `Date.parse` costs about a microsecond, which adds up
 * over 100,000 rows × several fields; the exact shape `toISOString()` writes
 * (YYYY-MM-DDTHH:MM:SS.sssZ, or without the milliseconds) is read with integer arithmetic, and
 * anything else falls back to `Date.parse`.
 */
export function parseIsoMs(s: string | undefined): number {
  if (s === undefined) return Number.NaN;
  const len = s.length;
  if ((len === 24 || len === 20) && s.charCodeAt(len - 1) === 90 /* Z */ && s.charCodeAt(10) === 84 /* T */) {
    // A non-digit becomes a large negative number, which fails the range checks below.
    const d = (i: number) => {
      const c = s.charCodeAt(i) - 48;
      return c >= 0 && c <= 9 ? c : -1e6;
    };
    const year = d(0) * 1000 + d(1) * 100 + d(2) * 10 + d(3);
    const month = d(5) * 10 + d(6);
    const day = d(8) * 10 + d(9);
    const hour = d(11) * 10 + d(12);
    const minute = d(14) * 10 + d(15);
    const second = d(17) * 10 + d(18);
    const ms = len === 24 ? d(20) * 100 + d(21) * 10 + d(22) : 0;
    const ok =
      year >= 0 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= 31 &&
      hour <= 23 && minute <= 59 && second <= 59 && ms >= 0 && ms <= 999 &&
      s.charCodeAt(4) === 45 && s.charCodeAt(7) === 45 && s.charCodeAt(13) === 58 && s.charCodeAt(16) === 58 &&
      (len === 20 || s.charCodeAt(19) === 46) &&
      hour >= 0 && minute >= 0 && second >= 0 && day <= daysInMonth(year, month);
    if (ok) return (daysFromCivil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second) * 1000 + ms;
  }
  return Date.parse(s);
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}
