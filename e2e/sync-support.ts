/**
 * Support for e2e/sync.spec.ts: the real sync server (PGlite in memory), a scriptable fault proxy
 * in front of it, and helpers that drive the built extension's worker from an extension page.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import type { HandledItem } from '../lib/db/schema';
import type { Db } from '../server/src/db';
import { startServer, type RunningServer } from '../server/src/server';
import { createToken } from '../server/src/tokens';
import { openTestPglite } from '../server/test/pglite-template';
import { EXTENSION_DIR, extensionIdOf, launchWithExtension } from './browser';

export const BATCH_PATH = '/v1/items/batch';

/** The slice of the extension API the page-side snippets use (the project has no @types/chrome). */
interface ChromeGlobal {
  chrome: {
    runtime: { sendMessage(message: unknown): Promise<unknown> };
    permissions: {
      request(p: { origins: string[] }): Promise<boolean>;
      contains(p: { origins: string[] }): Promise<boolean>;
      remove(p: { origins: string[] }): Promise<boolean>;
    };
    developerPrivate: { addHostPermission(id: string, host: string): Promise<void> };
  };
}

// ---------------------------------------------------------------------------------------------
// The server

export interface SyncBackend {
  server: RunningServer;
  db: Db;
  close(): Promise<void>;
}

/** The reference server on a free loopback port; its rate limit is out of the way (the proxy plays 429). */
export async function startSyncBackend(): Promise<SyncBackend> {
  const db = await openTestPglite();
  const server = await startServer({ db, port: 0, rateLimit: { burst: 100_000, perSecond: 100_000 } });
  return {
    server,
    db,
    async close() {
      await server.close();
      await db.close();
    },
  };
}

export async function agentToken(db: Db, agentId: string): Promise<string> {
  return (await createToken(db, { kind: 'agent', agentId, name: `E2E ${agentId}` })).token;
}

export interface ServerRows {
  rows: number;
  distinctIds: number;
  ids: Set<string>;
  /** Rows the server rewrote after creating them (revision above 1). */
  rewritten: number;
}

/** What the server holds for one agent, read from its database. */
export async function serverRows(db: Db, agentId: string): Promise<ServerRows> {
  const rows = await db.query<{ id: string; revision: number }>('SELECT id, revision FROM items WHERE agent_id = $1', [agentId]);
  return {
    rows: rows.length,
    distinctIds: new Set(rows.map((r) => r.id)).size,
    ids: new Set(rows.map((r) => r.id)),
    rewritten: rows.filter((r) => Number(r.revision) > 1).length,
  };
}

// ---------------------------------------------------------------------------------------------
// The fault proxy

export type Fault =
  /** The connection is dropped before any answer. */
  | { kind: 'offline' }
  /** This status (and headers) instead of the server's answer; the server never sees the request. */
  | { kind: 'status'; status: number; headers?: Record<string, string>; message?: string }
  /** The batch goes to the server without these items; each gets a per-item `rejected` with this reason. */
  | { kind: 'reject'; reasons: ReadonlyMap<string, string> };

export interface ProxiedRequest {
  path: string;
  method: string;
  /** Item ids in a batch request, in order. */
  ids: string[];
}

export interface ProxyLogEntry extends ProxiedRequest {
  /** Date.now() when the request arrived and when the answer went out. */
  at: number;
  answeredAt?: number;
  /** 'offline' when the connection was dropped; 'aborted' when the client went away first. */
  status?: number | 'offline' | 'aborted';
  forwarded: boolean;
  results?: Array<{ index: number; id: string | null; status: string; reason?: string }>;
}

const MAX_BODY = 8 * 1024 * 1024;

/**
 * A loopback HTTP proxy in front of the server that logs every request and its per-item results,
 * and answers with a fault when `fault` says so. Bounded: loopback only, bodies up to 8 MB.
 */
export class FaultProxy {
  readonly log: ProxyLogEntry[] = [];
  /** Decides the fault for each request (undefined: pass it through). */
  fault: ((request: ProxiedRequest) => Fault | undefined) | undefined;
  /** Holds each batch's answer this long before sending it (widens the window for kills). */
  holdMs = 0;
  /** Called when a batch request arrives, before it is forwarded. */
  onBatch: ((entry: ProxyLogEntry) => void) | undefined;
  url = '';
  private server?: http.Server;
  private readonly sockets = new Set<Socket>();

  constructor(private readonly target: string) {}

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** Stops listening (connections are refused) until resume(); the port is kept for resume. */
  async pause(): Promise<void> {
    await this.stop();
  }

