import { describe, expect, it } from 'vitest';
import { editDistance, keptRatio } from './edit-distance.ts';

/** Textbook Levenshtein, the reference the optimised version must agree with. */
function reference(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  const d: number[][] = Array.from({ length: x.length + 1 }, (_, i) => Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      const row = d[i] as number[];
      const prev = d[i - 1] as number[];
      row[j] = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
  }
  return (d[x.length] as number[])[y.length] as number;
}

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['', 'abc', 3],
    ['kitten', 'sitting', 3],
    ['flaw', 'lawn', 2],
    ['Thanks!', 'Thanks!', 0],
    ['Sorry about this ^JS', 'So sorry about this! ^JS', 4],
  ])('%j → %j is %i', (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected);
    expect(editDistance(b, a)).toBe(expected);
  });

  it('counts an emoji or a CJK character as one edit', () => {
    expect(editDistance('Thanks 😀', 'Thanks 🙏')).toBe(1);
    expect(editDistance('日本語', '日本人')).toBe(1);
    expect(editDistance('👨‍👩‍👧', '')).toBe(5);
  });

  it('agrees with the textbook algorithm on random strings', () => {
    let seed = 42;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const alphabet = ['a', 'b', 'c', ' ', 'é', '😀'];
    const word = (): string => Array.from({ length: Math.floor(random() * 12) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    for (let n = 0; n < 300; n++) {
      const a = word();
      const b = word();
      expect(editDistance(a, b)).toBe(reference(a, b));
    }
  });
});

describe('keptRatio', () => {
  it('is 1 for a reply sent as inserted, 0 for one rewritten entirely', () => {
    expect(keptRatio('Thanks! ^JS', 'Thanks! ^JS')).toBe(1);
    expect(keptRatio('abc', 'xyz')).toBe(0);
    expect(keptRatio('', '')).toBe(1);
    expect(keptRatio('abc', '')).toBe(0);
  });

  it('grows as less is changed', () => {
    const inserted = 'Sorry to hear this. We are looking into it now. ^JS';
    const light = 'Sorry to hear this, Jane. We are looking into it now. ^JS';
    const heavy = 'Oh no! Could you DM us your order number so we can check? ^JS';
    expect(keptRatio(inserted, light)).toBeGreaterThan(0.85);
    expect(keptRatio(inserted, heavy)).toBeLessThan(0.5);
    expect(keptRatio(inserted, light)).toBeGreaterThan(keptRatio(inserted, heavy));
  });
});
