import { afterEach, describe, expect, it } from 'vitest';
import { CarelineDB } from '../../lib/db/database';
import { itemsToJson } from '../../lib/export/json';
import { generateSampleLog } from '../../lib/metrics/sample-log';
import { importAndMerge, type ImportProgress } from './import-merge';

let n = 0;
const dbs: CarelineDB[] = [];
function freshDb(): CarelineDB {
  const db = new CarelineDB(`import-merge-test-${n++}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const { items } = generateSampleLog(40, 3);
const ids = (db: CarelineDB) => db.items.toCollection().primaryKeys();

describe('importAndMerge', () => {
  it('adds new items, skips ids already in the log and repeats in the file, and says so', async () => {
    const db = freshDb();
    const local = { ...items[0]!, notes: 'local copy' };
    await db.items.add(local);
    const file = itemsToJson([items[0]!, items[1]!, items[2]!, items[1]!], { exportedBy: 'agent-zoe' });
    const out = await importAndMerge(db, file);
    expect(out).toMatchObject({ ok: true, added: 2, skipped: 2, rejected: 0, exportedBy: 'agent-zoe' });
    expect(out.messages[0]).toContain('Imported 2 items from agent-zoe; 2 skipped');
    expect((await ids(db)).sort()).toEqual([items[0]!.id, items[1]!.id, items[2]!.id].sort());
    // The log's copy wins over the file's.
    expect((await db.items.get(items[0]!.id))?.notes).toBe('local copy');
    expect(await db.outbox.count()).toBe(0);
  });

  it('writes nothing when one item of the file is invalid, and names it', async () => {
    const db = freshDb();
    const bad = { ...items[5]!, handledAt: 'yesterday-ish' };
    const file = JSON.stringify({ format: 'careline-log', schemaVersion: 1, exportedAt: new Date().toISOString(), items: [items[4], bad, items[6]] });
    const out = await importAndMerge(db, file);
    expect(out.ok).toBe(false);
    expect(out).toMatchObject({ added: 0, rejected: 1 });
    expect(out.messages.join('\n')).toContain(`Item 2 (id "${items[5]!.id}")`);
    expect(await db.items.count()).toBe(0);
  });

  it('rejects a file that is not an export, writing nothing', async () => {
    const db = freshDb();
    const out = await importAndMerge(db, '{"hello":1}');
    expect(out.ok).toBe(false);
    expect(out.messages[0]).toMatch(/not a Careline log export/);
    expect(await db.items.count()).toBe(0);
  });

  it('cancelled while writing, rolls back the chunks already written', async () => {
    const db = freshDb();
    await db.items.add(items[0]!);
    const controller = new AbortController();
    const seen: ImportProgress[] = [];
    const run = importAndMerge(db, itemsToJson(items), {
      chunkSize: 5,
      signal: controller.signal,
      onProgress: (p) => {
        seen.push(p);
        if (p.phase === 'writing' && p.done === 10) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen.some((p) => p.phase === 'validating' && p.done === items.length)).toBe(true);
    expect(seen.filter((p) => p.phase === 'writing').map((p) => p.done)).toEqual([0, 5, 10]);
    expect(await ids(db)).toEqual([items[0]!.id]);
  });

  it('keeps an item the worker logged after the plan was made (counted as skipped)', async () => {
    const db = freshDb();
    let raced = false;
    const out = await importAndMerge(db, itemsToJson(items.slice(0, 3)), {
      onProgress: (p) => {
        // The worker writes items[1] between validation and the import's transaction.
        if (p.phase === 'validating' && p.done === 3 && !raced) {
          raced = true;
          void db.items.add({ ...items[1]!, notes: 'worker copy' });
        }
      },
    });
    expect(out).toMatchObject({ ok: true, added: 2, skipped: 1 });
    expect((await db.items.get(items[1]!.id))?.notes).toBe('worker copy');
  });
});
