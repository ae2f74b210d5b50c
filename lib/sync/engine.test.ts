import { beforeEach, describe, expect, it } from 'vitest';
import { configFingerprint, runSyncPass, TOKEN_REFUSED, type SyncDeps, type SyncOptions } from './engine';
import { MemoryOutboxStore } from './memory-store';
import { retrySetAside, getSyncStatus } from './status';
import { FakeServer, json, makeItem, seededRandom } from './test-support';
import type { SyncConfig } from './types';

const T0 = Date.UTC(2026, 10, 25, 12, 0, 0);
const config: SyncConfig = { endpoint: 'https://sync.example.test/careline', token: 'cl_agt_secret' };

let store: MemoryOutboxStore;
let server: FakeServer;
let now: number;
let random: () => number;

function deps(overrides: Partial<SyncDeps> = {}, options: Partial<SyncOptions> = {}): SyncDeps {
  return { store, config, fetch: server.fetch, now: () => now, random, options, ...overrides };
}

function fill(count: number, start = 0) {
  for (let i = start; i < start + count; i++) store.put(makeItem(i));
}

beforeEach(() => {
  store = new MemoryOutboxStore();
  server = new FakeServer();
  now = T0;
  random = () => 0.5;
});

describe('runSyncPass: draining', () => {
  it('sends everything in batches of at most 100 and empties the outbox', async () => {
    fill(250);
    const result = await runSyncPass(deps());
    expect(result).toMatchObject({ outcome: 'done', batches: 3, acked: 250, setAside: 0 });
    expect(server.requests.map((r) => r.items.length)).toEqual([100, 100, 50]);
    expect(server.stored.size).toBe(250);
    expect(store.rows.size).toBe(0);
    expect(store.state.lastSuccessAt).toBe(new Date(T0).toISOString());
    expect(store.state.lastError).toBeUndefined();
  });

  it('keeps every request body within 256 KB', async () => {
    for (let i = 0; i < 60; i++) store.put(makeItem(i, { text: 'ü'.repeat(6000) }));
    await runSyncPass(deps());
    expect(server.stored.size).toBe(60);
    for (const req of server.requests) expect(new TextEncoder().encode(req.body).length).toBeLessThanOrEqual(256 * 1024);
    expect(server.requests.length).toBeGreaterThan(1);
  });

  it('posts JSON to the batch path under the endpoint, with the bearer token', async () => {
    fill(1);
    await runSyncPass(deps());
    const [req] = server.requests;
    expect(req?.url).toBe('https://sync.example.test/careline/v1/items/batch');
    expect(req?.method).toBe('POST');
    expect(req?.headers.get('authorization')).toBe('Bearer cl_agt_secret');
    expect(req?.headers.get('content-type')).toBe('application/json');
  });

  it('does nothing without a config', async () => {
    fill(3);
    expect((await runSyncPass(deps({ config: null }))).outcome).toBe('not_configured');
    expect((await runSyncPass(deps({ config: { endpoint: ' ', token: 'x' } }))).outcome).toBe('not_configured');
    expect(server.requests).toHaveLength(0);
  });

  it('sends an item with two queued rows once and clears both rows', async () => {
    const item = makeItem(1);
    store.put(item);
    store.put(item);
    const result = await runSyncPass(deps());
    expect(server.requests[0]?.items).toHaveLength(1);
    expect(result.acked).toBe(1);
    expect(store.rows.size).toBe(0);
  });

  it('drops rows whose item is gone without sending anything for them', async () => {
    fill(2);
    store.items.delete('agent-a:x:0');
    await runSyncPass(deps());
    expect(server.requests[0]?.items.map((i) => i.id)).toEqual(['agent-a:x:1']);
    expect(store.rows.size).toBe(0);
  });

  it('keeps the row of an item updated while its batch was in flight, and sends the new version next', async () => {
    fill(1);
    const updated = makeItem(0, { replyCount: 2, updatedAt: new Date(T0).toISOString() });
    let first = true;
    server.handler = (req, s) => {
      if (first) {
        first = false;
        store.items.set(updated.id, updated); // the agent replied again meanwhile
      }
      return s.accept(req);
    };
    const result = await runSyncPass(deps());
    expect(result.outcome).toBe('done');
    expect(server.requests).toHaveLength(2);
    expect(server.stored.get(updated.id)?.replyCount).toBe(2);
    expect(store.rows.size).toBe(0);
  });

  it("stops after maxBatchesPerPass and says there's more", async () => {
    fill(30);
    const result = await runSyncPass(deps({}, { maxItems: 10, maxBatchesPerPass: 2 }));
    expect(result).toMatchObject({ outcome: 'more', batches: 2, acked: 20 });
    expect(await store.countPending()).toBe(10);
  });
});

