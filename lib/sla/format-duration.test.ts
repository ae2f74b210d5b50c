import { describe, expect, it } from 'vitest';
import { formatDuration } from './format-duration';

const S = 1000, M = 60 * S, H = 60 * M, D = 24 * H;

describe('formatDuration', () => {
  it.each([
    [0, '0 s'],
    [999, '0 s'],
    [-999, '0 s'],
    [45 * S, '45 s'],
    [59 * S + 999, '59 s'],
    [M, '1 min'],
    [12 * M + 59 * S, '12 min'],
    [59 * M + 40 * S, '59 min'],
    [H, '1 h 00 min'],
    [H + 5 * M, '1 h 05 min'],
    [23 * H + 59 * M, '23 h 59 min'],
    [D, '1 d 0 h'],
    [3 * D + 2 * H + 59 * M, '3 d 2 h'],
    [-4 * M, '-4 min'],
    [-(H + 5 * M), '-1 h 05 min'],
    [-(2 * D), '-2 d 0 h'],
    [Number.NaN, '—'],
    [Number.POSITIVE_INFINITY, '—'],
  ])('%d ms → %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
