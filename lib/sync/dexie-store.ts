import type { Dexie, EntityTable } from 'dexie';
import type { HandledItem, OutboxRow } from '../db/schema';
import type { AckEntry, OutboxStore, SetAsideEntry, SyncState } from './types';

/** The meta row holding the engine's state. */
export const SYNC_STATE_KEY = 'sync.state';

/** The tables the store needs, as lib/db declares them: items (id), outbox (++seq, itemId), meta (key). */
export interface SyncTables {
  items: EntityTable<HandledItem, 'id'>;
  outbox: EntityTable<OutboxRow, 'seq'>;
  meta: EntityTable<{ key: string; value: unknown }, 'key'>;
}

/**
 * The OutboxStore over Careline's Dexie database. Each write that must be consistent with the
 * log (ack against the item's current version) runs in one transaction with the items table.
 */
export function createDexieOutboxStore(db: Dexie & SyncTables): OutboxStore {
  const { items, outbox, meta } = db;
  return {
    async peek(limit) {
      return outbox
        .orderBy(':id')
        .filter((row) => !row.rejectedReason)
        .limit(limit)
        .toArray();
    },

    async loadItems(ids) {
      const found = await items.bulkGet([...ids]);
      const map = new Map<string, HandledItem>();
      found.forEach((item, i) => {
        if (item) map.set(ids[i]!, item);
      });
      return map;
    },

    async ack(entries: readonly AckEntry[]) {
      return db.transaction('rw', items, outbox, async () => {
        const current = await items.bulkGet(entries.map((e) => e.itemId));
        const deletable = entries.filter((entry, i) => {
          const item = current[i];
          return !item || item.updatedAt === entry.updatedAt;
        });
        const existing = await outbox.bulkGet(deletable.map((e) => e.seq));
        await outbox.bulkDelete(deletable.map((e) => e.seq));
        return existing.filter(Boolean).length;
      });
    },

    async drop(seqs) {
      await outbox.bulkDelete([...seqs]);
    },

    async setAside(entries: readonly SetAsideEntry[]) {
      await db.transaction('rw', outbox, async () => {
        for (const { seq, reason } of entries) await outbox.update(seq, { rejectedReason: reason });
      });
    },

    async recordAttempt(seqs) {
      await db.transaction('rw', outbox, async () => {
        await outbox
          .where(':id')
          .anyOf([...seqs])
          .modify((row) => {
            row.attempts = (row.attempts ?? 0) + 1;
          });
      });
    },

    async countPending() {
      return outbox.filter((row) => !row.rejectedReason).count();
    },

    async listSetAside() {
      return outbox
        .orderBy(':id')
        .filter((row) => Boolean(row.rejectedReason))
        .toArray();
    },

    async retrySetAside(seqs) {
      return db.transaction('rw', outbox, async () => {
        const rows = seqs
          ? (await outbox.bulkGet([...seqs])).filter((r): r is OutboxRow => Boolean(r?.rejectedReason))
          : await outbox.filter((row) => Boolean(row.rejectedReason)).toArray();
        for (const row of rows) {
          // The writer may have queued the item again since: keep one pending row per item.
          const twins = await outbox
            .where('itemId')
            .equals(row.itemId)
            .filter((r) => !r.rejectedReason && r.seq !== row.seq)
            .count();
          if (twins > 0) await outbox.delete(row.seq!);
          // Dexie deletes a property set to undefined.
          else await outbox.update(row.seq!, { rejectedReason: undefined });
        }
        return rows.length;
      });
    },

    async loadState() {
      const row = await meta.get(SYNC_STATE_KEY);
      return row && typeof row.value === 'object' && row.value !== null ? { ...(row.value as SyncState) } : {};
    },

    async saveState(state: SyncState) {
      await meta.put({ key: SYNC_STATE_KEY, value: { ...state } });
    },
  };
}
