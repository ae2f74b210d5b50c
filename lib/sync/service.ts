import { testConnection, type ConnectionResult } from './connection';
import { runSyncPass, type PassResult, type SyncOptions } from './engine';
import { createSyncRunner } from './lock';
import { getSyncStatus, type SyncStatus } from './status';
import type { FetchLike, OutboxStore, SyncConfig } from './types';

/** Chrome MV3 alarms fire at most every 30 s. */
export const MIN_ALARM_DELAY_MS = 30_000;

export interface SyncServiceDeps {
  store: OutboxStore;
  /** The current endpoint and token, or null when sync is off. Read before every pass. */
  loadConfig: () => Promise<SyncConfig | null>;
  fetch?: FetchLike;
  now?: () => number;
  random?: () => number;
  options?: Partial<SyncOptions>;
  /** Web Locks (default: navigator.locks when present); null forces the in-memory mutex. */
  locks?: { request<T>(name: string, callback: () => Promise<T>): Promise<T> } | null;
  /** Called after each pass, e.g. to set a one-off alarm at nextSyncAlarmAt(result). */
  onPass?: (result: PassResult) => void;
}

export interface SyncService {
  /** Drains the outbox (on new items, on the alarm, or "sync now" with force). Coalesces overlapping calls. */
  syncNow(options?: { force?: boolean }): Promise<PassResult>;
  status(): Promise<SyncStatus>;
  /** The retry button: set-aside items back in the queue (all, or these seqs), then a pass. */
  retrySetAside(seqs?: readonly number[]): Promise<PassResult>;
  testConnection(config?: SyncConfig): Promise<ConnectionResult>;
}

/**
 * The background worker's sync in one object: lock, coalescing, engine and status. The worker
 * wires it to its triggers; pages ask the worker (a message) rather than syncing themselves.
 */
export function createSyncService(deps: SyncServiceDeps): SyncService {
  const fetchImpl: FetchLike = deps.fetch ?? ((url, init) => globalThis.fetch(url, init));
  const now = deps.now ?? Date.now;
  const random = deps.random ?? Math.random;
  const runner = createSyncRunner(async ({ force }) => {
    const config = await deps.loadConfig();
    let result: PassResult;
    let rounds = 0;
    do {
      result = await runSyncPass({ store: deps.store, config, fetch: fetchImpl, now, random, options: deps.options }, { force });
      rounds += 1;
    } while (result.outcome === 'more' && rounds < 10);
    deps.onPass?.(result);
    return result;
  }, deps.locks);

  return {
    syncNow: (options = {}) => runner.request(options),
    status: async () => getSyncStatus(deps.store, await deps.loadConfig(), now()),
    async retrySetAside(seqs) {
      await deps.store.retrySetAside(seqs);
      return runner.request({ force: true });
    },
    async testConnection(config) {
      const target = config ?? (await deps.loadConfig());
      if (!target) return { status: 'error', message: 'Sync is not set up: enter the server address and token.' };
      return testConnection(target, { fetch: fetchImpl, timeoutMs: deps.options?.timeoutMs });
    },
  };
}

/**
 * When to wake the worker for the next automatic pass after `result`, never sooner than the
 * alarm minimum; undefined when only new items or the periodic alarm should start one.
 */
export function nextSyncAlarmAt(result: PassResult, nowMs: number): number | undefined {
  switch (result.outcome) {
    case 'failed':
    case 'waiting':
      return Math.max(nowMs + MIN_ALARM_DELAY_MS, result.nextAttemptAt ?? 0);
    case 'more':
      return nowMs + MIN_ALARM_DELAY_MS;
    case 'done':
    case 'not_configured':
    case 'token_refused':
      return undefined;
    default: {
      const unreachable: never = result.outcome;
      return unreachable;
    }
  }
}
