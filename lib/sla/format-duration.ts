const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A duration for the timers, largest units first, truncated (never rounded up, so a timer does
 * not say "60 min" at 59:40): "0 s", "45 s", "12 min", "1 h 05 min", "3 d 2 h". Negative
 * durations (time over target) get a leading "-": "-4 min". NaN or infinite gives "—".
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  const sign = ms < 0 ? '-' : '';
  const abs = Math.abs(ms);
  if (abs < SECOND) return '0 s';
  if (abs < MINUTE) return `${sign}${Math.floor(abs / SECOND)} s`;
  if (abs < HOUR) return `${sign}${Math.floor(abs / MINUTE)} min`;
  if (abs < DAY) {
    const h = Math.floor(abs / HOUR);
    const m = Math.floor((abs % HOUR) / MINUTE);
    return `${sign}${h} h ${String(m).padStart(2, '0')} min`;
  }
  const d = Math.floor(abs / DAY);
  const h = Math.floor((abs % DAY) / HOUR);
  return `${sign}${d} d ${h} h`;
}
