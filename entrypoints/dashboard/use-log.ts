import { useEffect, useMemo, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb, type PracticeSessionRow } from '../../lib/db/database';
import { digestCheck, digestIdsOf, readDigest, readDigestIdsOf, rebuildDigestFrom, type Digest, type DigestCheck, type DigestIds, type DigestRead } from '../../lib/db/digest';
import type { HandledItem, SeenRecord } from '../../lib/db/schema';
import { readLogInPages, type ReadProgress } from '../../lib/db/read-log';
import type { ValueStore } from '../../components/value-store';

export type LogState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; items: HandledItem[]; seen: SeenRecord[]; sessions: PracticeSessionRow[]; digestGeneration: number | null; loadedMs: number };

const LOADING: LogState = { status: 'loading' };

function failure(error: unknown): LogState {
  const why = error instanceof Error ? error.message : String(error);
  return { status: 'error', message: `Couldn't read the activity log (${why}). Nothing was changed; reload the page to try again.` };
}

/**
 * The whole local log, read straight from IndexedDB (this is a top-level extension page) and
 * kept live: a write by the background worker, or an import, re-reads it. The metrics index is
 * rebuilt from the new arrays; filter changes reuse it. Starts when `enabled` turns true, so the
 * digest's read (`useDigest`) is not slowed by this one. The rows come in pages
 * (`readLogInPages`); `progress` hears how many are in after each page (a store, not React
 * state, so that only what shows it re-renders, not the page).
 */
export function useLog(enabled = true, progress?: ValueStore<ReadProgress | undefined>): LogState {
  const state = useLiveQuery(async (): Promise<LogState> => {
    if (!enabled) return LOADING;
    const started = performance.now();
    // Read by e2e/dashboard.spec.ts.
    performance.mark('careline:log-read-started');
    try {
      const { items, seen, sessions, digestGeneration } = await readLogInPages(getDb(), progress?.set);
      const loadedMs = performance.now() - started;
      // Read by scripts/bench/dashboard.ts: how much of the full load is IndexedDB.
      performance.measure('careline:log-read', { start: started, detail: { items: items.length } });
      return { status: 'ready', items, seen, sessions, digestGeneration, loadedMs };
    } catch (error) {
      return failure(error);
    }
  }, [enabled, progress]);
  return state ?? LOADING;
}

export type DigestState = { status: 'loading' } | { status: 'ready'; digest: Digest } | { status: 'unusable'; why: string };

let opening: { started: number; read: Promise<DigestRead> } | undefined;

/**
 * Starts reading the digest as soon as the page's script runs, before React has mounted: the
 * read and the first render overlap. Called from main.tsx; `useDigest` takes the same read.
 */
export function startDigestRead(): void {
  opening ??= { started: performance.now(), read: readDigest(getDb()) };
}

/**
 * The log digest (lib/db/digest.ts), read once when the page opens: every figure of every filter
 * without reading the log's rows. When it cannot be used (empty, another version), the page waits
 * for the log itself; `useDigestRepair` checks it against the rows and mends it.
 */
