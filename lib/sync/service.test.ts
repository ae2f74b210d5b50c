import { describe, expect, it } from 'vitest';
import { MemoryOutboxStore } from './memory-store';
import { createSyncService, nextSyncAlarmAt } from './service';
import { FakeServer, makeItem } from './test-support';

const config = { endpoint: 'https://s.test', token: 't' };

describe('createSyncService', () => {
  it('drains past maxBatchesPerPass in one call and reports each pass', async () => {
    const store = new MemoryOutboxStore();
    for (let i = 0; i < 45; i++) store.put(makeItem(i));
    const server = new FakeServer();
    const passes: string[] = [];
    const service = createSyncService({
      store,
      loadConfig: async () => config,
      fetch: server.fetch,
      locks: null,
      options: { maxItems: 10, maxBatchesPerPass: 2 },
      onPass: (r) => passes.push(r.outcome),
    });
    const result = await service.syncNow();
    expect(result.outcome).toBe('done');
    expect(server.stored.size).toBe(45);
    expect(passes).toEqual(['done']);
    expect((await service.status()).queued).toBe(0);
  });

  it('coalesces triggers that arrive during a pass', async () => {
    const store = new MemoryOutboxStore();
    store.put(makeItem(1));
    const server = new FakeServer();
    const service = createSyncService({ store, loadConfig: async () => config, fetch: server.fetch, locks: null });
    const results = await Promise.all([service.syncNow(), service.syncNow(), service.syncNow(), service.syncNow()]);
    expect(results.every((r) => r.outcome === 'done')).toBe(true);
    expect(server.requests).toHaveLength(1);
  });

  it('retries set-aside items with the retry button', async () => {
    const store = new MemoryOutboxStore();
    store.put(makeItem(1));
    const server = new FakeServer();
    server.handler = (req, s) => s.accept(req, () => 'no');
    const service = createSyncService({ store, loadConfig: async () => config, fetch: server.fetch, locks: null });
    await service.syncNow();
    expect((await service.status()).setAside).toHaveLength(1);
    server.handler = undefined;
    expect((await service.retrySetAside()).acked).toBe(1);
    expect((await service.status()).setAside).toHaveLength(0);
  });

  it('says sync is not set up when there is no config', async () => {
    const service = createSyncService({ store: new MemoryOutboxStore(), loadConfig: async () => null, locks: null });
    expect((await service.syncNow()).outcome).toBe('not_configured');
    expect((await service.testConnection()).status).toBe('error');
  });
});

describe('nextSyncAlarmAt', () => {
  const now = 1_000_000;
  it('waits at least the 30 s alarm minimum, or until the backoff ends', () => {
    expect(nextSyncAlarmAt({ outcome: 'failed', batches: 1, acked: 0, setAside: 0, nextAttemptAt: now + 1000 }, now)).toBe(now + 30_000);
    expect(nextSyncAlarmAt({ outcome: 'waiting', batches: 0, acked: 0, setAside: 0, nextAttemptAt: now + 600_000 }, now)).toBe(now + 600_000);
    expect(nextSyncAlarmAt({ outcome: 'more', batches: 200, acked: 0, setAside: 0 }, now)).toBe(now + 30_000);
    expect(nextSyncAlarmAt({ outcome: 'done', batches: 1, acked: 1, setAside: 0 }, now)).toBeUndefined();
    expect(nextSyncAlarmAt({ outcome: 'token_refused', batches: 1, acked: 0, setAside: 0 }, now)).toBeUndefined();
  });
});