describe('runSyncPass: per-item rejections', () => {
  it('sets a rejected item aside with the reason and lets the rest through; retry puts it back', async () => {
    fill(5);
    server.handler = (req, s) => s.accept(req, (item) => (item.id === 'agent-a:x:2' ? 'Invalid item: site: bad' : undefined));
    const result = await runSyncPass(deps());
    expect(result).toMatchObject({ outcome: 'done', acked: 4, setAside: 1 });
    const status = await getSyncStatus(store, config, now);
    expect(status.queued).toBe(0);
    expect(status.setAside).toEqual([{ seq: 3, itemId: 'agent-a:x:2', reason: 'Invalid item: site: bad', attempts: 0 }]);

    // A second pass leaves it alone.
    await runSyncPass(deps());
    expect(server.requests).toHaveLength(1);

    server.handler = undefined;
    expect(await retrySetAside(store)).toBe(1);
    expect((await getSyncStatus(store, config, now)).queued).toBe(1);
    const again = await runSyncPass(deps());
    expect(again.acked).toBe(1);
    expect(server.stored.has('agent-a:x:2')).toBe(true);
    expect((await getSyncStatus(store, config, now)).setAside).toEqual([]);
  });

  it('retries only the chosen set-aside rows', async () => {
    fill(3);
    server.handler = (req, s) => s.accept(req, () => 'no');
    await runSyncPass(deps());
    expect(await retrySetAside(store, [2])).toBe(1);
    const status = await getSyncStatus(store, config, now);
    expect(status.queued).toBe(1);
    expect(status.setAside.map((r) => r.seq)).toEqual([1, 3]);
  });
});

describe('runSyncPass: token refused', () => {
  for (const status of [401, 403]) {
    it(`stops on ${status}, says "token refused", keeps every row, and stays stopped until forced or reconfigured`, async () => {
      fill(3);
      server.handler = () => json({ error: { code: 'token_refused', message: 'nope' } }, status);
      const result = await runSyncPass(deps());
      expect(result.outcome).toBe('token_refused');
      expect(result.error).toMatch(new RegExp(`^${TOKEN_REFUSED}`));
      expect(store.rows.size).toBe(3);
      expect((await getSyncStatus(store, config, now)).tokenRefused).toBe(true);

      expect((await runSyncPass(deps())).outcome).toBe('token_refused');
      expect(server.requests).toHaveLength(1);

      server.handler = undefined;
      const newConfig = { ...config, token: 'cl_agt_new' };
      expect((await getSyncStatus(store, newConfig, now)).tokenRefused).toBe(false);
      expect((await runSyncPass(deps({ config: newConfig }))).outcome).toBe('done');
      expect(store.rows.size).toBe(0);
    });
  }

  it('"sync now" (force) tries a refused token again', async () => {
    fill(1);
    store.state = { tokenRefusedFor: configFingerprint(config), lastError: 'Token refused' };
    expect((await runSyncPass(deps(), { force: true })).outcome).toBe('done');
    expect(store.state.tokenRefusedFor).toBeUndefined();
  });
});

describe('runSyncPass: 413 and 400', () => {
  it('halves the batch on 413 until the server takes it, and remembers the smaller size', async () => {
    fill(100);
    server.handler = (req, s) => (req.items.length > 12 ? json({ error: { code: 'too_large', message: 'big' } }, 413) : s.accept(req));
    const result = await runSyncPass(deps());
    expect(result.outcome).toBe('done');
    expect(server.stored.size).toBe(100);
    const sizes = server.requests.map((r) => r.items.length);
    expect(sizes.slice(0, 4)).toEqual([100, 50, 25, 12]);
    expect(Math.max(...sizes.slice(3))).toBeLessThanOrEqual(24);
    expect(store.rows.size).toBe(0);
  });

  it('halves down to one item, sets that item aside as too large, and sends the rest', async () => {
    fill(9);
    const huge = 'agent-a:x:4';
    server.handler = (req, s) =>
      req.items.some((i) => i.id === huge) ? json({ error: { code: 'too_large', message: 'Over 1 MiB' } }, 413) : s.accept(req);
    const result = await runSyncPass(deps());
    expect(result.outcome).toBe('done');
    expect(server.stored.size).toBe(8);
    expect(server.requests.some((r) => r.items.length === 1 && r.items[0]?.id === huge)).toBe(true);
    const status = await getSyncStatus(store, config, now);
    expect(status.setAside).toHaveLength(1);
    expect(status.setAside[0]?.reason).toMatch(/Too large.*Over 1 MiB/);
  });

  it('isolates an item the server cannot read (400) and sets it aside with the server message', async () => {
    fill(6);
    server.handler = (req, s) =>
      req.items.some((i) => i.id === 'agent-a:x:0') ? json({ error: { code: 'bad_request', message: 'broken' } }, 400) : s.accept(req);
    await runSyncPass(deps());
    expect(server.stored.size).toBe(5);
    expect((await getSyncStatus(store, config, now)).setAside[0]).toMatchObject({ itemId: 'agent-a:x:0', reason: expect.stringMatching(/broken/) });
  });
});

