import { formatDuration } from '../../lib/sla/format-duration';

/** A duration in seconds for the dashboard ("12 min", "1 h 05 min"); "—" when undefined. */
export function formatSeconds(seconds: number | null | undefined): string {
  return seconds === null || seconds === undefined || !Number.isFinite(seconds) ? '—' : formatDuration(seconds * 1000);
}

/** A share 0..1 as a percentage with one decimal below 10 % ("84 %", "7.5 %"); "—" when undefined. */
export function formatShare(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '—';
  const pct = share * 100;
  return `${pct < 10 && pct > 0 ? pct.toFixed(1) : Math.round(pct)} %`;
}

export function formatCount(n: number | null | undefined): string {
  return n === null || n === undefined || !Number.isFinite(n) ? '—' : n.toLocaleString();
}

export function formatNumber(n: number | null | undefined, digits = 1): string {
  return n === null || n === undefined || !Number.isFinite(n) ? '—' : n.toLocaleString(undefined, { maximumFractionDigits: digits });
}

/** Labels from the log's codes for people ("no_reply_needed" → "No reply needed"). */
export function humanise(code: string): string {
  const special: Record<string, string> = { x: 'X', facebook: 'Facebook', practice: 'Practice', dm: 'DM', none: 'None', unknown: 'Unknown' };
  if (special[code]) return special[code];
  const words = code.replace(/_/g, ' ').replace(/->/g, ' → ');
  return words.charAt(0).toUpperCase() + words.slice(1).replace(/\bto dm\b/, 'to DM');
}
