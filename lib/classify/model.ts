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

/**
 * The model as a dense int8 table over the whole hashed space (2^featureBits rows × COLUMNS,
 * packed, 512 KB at 15 bits, small enough to stay in the CPU cache): a feature's row is its id,
 * so scoring is integer adds, and one multiplication by each column's scale at the end.
 */
export class LinearModel {
  /**
   * 2^featureBits rows of COLUMNS int8 weights, packed two columns to an int32 (`packRows`), 4
   * words a row: the dot product adds 4 words per feature instead of 8 bytes (see `sumPacked`).
   */
  readonly packed: Int32Array;
  readonly scales: Float64Array;

  constructor(model: EncodedModel) {
    const size = 1 << model.featureBits;
    const rows = new Int8Array(size * COLUMNS);
    this.scales = Float64Array.from(model.scales);
    const n = model.rows;
    const bytes = fromBase64(model.ids);
    const q = new Int8Array(fromBase64(model.weights).buffer);
    let pos = 0;
    let id = 0;
    for (let r = 0; r < n; r++) {
      let d = 0;
      let shift = 0;
      let b: number;
      do {
        b = bytes[pos++]!;
        d += (b & 0x7f) * 2 ** shift;
        shift += 7;
      } while (b & 0x80);
      id += d;
      if (id >= size) continue;
      for (let c = 0; c < COLUMNS; c++) rows[id * COLUMNS + c] = q[c * n + r]!;
    }
    this.packed = packRows(rows);
  }

  /**
   * Adds value × weights of the first `count` features to `out` (length COLUMNS); `sums`, if
   * given, are integer row sums of further features (already summed, e.g. from a cache).
   */
  accumulate(ids: Int32Array, count: number, value: number, out: Float64Array, sums?: Int32Array): void {
    const a = rowTotals;
    sumPacked(ids, 0, count, this.packed, a, 0);
    const s = this.scales;
    for (let c = 0; c < COLUMNS; c++) out[c] = out[c]! + (a[c]! + (sums === undefined ? 0 : sums[c]!)) * s[c]! * value;
  }
}

/** accumulate's integer column totals. */
const rowTotals = new Int32Array(COLUMNS);

/**
 * Int8 rows (8 columns) packed for `sumPacked`: word k of a row holds columns 2k and 2k + 1 as
 * lo + hi × 65536, signed, so that adding words adds both columns at once. A sum of up to
 * PACKED_RUN (256) int8 rows keeps each column within -32,768..32,512, an int16, so the low half
 * of the total, sign-extended, is the even column's sum, and the rest the odd column's. A typed
 * array's element costs about 8 instructions to read in V8's optimised code: 4 reads a feature
 * instead of 8 took the dot product from about 5,900 to 3,300 instructions a post.
 */
export function packRows(q: Int8Array): Int32Array {
  const packed = new Int32Array(q.length >> 1);
  for (let w = 0; w < packed.length; w++) packed[w] = (q[2 * w + 1]! << 16) + q[2 * w]!;
  return packed;
}

/** The most rows `sumPacked` adds before it unpacks its totals. */
const PACKED_RUN = 256;

/** out[at..at + 8) = the integer sums (8 columns) of the rows of src[from..to) under a packed table (`packRows`). */
export function sumPacked(src: Int32Array, from: number, to: number, packed: Int32Array, out: Int32Array, at: number): void {
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
  for (let run = from; run < to; run += PACKED_RUN) {
    const end = Math.min(to, run + PACKED_RUN);
    let p0 = 0, p1 = 0, p2 = 0, p3 = 0;
    for (let i = run; i < end; i++) {
      const r = src[i]! << 2;
      p0 = (p0 + packed[r]!) | 0;
      p1 = (p1 + packed[r + 1]!) | 0;
      p2 = (p2 + packed[r + 2]!) | 0;
      p3 = (p3 + packed[r + 3]!) | 0;
    }
    const l0 = (p0 << 16) >> 16, l1 = (p1 << 16) >> 16, l2 = (p2 << 16) >> 16, l3 = (p3 << 16) >> 16;
    s0 += l0;
    s1 += (p0 - l0) >> 16;
    s2 += l1;
    s3 += (p1 - l1) >> 16;
    s4 += l2;
    s5 += (p2 - l2) >> 16;
    s6 += l3;
    s7 += (p3 - l3) >> 16;
  }
  out[at] = s0;
  out[at + 1] = s1;
  out[at + 2] = s2;
  out[at + 3] = s3;
  out[at + 4] = s4;
  out[at + 5] = s5;
  out[at + 6] = s6;
  out[at + 7] = s7;
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
