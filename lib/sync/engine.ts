import type { HandledItem, OutboxRow } from '../db/schema';
import { backoffDelayMs, DEFAULT_BACKOFF, retryAfterMs, type BackoffPolicy } from './backoff';
import { DEFAULT_BATCH_LIMITS, takeBatch, type BatchLimits } from './batch';
import { DEFAULT_TIMEOUT_MS, NetworkError, request, serverMessage, type HttpReply } from './http';
import { BatchResponseSchema, type AckEntry, type FetchLike, type OutboxStore, type SetAsideEntry, type SyncConfig } from './types';

export const BATCH_PATH = '/v1/items/batch';
/** What the agent sees when the server refuses the token; the options page may match on it. */
export const TOKEN_REFUSED = 'Token refused';

export interface SyncOptions extends BatchLimits {
  timeoutMs: number;
  backoff: BackoffPolicy;
  /** A pass stops after this many batches and reports `more` (the worker runs another). */
  maxBatchesPerPass: number;
  /** A Retry-After longer than this is read as this (a broken header must not stop sync for days). */
  maxRetryAfterMs: number;
}

export const DEFAULT_SYNC_OPTIONS: SyncOptions = {
  ...DEFAULT_BATCH_LIMITS,
  timeoutMs: DEFAULT_TIMEOUT_MS,
  backoff: DEFAULT_BACKOFF,
  maxBatchesPerPass: 200,
  maxRetryAfterMs: 24 * 60 * 60_000,
};

export interface SyncDeps {
  store: OutboxStore;
  /** null or undefined when sync is off or not set up. */
  config: SyncConfig | null | undefined;
  fetch: FetchLike;
  now: () => number;
  random: () => number;
  options?: Partial<SyncOptions>;
}

export interface PassOptions {
  /** "Sync now" from the agent: skips the exponential backoff and a previous token refusal, never a Retry-After. */
  force?: boolean;
}

export type PassOutcome =
  /** Nothing pending is left (set-aside rows wait for a manual retry). */
  | 'done'
  /** Stopped at maxBatchesPerPass with rows still queued: run again. */
  | 'more'
  | 'not_configured'
  /** Nothing was sent: a backoff or Retry-After is still running (see nextAttemptAt). */
  | 'waiting'
  | 'token_refused'
  /** This pass failed (offline, timeout, 5xx, 429…); the next attempt is at nextAttemptAt. */
  | 'failed';

export interface PassResult {
  outcome: PassOutcome;
  /** Requests made. */
  batches: number;
  /** Items the server acknowledged (created, updated or duplicate). */
  acked: number;
  /** Items the server rejected and that were set aside. */
  setAside: number;
  /** Epoch ms before which no automatic pass should run. */
  nextAttemptAt?: number;
  /** The failure in words, when there was one. */
  error?: string;
}

