import { beforeEach, describe, expect, it } from 'vitest';
import { CarelineDB } from './database';
import { readLogInPages, type ReadProgress } from './read-log';
import { generateSampleLog } from '../metrics/sample-log';
import type { HandledItem } from './schema';

let db: CarelineDB;
const log = generateSampleLog(23, 5);

beforeEach(async () => {
  db = new CarelineDB(`test-${crypto.randomUUID()}`);
  await db.open();
  await db.items.bulkPut(log.items);
  await db.seen.bulkPut(log.seen);
  await db.practiceSessions.bulkPut([{ id: 's1', startedAt: '2026-11-01T09:00:00.000Z', data: { scenarios: 3 } }]);
});

describe('readLogInPages', () => {
  it('reads every row once, in the order a single read gives, whatever the page size', async () => {
    const [items, seen] = [await db.items.toArray(), await db.seen.toArray()];
    expect(items.length).toBe(23);
    expect(seen.length).toBeGreaterThan(23);
    // 1 and 23 (a page holding every item exactly) are the edge cases; 7 leaves a short last page.
    for (const size of [1, 7, 23, 1000]) {
      const read = await readLogInPages(db, undefined, size);
      expect(read.items).toEqual(items);
      expect(read.seen).toEqual(seen);
      expect(read.sessions.map((s) => s.id)).toEqual(['s1']);
    }
  });

  it('reports the rows read after every page, up to the stores’ counts', async () => {
    const reports: ReadProgress[] = [];
    await readLogInPages(db, (p) => reports.push(p), 5);
    // 23 items in pages of 5: 5, 10, 15, 20, 23 (reports before the first item page say 0).
    expect([...new Set(reports.map((r) => r.items))].filter((n) => n > 0)).toEqual([5, 10, 15, 20, 23]);
    expect(reports.at(-1)).toEqual({ items: 23, seen: log.seen.length });
    for (let i = 1; i < reports.length; i++) {
      expect(reports[i]!.items).toBeGreaterThanOrEqual(reports[i - 1]!.items);
      expect(reports[i]!.seen).toBeGreaterThanOrEqual(reports[i - 1]!.seen);
    }
    // One report per page of each store: ceil(23 / 5) item pages and ceil(seen / 5) seen pages.
    expect(reports.length).toBe(Math.ceil(23 / 5) + Math.ceil(log.seen.length / 5) + (log.seen.length % 5 === 0 ? 1 : 0));
  });

  it('reads one snapshot: an item written during the read is all in the next read, none of it in this one', async () => {
    const late: HandledItem = { ...log.items[0]!, id: 'zzzz-written-during-the-read' };
    // The background worker writes through a connection of its own.
    const writer = new CarelineDB(db.name);
    await writer.open();
    let write: Promise<unknown> | undefined;
    const read = await readLogInPages(
      db,
      (p) => {
        // After the first page, while more pages are still to come.
        write ??= p.items > 0 ? writer.items.put(late) : undefined;
      },
      2,
    );
    await write;
    expect(write).toBeDefined();
    expect(read.items.map((it) => it.id)).not.toContain(late.id);
    expect(read.items.length).toBe(23);
    const again = await readLogInPages(db, undefined, 2);
    expect(again.items.map((it) => it.id)).toContain(late.id);
  });

  it('reads an empty log as empty lists', async () => {
    const empty = new CarelineDB(`test-${crypto.randomUUID()}`);
    await empty.open();
    const reports: ReadProgress[] = [];
    expect(await readLogInPages(empty, (p) => reports.push(p))).toEqual({ items: [], seen: [], sessions: [], digestGeneration: 0 });
    expect(reports.at(-1)).toEqual({ items: 0, seen: 0 });
  });

  it('refuses a page size that is not a positive integer', async () => {
    await expect(readLogInPages(db, undefined, 0)).rejects.toThrow(/positive integer, got 0/);
    await expect(readLogInPages(db, undefined, 2.5)).rejects.toThrow(/positive integer/);
  });
});