describe('runSyncPass: backoff', () => {
  it('backs off exponentially with jitter on 5xx, keeps the rows and counts the attempt', async () => {
    fill(2);
    server.handler = () => json({ error: { code: 'internal', message: 'boom' } }, 500);
    random = () => 0;
    const first = await runSyncPass(deps());
    expect(first.outcome).toBe('failed');
    expect(first.nextAttemptAt).toBe(T0 + 1000);
    expect(first.error).toMatch(/500/);
    expect([...store.rows.values()].map((r) => r.attempts)).toEqual([1, 1]);

    now = first.nextAttemptAt!;
    random = () => 1;
    const second = await runSyncPass(deps());
    expect(second.nextAttemptAt).toBe(now + 4000);
    expect(store.state.consecutiveFailures).toBe(2);
    expect((await getSyncStatus(store, config, now)).lastError).toMatch(/500/);
  });

  it('does not send while backing off, but "sync now" may', async () => {
    fill(1);
    server.handler = () => new Response('bad gateway', { status: 502 });
    const failed = await runSyncPass(deps());
    now += 100;
    const waiting = await runSyncPass(deps());
    expect(waiting).toMatchObject({ outcome: 'waiting', nextAttemptAt: failed.nextAttemptAt, batches: 0 });
    expect(server.requests).toHaveLength(1);
    server.handler = undefined;
    expect((await runSyncPass(deps(), { force: true })).outcome).toBe('done');
  });

  it('caps the backoff at 30 minutes after many failures', async () => {
    fill(1);
    server.handler = () => new Response('', { status: 503 });
    random = () => 1;
    let last = 0;
    for (let i = 0; i < 25; i++) {
      const r = await runSyncPass(deps());
      expect(r.outcome).toBe('failed');
      last = r.nextAttemptAt! - now;
      expect(last).toBeLessThanOrEqual(30 * 60_000);
      now = r.nextAttemptAt!;
    }
    expect(last).toBe(30 * 60_000);
  });

  it('treats a network failure as offline and backs off', async () => {
    fill(1);
    server.handler = () => {
      throw new TypeError('Failed to fetch');
    };
    const r = await runSyncPass(deps());
    expect(r.outcome).toBe('failed');
    expect(r.error).toMatch(/Couldn't reach the sync server/);
    expect(store.rows.size).toBe(1);
  });

  it('times a request out with its AbortController and backs off', async () => {
    fill(1);
    server.handler = (_req, _s, signal) =>
      new Promise<Response>((_resolve, reject) => {
        signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    const r = await runSyncPass(deps({}, { timeoutMs: 20 }));
    expect(r.outcome).toBe('failed');
    expect(r.error).toMatch(/did not answer within/);
    expect(store.rows.size).toBe(1);
  });

  it('times out a reply whose body never finishes', async () => {
    fill(1);
    server.handler = (_req, _s, signal) => {
      const body = new ReadableStream({
        start(controller) {
          signal?.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')));
        },
      });
      return new Response(body, { status: 200 });
    };
    const r = await runSyncPass(deps({}, { timeoutMs: 20 }));
    expect(r.error).toMatch(/did not answer within/);
    expect(store.rows.size).toBe(1);
  });

  it('a success clears the error and the failure count', async () => {
    fill(1);
    server.handler = () => new Response('', { status: 500 });
    await runSyncPass(deps());
    server.handler = undefined;
    await runSyncPass(deps(), { force: true });
    expect(store.state).toMatchObject({ consecutiveFailures: 0 });
    expect(store.state.lastError).toBeUndefined();
    expect(store.state.backoffUntil).toBeUndefined();
  });

  it('backs off on a 2xx it cannot read, keeping the rows', async () => {
    fill(2);
    server.handler = () => new Response('<html>captive portal</html>', { status: 200 });
    const r = await runSyncPass(deps());
    expect(r.outcome).toBe('failed');
    expect(r.error).toMatch(/cannot read/);
    expect(store.rows.size).toBe(2);
  });

  it('keeps items the server did not answer for', async () => {
    fill(3);
    server.handler = (req, s) => {
      const full = s.accept(req);
      return full.json().then((body: { results: unknown[] }) => json({ results: body.results.slice(0, 2) }));
    };
    const r = await runSyncPass(deps());
    expect(r).toMatchObject({ outcome: 'failed', acked: 2 });
    expect([...store.rows.values()].map((row) => row.itemId)).toEqual(['agent-a:x:2']);
  });

  it('backs off on an unexpected status such as 404, naming it', async () => {
    fill(1);
    server.handler = () => new Response('not here', { status: 404 });
    const r = await runSyncPass(deps());
    expect(r.error).toMatch(/404/);
    expect(store.rows.size).toBe(1);
  });
});

describe('runSyncPass: Retry-After', () => {
  it('waits the seconds of a 429 Retry-After, even against "sync now", without counting a failure', async () => {
    fill(1);
    server.handler = () => json({ error: { code: 'rate_limited', message: 'slow' } }, 429, { 'Retry-After': '120' });
    const r = await runSyncPass(deps());
    expect(r).toMatchObject({ outcome: 'failed', nextAttemptAt: T0 + 120_000 });
    expect(store.state.consecutiveFailures ?? 0).toBe(0);
    now = T0 + 119_000;
    expect(await runSyncPass(deps(), { force: true })).toMatchObject({ outcome: 'waiting', nextAttemptAt: T0 + 120_000 });
    expect(server.requests).toHaveLength(1);
    server.handler = undefined;
    now = T0 + 120_000;
    expect((await runSyncPass(deps())).outcome).toBe('done');
  });

  it("measures a 503 Retry-After date against the response's Date, whatever the local clock says", async () => {
    fill(1);
    const serverNow = T0 - 7 * 60_000; // the local clock is 7 minutes ahead
    server.handler = () =>
      new Response('', {
        status: 503,
        headers: { 'Retry-After': new Date(serverNow + 300_000).toUTCString(), Date: new Date(serverNow).toUTCString() },
      });
    const r = await runSyncPass(deps());
    expect(r.nextAttemptAt).toBe(T0 + 300_000);
    expect(store.state.retryAfterUntil).toBe(new Date(T0 + 300_000).toISOString());
    expect((await getSyncStatus(store, config, now)).nextAttemptAt).toBe(new Date(T0 + 300_000).toISOString());
  });

  it('backs off exponentially on 429 or 503 without a Retry-After', async () => {
    fill(1);
    random = () => 0;
    server.handler = () => new Response('', { status: 429 });
    expect((await runSyncPass(deps())).nextAttemptAt).toBe(T0 + 1000);
  });

  it('caps an absurd Retry-After at a day', async () => {
    fill(1);
    server.handler = () => new Response('', { status: 429, headers: { 'Retry-After': String(365 * 86_400) } });
    expect((await runSyncPass(deps())).nextAttemptAt).toBe(T0 + 86_400_000);
  });
});

describe('runSyncPass: nothing lost, nothing counted twice', () => {
  it('overlapping passes deliver every item once', async () => {
    fill(300);
    server.handler = async (req, s) => {
      await new Promise((r) => setTimeout(r, 1));
      return s.accept(req);
    };
    const [a, b] = await Promise.all([runSyncPass(deps()), runSyncPass(deps())]);
    expect(a.outcome).toBe('done');
    expect(b.outcome).toBe('done');
    expect(server.stored.size).toBe(300);
    expect([...server.writes.values()].every((n) => n === 1)).toBe(true);
    expect(store.rows.size).toBe(0);
  });

  it('survives random failures, lost replies and updates mid-flight with the server holding exactly the latest of every item', async () => {
    const rng = seededRandom(20261125);
    random = rng;
    const latest = new Map<string, string>();
    let n = 0;
    const write = (i: number) => {
      const updatedAt = new Date(T0 + n++ * 1000).toISOString();
      const item = makeItem(i, { updatedAt, replyCount: n });
      const hadRow = [...store.rows.values()].some((r) => r.itemId === item.id && !r.rejectedReason);
      store.items.set(item.id, item);
      if (!hadRow) store.put(item);
      latest.set(item.id, updatedAt);
    };
    for (let i = 0; i < 120; i++) write(i);

    server.handler = async (req, s) => {
      const roll = rng();
      if (roll < 0.12) throw new TypeError('network down');
      if (roll < 0.2) return new Response('', { status: 500 });
      if (roll < 0.26) return json({ error: { code: 'too_large', message: 'big' } }, 413);
      if (roll < 0.3) return new Response('', { status: 429, headers: { 'Retry-After': '3' } });
      if (roll < 0.4) {
        s.accept(req); // stored, but the reply is lost on the way back
        throw new TypeError('connection reset');
      }
      if (rng() < 0.3) write(Math.floor(rng() * 150)); // the agent keeps working meanwhile
      return s.accept(req);
    };

    for (let round = 0; round < 400 && (store.rows.size > 0 || round < 5); round++) {
      const r = await runSyncPass(deps({}, { maxItems: 20 }));
      now = Math.max(now + 1000, r.nextAttemptAt ?? 0);
    }
    expect(store.rows.size).toBe(0);
    expect(server.stored.size).toBe(latest.size);
    for (const [id, updatedAt] of latest) expect(server.stored.get(id)?.updatedAt).toBe(updatedAt);
  });
});
