import { describe, expect, it } from 'vitest';
import { backoffDelayMs, DEFAULT_BACKOFF, retryAfterMs } from './backoff';

describe('backoffDelayMs', () => {
  it('waits between half and all of base·2^(n−1): the jitter bounds', () => {
    for (let n = 1; n <= 8; n++) {
      const ceiling = DEFAULT_BACKOFF.baseMs * 2 ** (n - 1);
      expect(backoffDelayMs(n, () => 0)).toBe(ceiling / 2);
      expect(backoffDelayMs(n, () => 1)).toBe(ceiling);
      const mid = backoffDelayMs(n, () => 0.5);
      expect(mid).toBeGreaterThan(ceiling / 2);
      expect(mid).toBeLessThan(ceiling);
    }
  });

  it('never exceeds 30 minutes, however many failures', () => {
    for (const n of [12, 20, 100, 10_000]) {
      expect(backoffDelayMs(n, () => 1)).toBe(30 * 60_000);
      expect(backoffDelayMs(n, () => 0)).toBe(15 * 60_000);
    }
  });

  it('treats zero or fractional failure counts as the first failure, and clamps a bad random', () => {
    expect(backoffDelayMs(0, () => 1)).toBe(DEFAULT_BACKOFF.baseMs);
    expect(backoffDelayMs(1, () => 7)).toBe(DEFAULT_BACKOFF.baseMs);
    expect(backoffDelayMs(1, () => -1)).toBe(DEFAULT_BACKOFF.baseMs / 2);
  });
});

describe('retryAfterMs', () => {
  const now = Date.UTC(2026, 10, 25, 12, 0, 0);

  it('reads delta-seconds', () => {
    expect(retryAfterMs('120', null, now)).toBe(120_000);
    expect(retryAfterMs(' 0 ', null, now)).toBe(0);
  });

  it("measures an HTTP date against the response's Date header, not the local clock", () => {
    const serverNow = new Date(now - 3_600_000); // the agent's clock runs an hour fast
    const retryAt = new Date(serverNow.getTime() + 90_000);
    expect(retryAfterMs(retryAt.toUTCString(), serverNow.toUTCString(), now)).toBe(90_000);
  });

  it('falls back to the local clock without a usable Date header', () => {
    const retryAt = new Date(now + 45_000).toUTCString();
    expect(retryAfterMs(retryAt, null, now)).toBe(45_000);
    expect(retryAfterMs(retryAt, 'not a date', now)).toBe(45_000);
  });

  it('reads a date in the past as no wait, and garbage or absence as no header', () => {
    expect(retryAfterMs(new Date(now - 10_000).toUTCString(), new Date(now).toUTCString(), now)).toBe(0);
    expect(retryAfterMs('soon', null, now)).toBeUndefined();
    expect(retryAfterMs('-5', null, now)).toBeUndefined();
    expect(retryAfterMs('1.5', null, now)).toBeUndefined();
    expect(retryAfterMs(null, null, now)).toBeUndefined();
  });
});
