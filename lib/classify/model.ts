/**
 * The compact linear model: a sparse table from hashed feature id to one row of int8 weights
 * (4 non-complaint intent columns, 3 sentiment columns, 1 complaint logit), stored as base64 in a generated TS module
 * (`weights.ts`) so that it bundles with Vite and loads with tsx alike.
 *
 * Encoding: feature ids sorted ascending, delta-encoded as unsigned LEB128 varints; weights as
 * int8, column-major (all rows of column 0, then column 1, …) because each column is smoother
 * to gzip; one float scale per column.
 */

export const COLUMNS = 8;
/** question, praise, feedback, other: the four-way head for posts that are not complaints. */
export const INTENT_COLUMNS = [0, 1, 2, 3] as const;
/** negative, neutral, positive. */
export const SENTIMENT_COLUMNS = [4, 5, 6] as const;
/** Logit of the dedicated complaint-versus-not head, trained on gold complaint labels. */
export const COMPLAINT_COLUMN = 7;

export interface EncodedModel {
  version: string;
  featureBits: number;
  rows: number;
  /** Per-column dequantisation scale: weight = int8 × scale. */
  scales: number[];
  /** base64 of the varint-delta-encoded sorted feature ids. */
  ids: string;
  /** base64 of rows × COLUMNS int8 weights, column-major. */
  weights: string;
}

export interface DenseRows {
  /** Sorted feature ids. */
  ids: Uint32Array;
  /** rows × COLUMNS, row-major. */
  weights: Float32Array;
}

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(s);
}

function fromBase64(b64: string): Uint8Array {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** Quantise and encode (used by the training script). Deterministic for the same input. */
export function encodeModel(version: string, featureBits: number, rows: DenseRows): EncodedModel {
  const n = rows.ids.length;
  const varints: number[] = [];
  let prev = 0;
  for (let i = 0; i < n; i++) {
    let d = rows.ids[i]! - prev;
    prev = rows.ids[i]!;
    while (d >= 0x80) {
      varints.push((d & 0x7f) | 0x80);
      d >>>= 7;
    }
    varints.push(d);
  }
  const scales: number[] = [];
  const q = new Int8Array(n * COLUMNS);
  for (let c = 0; c < COLUMNS; c++) {
    let max = 0;
    for (let r = 0; r < n; r++) max = Math.max(max, Math.abs(rows.weights[r * COLUMNS + c]!));
    // Rounded so the module's text is the same on every machine.
    const scale = max === 0 ? 1 : Number((max / 127).toPrecision(8));
    scales.push(scale);
    for (let r = 0; r < n; r++) {
      q[c * n + r] = Math.max(-127, Math.min(127, Math.round(rows.weights[r * COLUMNS + c]! / scale)));
    }
  }
  return {
    version,
    featureBits,
    rows: n,
    scales,
    ids: toBase64(Uint8Array.from(varints)),
    weights: toBase64(new Uint8Array(q.buffer)),
  };
}

export function decodeModel(model: EncodedModel): DenseRows {
  const n = model.rows;
  const ids = new Uint32Array(n);
  const bytes = fromBase64(model.ids);
  let pos = 0;
  let prev = 0;
  for (let i = 0; i < n; i++) {
    let d = 0;
    let shift = 0;
    let b: number;
    do {
      b = bytes[pos++]!;
      d += (b & 0x7f) * 2 ** shift;
      shift += 7;
    } while (b & 0x80);
    prev += d;
    ids[i] = prev;
  }
  const q = new Int8Array(fromBase64(model.weights).buffer);
  const weights = new Float32Array(n * COLUMNS);
  for (let c = 0; c < COLUMNS; c++) {
    const scale = model.scales[c]!;
    for (let r = 0; r < n; r++) weights[r * COLUMNS + c] = q[c * n + r]! * scale;
  }
  return { ids, weights };
}

/** Open-addressing hash table from feature id to row, built once at load. */
export class LinearModel {
  private readonly keys: Int32Array;
  private readonly slots: Int32Array;
  private readonly shift: number;
  readonly weights: Float32Array;

  constructor(rows: DenseRows) {
    const n = rows.ids.length;
    let bits = 4;
    while (1 << bits < n * 2) bits++;
    this.shift = 32 - bits;
    this.keys = new Int32Array(1 << bits).fill(-1);
    this.slots = new Int32Array(1 << bits);
    const mask = (1 << bits) - 1;
    for (let r = 0; r < n; r++) {
      const id = rows.ids[r]!;
      let s = Math.imul(id, 0x9e3779b1) >>> this.shift;
      while (this.keys[s] !== -1) s = (s + 1) & mask;
      this.keys[s] = id;
      this.slots[s] = r;
    }
    this.weights = rows.weights;
  }

  /** Row of a feature id, or -1 when the model has no weight for it. */
  row(id: number): number {
    const mask = this.keys.length - 1;
    let s = Math.imul(id, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const k = this.keys[s]!;
      if (k === id) return this.slots[s]!;
      if (k === -1) return -1;
      s = (s + 1) & mask;
    }
  }

  /** Adds value × weights of every feature to `out` (length COLUMNS). */
  accumulate(ids: readonly number[], value: number, out: Float64Array): void {
    const w = this.weights;
    for (let i = 0; i < ids.length; i++) {
      const r = this.row(ids[i]!);
      if (r < 0) continue;
      const o = r * COLUMNS;
      for (let c = 0; c < COLUMNS; c++) out[c] = out[c]! + w[o + c]! * value;
    }
  }
}

/** Softmax over `columns` of `logits`, written to `out` in the same order. */
export function softmax(logits: Float64Array, columns: readonly number[], out: number[]): void {
  let max = -Infinity;
  for (const c of columns) max = Math.max(max, logits[c]!);
  let sum = 0;
  for (let i = 0; i < columns.length; i++) {
    const e = Math.exp(logits[columns[i]!]! - max);
    out[i] = e;
    sum += e;
  }
  for (let i = 0; i < columns.length; i++) out[i] = out[i]! / sum;
}