  async resume(): Promise<void> {
    const port = Number(new URL(this.url).port);
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, '127.0.0.1', () => {
        this.server!.off('error', reject);
        resolve();
      });
    });
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server?.listening ? this.server.close(() => resolve()) : resolve()));
  }

  batches(): ProxyLogEntry[] {
    return this.log.filter((e) => e.path === BATCH_PATH);
  }

  /** How many times the server answered `created` for each id. */
  createdCounts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const entry of this.batches()) {
      for (const r of entry.results ?? []) if (r.status === 'created' && r.id) counts.set(r.id, (counts.get(r.id) ?? 0) + 1);
    }
    return counts;
  }

  /** Every result status the server (or the proxy) gave, counted. */
  resultCounts(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const entry of this.batches()) for (const r of entry.results ?? []) counts[r.status] = (counts[r.status] ?? 0) + 1;
    return counts;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const chunks: Buffer[] = [];
    let size = 0;
    let clientGone = false;
    res.on('close', () => {
      if (!res.writableFinished) clientGone = true;
    });
    try {
      for await (const chunk of req) {
        size += (chunk as Buffer).length;
        if (size > MAX_BODY) {
          req.socket.destroy();
          return;
        }
        chunks.push(chunk as Buffer);
      }
    } catch {
      return;
    }
    const body = Buffer.concat(chunks);
    let items: Array<{ id?: unknown }> = [];
    if (url.pathname === BATCH_PATH) {
      try {
        const parsed = JSON.parse(body.toString('utf8')) as { items?: unknown };
        if (Array.isArray(parsed.items)) items = parsed.items as Array<{ id?: unknown }>;
      } catch {
        items = [];
      }
    }
    const request: ProxiedRequest = { path: url.pathname, method: req.method ?? 'GET', ids: items.map((i) => String(i.id)) };
    const entry: ProxyLogEntry = { ...request, at: Date.now(), forwarded: false };
    this.log.push(entry);
    if (url.pathname === BATCH_PATH) this.onBatch?.(entry);
    const fault = this.fault?.(request);

    if (fault?.kind === 'offline') {
      entry.status = 'offline';
      entry.answeredAt = Date.now();
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'status') {
      const message = fault.message ?? `Injected ${fault.status}.`;
      const payload = JSON.stringify({ error: { code: `injected_${fault.status}`, message } });
      entry.status = fault.status;
      entry.answeredAt = Date.now();
      res.writeHead(fault.status, { 'Content-Type': 'application/json', Date: new Date().toUTCString(), ...(fault.headers ?? {}) });
      res.end(payload);
      return;
    }

    // Forward (minus the items a 'reject' fault refuses), then splice the refusals into the results.
    const refused = fault?.kind === 'reject' ? fault.reasons : new Map<string, string>();
    const keptIndexes = items.map((_, i) => i).filter((i) => !refused.has(request.ids[i]!));
    const forwardBody =
      refused.size > 0 ? Buffer.from(JSON.stringify({ items: keptIndexes.map((i) => items[i]) }), 'utf8') : body;
    entry.forwarded = true;
    let upstream: { status: number; headers: http.IncomingHttpHeaders; body: Buffer };
    try {
      upstream = await this.forward(req, url, forwardBody);
    } catch {
      entry.status = 'offline';
      req.socket.destroy();
      return;
    }
    let answer = upstream.body;
    if (url.pathname === BATCH_PATH && upstream.status === 200) {
      const parsed = JSON.parse(upstream.body.toString('utf8')) as { results: NonNullable<ProxyLogEntry['results']> };
      let results = parsed.results;
      if (refused.size > 0) {
        results = items.map((_, i) => {
          const id = request.ids[i]!;
          const reason = refused.get(id);
          if (reason !== undefined) return { index: i, id, status: 'rejected', reason };
          const forwarded = parsed.results[keptIndexes.indexOf(i)]!;
          return { ...forwarded, index: i };
        });
        answer = Buffer.from(JSON.stringify({ results }), 'utf8');
      }
      entry.results = results;
    }
    if (url.pathname === BATCH_PATH && this.holdMs > 0) await new Promise((r) => setTimeout(r, this.holdMs));
    if (clientGone || res.destroyed) {
      entry.status = 'aborted';
      return;
    }
    entry.status = upstream.status;
    entry.answeredAt = Date.now();
    const headers = { ...upstream.headers };
    delete headers['content-length'];
    delete headers['transfer-encoding'];
    res.writeHead(upstream.status, { ...headers, 'Content-Length': String(answer.length) });
    res.end(answer);
  }

  private forward(req: http.IncomingMessage, url: URL, body: Buffer): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
    const target = new URL(url.pathname + url.search, this.target);
    const headers = { ...req.headers, host: target.host, 'content-length': String(body.length) };
    return new Promise((resolve, reject) => {
      const out = http.request(target, { method: req.method, headers }, (answer) => {
        const parts: Buffer[] = [];
        answer.on('data', (c: Buffer) => parts.push(c));
        answer.on('end', () => resolve({ status: answer.statusCode ?? 502, headers: answer.headers, body: Buffer.concat(parts) }));
        answer.on('error', reject);
      });
      out.on('error', reject);
      out.end(body);
    });
  }
}

