import { describe, expect, it } from 'vitest';
import { parseIsoMs } from './iso-time';

describe('parseIsoMs', () => {
  it('agrees with Date.parse on toISOString output across centuries and leap days', () => {
    const samples = [0, 951_782_400_000, 4_107_542_399_999, -2_208_988_800_000, 1_709_164_800_123, Date.parse('2024-02-29T23:59:59.999Z')];
    for (let t = -3e12; t < 5e12; t += 7.77e9 + 123) samples.push(Math.floor(t));
    for (const t of samples) {
      const s = new Date(t).toISOString();
      expect(parseIsoMs(s)).toBe(t);
      expect(parseIsoMs(s.replace(/\.\d{3}Z$/, 'Z'))).toBe(Math.floor(t / 1000) * 1000);
    }
  });

  it('falls back to Date.parse for other shapes, and NaN for junk', () => {
    expect(parseIsoMs('2026-01-09T16:45:00+01:00')).toBe(Date.parse('2026-01-09T15:45:00Z'));
    expect(parseIsoMs('2026-02-30T00:00:00.000Z')).toBe(Date.parse('2026-02-30T00:00:00.000Z'));
    expect(parseIsoMs('20x6-01-09T16:45:00.000Z')).toBeNaN();
    expect(parseIsoMs(undefined)).toBeNaN();
  });
});