/** A short fingerprint of the config, to remember a refused token without storing it. */
export function configFingerprint(config: SyncConfig): string {
  let h = 0x811c9dc5;
  for (const ch of `${config.endpoint}\u0000${config.token}`) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

const iso = (ms: number) => new Date(ms).toISOString();
const ms = (text: string | undefined) => (text ? Date.parse(text) : Number.NaN);

/**
 * One drain pass: sends pending outbox rows in batches until the outbox is empty, a failure
 * stops it, or maxBatchesPerPass is reached. A row leaves the outbox only once the server has
 * acknowledged its item; retries are harmless because items carry their own ids. Run it under
 * the sync lock (lock.ts); two overlapping passes still lose and double nothing.
 */
export async function runSyncPass(deps: SyncDeps, passOptions: PassOptions = {}): Promise<PassResult> {
  const options: SyncOptions = { ...DEFAULT_SYNC_OPTIONS, ...deps.options };
  const { store, config } = deps;
  const result: PassResult = { outcome: 'done', batches: 0, acked: 0, setAside: 0 };
  if (!config || !config.endpoint.trim() || !config.token.trim()) return { ...result, outcome: 'not_configured' };

  const state = await store.loadState();
  const fingerprint = configFingerprint(config);
  const now = deps.now();
  if (state.tokenRefusedFor === fingerprint && !passOptions.force) {
    return { ...result, outcome: 'token_refused', error: state.lastError };
  }
  const retryAt = ms(state.retryAfterUntil);
  const backoffAt = ms(state.backoffUntil);
  const gates = (passOptions.force ? [retryAt] : [retryAt, backoffAt]).filter((at) => at > now);
  if (gates.length > 0) return { ...result, outcome: 'waiting', nextAttemptAt: Math.max(...gates), error: state.lastError };
  if (passOptions.force) delete state.tokenRefusedFor;

  let limit = Math.max(1, Math.min(options.maxItems, state.batchLimit ?? options.maxItems));

  const fail = (message: string, waitMs: number, opts: { retryAfter?: boolean; countFailure?: boolean } = {}): PassResult => {
    const at = deps.now();
    if (opts.countFailure !== false) state.consecutiveFailures = (state.consecutiveFailures ?? 0) + 1;
    state.lastError = message;
    state.lastErrorAt = iso(at);
    const until = at + waitMs;
    if (opts.retryAfter) state.retryAfterUntil = iso(until);
    else state.backoffUntil = iso(until);
    return { ...result, outcome: 'failed', nextAttemptAt: until, error: message };
  };
  const backoff = (message: string) =>
    fail(message, backoffDelayMs((state.consecutiveFailures ?? 0) + 1, deps.random, options.backoff));

  try {
    for (;;) {
      if (result.batches >= options.maxBatchesPerPass) {
        result.outcome = (await store.countPending()) > 0 ? 'more' : 'done';
        return result;
      }
      const rows = await store.peek(limit);
      if (rows.length === 0) return result;

      const items = await store.loadItems([...new Set(rows.map((r) => r.itemId))]);
      const orphans = rows.filter((r) => !items.has(r.itemId)).map((r) => r.seq!);
      if (orphans.length > 0) await store.drop(orphans);
      const rowsByItem = groupRows(rows.filter((r) => items.has(r.itemId)));
      if (rowsByItem.size === 0) continue;

      const batch = takeBatch(
        [...rowsByItem.keys()].map((id) => items.get(id)!),
        { maxItems: limit, maxBytes: options.maxBytes },
      );
      const sentRows = batch.items.flatMap((item) => rowsByItem.get(item.id) ?? []);
      const seqs = sentRows.map((r) => r.seq!);

      state.lastAttemptAt = iso(deps.now());
      result.batches += 1;
      let reply: HttpReply;
      try {
        reply = await request(
          config,
          BATCH_PATH,
          { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: batch.body },
          { fetch: deps.fetch, timeoutMs: options.timeoutMs },
        );
      } catch (error) {
        if (!(error instanceof NetworkError)) throw error;
        await store.recordAttempt(seqs);
        return backoff(error.message);
      }

      const status = reply.status;
      if (status >= 200 && status < 300) {
        const handled = await applyResults(store, reply, batch.items, rowsByItem);
        if (!handled) {
          await store.recordAttempt(seqs);
          return backoff('The sync server sent a reply Careline cannot read; is the address a Careline server?');
        }
        result.acked += handled.acked;
        result.setAside += handled.setAside;
        state.lastSuccessAt = iso(deps.now());
        state.consecutiveFailures = 0;
        delete state.lastError;
        delete state.lastErrorAt;
        delete state.backoffUntil;
        delete state.retryAfterUntil;
        limit = Math.min(options.maxItems, limit * 2);
        if (limit >= options.maxItems) delete state.batchLimit;
        else state.batchLimit = limit;
        if (handled.unanswered > 0) {
          await store.recordAttempt(seqs);
          return backoff(`The sync server did not answer for ${handled.unanswered} item(s); they stay queued.`);
        }
        continue;
      }

      if (status === 401 || status === 403) {
        state.tokenRefusedFor = fingerprint;
        state.lastError = `${TOKEN_REFUSED}: the sync server did not accept this token (${status}). Check the token in Options.`;
        state.lastErrorAt = iso(deps.now());
        return { ...result, outcome: 'token_refused', error: state.lastError };
      }

      // Too large, or a body the server cannot read: halve to find the item at fault; alone, set it aside.
      if (status === 413 || status === 400 || status === 422) {
        if (batch.items.length > 1) {
          limit = Math.max(1, Math.floor(batch.items.length / 2));
          state.batchLimit = limit;
          continue;
        }
        const reason =
          status === 413
            ? `Too large for the sync server (413): ${serverMessage(reply)}`
            : `The sync server refused this item (${status}): ${serverMessage(reply)}`;
        await store.setAside(sentRows.map((r) => ({ seq: r.seq!, reason })));
        result.setAside += 1;
        continue;
      }

      await store.recordAttempt(seqs);
      if (status === 429 || status === 503) {
        const wait = retryAfterMs(reply.headers.get('retry-after'), reply.headers.get('date'), deps.now());
        if (wait !== undefined) {
          const capped = Math.min(wait, options.maxRetryAfterMs);
          const until = new Date(deps.now() + capped);
          const what = status === 429 ? 'is rate-limiting this browser' : 'is unavailable';
          return fail(`The sync server ${what} (${status}); retrying after ${until.toLocaleTimeString()}.`, capped, {
            retryAfter: true,
            countFailure: status === 503,
          });
        }
      }
      if (status >= 500) return backoff(`The sync server failed (${status}: ${serverMessage(reply)}); retrying later.`);
      if (status === 429) return backoff('The sync server is rate-limiting this browser (429); retrying later.');
      return backoff(`The sync server answered ${status} (${serverMessage(reply)}); is the sync address right?`);
    }
  } finally {
    await store.saveState(state);
  }
}

function groupRows(rows: readonly OutboxRow[]): Map<string, OutboxRow[]> {
  const map = new Map<string, OutboxRow[]>();
  for (const row of rows) {
    const list = map.get(row.itemId);
    if (list) list.push(row);
    else map.set(row.itemId, [row]);
  }
  return map;
}

/** Acks and sets aside per the server's per-item results; null when the reply is unreadable. */
async function applyResults(
  store: OutboxStore,
  reply: HttpReply,
  sent: readonly HandledItem[],
  rowsByItem: ReadonlyMap<string, OutboxRow[]>,
): Promise<{ acked: number; setAside: number; unanswered: number } | null> {
  let body: unknown;
  try {
    body = JSON.parse(reply.text);
  } catch {
    return null;
  }
  const parsed = BatchResponseSchema.safeParse(body);
  if (!parsed.success) return null;
  const acks: AckEntry[] = [];
  const asides: SetAsideEntry[] = [];
  let acked = 0;
  let setAside = 0;
  let unanswered = 0;
  sent.forEach((item, index) => {
    // Results carry the item's position; the id must match too, or the result is not this item's.
    const result = parsed.data.results.find((r) => r.index === index && (r.id === null || r.id === item.id));
    const rows = rowsByItem.get(item.id) ?? [];
    if (!result) {
      unanswered += 1;
      return;
    }
    switch (result.status) {
      case 'created':
      case 'updated':
      case 'duplicate':
        acked += 1;
        for (const row of rows) acks.push({ seq: row.seq!, itemId: item.id, updatedAt: item.updatedAt });
        break;
      case 'rejected':
        setAside += 1;
        for (const row of rows) asides.push({ seq: row.seq!, reason: result.reason ?? 'Rejected by the sync server (no reason given).' });
        break;
      default: {
        const unreachable: never = result.status;
        throw new Error(`unknown status ${String(unreachable)}`);
      }
    }
  });
  if (acks.length > 0) await store.ack(acks);
  if (asides.length > 0) await store.setAside(asides);
  return { acked, setAside, unanswered };
}
