import Dexie from 'dexie';
import type { CarelineDB } from '../../lib/db/database';
import type { HandledItem } from '../../lib/db/schema';
import { digestItems } from '../../lib/db/digest';
import { importLogExport } from '../../lib/export/json';
import { throwIfAborted } from '../../lib/export/progress';

export type ImportPhase = 'validating' | 'writing';

export interface ImportProgress {
  phase: ImportPhase;
  done: number;
  total: number;
}

export interface ImportOutcome {
  ok: boolean;
  added: number;
  /** Already in the log (or added by the worker while the file was being checked), or repeated in the file. */
  skipped: number;
  rejected: number;
  /** What happened, in words for the supervisor; on failure, the reasons by item. */
  messages: string[];
  exportedBy?: string;
}

export interface ImportOptions {
  onProgress?: (p: ImportProgress) => void;
  signal?: AbortSignal;
  /** Items per bulkAdd inside the one transaction (default 5,000). */
  chunkSize?: number;
}

/**
 * Imports a JSON log export (lib/export) and merges it into the local log: validated item by
 * item, deduplicated by id (the log's copy wins), and written all or nothing.
 *
 * The one exception to "the background worker is the log's only writer": a merged export of
 * 100,000 items is far too big for a runtime message, so the dashboard page writes the merged
 * items itself, in ONE Dexie transaction. If any write fails, or the supervisor cancels while it
 * runs, the transaction aborts and the log is left exactly as it was. Imported items are other
 * agents' work: they do not enter this browser's sync outbox.
 */
export async function importAndMerge(db: CarelineDB, text: string, options: ImportOptions = {}): Promise<ImportOutcome> {
  const { signal, onProgress } = options;
  const chunkSize = Math.max(1, options.chunkSize ?? 5000);
  const existing = new Set(await db.items.toCollection().primaryKeys());
  const plan = await importLogExport(text, existing, {
    signal,
    onProgress: (p) => onProgress?.({ phase: 'validating', ...p }),
  });
  const base = {
    skipped: plan.summary.skipped,
    rejected: plan.summary.rejected,
    ...(plan.exportedBy ? { exportedBy: plan.exportedBy } : {}),
  };
  if (!plan.ok) return { ok: false, added: 0, ...base, messages: plan.messages };
  throwIfAborted(signal);

  const total = plan.add.length;
  let raced = 0;
  await db.transaction('rw', db.items, db.seen, db.digest, async () => {
    // The worker may have logged one of these ids since the plan was made: keep its copy.
    const current = await db.items.bulkGet(plan.add.map((it) => it.id));
    const toAdd: HandledItem[] = plan.add.filter((_, i) => current[i] === undefined);
    raced = total - toAdd.length;
    onProgress?.({ phase: 'writing', done: 0, total: toAdd.length });
    for (let start = 0; start < toAdd.length; start += chunkSize) {
      // No setTimeout-style yields in here: IndexedDB commits a transaction left idle. Cancelling
      // is seen between chunks (each bulkAdd's completion is a task, so clicks get through).
      if (signal?.aborted) Dexie.currentTransaction?.abort();
      throwIfAborted(signal);
      const chunk = toAdd.slice(start, start + chunkSize);
      await db.items.bulkAdd(chunk);
      await digestItems(db, chunk);
      onProgress?.({ phase: 'writing', done: start + chunk.length, total: toAdd.length });
    }
    throwIfAborted(signal);
  });
  const added = total - raced;
  const skipped = base.skipped + raced;
  const from = plan.exportedBy ? ` from ${plan.exportedBy}` : '';
  return {
    ok: true,
    ...base,
    added,
    skipped,
    messages: [`Imported ${added} item${added === 1 ? '' : 's'}${from}; ${skipped} skipped (already in the log or repeated in the file); 0 rejected.`],
  };
}
