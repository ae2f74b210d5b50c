import { useLiveQuery } from 'dexie-react-hooks';
import { getDb, type PracticeSessionRow } from '../../lib/db/database';
import type { HandledItem, SeenRecord } from '../../lib/db/schema';

export type LogState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; items: HandledItem[]; seen: SeenRecord[]; sessions: PracticeSessionRow[]; loadedMs: number };

const LOADING: LogState = { status: 'loading' };

/**
 * The whole local log, read straight from IndexedDB (this is a top-level extension page) and
 * kept live: a write by the background worker, or an import, re-reads it. The metrics index is
 * rebuilt from the new arrays; filter changes reuse it.
 */
export function useLog(): LogState {
  const state = useLiveQuery(async (): Promise<LogState> => {
    const started = performance.now();
    try {
      const db = getDb();
      const [items, seen, sessions] = await db.transaction('r', db.items, db.seen, db.practiceSessions, () =>
        Promise.all([db.items.toArray(), db.seen.toArray(), db.practiceSessions.toArray()]),
      );
      return { status: 'ready', items, seen, sessions, loadedMs: performance.now() - started };
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      return { status: 'error', message: `Couldn't read the activity log (${why}). Nothing was changed; reload the page to try again.` };
    }
  }, []);
  return state ?? LOADING;
}
