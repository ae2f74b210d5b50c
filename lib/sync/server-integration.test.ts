import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import type { Db } from '../../server/src/db';
import { startServer, type RunningServer } from '../../server/src/server';
import { createToken } from '../../server/src/tokens';
import { openTestPglite } from '../../server/test/pglite-template';
import { testConnection } from './connection';
import { runSyncPass, type SyncOptions } from './engine';
import { MemoryOutboxStore } from './memory-store';
import { getSyncStatus } from './status';
import { fetchAllTeamItems, fetchTeamItems, mergeTeamItems, SyncRequestError } from './team';
import { makeItem } from './test-support';
import type { SyncConfig } from './types';

/** The engine and clients against the real reference server (PGlite) over loopback HTTP. */
let db: Db;
let server: RunningServer;
let agent: SyncConfig;
let supervisor: SyncConfig;
let store: MemoryOutboxStore;
const realFetch = (url: string, init: RequestInit) => fetch(url, init);
const now = () => Date.now();

function pass(config: SyncConfig = agent, options: Partial<SyncOptions> = {}) {
  return runSyncPass({ store, config, fetch: realFetch, now, random: Math.random, options }, { force: true });
}

beforeAll(async () => {
  db = await openTestPglite();
  server = await startServer({ db, port: 0, maxBodyBytes: 48 * 1024, rateLimit: { burst: 10_000, perSecond: 10_000 } });
}, 90_000);
afterAll(async () => {
  await server.close();
  await db.close();
});
beforeEach(async () => {
  await db.exec('TRUNCATE items, tokens');
  agent = { endpoint: server.url, token: (await createToken(db, { kind: 'agent', agentId: 'agent-a', name: 'Alice' })).token };
  supervisor = { endpoint: `${server.url}/`, token: (await createToken(db, { kind: 'supervisor', name: 'Sam' })).token };
  store = new MemoryOutboxStore();
});

describe('sync against the reference server', () => {
  it('delivers every item once, and a replay is acknowledged as duplicates', async () => {
    for (let i = 0; i < 250; i++) store.put(makeItem(i));
    const first = await pass();
    expect(first).toMatchObject({ outcome: 'done', acked: 250, setAside: 0 });
    const team = await fetchAllTeamItems(supervisor);
    expect(team.items).toHaveLength(250);
    expect(new Set(team.items.map((i) => i.id)).size).toBe(250);

    for (let i = 0; i < 10; i++) store.put(makeItem(i));
    expect(await pass()).toMatchObject({ outcome: 'done', acked: 10 });
    expect((await fetchAllTeamItems(supervisor)).items).toHaveLength(250);
  });

  it("halves on the server's real 413 and sets aside the one item it can never take", async () => {
    for (let i = 0; i < 40; i++) store.put(makeItem(i, { text: 'x'.repeat(3000) }));
    store.put(makeItem(99, { text: 'y'.repeat(49_000) }));
    const result = await pass();
    expect(result).toMatchObject({ outcome: 'done', acked: 40, setAside: 1 });
    const status = await getSyncStatus(store, agent, Date.now());
    expect(status.setAside[0]).toMatchObject({ itemId: 'agent-a:x:99', reason: expect.stringMatching(/Too large/) });
  });

  it("sets aside an item written for another agent, with the server's reason", async () => {
    store.put(makeItem(1));
    store.put(makeItem(2, { id: 'agent-b:x:2', agentId: 'agent-b' }));
    expect(await pass()).toMatchObject({ acked: 1, setAside: 1 });
    expect((await getSyncStatus(store, agent, Date.now())).setAside[0]?.reason).toMatch(/agent-b/);
  });

  it('stops with "token refused" for a revoked or unknown token', async () => {
    store.put(makeItem(1));
    const result = await pass({ ...agent, token: 'cl_agt_unknown' });
    expect(result.outcome).toBe('token_refused');
    expect(store.rows.size).toBe(1);
  });

  it('refuses a supervisor token for writing (403 → token refused)', async () => {
    store.put(makeItem(1));
    expect((await pass(supervisor)).outcome).toBe('token_refused');
  });

  it('tests the connection: ok with who, token refused, unreachable', async () => {
    expect(await testConnection(agent)).toEqual({ status: 'ok', kind: 'agent', agentId: 'agent-a', name: 'Alice' });
    expect((await testConnection({ ...agent, token: 'bad' })).status).toBe('token_refused');
    const port = await closedPort();
    expect((await testConnection({ endpoint: `http://127.0.0.1:${port}`, token: 't' })).status).toBe('unreachable');
    expect(await testConnection({ endpoint: `${server.url}/nope/`, token: agent.token })).toMatchObject({ status: 'error', httpStatus: 404 });
  });

  it("reads the team's items with filters and merges them with local ones without duplicates", async () => {
    for (let i = 0; i < 5; i++) store.put(makeItem(i));
    await pass();
    const bob = { endpoint: server.url, token: (await createToken(db, { kind: 'agent', agentId: 'agent-b', name: 'Bob' })).token };
    const bobStore = new MemoryOutboxStore();
    bobStore.put(makeItem(50, { id: 'agent-b:facebook:50', agentId: 'agent-b', site: 'facebook' }));
    await runSyncPass({ store: bobStore, config: bob, fetch: realFetch, now, random: Math.random });

    const facebook = await fetchTeamItems(supervisor, { site: 'facebook' });
    expect(facebook.items.map((i) => i.id)).toEqual(['agent-b:facebook:50']);
    const page = await fetchTeamItems(supervisor, { limit: 4 });
    expect(page.items).toHaveLength(4);
    expect(page.nextCursor).toEqual(expect.any(String));

    const local = [...store.items.values()];
    const merged = mergeTeamItems(local, (await fetchAllTeamItems(supervisor)).items);
    expect(merged).toHaveLength(6);

    await expect(fetchTeamItems({ ...supervisor, token: 'nope' })).rejects.toMatchObject({ kind: 'token_refused' });
    await expect(fetchTeamItems(supervisor, { from: 'never' })).rejects.toBeInstanceOf(SyncRequestError);
  });
});

describe('rate limiting against the reference server', () => {
  it("waits for the server's Retry-After on 429", async () => {
    const limited = await startServer({ db, port: 0, rateLimit: { burst: 1, perSecond: 0.01 } });
    try {
      const config = { endpoint: limited.url, token: agent.token };
      for (let i = 0; i < 300; i++) store.put(makeItem(i));
      const t = Date.now();
      const result = await runSyncPass({ store, config, fetch: realFetch, now: () => t, random: Math.random });
      expect(result.outcome).toBe('failed');
      expect(result.nextAttemptAt).toBe(t + 100_000);
      expect(store.rows.size).toBe(200);
      expect(store.state.retryAfterUntil).toBe(new Date(t + 100_000).toISOString());
    } finally {
      await limited.close();
    }
  });
});

function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}
