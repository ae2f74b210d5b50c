import type { HandledItem } from '../db/schema';
import type { FetchLike } from './types';
import { mulberry32 } from '../seeded-random';

/** A valid handled item for tests. */
export function makeItem(n: number, overrides: Partial<HandledItem> = {}): HandledItem {
  const at = new Date(Date.UTC(2026, 10, 1, 9, 0, 0) + n * 1000).toISOString();
  return {
    id: `agent-a:x:${n}`,
    schemaVersion: 2,
    site: 'x',
    postId: String(n),
    permalink: `https://x.com/c/status/${n}`,
    authorHandle: 'c',
    authorName: 'Customer',
    text: 'Where is my parcel?',
    handledAt: at,
    replyCount: 1,
    reason: 'replied',
    agentId: 'agent-a',
    agentName: 'Alice',
    mode: 'live',
    updatedAt: at,
    ...overrides,
  };
}

export interface FakeRequest {
  url: string;
  method: string;
  headers: Headers;
  body: string;
  items: HandledItem[];
}

export type FakeHandler = (req: FakeRequest, server: FakeServer, signal: AbortSignal | undefined) => Response | Promise<Response>;

/**
 * A scripted stand-in for the sync server. By default it stores items as the real one does
 * (created / updated / duplicate by id and updatedAt); `handler` may answer instead.
 */
export class FakeServer {
  readonly stored = new Map<string, HandledItem>();
  readonly requests: FakeRequest[] = [];
  /** How many times each id was written (created or updated). */
  readonly writes = new Map<string, number>();
  handler?: FakeHandler;

  readonly fetch: FetchLike = async (url, init) => {
    const body = typeof init.body === 'string' ? init.body : '';
    let items: HandledItem[] = [];
    try {
      items = (JSON.parse(body) as { items?: HandledItem[] }).items ?? [];
    } catch {
      items = [];
    }
    const req: FakeRequest = { url, method: init.method ?? 'GET', headers: new Headers(init.headers), body, items };
    this.requests.push(req);
    const signal = init.signal ?? undefined;
    if (signal?.aborted) throw new DOMException('aborted', 'AbortError');
    if (this.handler) return this.handler(req, this, signal);
    return this.accept(req);
  };

  /** The real server's behaviour: store and answer per item. */
  accept(req: FakeRequest, reject: (item: HandledItem) => string | undefined = () => undefined): Response {
    const results = req.items.map((item, index) => {
      const reason = reject(item);
      if (reason) return { index, id: item.id, status: 'rejected', reason };
      return { index, id: item.id, status: this.store(item) };
    });
    return json({ results });
  }

  store(item: HandledItem): 'created' | 'updated' | 'duplicate' {
    const current = this.stored.get(item.id);
    if (current && Date.parse(current.updatedAt) >= Date.parse(item.updatedAt)) return 'duplicate';
    this.stored.set(item.id, item);
    this.writes.set(item.id, (this.writes.get(item.id) ?? 0) + 1);
    return current ? 'updated' : 'created';
  }
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

/** A small seeded PRNG (mulberry32), so randomised tests replay exactly. */
export const seededRandom = mulberry32;
