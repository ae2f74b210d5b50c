/**
 * The classifier corrections learnt in this browser (the Dexie `corrections` table), for the
 * options page: count, latest, and "reset to the shipped model" with undo.
 */
import type { CarelineDB } from '../../lib/db/database';
import type { Correction } from '../../lib/db/schema';

export async function latestCorrections(db: CarelineDB, limit = 20): Promise<Correction[]> {
  return db.corrections.orderBy('createdAt').reverse().limit(limit).toArray();
}

/** Deletes every correction and returns them, so Undo can put them back as they were. */
export async function resetCorrections(db: CarelineDB): Promise<Correction[]> {
  return db.transaction('rw', db.corrections, async () => {
    const rows = await db.corrections.toArray();
    await db.corrections.clear();
    return rows;
  });
}

/** Undo of {@link resetCorrections}: the same rows, with their ids and dates. */
export async function restoreCorrections(db: CarelineDB, rows: readonly Correction[]): Promise<void> {
  await db.corrections.bulkPut([...rows]);
}
