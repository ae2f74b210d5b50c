/**
 * The log digest: the activity log's figures-only copy, kept beside it so the dashboard can show
 * its first figures without reading 100,000 item rows (a read that takes seconds in Chromium).
 *
 * The digest holds the columns of lib/metrics/columns.ts (times, label codes, agents, templates,
 * durations; no text) for every item and seen record, split into `DIGEST_BLOCKS` blocks by a hash
 * of the row's id. A write touches one block per row, in the same transaction as the row itself,
 * so the digest and the log can never disagree after a commit, even when the worker is killed.
 * A reader shows the digest's figures first, then checks it against the log's rows when they
 * arrive, and rebuilds it when they do not match (a log written by something that bypassed it).
 */
import type { Transaction } from 'dexie';
import {
  COLUMNS_VERSION,
  concatItemColumns,
  concatSeenColumns,
  upsertItemColumns,
  upsertSeenColumns,
  type ItemColumns,
  type SeenColumns,
} from '../metrics/columns';
import type { CarelineDB } from './database';
import type { HandledItem, SeenRecord } from './schema';

export const DIGEST_BLOCKS = 64;

export type DigestKind = 'items' | 'seen';

export interface DigestRow {
  /** `${kind}:${block}`. */
  key: string;
  kind: DigestKind;
  version: number;
  columns: ItemColumns | SeenColumns;
}

/** FNV-1a over the id's UTF-16 code units: the block a row lives in. */
export function blockOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % DIGEST_BLOCKS;
}

const keyOf = (kind: DigestKind, block: number) => `${kind}:${block}`;

function byBlock<T extends { id: string }>(rows: readonly T[]): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const row of rows) {
    const b = blockOf(row.id);
    const list = out.get(b);
    if (list) list.push(row);
    else out.set(b, [row]);
  }
  return out;
}

async function upsert<T extends { id: string }, C extends ItemColumns | SeenColumns>(
  db: CarelineDB,
  kind: DigestKind,
  rows: readonly T[],
  apply: (base: C | undefined, rows: readonly T[]) => C,
): Promise<void> {
  if (rows.length === 0) return;
  const groups = byBlock(rows);
  const keys = [...groups.keys()].map((b) => keyOf(kind, b));
  const current = await db.digest.bulkGet(keys);
  const next: DigestRow[] = [];
  let i = 0;
  for (const [block, list] of groups) {
    const row = current[i++];
    // A block of another version is replaced as a whole on the next rebuild; until then the
    // reader ignores the digest, so writing into it would only mix versions.
    const base = row && row.version === COLUMNS_VERSION ? (row.columns as C) : undefined;
    next.push({ key: keyOf(kind, block), kind, version: COLUMNS_VERSION, columns: apply(base, list) });
  }
  await db.digest.bulkPut(next);
}

/**
 * Writes items into the digest. Call it inside the transaction that writes the items (with
 * `db.digest` in its scope), after the write, with the items as stored.
 */
export function digestItems(db: CarelineDB, items: readonly HandledItem[]): Promise<void> {
  return upsert<HandledItem, ItemColumns>(db, 'items', items, upsertItemColumns);
}

/** Writes seen records into the digest; same rules as `digestItems`. */
export function digestSeen(db: CarelineDB, records: readonly SeenRecord[]): Promise<void> {
  return upsert<SeenRecord, SeenColumns>(db, 'seen', records, upsertSeenColumns);
}

export interface Digest {
  items: ItemColumns;
  seen: SeenColumns;
}

export type DigestRead = { ok: true; digest: Digest } | { ok: false; why: string };

/**
 * The whole digest, put back together: one read of `DIGEST_BLOCKS` × 2 rows of typed arrays.
 * It does not count the log's rows to check it (IndexedDB's count walks every key: seconds at
 * 100,000 items); the reader checks it against the rows when they arrive (`digestMismatch`).
 * An empty digest is not used: an empty log is read in no time, and a log written around the
 * digest would otherwise show as empty.
 */
export async function readDigest(db: CarelineDB): Promise<DigestRead> {
  const started = performance.now();
  const rows = await db.digest.toArray();
  const read = performance.now();
  if (rows.length === 0) return { ok: false, why: 'the digest is empty' };
  if (rows.some((r) => r.version !== COLUMNS_VERSION)) return { ok: false, why: 'the digest is from another version' };
  const items = concatItemColumns(rows.filter((r) => r.kind === 'items').map((r) => r.columns as ItemColumns));
  const seen = concatSeenColumns(rows.filter((r) => r.kind === 'seen').map((r) => r.columns as SeenColumns));
  // Read by scripts/bench/dashboard.ts and scripts/profile-dashboard.ts (where the time goes).
  performance.measure('careline:digest-idb', { start: started, end: read });
  performance.measure('careline:digest-concat', { start: read });
  return { ok: true, digest: { items, seen } };
}

/**
 * Null when the digest holds exactly these rows' ids (what a digest kept in the same
 * transactions as the log always does), else why not. Field values are not compared: every
 * writer updates the digest with the row it writes.
 */
export function digestMismatch(digest: Digest, items: readonly { id: string }[], seen: readonly { id: string }[]): string | null {
  const differs = (ids: readonly string[], rows: readonly { id: string }[]) => {
    if (ids.length !== rows.length) return true;
    const set = new Set(ids);
    return rows.some((r) => !set.has(r.id));
  };
  if (differs(digest.items.ids, items) || differs(digest.seen.ids, seen)) {
    return `the digest has ${digest.items.n} items and ${digest.seen.n} seen records, the log ${items.length} and ${seen.length}`;
  }
  return null;
}

/** Digest rows for these items and seen records (all blocks, replacing any digest). */
function rowsFor(items: readonly HandledItem[], seen: readonly SeenRecord[]): DigestRow[] {
  const out: DigestRow[] = [];
  for (const [block, list] of byBlock(items)) out.push({ key: keyOf('items', block), kind: 'items', version: COLUMNS_VERSION, columns: upsertItemColumns(undefined, list) });
  for (const [block, list] of byBlock(seen)) out.push({ key: keyOf('seen', block), kind: 'seen', version: COLUMNS_VERSION, columns: upsertSeenColumns(undefined, list) });
  return out;
}

/**
 * Rebuilds the digest from the log in one transaction (so it matches the log as committed).
 * Reads every row: seconds for a large log, so only when the digest could not be used or
 * `digestMismatch` found it differs from the rows.
 */
export async function rebuildDigest(db: CarelineDB): Promise<{ items: number; seen: number }> {
  return db.transaction('rw', db.items, db.seen, db.digest, async () => {
    const [items, seen] = await Promise.all([db.items.toArray(), db.seen.toArray()]);
    await db.digest.clear();
    await db.digest.bulkPut(rowsFor(items, seen));
    return { items: items.length, seen: seen.length };
  });
}

/** For the v3 upgrade: the digest of the log inside an upgrade transaction. */
export async function buildDigestInUpgrade(tx: Transaction): Promise<void> {
  const [items, seen] = await Promise.all([tx.table<HandledItem>('items').toArray(), tx.table<SeenRecord>('seen').toArray()]);
  await tx.table<DigestRow>('digest').bulkPut(rowsFor(items, seen));
}
