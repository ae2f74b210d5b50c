import { describe, expect, it } from 'vitest';
import { testConnection } from './connection';
import { endpointUrl } from './http';
import { fetchAllTeamItems, fetchTeamItems, mergeTeamItems, SyncRequestError } from './team';
import { json, makeItem } from './test-support';
import type { FetchLike } from './types';

const config = { endpoint: 'https://sync.example.test/', token: 'cl_sup_x' };

function recording(answer: (url: URL) => Response | Promise<Response>): { fetch: FetchLike; urls: URL[]; inits: RequestInit[] } {
  const urls: URL[] = [];
  const inits: RequestInit[] = [];
  return {
    urls,
    inits,
    fetch: async (url, init) => {
      urls.push(new URL(url));
      inits.push(init);
      return answer(new URL(url));
    },
  };
}

describe('endpointUrl', () => {
  it('joins paths under the endpoint, keeping a path prefix', () => {
    expect(endpointUrl('https://a.test', '/v1/me')).toBe('https://a.test/v1/me');
    expect(endpointUrl('https://a.test/careline/', '/v1/me')).toBe('https://a.test/careline/v1/me');
    expect(endpointUrl(' https://a.test/careline ', 'v1/items?x=1')).toBe('https://a.test/careline/v1/items?x=1');
  });
});

describe('fetchTeamItems', () => {
  it('sends the filters as query parameters with the bearer token', async () => {
    const r = recording(() => json({ items: [], nextCursor: null }));
    await fetchTeamItems(config, { agentId: 'a1', site: 'x', from: '2026-11-01T00:00:00.000Z', limit: 50, mode: undefined }, { fetch: r.fetch });
    const url = r.urls[0]!;
    expect(url.pathname).toBe('/v1/items');
    expect(Object.fromEntries(url.searchParams)).toEqual({ agentId: 'a1', site: 'x', from: '2026-11-01T00:00:00.000Z', limit: '50' });
    expect(new Headers(r.inits[0]!.headers).get('authorization')).toBe('Bearer cl_sup_x');
  });

  it('keeps valid items, counts the ones that fail the local schema', async () => {
    const r = recording(() => json({ items: [makeItem(1), { id: 'broken' }, makeItem(2)], nextCursor: 'c2' }));
    const page = await fetchTeamItems(config, {}, { fetch: r.fetch });
    expect(page.items.map((i) => i.id)).toEqual(['agent-a:x:1', 'agent-a:x:2']);
    expect(page).toMatchObject({ invalid: 1, nextCursor: 'c2' });
  });

  it('says token refused, unreachable, HTTP error or unreadable reply', async () => {
    const refused = recording(() => json({ error: { code: 'token_refused', message: 'no' } }, 401));
    await expect(fetchTeamItems(config, {}, { fetch: refused.fetch })).rejects.toMatchObject({ kind: 'token_refused', status: 401 });
    const offline: FetchLike = async () => {
      throw new TypeError('Failed to fetch');
    };
    await expect(fetchTeamItems(config, {}, { fetch: offline })).rejects.toMatchObject({ kind: 'unreachable' });
    const failing = recording(() => json({ error: { code: 'bad_request', message: 'limit: too big' } }, 400));
    const error = await fetchTeamItems(config, {}, { fetch: failing.fetch }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncRequestError);
    expect((error as SyncRequestError).message).toMatch(/400: limit: too big/);
    const html = recording(() => new Response('<html>', { status: 200 }));
    await expect(fetchTeamItems(config, {}, { fetch: html.fetch })).rejects.toMatchObject({ kind: 'bad_reply' });
  });

  it('follows cursors to the end with fetchAllTeamItems, and stops at maxItems', async () => {
    const pages: Record<string, { items: unknown[]; nextCursor: string | null }> = {
      '': { items: [makeItem(1), makeItem(2)], nextCursor: 'p2' },
      p2: { items: [makeItem(3)], nextCursor: 'p3' },
      p3: { items: [makeItem(4)], nextCursor: null },
    };
    const r = recording((url) => json(pages[url.searchParams.get('cursor') ?? '']));
    const all = await fetchAllTeamItems(config, { site: 'x' }, { fetch: r.fetch });
    expect(all.items.map((i) => i.postId)).toEqual(['1', '2', '3', '4']);
    expect(all.truncated).toBe(false);
    expect(r.urls.every((u) => u.searchParams.get('site') === 'x')).toBe(true);
    const some = await fetchAllTeamItems(config, {}, { fetch: r.fetch, maxItems: 2 });
    expect(some.items).toHaveLength(2);
    expect(some.truncated).toBe(true);
  });
});

describe('mergeTeamItems', () => {
  it('keeps one entry per id, the newer version, local on a tie, newest handled first', () => {
    const local = [makeItem(1, { notes: 'local' }), makeItem(2, { notes: 'local old', updatedAt: '2026-11-01T00:00:00.000Z' })];
    const team = [
      makeItem(1, { notes: 'team same time' }),
      makeItem(2, { notes: 'team newer', updatedAt: '2026-11-20T00:00:00.000Z' }),
      makeItem(3, { id: 'agent-b:x:3', agentId: 'agent-b' }),
    ];
    const merged = mergeTeamItems(local, team);
    expect(merged.map((i) => [i.id, i.notes])).toEqual([
      ['agent-b:x:3', undefined],
      ['agent-a:x:2', 'team newer'],
      ['agent-a:x:1', 'local'],
    ]);
  });
});

describe('testConnection', () => {
  it('reports ok with who the token is', async () => {
    const r = recording(() => json({ tokenId: 'tok_1', kind: 'agent', agentId: 'a1', name: 'Alice' }));
    expect(await testConnection(config, { fetch: r.fetch })).toEqual({ status: 'ok', kind: 'agent', agentId: 'a1', name: 'Alice' });
    expect(r.urls[0]?.pathname).toBe('/v1/me');
  });

  it('tells unreachable, token refused and other errors apart', async () => {
    const offline: FetchLike = async () => {
      throw new TypeError('Failed to fetch');
    };
    expect((await testConnection(config, { fetch: offline })).status).toBe('unreachable');
    for (const status of [401, 403]) {
      const r = recording(() => new Response('', { status }));
      expect(await testConnection(config, { fetch: r.fetch })).toMatchObject({ status: 'token_refused', message: expect.stringMatching(/^Token refused/) });
    }
    const notFound = recording(() => new Response('', { status: 404 }));
    expect(await testConnection(config, { fetch: notFound.fetch })).toMatchObject({ status: 'error', httpStatus: 404 });
    const other = recording(() => json({ hello: 'world' }));
    expect((await testConnection(config, { fetch: other.fetch })).status).toBe('error');
    const hanging: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    expect(await testConnection(config, { fetch: hanging, timeoutMs: 20 })).toMatchObject({ status: 'unreachable', message: expect.stringMatching(/did not answer/) });
  });

  it('asks for the address and token before calling anything', async () => {
    const r = recording(() => json({}));
    expect((await testConnection({ endpoint: '', token: 'x' }, { fetch: r.fetch })).status).toBe('error');
    expect((await testConnection({ endpoint: 'https://a.test', token: ' ' }, { fetch: r.fetch })).status).toBe('token_refused');
    expect((await testConnection({ endpoint: 'not a url', token: 'x' }, { fetch: r.fetch })).status).toBe('unreachable');
    expect(r.urls).toHaveLength(0);
  });
});
