import { describe, expect, it } from 'vitest';
import type { HandledItem } from '../db/schema';
import { generateSampleLog } from '../metrics/sample-log';
import { importLogExport, itemsToJson, itemsToJsonParts, LOG_EXPORT_SCHEMA_VERSION, parseLogExport, planMerge } from './json';

const { items } = generateSampleLog(120, 21, { practiceShare: 0.2 });

describe('JSON export', () => {
  it('round-trips losslessly with a format and schema version', () => {
    const text = itemsToJson(items, { exportedAt: '2026-11-01T00:00:00.000Z', exportedBy: 'agent-ana' });
    const env = JSON.parse(text);
    expect(env).toMatchObject({ format: 'careline-log', schemaVersion: LOG_EXPORT_SCHEMA_VERSION, exportedAt: '2026-11-01T00:00:00.000Z', exportedBy: 'agent-ana' });
    const parsed = parseLogExport(text);
    expect(parsed.ok).toBe(true);
    expect(parsed.items).toEqual(items);
    // Unicode, quotes and line breaks in text survive.
    const odd: HandledItem = { ...items[0]!, text: 'He said "hi"\n🙂 \u2028 =1+1' };
    expect(parseLogExport(itemsToJson([odd])).items).toEqual([odd]);
  });

  it('the chunked export is the same text, with progress and cancel', async () => {
    const done: number[] = [];
    const parts = await itemsToJsonParts(items, { chunkSize: 50, exportedAt: 'x', onProgress: (p) => done.push(p.done) });
    expect(parts.join('')).toBe(itemsToJson(items, { exportedAt: 'x' }));
    expect(done).toEqual([0, 50, 100, 120]);
    expect((await itemsToJsonParts([], { exportedAt: 'x' })).join('')).toBe(itemsToJson([], { exportedAt: 'x' }));
    const ctrl = new AbortController();
    ctrl.abort();
    await expect(itemsToJsonParts(items, { signal: ctrl.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('parseLogExport: all or nothing', () => {
  it('rejects malformed files with a reason', () => {
    expect(parseLogExport('{"format":"careline-log",').errors[0]).toMatch(/not valid JSON/);
    expect(parseLogExport('[1,2]').errors[0]).toMatch(/not a Careline log export/);
    expect(parseLogExport('{"format":"other","schemaVersion":1,"items":[]}').errors[0]).toMatch(/format/);
    expect(parseLogExport('{"format":"careline-log","schemaVersion":99,"items":[]}').errors[0]).toMatch(/newer Careline/);
    expect(parseLogExport('{"format":"careline-log","schemaVersion":1}').errors[0]).toMatch(/no "items"/);
    expect(parseLogExport(itemsToJson(items), { maxBytes: 1000 }).errors[0]).toMatch(/larger than the import limit/);
  });

  it('one invalid item rejects the whole file, naming the items', () => {
    const bad = JSON.parse(itemsToJson(items));
    bad.items[3].handledAt = 'yesterday';
    delete bad.items[7].agentId;
    bad.items[9] = 'not an object';
    const r = parseLogExport(JSON.stringify(bad));
    expect(r.ok).toBe(false);
    expect(r.items).toEqual([]);
    if (r.ok) return;
    expect(r.rejected.map((x) => x.index)).toEqual([3, 7, 9]);
    expect(r.rejected[0]!.id).toBe(items[3]!.id);
    expect(r.rejected[0]!.reason).toMatch(/handledAt/);
    expect(r.rejected[1]!.reason).toMatch(/agentId/);
    expect(r.errors[0]).toMatch(/3 of 120 items are not valid.*nothing was imported/);
    expect(r.errors[1]).toContain(`Item 4 (id "${items[3]!.id}")`);
  });
});

describe('planMerge', () => {
  it('adds new items, skips ids already in the log and repeats in the file', () => {
    const existing = new Set([items[0]!.id, items[1]!.id]);
    const incoming = [...items.slice(0, 10), items[5]!];
    const plan = planMerge(existing, incoming);
    expect(plan.ok).toBe(true);
    expect(plan.add.map((i) => i.id)).toEqual(items.slice(2, 10).map((i) => i.id));
    expect(plan.skip).toEqual([
      { index: 0, id: items[0]!.id, reason: 'already_in_log' },
      { index: 1, id: items[1]!.id, reason: 'already_in_log' },
      { index: 10, id: items[5]!.id, reason: 'duplicate_in_file' },
    ]);
    expect(plan.summary).toEqual({ added: 8, skipped: 3, rejected: 0 });
    // A lookup function works as well as a Set.
    expect(planMerge((id) => existing.has(id), incoming).add).toEqual(plan.add);
  });

  it('merging the same export twice adds nothing the second time', () => {
    const first = planMerge(new Set(), items);
    const log = new Set(first.add.map((i) => i.id));
    expect(first.add).toHaveLength(items.length);
    expect(planMerge(log, items).summary).toEqual({ added: 0, skipped: items.length, rejected: 0 });
  });

  it('adds nothing when any item is rejected', () => {
    const plan = planMerge(new Set(), [items[0], { ...items[1]!, replyCount: 'two' }, items[2]]);
    expect(plan.ok).toBe(false);
    expect(plan.add).toEqual([]);
    expect(plan.reject).toHaveLength(1);
    expect(plan.reject[0]).toMatchObject({ index: 1, id: items[1]!.id });
    expect(plan.summary).toEqual({ added: 0, skipped: 0, rejected: 1 });
    expect(plan.messages[1]).toMatch(/^Item 2 \(id/);
  });
});

describe('importLogExport', () => {
  it('validates in chunks with progress and gives the same plan', async () => {
    const text = itemsToJson(items, { exportedBy: 'agent-ben' });
    const existing = new Set([items[4]!.id]);
    const done: number[] = [];
    const plan = await importLogExport(text, existing, { chunkSize: 40, onProgress: (p) => done.push(p.done) });
    expect(done).toEqual([0, 40, 80, 120]);
    const { exportedAt: _a, exportedBy, ...rest } = plan;
    expect(exportedBy).toBe('agent-ben');
    expect(rest).toEqual(planMerge(existing, items));
  });

  it('reports a malformed file and can be cancelled', async () => {
    expect((await importLogExport('nope', new Set())).messages[0]).toMatch(/not valid JSON/);
    const ctrl = new AbortController();
    const p = importLogExport(itemsToJson(items), new Set(), { chunkSize: 10, signal: ctrl.signal, onProgress: (pr) => pr.done === 20 && ctrl.abort() });
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
  });
});
