import * as z from 'zod/mini';
import type { HandledItem, OutboxRow } from '../db/schema';

/** Where and as whom to sync. `endpoint` is the server's base URL (it may carry a path prefix). */
export interface SyncConfig {
  endpoint: string;
  token: string;
}

/** The engine's memory between passes (and worker restarts). Times are ISO strings. */
export interface SyncState {
  lastAttemptAt?: string;
  lastSuccessAt?: string;
  /** The last failure, in words for the agent; cleared by a success. */
  lastError?: string;
  lastErrorAt?: string;
  /** Failures in a row, for the exponential backoff; 0 after a success. */
  consecutiveFailures?: number;
  /** No automatic pass before this (exponential backoff); "sync now" may go earlier. */
  backoffUntil?: string;
  /** The server's Retry-After: no pass before this, not even "sync now". */
  retryAfterUntil?: string;
  /** Fingerprint of the endpoint+token the server refused; passes stop until the config changes or "sync now". */
  tokenRefusedFor?: string;
  /** Items per batch after a 413; grows back after successes. */
  batchLimit?: number;
}

export interface AckEntry {
  seq: number;
  itemId: string;
  /** The updatedAt of the version the server acknowledged. */
  updatedAt: string;
}

export interface SetAsideEntry {
  seq: number;
  reason: string;
}

/**
 * What the engine needs from the outbox. Implemented over Dexie (dexie-store.ts) and in memory
 * (memory-store.ts). Row keys are the outbox's `seq`.
 */
export interface OutboxStore {
  /** Up to `limit` rows not set aside, in drain (seq) order. */
  peek(limit: number): Promise<OutboxRow[]>;
  /** The items for these ids; missing ones are absent from the map. */
  loadItems(ids: readonly string[]): Promise<Map<string, HandledItem>>;
  /**
   * Deletes acknowledged rows, but only where the item is still the version the server got:
   * an item updated while its batch was in flight keeps its row and goes again.
   * Returns how many rows were deleted.
   */
  ack(entries: readonly AckEntry[]): Promise<number>;
  /** Deletes rows whose item no longer exists (nothing left to send). */
  drop(seqs: readonly number[]): Promise<void>;
  /** Marks rows rejected by the server, with its reason; they wait for a manual retry. */
  setAside(entries: readonly SetAsideEntry[]): Promise<void>;
  /** Counts a failed attempt on these rows. */
  recordAttempt(seqs: readonly number[]): Promise<void>;
  countPending(): Promise<number>;
  listSetAside(): Promise<OutboxRow[]>;
  /** Puts set-aside rows (all when `seqs` is absent) back in the queue; returns how many. */
  retrySetAside(seqs?: readonly number[]): Promise<number>;
  loadState(): Promise<SyncState>;
  saveState(state: SyncState): Promise<void>;
}

/** The fetch the engine uses (inject `globalThis.fetch` bound, or a fake in tests). */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export const ItemResultSchema = z.object({
  index: z.number(),
  id: z.nullable(z.string()),
  status: z.enum(['created', 'updated', 'duplicate', 'rejected']),
  reason: z.optional(z.string()),
});
export type ItemResult = z.infer<typeof ItemResultSchema>;

export const BatchResponseSchema = z.object({ results: z.array(ItemResultSchema) });
export type BatchResponse = z.infer<typeof BatchResponseSchema>;

export const ErrorBodySchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

export const MeResponseSchema = z.object({
  tokenId: z.string(),
  kind: z.enum(['agent', 'supervisor']),
  agentId: z.nullable(z.string()),
  name: z.string(),
});
export type MeResponse = z.infer<typeof MeResponseSchema>;