// ---------------------------------------------------------------------------------------------
// The extension

let extensionCopy: string | undefined;

/**
 * A private copy of the built extension: other engineers rebuild .output/ while these tests run,
 * and a half-written build under a running browser fails in confusing ways.
 */
export function extensionSnapshot(): string {
  if (!extensionCopy) {
    extensionCopy = path.join(mkdtempSync(path.join(tmpdir(), 'careline-sync-ext-')), 'chrome-mv3');
    cpSync(EXTENSION_DIR, extensionCopy, { recursive: true });
  }
  return extensionCopy;
}

export function removeExtensionSnapshot(): void {
  if (extensionCopy) rmSync(path.dirname(extensionCopy), { recursive: true, force: true });
  extensionCopy = undefined;
}

export interface SyncBrowser {
  context: BrowserContext;
  extensionId: string;
  /** An extension page (options.html) the messages are sent from. */
  control: Page;
  cdp: CDPSession;
  close(): Promise<void>;
}

export async function launchSyncBrowser(): Promise<SyncBrowser> {
  const context = await launchWithExtension({ extensionDir: extensionSnapshot() });
  const extensionId = await extensionIdOf(context);
  const control = context.pages()[0] ?? (await context.newPage());
  await control.goto(`chrome-extension://${extensionId}/options.html`);
  const cdp = await context.newCDPSession(control);
  await cdp.send('ServiceWorker.enable');
  return { context, extensionId, control, cdp, close: () => context.close() };
}

export type SendResult = { ok: true; value: unknown } | { ok: false; error: string };

/** One protocol message from the extension page to the worker (the way the options page sends it). */
export async function send(page: Page, type: string, payload: Record<string, unknown> = {}): Promise<SendResult> {
  return page.evaluate(
    async ({ type, payload }) => {
      try {
        const { chrome } = globalThis as unknown as ChromeGlobal;
        return { ok: true as const, value: await chrome.runtime.sendMessage({ careline: 1, type, payload }) };
      } catch (error) {
        return { ok: false as const, error: String(error) };
      }
    },
    { type, payload },
  );
}

/** Sends and insists on an answer (the worker restarts on a message, so one retry covers a restart race). */
export async function ask<T = Record<string, unknown>>(page: Page, type: string, payload: Record<string, unknown> = {}): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const result = await send(page, type, payload);
    if (result.ok) return result.value as T;
    if (attempt >= 3) throw new Error(`${type}: ${result.error}`);
  }
}

export interface StatusReport {
  queued: number;
  lastSuccessAt?: string;
  lastError?: string;
  nextAttemptAt?: string;
  tokenRefused: boolean;
  setAside: Array<{ seq: number; itemId: string; reason: string; attempts: number }>;
  enabled: boolean;
  endpoint: string;
  hasToken: boolean;
  blocker: string | null;
}

export interface PassReply {
  outcome: string;
  batches: number;
  acked: number;
  setAside: number;
  nextAttemptAt?: number;
  error?: string;
}

export const status = (page: Page) => ask<StatusReport>(page, 'sync.status');
export const syncNow = (page: Page) => ask<PassReply>(page, 'sync.now');

/**
 * Grants the backend's origin the way a user would: the site is allowed for Careline on
 * chrome://extensions (Site access → add a site), then the extension's own
 * `permissions.request` runs on a real click. Headless Chromium shows `permissions.request`'s
 * prompt where no test can click it (the promise never settles); for a site the user has already
 * allowed for this extension, Chromium grants the request without a prompt. The extension's code
 * path (request in the click, contains() before each pass) is unchanged.
 */
export async function allowSiteForExtension(context: BrowserContext, extensionId: string, origin: string): Promise<void> {
  const page = await context.newPage();
  try {
    await page.goto(`chrome://extensions/?id=${extensionId}`);
    await page.evaluate(
      ({ id, host }) => (globalThis as unknown as ChromeGlobal).chrome.developerPrivate.addHostPermission(id, host),
      { id: extensionId, host: `${origin}/*` },
    );
  } finally {
    await page.close();
  }
}

