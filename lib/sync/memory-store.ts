import type { HandledItem, OutboxRow } from '../db/schema';
import type { AckEntry, OutboxStore, SetAsideEntry, SyncState } from './types';

/** An OutboxStore in memory, for tests and benchmarks. Mirrors the Dexie store's rules. */
export class MemoryOutboxStore implements OutboxStore {
  readonly items = new Map<string, HandledItem>();
  readonly rows = new Map<number, OutboxRow>();
  state: SyncState = {};
  private nextSeq = 1;

  /** Writes an item and queues it, as the background writer does. */
  put(item: HandledItem, enqueuedAt = item.updatedAt): number {
    this.items.set(item.id, item);
    const seq = this.nextSeq++;
    this.rows.set(seq, { seq, itemId: item.id, attempts: 0, enqueuedAt });
    return seq;
  }

  private ordered(): OutboxRow[] {
    return [...this.rows.values()].sort((a, b) => a.seq! - b.seq!);
  }

  async peek(limit: number): Promise<OutboxRow[]> {
    return this.ordered()
      .filter((r) => !r.rejectedReason)
      .slice(0, limit)
      .map((r) => ({ ...r }));
  }

  async loadItems(ids: readonly string[]): Promise<Map<string, HandledItem>> {
    const found = new Map<string, HandledItem>();
    for (const id of ids) {
      const item = this.items.get(id);
      if (item) found.set(id, structuredClone(item));
    }
    return found;
  }

  async ack(entries: readonly AckEntry[]): Promise<number> {
    let deleted = 0;
    for (const entry of entries) {
      const current = this.items.get(entry.itemId);
      if (current && current.updatedAt !== entry.updatedAt) continue;
      if (this.rows.delete(entry.seq)) deleted += 1;
    }
    return deleted;
  }

  async drop(seqs: readonly number[]): Promise<void> {
    for (const seq of seqs) this.rows.delete(seq);
  }

  async setAside(entries: readonly SetAsideEntry[]): Promise<void> {
    for (const { seq, reason } of entries) {
      const row = this.rows.get(seq);
      if (row) row.rejectedReason = reason;
    }
  }

  async recordAttempt(seqs: readonly number[]): Promise<void> {
    for (const seq of seqs) {
      const row = this.rows.get(seq);
      if (row) row.attempts += 1;
    }
  }

  async countPending(): Promise<number> {
    return this.ordered().filter((r) => !r.rejectedReason).length;
  }

  async listSetAside(): Promise<OutboxRow[]> {
    return this.ordered()
      .filter((r) => r.rejectedReason)
      .map((r) => ({ ...r }));
  }

  async retrySetAside(seqs?: readonly number[]): Promise<number> {
    const wanted = seqs ? new Set(seqs) : undefined;
    let count = 0;
    for (const row of this.ordered()) {
      if (!row.rejectedReason || (wanted && !wanted.has(row.seq!))) continue;
      const pendingTwin = this.ordered().some((r) => r !== row && r.itemId === row.itemId && !r.rejectedReason);
      if (pendingTwin) this.rows.delete(row.seq!);
      else delete row.rejectedReason;
      count += 1;
    }
    return count;
  }

  async loadState(): Promise<SyncState> {
    return structuredClone(this.state);
  }

  async saveState(state: SyncState): Promise<void> {
    this.state = structuredClone(state);
  }
}