export function useDigest(): DigestState {
  const [state, setState] = useState<DigestState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    startDigestRead();
    const { started, read } = opening!;
    read.then(
      (result) => {
        // Read by scripts/bench/dashboard.ts.
        performance.measure('careline:digest-read', { start: started, detail: { ok: result.ok } });
        if (live) setState(result.ok ? { status: 'ready', digest: result.digest } : { status: 'unusable', why: result.why });
      },
      (error: unknown) => live && setState({ status: 'unusable', why: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}

export interface DigestIdsState {
  /** The items' ids: undefined while reading, null when they do not match the columns. */
  items: string[] | null | undefined;
  /** Every id (items, then seen records), as `items`. */
  all: DigestIds | null | undefined;
}

/**
 * The digest's row ids, read after its columns when `enabled` (the figures do not wait for
 * them): the items' first (the item list shown from the digest needs no more), then the seen
 * records'. Once `done` (the rows are in and checked), they are let go: 220,000 ids at 100,000
 * items, with the packed strings they are cut from, held 12 MB.
 */
export function useDigestIds(digest: DigestState, enabled: boolean, done = false): DigestIdsState {
  const [ids, setIds] = useState<DigestIdsState>({ items: undefined, all: undefined });
  const held = useRef(ids);
  held.current = ids;
  useEffect(() => {
    if (!done) return;
    // Emptied in place as well: a closure kept from an earlier render of the page (any callback
    // or effect whose inputs have not changed since) holds that render's variables, the ids
    // among them. Found in a heap snapshot: 100,000 item ids kept that way, with their strings.
    const { items, all } = held.current;
    if (items) items.length = 0;
    if (all) {
      all.items.length = 0;
      all.seen.length = 0;
      delete all.sorted;
    }
    setIds((current) => (current.items === undefined && current.all === undefined ? current : { items: undefined, all: undefined }));
  }, [done]);
  useEffect(() => {
    if (digest.status !== 'ready' || !enabled || done) return;
    let live = true;
    const db = getDb();
    const started = performance.now();
    const failed = () => live && setIds({ items: null, all: null });
    readDigestIdsOf(db, digest.digest, 'items').then((items) => {
      // Read by scripts/profile-dashboard.ts (where the time goes).
      performance.measure('careline:digest-item-ids', { start: started });
      if (!live) return;
      setIds({ items: items && items.ids, all: items === null ? null : undefined });
      if (items === null) return;
      readDigestIdsOf(db, digest.digest, 'seen').then((seen) => {
        performance.measure('careline:digest-ids', { start: started });
        if (live) setIds({ items: items.ids, all: seen === null ? null : digestIdsOf(items, seen) });
      }, failed);
    }, failed);
    return () => {
      live = false;
    };
    // `done` only lets the ids go: it is not a reason to read them again.
  }, [digest, enabled]);
  return ids;
}

/**
 * The digest checked against the log's rows (`digestCheck`): null until both are in (and the
 * digest's ids, when it could be used). Worked out again when the log is read again (a write):
 * the generation then tells at once that the digest read at opening no longer describes it.
 */
export function useDigestCheck(digest: DigestState, ids: DigestIds | null | undefined, log: LogState): DigestCheck | null {
  // A log's check stands once made: the ids it was made with may then be let go (`useDigestIds`).
  const made = useRef<{ log: LogState; check: DigestCheck } | null>(null);
  return useMemo(() => {
    if (made.current?.log === log) return made.current.check;
    if (digest.status === 'loading' || log.status !== 'ready') return null;
    if (digest.status === 'unusable') return { verdict: 'rebuild', why: digest.why };
    if (ids === undefined) return null;
    const started = performance.now();
    const check = digestCheck(digest.digest, ids, log);
    // Read by scripts/profile-dashboard.ts (where the time goes).
    performance.measure('careline:digest-check', { start: started });
    made.current = { log, check };
    return check;
  }, [digest, ids, log]);
}

/**
 * Acts on the first check of the digest against the rows: rebuilds the digest from the rows read
 * when it does not match the log (or could not be used), for the next opening
 * (`rebuildDigestFrom`). When the log was written between the digest's read and the rows' (an
 * agent at work in another tab), the two cannot be compared: the check is left to the next
 * opening, and nothing is rebuilt.
 */
export function useDigestRepair(check: DigestCheck | null, log: LogState): void {
  const done = useRef(false);
  useEffect(() => {
    if (check === null || done.current) return;
    done.current = true;
    // Read by e2e/dashboard.spec.ts.
    performance.mark('careline:digest-checked', { detail: check.verdict === 'same' ? { verdict: check.verdict } : { verdict: check.verdict, why: check.why } });
    if (check.verdict === 'changed') console.info(`Careline: the log digest is checked at the next opening (${check.why}).`);
    // A check is made only once the rows are in (`useDigestCheck`).
    if (check.verdict !== 'rebuild' || log.status !== 'ready') return;
    console.info(`Careline: rebuilding the log digest (${check.why}).`);
    const started = performance.now();
    rebuildDigestFrom(getDb(), log).then(
      (counts) => {
        if (counts) performance.measure('careline:digest-rebuilt', { start: started, detail: counts });
        else console.info('Careline: the log was written while it was read or its digest rebuilt; the digest is checked again at the next opening.');
      },
      (error: unknown) => console.warn('Careline: the log digest could not be rebuilt', error),
    );
  }, [check, log]);
}
