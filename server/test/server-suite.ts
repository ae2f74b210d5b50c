import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../src/db';
import { listItems, upsertItems } from '../src/items';
import { migrate, MIGRATIONS } from '../src/migrations';
import { startServer, type RunningServer } from '../src/server';
import { ListQuerySchema } from '../src/schema';
import { authenticate, createToken, hashToken, listTokens, revokeToken } from '../src/tokens';
import { sampleItem } from './sample-items';

/**
 * The server's tests, run once against PGlite and once against a real PostgreSQL:
 * the same SQL must behave the same on both.
 */
export function serverSuite(label: string, open: () => Promise<{ db: Db; dispose: () => Promise<void> }>): void {
  // One database per suite (PGlite takes seconds to start); each test starts from empty tables.
  let db: Db;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ db, dispose } = await open());
    await migrate(db);
  }, 120_000);
  afterAll(async () => dispose());

  describe(`${label}: storage`, () => {
    beforeEach(async () => {
      await db.exec('TRUNCATE items, tokens');
    });

    it('migrates once and is a no-op the second time', async () => {
      expect(await migrate(db)).toEqual([]);
      const rows = await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      expect(rows.map((r) => Number(r.version))).toEqual(MIGRATIONS.map((m) => m.version));
    });

    it('stores only a hash of a token, authenticates it, and refuses it once revoked', async () => {
      const created = await createToken(db, { kind: 'agent', agentId: 'agent-a', name: 'Alice' });
      const stored = await db.query<{ token_hash: string }>('SELECT token_hash FROM tokens');
      expect(stored).toEqual([{ token_hash: hashToken(created.token) }]);
      expect(JSON.stringify(stored)).not.toContain(created.token);
      expect(await authenticate(db, created.token)).toMatchObject({ id: created.id, kind: 'agent', agentId: 'agent-a' });
      expect(await authenticate(db, `${created.token}x`)).toBeNull();
      expect(await revokeToken(db, created.id)).toBe(true);
      expect(await revokeToken(db, created.id)).toBe(false);
      expect(await authenticate(db, created.token)).toBeNull();
      expect((await listTokens(db))[0]?.revokedAt).toEqual(expect.any(String));
    });

    it('requires an agentId for agent tokens and a name for every token', async () => {
      await expect(createToken(db, { kind: 'agent', name: 'No id' })).rejects.toThrow(/agentId/);
      await expect(createToken(db, { kind: 'supervisor', name: '  ' })).rejects.toThrow(/name/);
      const sup = await createToken(db, { kind: 'supervisor', agentId: 'ignored', name: 'Sam' });
      expect(sup.agentId).toBeNull();
    });

    it('creates, then reports duplicate for the same item, updated for a newer one, duplicate for an older one', async () => {
      const item = sampleItem();
      expect(await upsertItems(db, 'agent-a', [item])).toEqual([{ index: 0, id: item.id, status: 'created' }]);
      expect(await upsertItems(db, 'agent-a', [item])).toEqual([{ index: 0, id: item.id, status: 'duplicate' }]);
      const newer = { ...item, replyCount: 2, updatedAt: new Date(Date.parse(item.updatedAt) + 1000).toISOString() };
      expect((await upsertItems(db, 'agent-a', [newer]))[0]?.status).toBe('updated');
      const older = { ...item, replyCount: 0 };
      expect((await upsertItems(db, 'agent-a', [older]))[0]?.status).toBe('duplicate');
      const page = await listItems(db, ListQuerySchema.parse({}));
      expect(page.items).toHaveLength(1);
      expect(page.items[0]?.replyCount).toBe(2);
      const rev = await db.query<{ revision: number }>('SELECT revision FROM items');
      expect(Number(rev[0]?.revision)).toBe(2);
    });

    it('keeps the newest when one batch carries the same id twice, and counts the other as duplicate', async () => {
      const a = sampleItem();
      const b = { ...a, replyCount: 5, updatedAt: new Date(Date.parse(a.updatedAt) + 5000).toISOString() };
      const results = await upsertItems(db, 'agent-a', [a, b, a]);
      expect(results.map((r) => r.status)).toEqual(['duplicate', 'created', 'duplicate']);
      expect((await listItems(db, ListQuerySchema.parse({}))).items[0]?.replyCount).toBe(5);
    });

    it("rejects invalid items, other writers' items and NUL characters, and stores the rest", async () => {
      const good = sampleItem({ n: 1 });
      const invalid = { ...sampleItem({ n: 2 }), site: 'myspace' };
      const foreign = sampleItem({ n: 3, agentId: 'agent-b' });
      const nul = sampleItem({ n: 4, text: 'a\u0000b' });
      const results = await upsertItems(db, 'agent-a', [good, invalid, foreign, nul, 42]);
      expect(results.map((r) => r.status)).toEqual(['created', 'rejected', 'rejected', 'rejected', 'rejected']);
      expect(results[1]).toMatchObject({ id: invalid.id, reason: expect.stringMatching(/site/) });
      expect(results[2]?.reason).toMatch(/agent-b/);
      expect(results[3]?.reason).toMatch(/NUL/);
      expect(results[4]).toMatchObject({ index: 4, id: null });
      expect((await listItems(db, ListQuerySchema.parse({}))).items.map((i) => i.id)).toEqual([good.id]);
    });

    it("refuses to overwrite another agent's item that reuses the same id", async () => {
      const theirs = sampleItem({ agentId: 'agent-b' });
      await upsertItems(db, 'agent-b', [theirs]);
      const mine = { ...theirs, agentId: 'agent-a', updatedAt: new Date(Date.parse(theirs.updatedAt) + 1000).toISOString() };
      const [result] = await upsertItems(db, 'agent-a', [mine]);
      expect(result).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/another agent/) });
      expect((await listItems(db, ListQuerySchema.parse({}))).items[0]?.agentId).toBe('agent-b');
    });

    it('keeps fields it does not know, so a newer extension loses nothing', async () => {
      const item = { ...sampleItem(), futureField: { nested: true } };
      await upsertItems(db, 'agent-a', [item]);
      expect((await listItems(db, ListQuerySchema.parse({}))).items[0]).toMatchObject({ futureField: { nested: true } });
    });

    it('lists newest first with filters and keyset paging that visits every item once', async () => {
      const mine = Array.from({ length: 25 }, (_, i) => sampleItem({ n: i, agentId: 'agent-a' }));
      const theirs = Array.from({ length: 10 }, (_, i) => sampleItem({ n: i, agentId: 'agent-b', site: 'facebook', mode: 'practice' }));
      await upsertItems(db, 'agent-a', mine);
      await upsertItems(db, 'agent-b', theirs);
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await listItems(db, ListQuerySchema.parse({ limit: '7', cursor }));
        seen.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toHaveLength(35);
      expect(new Set(seen).size).toBe(35);
      const handled = (await listItems(db, ListQuerySchema.parse({ limit: '100' }))).items.map((i) => i.handledAt);
      expect([...handled].sort().reverse()).toEqual(handled);

      expect((await listItems(db, ListQuerySchema.parse({ agentId: 'agent-b' }))).items).toHaveLength(10);
      expect((await listItems(db, ListQuerySchema.parse({ site: 'facebook', mode: 'practice' }))).items).toHaveLength(10);
      const from = mine[20]!.handledAt;
      const to = mine[23]!.handledAt;
      const window = await listItems(db, ListQuerySchema.parse({ agentId: 'agent-a', from, to }));
      expect(window.items.map((i) => i.id).sort()).toEqual([mine[20]!.id, mine[21]!.id, mine[22]!.id].sort());
      expect((await listItems(db, ListQuerySchema.parse({}), 'agent-b')).items.every((i) => i.agentId === 'agent-b')).toBe(true);
      expect((await listItems(db, ListQuerySchema.parse({ updatedSince: mine[24]!.updatedAt }))).items).toHaveLength(0);
    });
  });

  describe(`${label}: HTTP`, () => {
    let server: RunningServer;
    const clock = Date.UTC(2026, 10, 25, 12, 0, 0);
    let agent: string;
    let supervisor: string;

    beforeAll(async () => {
      server = await startServer({
        db,
        port: 0,
        maxBodyBytes: 64 * 1024,
        rateLimit: { burst: 1000, perSecond: 1000 },
        now: () => clock,
      });
    });
    afterAll(async () => server.close());
    beforeEach(async () => {
      await db.exec('TRUNCATE items, tokens');
      agent = (await createToken(db, { kind: 'agent', agentId: 'agent-a', name: 'Alice' })).token;
      supervisor = (await createToken(db, { kind: 'supervisor', name: 'Sam' })).token;
    });

    const call = (path: string, init: RequestInit & { token?: string } = {}) => {
      const headers = new Headers(init.headers);
      if (init.token) headers.set('Authorization', `Bearer ${init.token}`);
      if (init.body) headers.set('Content-Type', 'application/json');
      return fetch(`${server.url}${path}`, { ...init, headers });
    };
    const postBatch = (items: unknown[], token = agent) => call('/v1/items/batch', { method: 'POST', token, body: JSON.stringify({ items }) });

    it('answers /health with 200 and every response with a Date header', async () => {
      const health = await call('/health');
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok', database: db.kind });
      for (const res of [health, await call('/v1/me'), await call('/nowhere'), await postBatch([], 'wrong')]) {
        expect(res.headers.get('date')).toBe(new Date(clock).toUTCString());
      }
    });

    it('refuses missing, unknown and revoked tokens with 401', async () => {
      expect((await call('/v1/me')).status).toBe(401);
      expect((await call('/v1/me', { token: 'cl_agt_nope' })).status).toBe(401);
      const created = await createToken(db, { kind: 'agent', agentId: 'x', name: 'Gone' });
      expect((await call('/v1/me', { token: created.token })).status).toBe(200);
      await revokeToken(db, created.id);
      const res = await call('/v1/me', { token: created.token });
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: { code: 'token_refused' } });
    });

    it('tells a token who it is', async () => {
      expect(await (await call('/v1/me', { token: agent })).json()).toMatchObject({ kind: 'agent', agentId: 'agent-a', name: 'Alice' });
      expect(await (await call('/v1/me', { token: supervisor })).json()).toMatchObject({ kind: 'supervisor', agentId: null });
    });

    it('upserts a batch idempotently with one result per item', async () => {
      const items = [sampleItem({ n: 1 }), sampleItem({ n: 2 })];
      const first = await postBatch(items);
      expect(first.status).toBe(200);
      expect(await first.json()).toEqual({
        results: [
          { index: 0, id: items[0]!.id, status: 'created' },
          { index: 1, id: items[1]!.id, status: 'created' },
        ],
      });
      const again = await (await postBatch(items)).json();
      expect(again.results.map((r: { status: string }) => r.status)).toEqual(['duplicate', 'duplicate']);
      const list = await (await call('/v1/items', { token: supervisor })).json();
      expect(list.items).toHaveLength(2);
    });

    it('lets supervisors read the team, confines agents to their own items, and lets only agents write', async () => {
      await postBatch([sampleItem({ n: 1 })]);
      const other = await createToken(db, { kind: 'agent', agentId: 'agent-b', name: 'Bob' });
      await postBatch([sampleItem({ n: 2, agentId: 'agent-b' })], other.token);

      const team = await (await call('/v1/items', { token: supervisor })).json();
      expect(team.items.map((i: { agentId: string }) => i.agentId).sort()).toEqual(['agent-a', 'agent-b']);
      const own = await (await call('/v1/items?agentId=agent-b', { token: agent })).json();
      expect(own.items).toEqual([]);
      const ownAll = await (await call('/v1/items', { token: agent })).json();
      expect(ownAll.items.map((i: { agentId: string }) => i.agentId)).toEqual(['agent-a']);

      const write = await postBatch([sampleItem({ n: 3 })], supervisor);
      expect(write.status).toBe(403);
      const forged = await (await postBatch([sampleItem({ n: 4, agentId: 'agent-b' })])).json();
      expect(forged.results[0]).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/agent-b/) });
    });

    it('answers 400 for a body that is not JSON or not a batch, and for bad query parameters', async () => {
      const notJson = await call('/v1/items/batch', { method: 'POST', token: agent, body: '{"items": [' });
      expect(notJson.status).toBe(400);
      const notBatch = await call('/v1/items/batch', { method: 'POST', token: agent, body: JSON.stringify({ things: [] }) });
      expect(notBatch.status).toBe(400);
      expect((await call('/v1/items?limit=0', { token: supervisor })).status).toBe(400);
      expect((await call('/v1/items?site=myspace', { token: supervisor })).status).toBe(400);
      expect((await call('/v1/items?cursor=garbage', { token: supervisor })).status).toBe(400);
    });

    it('answers 413 to a body over the limit and to too many items, storing nothing', async () => {
      const big = Array.from({ length: 40 }, (_, n) => sampleItem({ n, text: 'x'.repeat(2000) }));
      const res = await postBatch(big);
      expect(res.status).toBe(413);
      expect(await res.json()).toMatchObject({ error: { code: 'too_large' } });
      const many = await postBatch(Array.from({ length: 501 }, () => ({})));
      expect(many.status).toBe(413);
      expect((await (await call('/v1/items', { token: supervisor })).json()).items).toEqual([]);
    });

    it('pages through the team with cursors over HTTP', async () => {
      await postBatch(Array.from({ length: 12 }, (_, n) => sampleItem({ n })));
      const ids = new Set<string>();
      let path = '/v1/items?limit=5';
      for (;;) {
        const page = await (await call(path, { token: supervisor })).json();
        for (const item of page.items) ids.add(item.id);
        if (!page.nextCursor) break;
        path = `/v1/items?limit=5&cursor=${encodeURIComponent(page.nextCursor)}`;
      }
      expect(ids.size).toBe(12);
    });

    it('exports CSV with quoting and spreadsheet-formula guarding', async () => {
      await postBatch([sampleItem({ n: 1, text: '=HYPERLINK("evil")', notes: 'line one\nline "two"' }), sampleItem({ n: 2, site: 'facebook' })]);
      const res = await call('/v1/items.csv?site=x', { token: supervisor });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/csv/);
      const text = (await res.text()).replace(/^\uFEFF/, '');
      const [header] = text.split('\r\n');
      expect(header?.split(',').slice(0, 3)).toEqual(['id', 'agentId', 'agentName']);
      expect(text).toContain(`"'=HYPERLINK(""evil"")"`);
      expect(text).toContain('"line one\nline ""two"""');
      expect(text).not.toContain(':x:1002');
      expect(text.trim().split('\r\n')).toHaveLength(2);
    });
  });

  describe(`${label}: rate limit`, () => {
    let server: RunningServer;
    let clock = Date.UTC(2026, 10, 25, 12, 0, 0);

    beforeAll(async () => {
      await db.exec('TRUNCATE items, tokens');
      server = await startServer({ db, port: 0, rateLimit: { burst: 3, perSecond: 0.5 }, authFailureLimit: { burst: 2, perSecond: 0.1 }, now: () => clock });
    });
    afterAll(async () => server.close());

    it('answers 429 with Retry-After once a token spends its burst, and lets it through after the wait', async () => {
      const { token } = await createToken(db, { kind: 'agent', agentId: 'agent-r', name: 'Rita' });
      const me = () => fetch(`${server.url}/v1/me`, { headers: { Authorization: `Bearer ${token}` } });
      for (let i = 0; i < 3; i++) expect((await me()).status).toBe(200);
      const limited = await me();
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('2');
      expect(limited.headers.get('date')).toBeTruthy();
      clock += 2000;
      expect((await me()).status).toBe(200);
    });

    it('slows down guessing: repeated bad tokens from one address get 429', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await fetch(`${server.url}/v1/me`, { headers: { Authorization: `Bearer guess-${i}` } })).status);
      expect(statuses).toEqual([401, 401, 429, 429]);
    });
  });
}
