import { beforeEach, describe, expect, it } from 'vitest';
import { CarelineDB } from './database';
import { readLogInPages, type ReadProgress } from './read-log';
import { generateSampleLog } from '../metrics/sample-log';
import { recordHandled, type LogContext } from './log';
import type { Post } from '../post';

const LATE: Post = { site: 'x', id: 'late-1', permalink: 'https://x.com/late/status/1', authorName: 'Late', authorHandle: 'late', text: 'Still waiting', postedAt: '2026-11-01T08:00:00.000Z' };
const CONTEXT: LogContext = {
  profile: { agentId: 'agent-late', displayName: 'Late Agent', initials: 'LA', brandName: 'Acme', teamSigns: true, ownHandles: [] },
  privacy: { postText: 'full', keepReplyText: true },
  mode: 'live',
  now: new Date('2026-11-01T09:00:00.000Z'),
  timing: () => ({ responseSeconds: 3600, responseBusinessSeconds: 3600, targetSeconds: 3600, targetMet: true }),
};

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

  it('lets a write through between its pages (the write waits for a page, not for the read) and then says the log changed during the read', async () => {
    // The background worker writes through a connection of its own.
    const writer = new CarelineDB(db.name);
    await writer.open();
    const quiet = await readLogInPages(db, undefined, 2);
    expect(quiet.digestGeneration).toBe(0);
    const events: string[] = [];
    let write: Promise<unknown> | undefined;
    const read = await readLogInPages(
      db,
      (p) => {
        // After the first page, while more pages are still to come.
        write ??= p.items > 0 ? recordHandled(writer, { post: LATE, reason: 'replied' }, CONTEXT).then(() => events.push('written')) : undefined;
      },
      2,
    );
    events.push('read');
    await write;
    expect(events).toEqual(['written', 'read']);
    expect(read.digestGeneration).toBeNull();
    const again = await readLogInPages(db, undefined, 2);
    expect(again.items.map((it) => it.id)).toContain('agent-late:x:late-1');
    expect(again.items).toHaveLength(24);
    expect(again.digestGeneration).toBeGreaterThan(0);
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