/** `permissions.request` for the origin, called in a click on an extension page (a user gesture). */
export async function requestOriginInClick(page: Page, origin: string): Promise<boolean> {
  await page.evaluate((pattern) => {
    const button = document.createElement('button');
    button.id = 'e2e-grant';
    button.textContent = 'grant';
    button.style.position = 'fixed';
    button.style.top = '0';
    button.style.left = '0';
    button.style.zIndex = '2147483647';
    button.addEventListener('click', () => {
      (globalThis as unknown as ChromeGlobal).chrome.permissions.request({ origins: [pattern] }).then(
        (granted) => button.setAttribute('data-granted', String(granted)),
        (error: unknown) => button.setAttribute('data-granted', `error: ${String(error)}`),
      );
    });
    document.body.append(button);
  }, `${origin}/*`);
  await page.click('#e2e-grant');
  const handle = await page.waitForSelector('#e2e-grant[data-granted]', { timeout: 5_000 });
  const granted = await handle.getAttribute('data-granted');
  await page.evaluate(() => document.getElementById('e2e-grant')?.remove());
  return granted === 'true';
}

export async function hasOrigin(page: Page, origin: string): Promise<boolean> {
  return page.evaluate((pattern) => (globalThis as unknown as ChromeGlobal).chrome.permissions.contains({ origins: [pattern] }), `${origin}/*`);
}

export async function removeOrigin(page: Page, origin: string): Promise<boolean> {
  return page.evaluate((pattern) => (globalThis as unknown as ChromeGlobal).chrome.permissions.remove({ origins: [pattern] }), `${origin}/*`);
}

/** Stops the extension's service worker (as Chrome does when idle or under memory pressure) and waits until it is stopped. */
export async function stopWorker(cdp: CDPSession, extensionId: string, timeoutMs = 10_000): Promise<void> {
  const stopped = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      cdp.off('ServiceWorker.workerVersionUpdated', listener);
      reject(new Error('The service worker did not stop.'));
    }, timeoutMs);
    const listener = (event: { versions: Array<{ scriptURL: string; runningStatus: string }> }) => {
      if (event.versions.some((v) => v.scriptURL.includes(extensionId) && v.runningStatus === 'stopped')) {
        clearTimeout(timer);
        cdp.off('ServiceWorker.workerVersionUpdated', listener);
        resolve();
      }
    };
    cdp.on('ServiceWorker.workerVersionUpdated', listener);
  });
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
}

// ---------------------------------------------------------------------------------------------
// Items

/** A valid handled item (lib/db/schema.ts HandledItemSchema) for `agentId`. */
export function makeItem(agentId: string, n: number, overrides: Partial<HandledItem> = {}): HandledItem {
  const at = new Date(Date.UTC(2026, 10, 2, 9, 0, 0) + n * 1000).toISOString();
  return {
    id: `${agentId}:x:${1_790_000_000_000_000_000n + BigInt(n)}`,
    schemaVersion: 2,
    site: 'x',
    postId: String(1_790_000_000_000_000_000n + BigInt(n)),
    permalink: `https://x.com/customer${n % 50}/status/${1_790_000_000_000_000_000n + BigInt(n)}`,
    authorHandle: `customer${n % 50}`,
    authorName: `Customer ${n % 50}`,
    text: `Order #${4000 + n} has not arrived yet, can you check?`,
    language: 'en',
    postedAt: at,
    handledAt: at,
    repliedAt: at,
    replyCount: 1,
    reason: 'replied',
    intent: 'complaint',
    agentId,
    agentName: `Agent ${agentId}`,
    mode: 'live',
    updatedAt: at,
    ...overrides,
  };
}

/**
 * Writes items and their outbox rows into the extension's database directly (one transaction),
 * as the worker's log writer would have queued them. The worker must have opened the database
 * first (any sync message does), so this opens the existing version and changes no schema.
 */
export async function seedOutbox(page: Page, items: readonly HandledItem[]): Promise<void> {
  await page.evaluate(async (rows) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('careline');
      open.onupgradeneeded = () => {
        open.transaction?.abort();
        reject(new Error('The careline database does not exist yet.'));
      };
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    try {
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(['items', 'outbox'], 'readwrite');
        const items = tx.objectStore('items');
        const outbox = tx.objectStore('outbox');
        const enqueuedAt = new Date().toISOString();
        for (const item of rows) {
          items.put(item);
          outbox.add({ itemId: item.id, attempts: 0, enqueuedAt });
        }
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error ?? new Error('seed aborted'));
      });
    } finally {
      db.close();
    }
  }, items as HandledItem[]);
}

/** Outbox rows as stored (all of them, set aside or not). */
export async function outboxRows(page: Page): Promise<Array<{ seq: number; itemId: string; rejectedReason?: string; attempts: number }>> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('careline');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    try {
      return await new Promise<Array<{ seq: number; itemId: string; rejectedReason?: string; attempts: number }>>((resolve, reject) => {
        const req = db.transaction('outbox').objectStore('outbox').getAll();
        req.onsuccess = () => resolve(req.result as Array<{ seq: number; itemId: string; rejectedReason?: string; attempts: number }>);
        req.onerror = () => reject(req.error);
      });
    } finally {
      db.close();
    }
  });
}
