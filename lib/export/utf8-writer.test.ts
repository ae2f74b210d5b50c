import { describe, expect, it } from 'vitest';
import { utf8Blob, Utf8Writer } from './utf8-writer';

/** A writer whose sink keeps a copy of each buffer it is handed. */
function copying(bufferBytes: number): { w: Utf8Writer; copies: number[][] } {
  const copies: number[][] = [];
  return { w: new Utf8Writer((bytes) => copies.push([...bytes]), bufferBytes), copies };
}

/** Random text mixing ASCII, quotes, Latin-1, BMP, astral characters and lone surrogates. */
function randomText(rand: () => number): string {
  const pools = [
    () => String.fromCharCode(32 + Math.floor(rand() * 95)),
    () => '"',
    () => '\r\n',
    () => String.fromCharCode(0x80 + Math.floor(rand() * 0x780)),
    () => String.fromCharCode(0x800 + Math.floor(rand() * (0xd800 - 0x800))),
    () => String.fromCharCode(0xe000 + Math.floor(rand() * 0x2000)),
    () => String.fromCodePoint(0x10000 + Math.floor(rand() * 0xfffff)),
    () => String.fromCharCode(0xd800 + Math.floor(rand() * 0x800)), // lone surrogate, high or low
  ];
  let s = '';
  const n = Math.floor(rand() * 40);
  for (let i = 0; i < n; i++) s += pools[Math.floor(rand() * pools.length)]!();
  return s;
}

function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('Utf8Writer', () => {
  const enc = new TextEncoder();

  it('writes what TextEncoder writes, for any text, across buffer ends', () => {
    const rand = mulberry32(11);
    for (let trial = 0; trial < 300; trial++) {
      const texts = Array.from({ length: 1 + Math.floor(rand() * 12) }, () => randomText(rand));
      const { w, copies } = copying(16 + Math.floor(rand() * 64));
      for (const t of texts) w.text(t);
      // Each text on its own: a high surrogate ending one and a low one starting the next are two lone ones.
      const expected = texts.flatMap((t) => [...enc.encode(t)]);
      expect(w.size).toBe(expected.length);
      w.finish();
      expect(copies.flat()).toEqual(expected);
    }
  });

  it('quotes a field with its quotes doubled', () => {
    const rand = mulberry32(5);
    for (let trial = 0; trial < 300; trial++) {
      const t = randomText(rand);
      const { w, copies } = copying(8);
      w.ascii('x,');
      w.quoted(t);
      w.finish();
      expect(copies.flat()).toEqual([...enc.encode(`x,"${t.replaceAll('"', '""')}"`)]);
    }
  });

  it('hands full buffers to a sink and writes over them, losing nothing', () => {
    const rand = mulberry32(23);
    const texts = Array.from({ length: 200 }, () => randomText(rand));
    const { w, copies } = copying(32);
    for (const t of texts) w.quoted(t);
    const size = w.size;
    w.finish();
    const expected = texts.flatMap((t) => [...enc.encode(`"${t.replaceAll('"', '""')}"`)]);
    expect(copies.flat()).toEqual(expected);
    expect(size).toBe(expected.length);
    expect(copies.length).toBeGreaterThan(10);
  });

  it('gives a text larger than a buffer a buffer of its own, and is empty after finishing', () => {
    const { w, copies } = copying(4);
    w.ascii('ab');
    w.text('é'.repeat(10));
    w.finish();
    expect(copies.map((p) => p.length)).toEqual([2, 20]);
    w.finish();
    expect(copies.map((p) => p.length)).toEqual([2, 20]);
    expect(w.size).toBe(0);
  });
});

describe('utf8Blob', () => {
  it('is the UTF-8 of the parts, with the type given', async () => {
    const rand = mulberry32(3);
    const parts = Array.from({ length: 50 }, () => randomText(rand));
    const blob = utf8Blob(parts, 'application/json');
    expect(blob.type).toBe('application/json');
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual(parts.flatMap((t) => [...new TextEncoder().encode(t)]));
  });
});
