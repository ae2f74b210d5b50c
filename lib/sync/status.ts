import { configFingerprint } from './engine';
import type { OutboxStore, SyncConfig } from './types';

export interface SetAsideItem {
  seq: number;
  itemId: string;
  reason: string;
  attempts: number;
}

/** What the agent sees about sync. */
export interface SyncStatus {
  /** Items waiting to be sent (set-aside ones not included). */
  queued: number;
  lastSuccessAt?: string;
  /** The last failure in words; absent once a sync has succeeded since. */
  lastError?: string;
  lastErrorAt?: string;
  /** When the next automatic attempt may run (backoff or the server's Retry-After). */
  nextAttemptAt?: string;
  /** The server refused the configured token; sync stays stopped until it changes or "sync now". */
  tokenRefused: boolean;
  /** Items the server rejected, with its reasons; the retry button calls retrySetAside. */
  setAside: SetAsideItem[];
}

export async function getSyncStatus(store: OutboxStore, config: SyncConfig | null | undefined, nowMs: number): Promise<SyncStatus> {
  const [state, queued, rows] = await Promise.all([store.loadState(), store.countPending(), store.listSetAside()]);
  const gates = [state.backoffUntil, state.retryAfterUntil].map((t) => (t ? Date.parse(t) : Number.NaN)).filter((t) => t > nowMs);
  return {
    queued,
    lastSuccessAt: state.lastSuccessAt,
    lastError: state.lastError,
    lastErrorAt: state.lastErrorAt,
    nextAttemptAt: gates.length > 0 ? new Date(Math.max(...gates)).toISOString() : undefined,
    tokenRefused: Boolean(config && state.tokenRefusedFor && state.tokenRefusedFor === configFingerprint(config)),
    setAside: rows.map((r) => ({ seq: r.seq!, itemId: r.itemId, reason: r.rejectedReason ?? '', attempts: r.attempts })),
  };
}

/** The retry button: set-aside items (all, or these) go back in the queue. Run a pass after. */
export async function retrySetAside(store: OutboxStore, seqs?: readonly number[]): Promise<number> {
  return store.retrySetAside(seqs);
}
