/** Backoff and Retry-After arithmetic, pure. */

export interface BackoffPolicy {
  /** Delay after the first failure, before jitter. */
  baseMs: number;
  /** No delay exceeds this (jitter included). */
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 2_000, maxMs: 30 * 60_000 };

/**
 * Exponential backoff with "equal jitter": the n-th failure in a row waits between half and all
 * of min(max, base·2^(n−1)). Half is fixed so a flapping server is never hammered; the random half
 * spreads a team's retries apart after an outage.
 */
export function backoffDelayMs(failures: number, random: () => number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  const n = Math.max(1, Math.floor(failures));
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(n - 1, 40));
  const r = Math.min(1, Math.max(0, random()));
  return Math.round(ceiling / 2 + (ceiling / 2) * r);
}

/**
 * Milliseconds a Retry-After header asks for, or undefined when absent or unreadable.
 * Delta-seconds as is; an HTTP date is measured against the response's own Date header, so a
 * wrong clock on the agent's machine does not stretch or cut the wait. Without a usable Date
 * header, the local clock stands in.
 */
export function retryAfterMs(retryAfter: string | null, responseDate: string | null, nowMs: number): number | undefined {
  if (retryAfter === null) return undefined;
  const text = retryAfter.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  const serverNow = responseDate !== null ? Date.parse(responseDate) : Number.NaN;
  const reference = Number.isNaN(serverNow) ? nowMs : serverNow;
  return Math.max(0, at - reference);
}
