import { describe, expect, it } from 'vitest';
import { COLUMNS, encodeModel, LinearModel, packRows, sumPacked } from './model';

/** A deterministic pseudo-random int in [0, n). */
function lcg(seed: number): (n: number) => number {
  let x = seed >>> 0;
  return (n) => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x % n;
  };
}

/** The column sums of int8 rows, read one byte at a time (the reference for `sumPacked`). */
function referenceSums(q: Int8Array, ids: Int32Array): number[] {
  const sums = new Array<number>(COLUMNS).fill(0);
  for (const id of ids) for (let c = 0; c < COLUMNS; c++) sums[c]! += q[id * COLUMNS + c]!;
  return sums;
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
      const got = new Int32Array(COLUMNS + 2);
      sumPacked(ids, 0, ids.length, packed, got, 1);
      expect([...got.subarray(1, 1 + COLUMNS)]).toEqual(referenceSums(q, ids));
      expect(got[0]).toBe(0);
      expect(got[COLUMNS + 1]).toBe(0);
    }
  });

  it('hold a model as encoded: every row, quantised, at its id', () => {
    const featureBits = 10;
    const next = lcg(11);
    // 300 rows at sorted, distinct ids, with weights in ±3 (one column at its maximum).
    const ids = Uint32Array.from(
      [...new Set(Array.from({ length: 300 }, () => next(1 << featureBits)))].sort((a, b) => a - b),
    );
    const weights = Float32Array.from({ length: ids.length * COLUMNS }, () => (next(6001) - 3000) / 1000);
    for (let c = 0; c < COLUMNS; c++) weights[c] = 3;
    const encoded = encodeModel('test', featureBits, { ids, weights });
    const model = new LinearModel(encoded);
    expect(model.packed.length).toBe((1 << featureBits) * (COLUMNS / 2));
    const one = new Int32Array(1);
    const got = new Int32Array(COLUMNS);
    const rowAt = new Map([...ids].map((id, r) => [id, r]));
    for (let id = 0; id < 1 << featureBits; id++) {
      one[0] = id;
      sumPacked(one, 0, 1, model.packed, got, 0);
      const r = rowAt.get(id);
      for (let c = 0; c < COLUMNS; c++) {
        // Quantised as encodeModel does (−0 read as 0).
        const want = r === undefined ? 0 : Math.max(-127, Math.min(127, Math.round(weights[r * COLUMNS + c]! / encoded.scales[c]!))) || 0;
        expect(got[c]).toBe(want);
      }
    }
    // The first row sits at its columns' maximum: 127 after quantisation.
    one[0] = ids[0]!;
    sumPacked(one, 0, 1, model.packed, got, 0);
    expect([...got]).toEqual(new Array(COLUMNS).fill(127));
  });
});
