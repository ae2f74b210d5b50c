import { describe, expect, it } from 'vitest';
import { shippedModel } from './classify-post';
import { COLUMNS, packRows, sumPacked, sumRows } from './model';

/** A deterministic pseudo-random int in [0, n). */
function lcg(seed: number): (n: number) => number {
  let x = seed >>> 0;
  return (n) => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x % n;
  };
}

describe('packed rows', () => {
  it('sum to the same column totals as the int8 rows, at the extremes and past a run of 256 rows', () => {
    const rows = 64;
    const q = new Int8Array(rows * COLUMNS);
    const next = lcg(7);
    for (let i = 0; i < q.length; i++) q[i] = next(256) - 128;
    // Rows 0 and 1 at the extremes: a sum of 1,000 of either overflows 16 bits many times over.
    q.fill(127, 0, COLUMNS);
    q.fill(-128, COLUMNS, 2 * COLUMNS);
    // Alternate extremes column by column, so a carry out of one half would show in the other.
    for (let c = 0; c < COLUMNS; c++) q[2 * COLUMNS + c] = c % 2 === 0 ? -128 : 127;
    const packed = packRows(q);
    for (const ids of [
      Int32Array.from({ length: 1000 }, () => 0),
      Int32Array.from({ length: 1000 }, () => 1),
      Int32Array.from({ length: 513 }, () => 2),
      Int32Array.from({ length: 777 }, () => next(rows)),
      Int32Array.from({ length: 256 }, (_, i) => i % 3),
      new Int32Array(0),
    ]) {
      const want = new Int32Array(COLUMNS);
      const got = new Int32Array(COLUMNS + 2);
      sumRows(ids, 0, ids.length, q, want, 0);
      sumPacked(ids, 0, ids.length, packed, got, 1);
      expect([...got.subarray(1, 1 + COLUMNS)]).toEqual([...want]);
      expect(got[0]).toBe(0);
      expect(got[COLUMNS + 1]).toBe(0);
    }
  });

  it('hold the shipped model row for row', () => {
    const model = shippedModel();
    const ids = Int32Array.from({ length: 300 }, (_, i) => (i * 109) % (model.q.length / COLUMNS));
    const want = new Int32Array(COLUMNS);
    const got = new Int32Array(COLUMNS);
    for (let from = 0; from < ids.length; from += 30) {
      sumRows(ids, from, from + 30, model.q, want, 0);
      sumPacked(ids, from, from + 30, model.packed, got, 0);
      expect([...got]).toEqual([...want]);
    }
    sumRows(ids, 0, ids.length, model.q, want, 0);
    sumPacked(ids, 0, ids.length, model.packed, got, 0);
    expect([...got]).toEqual([...want]);
    expect(want.some((v) => v !== 0)).toBe(true);
  });
});
