import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb, type PracticeSessionRow } from '../../lib/db/database';
import type { HandledItem, Mode, SeenRecord } from '../../lib/db/schema';
import type { ResolvedRange } from '../../lib/metrics/filter';

export type LogState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; items: HandledItem[]; seen: SeenRecord[]; sessions: PracticeSessionRow[]; loadedMs: number };

/** The log of one mode and date range only: enough for the opening view's figures. */
export interface PartialLog {
  mode: Mode;
  range: ResolvedRange;
  items: HandledItem[];
  seen: SeenRecord[];
}

const LOADING: LogState = { status: 'loading' };

function failure(error: unknown): LogState {
  const why = error instanceof Error ? error.message : String(error);
  return { status: 'error', message: `Couldn't read the activity log (${why}). Nothing was changed; reload the page to try again.` };
}

/**
 * The whole local log, read straight from IndexedDB (this is a top-level extension page) and
 * kept live: a write by the background worker, or an import, re-reads it. The metrics index is
 * rebuilt from the new arrays; filter changes reuse it. Starts when `enabled` turns true, so the
 * opening view's smaller read (`useOpeningLog`) is not slowed by this one.
 */
export function useLog(enabled = true): LogState {
  const state = useLiveQuery(async (): Promise<LogState> => {
    if (!enabled) return LOADING;
    const started = performance.now();
    try {
      const db = getDb();
      const [items, seen, sessions] = await db.transaction('r', db.items, db.seen, db.practiceSessions, () =>
        Promise.all([db.items.toArray(), db.seen.toArray(), db.practiceSessions.toArray()]),
      );
      const loadedMs = performance.now() - started;
      // Read by scripts/bench/dashboard.ts: how much of the full load is IndexedDB.
      performance.measure('careline:log-read', { start: started, detail: { items: items.length } });
      return { status: 'ready', items, seen, sessions, loadedMs };
    } catch (error) {
      return failure(error);
    }
  }, [enabled]);
  return state ?? LOADING;
}

const iso = (ms: number, open: string) => (Number.isFinite(ms) ? new Date(ms).toISOString() : open);

/**
 * One read of the opening view's mode and date range through the [mode+handledAt] and
 * [mode+firstSeenAt] indexes (ISO strings in UTC sort as times). A 100,000-item log read whole
 * takes seconds; the last 30 days are a fraction of it, and give the opening figures exactly.
 * Returns null until read, or when the range is open (then the whole log is the same read).
 */
export function useOpeningLog(mode: Mode, range: ResolvedRange): { partial: PartialLog | null; done: boolean } {
  const [state, setState] = useState<{ partial: PartialLog | null; done: boolean }>({ partial: null, done: false });
  useEffect(() => {
    if (!Number.isFinite(range.fromMs)) {
      setState({ partial: null, done: true });
      return;
    }
    let live = true;
    const db = getDb();
    const from = iso(range.fromMs, '');
    const to = iso(range.toMs, '\uffff');
    const started = performance.now();
    db.transaction('r', db.items, db.seen, () =>
      Promise.all([
        db.items.where('[mode+handledAt]').between([mode, from], [mode, to], true, false).toArray(),
        db.seen.where('[mode+firstSeenAt]').between([mode, from], [mode, to], true, false).toArray(),
      ]),
    ).then(
      ([items, seen]) => {
        performance.measure('careline:opening-read', { start: started, detail: { items: items.length } });
        if (live) setState({ partial: { mode, range, items, seen }, done: true });
      },
      () => live && setState({ partial: null, done: true }),
    );
    return () => {
      live = false;
    };
    // The opening view only: read once (mode and range are the ones the page opened with).
  }, []);
  return state;
}
