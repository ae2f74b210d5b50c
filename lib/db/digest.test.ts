import { beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { CarelineDB, V1_STORES, V2_STORES } from './database';
import { blockOf, DIGEST_BLOCKS, digestAgents, digestCheck, digestIdsOf, idOrder, digestWithItems, packIds, readDigest, readDigestIdsOf, rebuildDigestFrom, unpackIds, type Digest, type DigestIds } from './digest';
import { recordHandled, recordSeen, type LogContext } from './log';
import { readLogInPages } from './read-log';
import type { HandledItem, SeenRecord } from './schema';
import { importAndMerge } from '../../entrypoints/dashboard/import-merge';
import { computeHeadline, computeMetrics, headlineOfParts } from '../metrics/compute';
import { DEFAULT_FILTER, type DashboardFilter } from '../metrics/filter';
import { buildMetricsIndex, indexFromColumns, indexWithRows } from '../metrics/metrics-index';
import { itemColumnsOf } from '../metrics/columns';
import { itemsNotIn, mergeById } from '../../entrypoints/dashboard/merge-items';
import { generateSampleLog } from '../metrics/sample-log';
import { itemsToJsonParts } from '../export/json';
import type { Post } from '../post';

const TZ = 'Europe/London';
const NOW = Date.parse('2026-11-01T00:00:00.000Z');
const FILTERS: DashboardFilter[] = [
  { ...DEFAULT_FILTER, range: 'all' },
  { ...DEFAULT_FILTER, range: 'all', mode: 'practice' },
  { ...DEFAULT_FILTER, range: 'all', sites: ['x'], urgencies: ['high'] },
  { ...DEFAULT_FILTER, range: 'all', intents: ['complaint'], flags: ['churn', 'legal'], met: 'missed' },
  { ...DEFAULT_FILTER, range: 'last_7_days' },
];

/**
 * Deep equality where numbers may differ in the last bits: the digest keeps rows in block order,
 * the log in id order, and a mean summed in another order can differ by an ulp or so.
 */
function expectClose(a: unknown, b: unknown, path = '$'): void {
  if (typeof a === 'number' && typeof b === 'number') {
    if (Number.isNaN(b) || !Number.isFinite(b)) expect(a, path).toBe(b);
    else expect(Math.abs(a - b), path).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));
    return;
  }
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    expect(a, path).toEqual(b);
    return;
  }
  expect(Object.keys(a).sort(), path).toEqual(Object.keys(b).sort());
  for (const key of Object.keys(b)) expectClose((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`);
}

/** Every figure from the digest equals the same figure from the log's rows. */
function expectSameFigures(digest: Digest, items: readonly HandledItem[], seen: readonly SeenRecord[]) {
  const fromDigest = indexFromColumns(digest.items, digest.seen, TZ);
  const fromRows = buildMetricsIndex(items, seen, TZ);
  expect(fromDigest.itemCount).toBe(items.length);
  expect(fromDigest.seenCount).toBe(seen.length);
  expect(fromDigest.hasRows).toBe(false);
  for (const filter of FILTERS) {
    const a = computeMetrics(fromDigest, [], filter, { timeZone: TZ, nowMs: NOW });
    const b = computeMetrics(fromRows, seen, filter, { timeZone: TZ, nowMs: NOW });
    expectClose(a, b);
  }
}

async function readOk(db: CarelineDB): Promise<Digest> {
  const read = await readDigest(db);
  if (!read.ok) throw new Error(read.why);
  return read.digest;
}

/** Both kinds of the digest's ids, as the dashboard reads them (`useDigestIds`): items, then seen records. */
async function readIds(db: CarelineDB, digest: Digest): Promise<DigestIds> {
  const items = await readDigestIdsOf(db, digest, 'items');
  const seen = items && (await readDigestIdsOf(db, digest, 'seen'));
  if (!items || !seen) throw new Error('the digest ids do not match');
  return digestIdsOf(items, seen);
}

/**
 * Null when the digest holds exactly these rows, else why not: `digestCheck` for rows read with
 * no write since the digest (its own generation).
 */
function digestMismatch(digest: Digest, ids: DigestIds | null, items: readonly HandledItem[], seen: readonly SeenRecord[]): string | null {
  const check = digestCheck(digest, ids, { items, seen, digestGeneration: digest.generation });
  return check.verdict === 'same' ? null : check.why;
}

/** The digest rebuilt from the log as it is (rows written around it included), as the page does. */
async function rebuildDigest(db: CarelineDB): Promise<{ items: number; seen: number }> {
  const counts = await rebuildDigestFrom(db, await readLogInPages(db), async () => {});
  if (!counts) throw new Error('the log was written during the rebuild');
  return counts;
}

/** Every block's stored id order is its ids' order, however the writes came. */
async function expectOrdersKept(db: CarelineDB): Promise<void> {
  const rows = (await db.digest.toArray()).filter((r) => r.ids);
  expect(rows.length).toBeGreaterThan(0);
  for (const r of rows) {
    const ids = unpackIds(r.ids)!;
    expect(Array.from(r.ids!.order!), r.key).toEqual(Array.from(idOrder(ids)));
    for (let k = 1; k < ids.length; k++) expect(ids[r.ids!.order![k - 1]!]! < ids[r.ids!.order![k]!]!, r.key).toBe(true);
  }
}

let db: CarelineDB;
beforeEach(async () => {
  db = new CarelineDB(`digest-${crypto.randomUUID()}`);
  await db.open();
});

function postN(i: number): Post {
  return {
    site: i % 3 ? 'x' : 'facebook',
    id: String(1_900_000 + i),
    permalink: `https://x.com/c${i}/status/${1_900_000 + i}`,
    authorName: `Customer ${i}`,
    authorHandle: `c${i}`,
    text: i % 2 ? 'Still no refund, third time asking' : 'Thanks, great help!',
    postedAt: new Date(NOW - 86_400_000 + i * 60_000).toISOString(),
  };
}

