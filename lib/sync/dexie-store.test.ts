import Dexie, { type EntityTable } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HandledItem, OutboxRow } from '../db/schema';
import { createDexieOutboxStore, SYNC_STATE_KEY } from './dexie-store';
import { runSyncPass } from './engine';
import { getSyncStatus, retrySetAside } from './status';
import { FakeServer, makeItem } from './test-support';
import type { OutboxStore } from './types';

/** The three tables as lib/db declares them (items: id; outbox: ++seq, itemId; meta: key). */
class TestDb extends Dexie {
  items!: EntityTable<HandledItem, 'id'>;
  outbox!: EntityTable<OutboxRow, 'seq'>;
  meta!: EntityTable<{ key: string; value: unknown }, 'key'>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({ items: 'id, updatedAt', outbox: '++seq, itemId', meta: 'key' });
  }
}

let db: TestDb;
let store: OutboxStore;
let counter = 0;

beforeEach(async () => {
  db = new TestDb(`sync-store-${++counter}`);
  await db.open();
  store = createDexieOutboxStore(db);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

async function write(item: HandledItem) {
  await db.transaction('rw', db.items, db.outbox, async () => {
    await db.items.put(item);
    await db.outbox.add({ itemId: item.id, attempts: 0, enqueuedAt: item.updatedAt });
  });
}

describe('createDexieOutboxStore', () => {
  it('peeks pending rows in seq order, skipping set-aside ones', async () => {
    for (let i = 0; i < 5; i++) await write(makeItem(i));
    await store.setAside([{ seq: 2, reason: 'bad' }]);
    expect((await store.peek(3)).map((r) => r.seq)).toEqual([1, 3, 4]);
    expect(await store.countPending()).toBe(4);
    expect(await store.listSetAside()).toMatchObject([{ seq: 2, rejectedReason: 'bad' }]);
  });

  it('loads items by id and leaves missing ones out', async () => {
    await write(makeItem(1));
    const found = await store.loadItems(['agent-a:x:1', 'nope']);
    expect([...found.keys()]).toEqual(['agent-a:x:1']);
  });

  it('acks only rows whose item is still the version that was sent', async () => {
    await write(makeItem(1));
    await write(makeItem(2));
    const sent = makeItem(1).updatedAt;
    await db.items.put(makeItem(2, { updatedAt: '2026-12-01T00:00:00.000Z' }));
    const deleted = await store.ack([
      { seq: 1, itemId: 'agent-a:x:1', updatedAt: sent },
      { seq: 2, itemId: 'agent-a:x:2', updatedAt: makeItem(2).updatedAt },
    ]);
    expect(deleted).toBe(1);
    expect((await db.outbox.toArray()).map((r) => r.seq)).toEqual([2]);
  });

  it('counts attempts, drops rows, and keeps state in the meta table', async () => {
    await write(makeItem(1));
    await write(makeItem(2));
    await store.recordAttempt([1, 2]);
    await store.recordAttempt([1]);
    expect((await db.outbox.toArray()).map((r) => r.attempts)).toEqual([2, 1]);
    await store.drop([1]);
    expect(await db.outbox.count()).toBe(1);
    expect(await store.loadState()).toEqual({});
    await store.saveState({ lastSuccessAt: '2026-11-25T12:00:00.000Z', consecutiveFailures: 0 });
    expect((await db.meta.get(SYNC_STATE_KEY))?.value).toEqual({ lastSuccessAt: '2026-11-25T12:00:00.000Z', consecutiveFailures: 0 });
    expect(await store.loadState()).toEqual({ lastSuccessAt: '2026-11-25T12:00:00.000Z', consecutiveFailures: 0 });
  });

  it('retries set-aside rows, merging into a pending row the writer added since', async () => {
    await write(makeItem(1));
    await write(makeItem(2));
    await store.setAside([
      { seq: 1, reason: 'bad' },
      { seq: 2, reason: 'bad' },
    ]);
    await db.outbox.add({ itemId: 'agent-a:x:2', attempts: 0, enqueuedAt: makeItem(2).updatedAt });
    expect(await retrySetAside(store)).toBe(2);
    const rows = await db.outbox.toArray();
    expect(rows.map((r) => [r.seq, r.itemId, r.rejectedReason])).toEqual([
      [1, 'agent-a:x:1', undefined],
      [3, 'agent-a:x:2', undefined],
    ]);
    expect('rejectedReason' in rows[0]!).toBe(false);
  });

  it('drains through the engine end to end', async () => {
    for (let i = 0; i < 130; i++) await write(makeItem(i));
    const server = new FakeServer();
    server.handler = (req, s) => s.accept(req, (item) => (item.id === 'agent-a:x:7' ? 'nope' : undefined));
    const result = await runSyncPass({
      store,
      config: { endpoint: 'https://s.test', token: 't' },
      fetch: server.fetch,
      now: () => Date.UTC(2026, 10, 25),
      random: () => 0.5,
    });
    expect(result).toMatchObject({ outcome: 'done', acked: 129, setAside: 1 });
    const status = await getSyncStatus(store, null, Date.UTC(2026, 10, 25));
    expect(status).toMatchObject({ queued: 0, lastSuccessAt: '2026-11-25T00:00:00.000Z', tokenRefused: false });
    expect(status.setAside).toEqual([{ seq: 8, itemId: 'agent-a:x:7', reason: 'nope', attempts: 0 }]);
  });
});