function ctx(agentId: string, at: number): LogContext {
  return {
    profile: { agentId, displayName: `Agent ${agentId}`, initials: 'AG', brandName: 'Acme', teamSigns: true, ownHandles: [] },
    privacy: { postText: 'full', keepReplyText: true },
    mode: 'live',
    now: new Date(at),
    timing: (p, when) => {
      const s = (when.getTime() - Date.parse(p.postedAt ?? '')) / 1000;
      return { responseSeconds: s, responseBusinessSeconds: s / 2, targetSeconds: 3600, targetMet: s <= 3600 };
    },
  };
}

describe('log digest', () => {
  it('spreads rows over its blocks by a stable hash of the id', () => {
    const blocks = new Set(Array.from({ length: 2000 }, (_, i) => blockOf(`agent:x:${i}`)));
    expect(blocks.size).toBe(DIGEST_BLOCKS);
    expect(blockOf('agent-ana:x:123')).toBe(blockOf('agent-ana:x:123'));
  });

  it('follows every write of the log: seen, handled, a second reply, handled without reply', async () => {
    for (let i = 0; i < 40; i++) await recordSeen(db, postN(i), ctx(i % 2 ? 'ana' : 'ben', NOW - 3_000_000 + i * 1000));
    for (let i = 0; i < 30; i++) {
      await recordHandled(db, { post: postN(i), reason: i % 5 ? 'replied' : 'escalated', templateId: i % 4 ? `tpl-${i % 3}` : undefined, editDistance: i }, ctx(i % 2 ? 'ana' : 'ben', NOW - 1_000_000 + i * 1000));
    }
    // A second reply changes the reply count, not the row count.
    await recordHandled(db, { post: postN(1), reason: 'replied' }, ctx('ana', NOW - 500_000));
    // An item for a post that was never seen.
    await recordHandled(db, { post: postN(99), reason: 'replied' }, ctx('ben', NOW - 400_000));

    const digest = await readOk(db);
    const [items, seen] = [await db.items.toArray(), await db.seen.toArray()];
    expect(digest.items.n).toBe(31);
    expect(digest.seen.n).toBe(40);
    const row = (await readIds(db, digest)).items.indexOf('ana:x:1900001');
    expect(digest.items.replyCount[row]).toBe(2);
    expectSameFigures(digest, items, seen);
    const index = indexFromColumns(digest.items, digest.seen, TZ);
    const answered = Array.from(index.seenCols.answered).reduce((a, b) => a + b, 0);
    expect(answered).toBe(30);
    await expectOrdersKept(db);
  });

  it('gives the same figures as the rows for a generated log, over every filter tried', async () => {
    const { items, seen } = generateSampleLog(3000, 11, { endMs: NOW });
    await db.transaction('rw', db.items, db.seen, () => Promise.all([db.items.bulkPut(items), db.seen.bulkPut(seen)]));
    // Written around the digest: an empty digest is not used at all.
    const empty = await readDigest(db);
    expect(empty).toEqual({ ok: false, why: 'the digest is empty' });
    expect(await rebuildDigest(db)).toEqual({ items: items.length, seen: seen.length });
    expectSameFigures(await readOk(db), items, seen);
  });

  it('gives its first figures from the blocks as read, the same to the last bit as from the blocks put together', async () => {
    const log = generateSampleLog(3000, 12, { endMs: NOW });
    const seen = [...log.seen, { ...log.seen[0]!, id: 'zed:x:1', agentId: 'zed', postId: '1' }];
    // An agent with seen records only; one whose name is missing from some items; one renamed.
    const items = log.items.map((it, i) =>
      it.agentId === 'agent-ben' && i % 2 ? { ...it, agentName: '' } : it.agentId === 'agent-ana' && blockOf(it.id) >= DIGEST_BLOCKS / 2 ? { ...it, agentName: 'Ana S.' } : it,
    );
    await db.transaction('rw', db.items, db.seen, () => Promise.all([db.items.bulkPut(items), db.seen.bulkPut(seen)]));
    await rebuildDigest(db);
    const digest = await readOk(db);
    expect(digest.parts.items.length).toBe(DIGEST_BLOCKS);
    expect(digest.itemCount).toBe(items.length);
    const index = indexFromColumns(digest.items, digest.seen, TZ);
    const filters = [...FILTERS, { ...DEFAULT_FILTER, range: 'all', agents: ['agent-ben', 'zed'] }, { ...DEFAULT_FILTER, range: 'last_30_days', agents: ['nobody'] }] satisfies DashboardFilter[];
    for (const filter of filters) {
      const fromParts = headlineOfParts(digest.parts, filter, { timeZone: TZ, nowMs: NOW });
      expect(fromParts).toEqual(computeHeadline(index, [], filter, { timeZone: TZ, nowMs: NOW }));
    }
    expect(headlineOfParts(digest.parts, filters[0]!, { timeZone: TZ, nowMs: NOW }).totals.items).toBeGreaterThan(2000);
    expect(digestAgents(digest)).toEqual(index.agents.keys.map((id, i) => ({ id, name: index.agentNames[i] })));
    expect(digestAgents(digest)).toContainEqual({ id: 'zed', name: 'zed' });
    expect(digestAgents(digest)).toContainEqual({ id: 'agent-ben', name: 'Ben Okafor' });
    expect(digestAgents(digest)).toContainEqual({ id: 'agent-ana', name: 'Ana S.' });
  });

  it('a digest that misses rows written around it is found out against the rows, and rebuilt', async () => {
    for (let i = 0; i < 5; i++) await recordHandled(db, { post: postN(i), reason: 'replied' }, ctx('ana', NOW));
    const { items } = generateSampleLog(50, 2, { endMs: NOW });
    await db.items.bulkPut(items);
    const read = await readOk(db);
    const rows = [await db.items.toArray(), await db.seen.toArray()] as const;
    expect(digestMismatch(read, await readIds(db, read), ...rows)).toBe('the digest has 5 items and 0 seen records, the log 55 and 0');
    await rebuildDigest(db);
    const mended = await readOk(db);
    expect(digestMismatch(mended, await readIds(db, mended), ...rows)).toBeNull();
    expectSameFigures(mended, ...rows);
  });

  it('tells a log written while the page read it (no verdict, nothing rebuilt) from a digest that misses rows (rebuild)', async () => {
    for (let i = 0; i < 5; i++) await recordHandled(db, { post: postN(i), reason: 'replied' }, ctx('ana', NOW));
    const opened = await readOk(db);
    expect(opened.generation).toBeGreaterThan(0);
    const ids = await readIds(db, opened);
    // An agent logs a reply in another tab after the page read the digest, before it reads the rows.
    await recordHandled(db, { post: postN(7), reason: 'replied' }, ctx('ben', NOW));
    // The ids read now would not be those of the columns read before.
    expect(await readDigestIdsOf(db, opened, 'items')).toBeNull();
    const rows = await readLogInPages(db);
    expect(rows.items).toHaveLength(6);
    expect(rows.digestGeneration).toBeGreaterThan(opened.generation);
    // Compared as they are, the two differ, though the digest is right.
    expect(digestMismatch(opened, ids, rows.items, rows.seen)).toBe('the digest has 5 items and 0 seen records, the log 6 and 0');
    expect(digestCheck(opened, ids, rows)).toEqual({ verdict: 'changed', why: `the log was written after its digest was read (digest generation ${opened.generation}, then ${rows.digestGeneration})` });
    // Read again, with no write in between: the same log.
    const again = await readOk(db);
    expect(digestCheck(again, await readIds(db, again), await readLogInPages(db)).verdict).toBe('same');

    // Rows written around the digest leave its generation as it was: the check finds them out.
    await db.items.bulkPut(generateSampleLog(20, 2, { endMs: NOW }).items);
    const bypassed = await readLogInPages(db);
    expect(bypassed.digestGeneration).toBe(again.generation);
    expect(digestCheck(again, await readIds(db, again), bypassed)).toEqual({ verdict: 'rebuild', why: 'the digest has 6 items and 0 seen records, the log 26 and 0' });

    // A rebuild moves the generation on (never back), as a seen record's write and an import do.
    await rebuildDigest(db);
    const rebuilt = await readOk(db);
    expect(rebuilt.generation).toBe(again.generation + 1);
    expect(digestCheck(rebuilt, await readIds(db, rebuilt), await readLogInPages(db)).verdict).toBe('same');
    await recordSeen(db, postN(30), ctx('ana', NOW));
    expect((await readOk(db)).generation).toBe(rebuilt.generation + 1);
    const text = (await itemsToJsonParts(generateSampleLog(30, 9, { endMs: NOW }).items, { exportedBy: 'agent-x' })).join('');
    expect((await importAndMerge(db, text, { chunkSize: 10 })).ok).toBe(true);
    const imported = await readOk(db);
    expect(imported.generation).toBeGreaterThan(rebuilt.generation + 1);
    expect(digestCheck(imported, await readIds(db, imported), await readLogInPages(db)).verdict).toBe('same');
  });

  it("gives the log's rows in its columns' order when they match, and its index then takes them: the same figures, search and rows as an index built from the rows", async () => {
    const { items, seen } = generateSampleLog(2500, 21, { endMs: NOW });
    await db.transaction('rw', db.items, db.seen, () => Promise.all([db.items.bulkPut(items), db.seen.bulkPut(seen)]));
    await rebuildDigest(db);
    const digest = await readOk(db);
    const ids = await readIds(db, digest);
    const rows = await readLogInPages(db);
    const check = digestCheck(digest, ids, rows);
    if (check.verdict !== 'same') throw new Error(check.why);
    // Row r of the columns is the row of id r, for items and seen records.
    expect(check.rows.items.map((it) => it.id)).toEqual(ids.items);
    // Rows in the log's order are placed by the ids' kept order, with no lookup table.
    expect(ids.sorted).toBeDefined();
    const set = Map.prototype.set;
    let sets = 0;
    Map.prototype.set = function (this: Map<unknown, unknown>, key: unknown, value: unknown) {
      sets++;
      return set.call(this, key, value);
    };
    try {
      expect(digestCheck(digest, ids, rows).verdict).toBe('same');
    } finally {
      Map.prototype.set = set;
    }
    expect(sets).toBe(0);
    // Rows in another order, ids without their order, blocks written before the order was kept:
    // the same rows, placed by lookup tables.
    const shuffled = { ...rows, items: [...rows.items].reverse(), seen: [...rows.seen.slice(100), ...rows.seen.slice(0, 100)] };
    const unsortedIds = { items: ids.items, seen: ids.seen };
    for (const [r, i] of [[shuffled, ids], [rows, unsortedIds]] as const) {
      const other = digestCheck(digest, i, r);
      if (other.verdict !== 'same') throw new Error(other.verdict);
      expect(other.rows.items).toEqual(check.rows.items);
      expect(other.rows.seen).toEqual(check.rows.seen);
    }
    await db.digest.toCollection().modify((row) => {
      if (row.ids) delete row.ids.order;
    });
    const older = await readIds(db, digest);
    expect(older.sorted).toBeUndefined();
    expect(older.items).toEqual(ids.items);
    const fromOlder = digestCheck(digest, older, rows);
    expect(fromOlder.verdict === 'same' && fromOlder.rows.items).toEqual(check.rows.items);
    expect(check.rows.seen.map((s) => s.id)).toEqual(ids.seen);
    expect(check.rows.items.map((it) => it.id)).not.toEqual(rows.items.map((it) => it.id));
    const fromDigest = indexFromColumns(digest.items, digest.seen, TZ);
    const joined = indexWithRows(fromDigest, check.rows);
    expect(joined.hasRows).toBe(true);
    expect(joined.item).toBe(fromDigest.item);
    check.rows.items.forEach((it, r) => expect(joined.item.handledMs[r], it.id).toBe(Date.parse(it.handledAt)));
    const fromRows = buildMetricsIndex(rows.items, rows.seen, TZ);
    const searched = { ...DEFAULT_FILTER, range: 'all', q: rows.items[7]!.authorHandle } satisfies DashboardFilter;
    for (const filter of [...FILTERS, searched]) {
      expectClose(computeMetrics(joined, [], filter, { timeZone: TZ, nowMs: NOW }), computeMetrics(fromRows, [], filter, { timeZone: TZ, nowMs: NOW }));
    }
    expect(computeMetrics(joined, [], searched, { timeZone: TZ, nowMs: NOW }).totals.items).toBeGreaterThan(0);
    // Rows that are not the columns' are refused.
    expect(() => indexWithRows(fromDigest, { items: check.rows.items.slice(1), seen: check.rows.seen })).toThrow(/2499 items/);
    // One seen record answered in the log but not in the digest: a rebuild, no rows.
    const flipped = rows.seen.findIndex((s) => !s.handled && !rows.items.some((it) => it.id === s.id));
    expect(flipped).toBeGreaterThanOrEqual(0);
    const seen2 = rows.seen.map((s, i) => (i === flipped ? { ...s, handled: true } : s));
    expect(digestCheck(digest, ids, { ...rows, seen: seen2 })).toEqual({ verdict: 'rebuild', why: '1 seen records are marked answered differently in the digest and the log' });
  });

  it('is rebuilt from the rows the page read, a block at a time, unless a writer wrote since', async () => {
    for (let i = 0; i < 4; i++) await recordSeen(db, postN(i), ctx('ana', NOW - 90_000 + i));
    for (let i = 0; i < 2; i++) await recordHandled(db, { post: postN(i), reason: 'replied' }, ctx('ana', NOW - 60_000));
    // Written around the digest.
    const sample = generateSampleLog(600, 4, { endMs: NOW });
    await db.transaction('rw', db.items, db.seen, () => Promise.all([db.items.bulkPut(sample.items), db.seen.bulkPut(sample.seen)]));
    const opened = await readOk(db);
    const rows = await readLogInPages(db);
    const check = digestCheck(opened, await readIds(db, opened), rows);
    expect(check.verdict).toBe('rebuild');
    let pauses = 0;
    const counts = await rebuildDigestFrom(db, rows, async () => void pauses++);
    expect(counts).toEqual({ items: rows.items.length, seen: rows.seen.length });
    expect(pauses).toBe(2 * DIGEST_BLOCKS);
    const rebuilt = await readOk(db);
    expect(rebuilt.generation).toBe(opened.generation + 1);
    expect(digestCheck(rebuilt, await readIds(db, rebuilt), await readLogInPages(db)).verdict).toBe('same');
    expectSameFigures(rebuilt, rows.items, rows.seen);

    // Rows read before a writer wrote are not the log any more: nothing is written.
    const stale = await readLogInPages(db);
    await recordHandled(db, { post: postN(3), reason: 'replied' }, ctx('ana', NOW - 30_000));
    const before = await db.digest.toArray();
    expect(await rebuildDigestFrom(db, { ...stale, items: stale.items.slice(1) })).toBeNull();
    expect(await db.digest.toArray()).toEqual(before);
    const now = await readOk(db);
    expect(digestCheck(now, await readIds(db, now), await readLogInPages(db)).verdict).toBe('same');
  });

  it('stores its ids packed in one string, whatever characters they hold, and reads them back in column order', async () => {
    const odd = ['', 'a\nb', 'x,y', '😀:fb:1', 'agent-ana:x:1', '\u0000', 'é'.repeat(300)];
    expect(unpackIds(packIds(odd))).toEqual(odd);
    expect(unpackIds(packIds([]))).toEqual([]);
    // Lengths that do not add up to the text, or ids stored the older way: not ids.
    expect(unpackIds({ text: 'abc', lengths: Uint32Array.from([1, 1]) })).toBeUndefined();
    expect(unpackIds({ text: 'ab', lengths: Uint32Array.from([1, 2]) })).toBeUndefined();
    expect(unpackIds(['a', 'b'] as unknown as ReturnType<typeof packIds>)).toBeUndefined();

    const { items, seen } = generateSampleLog(300, 4, { endMs: NOW });
    const withOdd = items.map((it, i) => (i < odd.length - 1 ? { ...it, id: `${odd[i + 1]}#${i}` } : it));
    await db.items.bulkPut(withOdd);
    await db.seen.bulkPut(seen);
    await rebuildDigest(db);
    const raw = await db.digest.toArray();
    expect(raw.filter((r) => r.kind === 'items-ids').every((r) => typeof r.ids?.text === 'string' && r.ids.lengths instanceof Uint32Array)).toBe(true);
    const digest = await readOk(db);
    const ids = await readIds(db, digest);
    expect(new Set(ids!.items)).toEqual(new Set(withOdd.map((it) => it.id)));
    // In column order: each id's row holds that item's figures.
    const index = indexFromColumns(digest.items, digest.seen, TZ);
    const byId = new Map(withOdd.map((it) => [it.id, it]));
    ids!.items.forEach((id, r) => expect(index.item.handledMs[r]).toBe(Date.parse(byId.get(id)!.handledAt)));
    // A writer reads them back too: one more item lands in its block beside the others.
    await recordHandled(db, { post: postN(1), reason: 'replied' }, ctx('ana', NOW));
    const after = await readOk(db);
    expect((await readIds(db, after))!.items).toHaveLength(withOdd.length + 1);
    await expectOrdersKept(db);
    expect(digestMismatch(after, await readIds(db, after), await db.items.toArray(), await db.seen.toArray())).toBeNull();
  });

  it('takes in an import in the same transaction, and nothing when the import is refused', async () => {
    const { items } = generateSampleLog(400, 5, { endMs: NOW });
    const text = (await itemsToJsonParts(items, { exportedBy: 'agent-x' })).join('');
    const out = await importAndMerge(db, text, { chunkSize: 128 });
    expect(out.ok).toBe(true);
    expectSameFigures(await readOk(db), await db.items.toArray(), []);
    // Four chunks, each merged into the order kept by the one before.
    await expectOrdersKept(db);

    const broken = text.replace('"schemaVersion"', '"schemaVersion":"two","x"');
    const refused = await importAndMerge(db, broken);
    expect(refused.ok).toBe(false);
    expect((await readOk(db)).items.n).toBe(400);
  });

  it('is built by the v3 upgrade from a v2 log', async () => {
    const name = `digest-upgrade-${crypto.randomUUID()}`;
    const v2 = new Dexie(name);
    v2.version(1).stores(V1_STORES);
    v2.version(2).stores(V2_STORES);
    const { items, seen } = generateSampleLog(1200, 3, { endMs: NOW });
    await v2.table('items').bulkPut(items);
    await v2.table('seen').bulkPut(seen);
    v2.close();

    const upgraded = new CarelineDB(name);
    await upgraded.open();
    expect(upgraded.verno).toBe(3);
    expectSameFigures(await readOk(upgraded), items, seen);
    upgraded.close();
  });

  it('a transaction that fails after writing leaves neither the item nor its digest row', async () => {
    await recordHandled(db, { post: postN(1), reason: 'replied' }, ctx('ana', NOW));
    await expect(
      db.transaction('rw', [db.items, db.seen, db.outbox, db.digest], async () => {
        await recordHandled(db, { post: postN(2), reason: 'replied' }, ctx('ana', NOW));
        throw new Error('worker killed');
      }),
    ).rejects.toThrow('worker killed');
    const digest = await readOk(db);
    expect((await readIds(db, digest)).items).toEqual(['ana:x:1900001']);
  });

  it("keeps each seen post's answered mark as items come in by any way: a reply, an import, an item logged before the post was seen", async () => {
    // Seen and not handled: not answered.
    for (let i = 0; i < 6; i++) await recordSeen(db, postN(i), ctx('ana', NOW - 90_000 + i));
    // Items for posts 0-2 arrive by import (an export of this agent's own items from another browser).
    const other = new CarelineDB(`digest-other-${crypto.randomUUID()}`);
    for (let i = 0; i < 3; i++) await recordHandled(other, { post: postN(i), reason: 'replied' }, ctx('ana', NOW - 60_000));
    // Post 7's item is logged first, and the post is seen afterwards.
    await recordHandled(db, { post: postN(7), reason: 'replied' }, ctx('ana', NOW - 50_000));
    await db.seen.delete('ana:x:1900007');
    await rebuildDigest(db);
    await recordSeen(db, postN(7), ctx('ana', NOW - 40_000));
    const text = (await itemsToJsonParts(await other.items.toArray(), { exportedBy: 'ana' })).join('');
    expect((await importAndMerge(db, text)).ok).toBe(true);

    const digest = await readOk(db);
    const ids = await readIds(db, digest);
    const [items, seen] = [await db.items.toArray(), await db.seen.toArray()];
    const answered = ids.seen.filter((_, r) => digest.seen.answered[r]).sort();
    expect(answered).toEqual(['ana:facebook:1900000', 'ana:x:1900001', 'ana:x:1900002', 'ana:x:1900007']);
    expect(digestMismatch(digest, ids, items, seen)).toBeNull();
    expectSameFigures(digest, items, seen);

    // A mark changed around the digest is found out.
    const wrong = { ...digest, seen: { ...digest.seen, answered: digest.seen.answered.map((a) => 1 - a) } };
    expect(digestMismatch(wrong, ids, items, seen)).toBe('7 seen records are marked answered differently in the digest and the log');
    // As many rows as the digest has, but one of another id: items, then seen records.
    const counts = `the digest has ${items.length} items and ${seen.length} seen records, the log ${items.length} and ${seen.length}`;
    expect(digestMismatch(digest, ids, [...items.slice(1), { ...items[0]!, id: 'not-in-the-digest' }], seen)).toBe(counts);
    expect(digestMismatch(digest, ids, items, [...seen.slice(1), { ...seen[0]!, id: 'not-in-the-digest' }])).toBe(counts);
    // A digest that lists an id twice does not match rows that hold it once.
    expect(digestMismatch(digest, { ...ids, items: [...ids.items.slice(1), ids.items[1]!] }, items, seen)).toBe(counts);
  });

  it('adds team items the way the log merges them: new ids only, answering the seen posts they are for', async () => {
    for (let i = 0; i < 8; i++) await recordSeen(db, postN(i), ctx('ana', NOW - 90_000 + i));
    for (let i = 0; i < 3; i++) await recordHandled(db, { post: postN(i), reason: 'replied' }, ctx('ana', NOW - 60_000));
    const teamDb = new CarelineDB(`digest-team-${crypto.randomUUID()}`);
    // Ana's item for post 4 from another browser, her item for post 1 again, and a colleague's.
    for (const [agent, i] of [['ana', 4], ['ana', 1], ['ben', 5]] as const) await recordHandled(teamDb, { post: postN(i), reason: 'replied' }, ctx(agent, NOW - 30_000));
    const team = await teamDb.items.toArray();
    const digest = await readOk(db);
    const ids = await readIds(db, digest);
    const [items, seen] = [await db.items.toArray(), await db.seen.toArray()];
    const merged = digestWithItems(digest, ids, itemsNotIn(ids.items, team), itemColumnsOf);
    expect(merged.items.n).toBe(5);
    expectSameFigures(merged, [...mergeById(items, team)], seen);
    expect(indexFromColumns(merged.items, merged.seen, TZ).seenCols.answered.reduce((a, b) => a + b, 0)).toBe(4);
  });
});
