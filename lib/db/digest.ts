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
  isAnswered,
  itemKeyOf,
  upsertItemColumns,
  upsertSeenColumns,
  type HasItem,
  type ItemBlock,
  type ItemColumns,
  type SeenBlock,
  type SeenColumns,
} from '../metrics/columns';
import { fnv1a } from '../fnv';
import type { CarelineDB } from './database';
import type { HandledItem, SeenRecord } from './schema';

/**
 * Few, large blocks: Chromium stores an IndexedDB value over 64 KB as a file of its own, and a read
 * pays per file. In the dashboard page, 9.3 MB of columns read in 165–350 ms as 64 values and in
 * 105–145 ms as 16 (and 600–790 ms as 256 values small enough to stay inline). A write rewrites
 * its row's block: 5–12 ms at 64 blocks and 15–28 ms at 16 for a 100,000-item log, in the
 * background, once per handled post.
 */
export const DIGEST_BLOCKS = 16;

export type DigestKind = 'items' | 'seen';

/**
 * Two rows per block: `${kind}:${block}` holds the columns (all the figures need), and
 * `${kind}-ids:${block}` the row ids in the same order (for writers, the item list shown before
 * the rows are read, and the check against the log). Reading the columns alone is what makes the
 * first figures fast.
 *
 * The ids are stored packed (`packIds`): one string of them all, and their lengths. As arrays of
 * strings, 100,000 items' and 120,000 seen records' ids took 1.6–2.1 s to read in the opening
 * page (one string per id to deserialize).
 */
export interface DigestRow {
  key: string;
  kind: DigestKind | `${DigestKind}-ids` | 'generation';
  version: number;
  columns?: ItemColumns | SeenColumns;
  ids?: PackedIds;
  /** In the generation row only: see `GENERATION_KEY`. */
  generation?: number;
}

/**
 * One more row: the digest's generation, a count every digest writer adds one to in its own
 * transaction (a rebuild too: it never goes back). A reader that read the digest and, later, in
 * another transaction, the log's rows (or the digest's ids) knows from it whether the log was
 * written between the two reads: then the two do not describe the same log, and their differing
 * says nothing of the digest. A write that bypassed the digest leaves it as it was: the check
 * against the rows finds that one out.
 */
export const GENERATION_KEY = 'generation';

/** The generation of a row read at `GENERATION_KEY` (0 before the first write). */
export function generationOf(row: DigestRow | undefined): number {
  return typeof row?.generation === 'number' ? row.generation : 0;
}

function generationRow(generation: number): DigestRow {
  return { key: GENERATION_KEY, kind: 'generation', version: COLUMNS_VERSION, generation };
}

/** Ids as one string and each one's length (any character can be in an id: no separator). */
export interface PackedIds {
  text: string;
  lengths: Uint32Array;
  /**
   * The ids' positions in id order (the log's key order: UTF-16 code units, as JS compares
   * strings), so that the check against the log's rows, which come in that order, needs no
   * lookup table (`digestCheck`). Absent in blocks written before it was kept: the check then
   * uses one.
   */
  order?: Uint32Array;
}

/**
 * `kept`: the stored order of the block's ids before a write, when the write left those ids where
 * they were and appended any others (as `upsertItemColumns` does): only the new ids are then
 * sorted and merged in (a whole block's sort took 4 ms at 100,000 items, for each block a reply
 * writes).
 */
export function packIds(ids: readonly string[], kept?: Uint32Array): PackedIds {
  const lengths = new Uint32Array(ids.length);
  for (let i = 0; i < ids.length; i++) lengths[i] = ids[i]!.length;
  const order = kept instanceof Uint32Array && kept.length <= ids.length ? extendOrder(ids, kept) : idOrder(ids);
  return { text: ids.join(''), lengths, order };
}

/** The order of `ids`, from `kept`, the order of `ids[0 .. kept.length)`, and the rest sorted and merged in. */
function extendOrder(ids: readonly string[], kept: Uint32Array): Uint32Array {
  const n = kept.length;
  if (n === ids.length) return kept;
  const added = idOrder(ids.slice(n)).map((i) => i + n);
  const out = new Uint32Array(ids.length);
  let a = 0;
  let b = 0;
  for (let k = 0; k < out.length; k++) {
    if (b >= added.length || (a < n && ids[kept[a]!]! <= ids[added[b]!]!)) out[k] = kept[a++]!;
    else out[k] = added[b++]!;
  }
  return out;
}

/** The positions of `ids` in id order. */
export function idOrder(ids: readonly string[]): Uint32Array {
  const order = new Uint32Array(ids.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort((a, b) => {
    const x = ids[a]!;
    const y = ids[b]!;
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

/** The ids back, or undefined when the row does not hold packed ids that add up. */
export function unpackIds(packed: PackedIds | undefined): string[] | undefined {
  if (!packed || typeof packed.text !== 'string' || !(packed.lengths instanceof Uint32Array)) return undefined;
  const { text, lengths } = packed;
  const ids = new Array<string>(lengths.length);
  let at = 0;
  for (let i = 0; i < lengths.length; i++) {
    const end = at + lengths[i]!;
    ids[i] = text.slice(at, end);
    at = end;
  }
  return at === text.length ? ids : undefined;
}

/** FNV-1a over the id's UTF-16 code units: the block a row lives in. */
export function blockOf(id: string): number {
  return fnv1a(id) % DIGEST_BLOCKS;
}

const keyOf = (kind: DigestKind, block: number) => `${kind}:${block}`;
const idsKeyOf = (kind: DigestKind, block: number) => `${kind}-ids:${block}`;

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

function rowsOfBlock(kind: DigestKind, block: number, b: ItemBlock | SeenBlock, kept?: Uint32Array): DigestRow[] {
  return [
    { key: keyOf(kind, block), kind, version: COLUMNS_VERSION, columns: b.columns },
    { key: idsKeyOf(kind, block), kind: `${kind}-ids`, version: COLUMNS_VERSION, ids: packIds(b.ids, kept) },
  ];
}

/** The block as stored, when both its rows are there, of this version and of the same length. */
function storedBlock<B extends ItemBlock | SeenBlock>(columns: DigestRow | undefined, ids: DigestRow | undefined): B | undefined {
  // A block of another version is replaced as a whole on the next rebuild; until then the
  // reader ignores the digest, so writing into it would only mix versions.
  if (!columns?.columns || !ids?.ids || columns.version !== COLUMNS_VERSION || ids.version !== COLUMNS_VERSION) return undefined;
  const list = unpackIds(ids.ids);
  if (list?.length !== columns.columns.n) return undefined;
  return { columns: columns.columns, ids: list } as B;
}

async function upsert<T extends { id: string }, B extends ItemBlock | SeenBlock>(
  db: CarelineDB,
  kind: DigestKind,
  rows: readonly T[],
  apply: (base: B | undefined, rows: readonly T[]) => B,
): Promise<void> {
  if (rows.length === 0) return;
  const groups = byBlock(rows);
  const blocks = [...groups.keys()];
  const current = await db.digest.bulkGet([...blocks.flatMap((b) => [keyOf(kind, b), idsKeyOf(kind, b)]), GENERATION_KEY]);
  const next = blocks.flatMap((block, i) => {
    const base = storedBlock<B>(current[2 * i], current[2 * i + 1]);
    // The stored order goes on with the stored ids (the write keeps them in place).
    const kept = base ? current[2 * i + 1]!.ids!.order : undefined;
    return rowsOfBlock(kind, block, apply(base, groups.get(block)!), kept?.length === base?.ids.length ? kept : undefined);
  });
  next.push(generationRow(generationOf(current[2 * blocks.length]) + 1));
  await db.digest.bulkPut(next);
}

/**
 * Writes items into the digest, and marks their posts' seen records answered. Call it inside
 * the transaction that writes the items (with `db.seen` and `db.digest` in its scope), after the
 * write, with the items as stored.
 */
export async function digestItems(db: CarelineDB, items: readonly HandledItem[]): Promise<void> {
  await upsert<HandledItem, ItemBlock>(db, 'items', items, upsertItemColumns);
  // A seen record of the same id is answered now (Careline's seen ids are its item ids).
  const seen = await db.seen.bulkGet(items.map((it) => it.id));
  const unmarked = seen.filter((s): s is SeenRecord => s !== undefined && !s.handled);
  if (unmarked.length) await upsert<SeenRecord, SeenBlock>(db, 'seen', unmarked, (base, rows) => upsertSeenColumns(base, rows, () => true));
}

/**
 * Writes seen records into the digest, each with whether the log has an item for its post. Same
 * rules as `digestItems`, with `db.items` in the transaction's scope.
 */
export async function digestSeen(db: CarelineDB, records: readonly SeenRecord[]): Promise<void> {
  const keys = [...new Set(records.flatMap((s) => [s.id, itemKeyOf(s)]))];
  const found = await db.items.bulkGet(keys);
  const existing = new Set(keys.filter((_, i) => found[i] !== undefined));
  await upsert<SeenRecord, SeenBlock>(db, 'seen', records, (base, rows) => upsertSeenColumns(base, rows, (id) => existing.has(id)));
}

export interface Digest {
  /**
   * Each block's columns as read, in the order of `blocks`: the first figures are worked out from
   * them as they are (`headlineOfParts` in lib/metrics/compute.ts).
   */
  parts: { items: ItemColumns[]; seen: SeenColumns[] };
  /** Items in all blocks. */
  itemCount: number;
  /** Seen records in all blocks. */
  seenCount: number;
  /**
   * The blocks put together, on first use (and kept): about 10 MB of fresh memory for 100,000
   * items, which the first figures do not need.
   */
  readonly items: ItemColumns;
  readonly seen: SeenColumns;
  /** The blocks read, in the order their rows were put together (for `readDigestIdsOf`). */
  blocks: { items: number[]; seen: number[] };
  /** The digest's generation when its columns were read (`GENERATION_KEY`). */
  generation: number;
}

/** A digest of these blocks; `items` and `seen` put them together when first read. */
export function digestOf(items: ItemColumns[], seen: SeenColumns[], blocks: Digest['blocks'], generation: number): Digest {
  let together: { items: ItemColumns; seen: SeenColumns } | undefined;
  const all = () => {
    if (together) return together;
    const started = performance.now();
    together = { items: concatItemColumns(items), seen: concatSeenColumns(seen) };
    // Read by scripts/profile-dashboard.ts (where the time goes).
    performance.measure('careline:digest-concat', { start: started });
    return together;
  };
  return {
    parts: { items, seen },
    itemCount: items.reduce((sum, p) => sum + p.n, 0),
    seenCount: seen.reduce((sum, p) => sum + p.n, 0),
    blocks,
    generation,
    get items() {
      return all().items;
    },
    get seen() {
      return all().seen;
    },
  };
}

/**
 * The agents of a digest as the index of its columns lists them (`indexFromColumns` over the
 * blocks put together): items' agents in the order they first appear, each with its last
 * non-empty name, else its id; then agents of seen records only, named by their id.
 */
export function digestAgents(digest: Digest): { id: string; name: string }[] {
  const order = new Map<string, string>();
  for (const p of digest.parts.items) {
    p.agentKeys.forEach((id, code) => {
      const name = p.agentNames[code];
      if (name) order.set(id, name);
      else if (!order.has(id)) order.set(id, '');
    });
  }
  for (const p of digest.parts.seen) for (const id of p.agentKeys) if (!order.has(id)) order.set(id, '');
  return [...order].map(([id, name]) => ({ id, name: name || id }));
}

/** The digest's row ids, in the order of its columns. */
export interface DigestIds {
  items: string[];
  seen: string[];
  /** Where they are in id order (`readDigestIdsOf`), when every block keeps it. */
  sorted?: { items: SortedIds; seen: SortedIds };
}

/** Both kinds' ids as `readDigestIdsOf` read them. */
export function digestIdsOf(items: KindIds, seen: KindIds): DigestIds {
  return items.sorted && seen.sorted ? { items: items.ids, seen: seen.ids, sorted: { items: items.sorted, seen: seen.sorted } } : { items: items.ids, seen: seen.ids };
}

export type DigestRead = { ok: true; digest: Digest } | { ok: false; why: string };

const ALL_BLOCKS = Array.from({ length: DIGEST_BLOCKS }, (_, b) => b);

/**
 * The digest's columns, put back together: one read of `DIGEST_BLOCKS` × 2 rows of typed arrays,
 * no ids. It does not count the log's rows to check it (IndexedDB's count walks every key:
 * seconds at 100,000 items); the reader checks it against the rows when they arrive
 * (`readDigestIdsOf`, `digestCheck`). An empty digest is not used: an empty log is read in no
 * time, and a log written around the digest would otherwise show as empty.
 */
export async function readDigest(db: CarelineDB): Promise<DigestRead> {
  const started = performance.now();
  // One request, so one transaction: the generation is that of these columns.
  const rows = await db.digest.bulkGet([...ALL_BLOCKS.map((b) => keyOf('items', b)), ...ALL_BLOCKS.map((b) => keyOf('seen', b)), GENERATION_KEY]);
  const read = performance.now();
  const present = (kind: DigestKind) => rows.filter((r): r is DigestRow => r?.kind === kind);
  const [items, seen] = [present('items'), present('seen')];
  if (items.length + seen.length === 0) return { ok: false, why: 'the digest is empty' };
  if ([...items, ...seen].some((r) => r.version !== COLUMNS_VERSION || !r.columns)) return { ok: false, why: 'the digest is from another version' };
  const blockNo = (r: DigestRow) => Number(r.key.slice(r.key.indexOf(':') + 1));
  const digest = digestOf(
    items.map((r) => r.columns as ItemColumns),
    seen.map((r) => r.columns as SeenColumns),
    { items: items.map(blockNo), seen: seen.map(blockNo) },
    generationOf(rows[2 * DIGEST_BLOCKS]),
  );
  // Read by scripts/bench/dashboard.ts and scripts/profile-dashboard.ts (where the time goes).
  performance.measure('careline:digest-idb', { start: started, end: read });
  return { ok: true, digest };
}

/**
 * Where a kind's ids are in id order, block by block: `positions[start[b] .. start[b] + count[b])`
 * are the column rows of block b's ids, in id order (`PackedIds.order`).
 */
export interface SortedIds {
  positions: Uint32Array;
  start: Uint32Array;
  count: Uint32Array;
}

/** One kind of the digest's ids (`readDigestIdsOf`). */
export interface KindIds {
  /** In the order of the digest's columns. */
  ids: string[];
  /** Null when a block was written without its order. */
  sorted: SortedIds | null;
}

/**
 * The ids of the digest's rows of one kind, in the order of `digest`'s columns, and their order;
 * null when they are not those of its columns: the log was written since the columns were read
 * (another generation: a write may have added or moved ids in a block), or a block's ids are
 * missing or of another length (the digest needs a rebuild; `digestCheck` tells the two apart).
 */
export async function readDigestIdsOf(db: CarelineDB, digest: Digest, kind: DigestKind): Promise<KindIds | null> {
  const blocks = digest.blocks[kind];
  const rows = await db.digest.bulkGet([...blocks.map((b) => idsKeyOf(kind, b)), GENERATION_KEY]);
  if (generationOf(rows.pop()) !== digest.generation) return null;
  const lists = rows.map((r) => (r?.version === COLUMNS_VERSION ? unpackIds(r.ids) : undefined));
  if (lists.some((x) => x === undefined)) return null;
  const ids = (lists as string[][]).flat();
  if (ids.length !== digest[kind].n) return null;
  const orders = rows.map((r, i) => {
    const order = r?.ids?.order;
    return order instanceof Uint32Array && order.length === lists[i]!.length ? order : undefined;
  });
  if (orders.some((o) => o === undefined)) return { ids, sorted: null };
  const sorted: SortedIds = { positions: new Uint32Array(ids.length), start: new Uint32Array(DIGEST_BLOCKS), count: new Uint32Array(DIGEST_BLOCKS) };
  let offset = 0;
  for (let i = 0; i < blocks.length; i++) {
    const order = orders[i]!;
    sorted.start[blocks[i]!] = offset;
    sorted.count[blocks[i]!] = order.length;
    for (let j = 0; j < order.length; j++) {
      // Each block's positions are its own rows: the block's first row is at `offset`.
      if (order[j]! >= order.length) return { ids, sorted: null };
      sorted.positions[offset + j] = offset + order[j]!;
    }
    offset += order.length;
  }
  return { ids, sorted };
}

/** The log's rows put in the order of the digest's columns (`digestCheck`). */
export interface RowsInDigestOrder<I extends { id: string }> {
  items: I[];
  seen: SeenRecord[];
}

/**
 * The rows in the order of the digest's columns (row r holds the figures of column row r), when
 * they are the digest's rows: the same ids, each once. Null when they are not.
 */
function inDigestOrder<I extends { id: string }>(ids: DigestIds, items: readonly I[], seen: readonly SeenRecord[]): (RowsInDigestOrder<I> & { hasItem: HasItem }) | null {
  if (ids.items.length !== items.length || ids.seen.length !== seen.length) return null;
  if (ids.sorted) {
    // The rows in id order (as the log reads them): each block's rows are the block's ids in
    // the order kept with them, one by one. Anything else (rows in another order, or not the
    // digest's) falls through to the lookup tables below.
    const { sorted } = ids;
    const orderedItems = placeSorted(ids.items, sorted.items, items);
    const orderedSeen = orderedItems && placeSorted(ids.seen, sorted.seen, seen);
    if (orderedItems && orderedSeen) return { items: orderedItems, seen: orderedSeen, hasItem: (id) => hasSorted(ids.items, sorted.items, id) };
  }
  // The log's ids are unique (its key): as many ids, each found and none twice, are the same ids.
  const place = <T extends { id: string }>(order: readonly string[], rows: readonly T[], at: Map<string, number>): T[] | null => {
    for (let i = 0; i < rows.length; i++) at.set(rows[i]!.id, i);
    const placed = new Uint8Array(rows.length);
    const out = new Array<T>(order.length);
    for (let r = 0; r < order.length; r++) {
      const i = at.get(order[r]!);
      if (i === undefined || placed[i]) return null;
      placed[i] = 1;
      out[r] = rows[i]!;
    }
    return out;
  };
  const itemIds = new Map<string, number>();
  const orderedItems = place(ids.items, items, itemIds);
  const orderedSeen = orderedItems && place(ids.seen, seen, new Map());
  return orderedItems && orderedSeen ? { items: orderedItems, seen: orderedSeen, hasItem: (id) => itemIds.has(id) } : null;
}

/**
 * `rows` in column order, when they are in id order and their ids are the digest's (`ids`, with
 * `sorted` their order): null otherwise. No lookup table: a row's block is a hash of its id, and
 * its place is the next one of that block in id order.
 */
function placeSorted<T extends { id: string }>(ids: readonly string[], sorted: SortedIds, rows: readonly T[]): T[] | null {
  const { positions, start, count } = sorted;
  const next = start.slice();
  const out = new Array<T>(ids.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const b = blockOf(row.id);
    const k = next[b]!;
    if (k >= start[b]! + count[b]!) return null;
    const at = positions[k]!;
    if (ids[at] !== row.id) return null;
    next[b] = k + 1;
    out[at] = row;
  }
  return out;
}

/** Whether `id` is one of `ids` (binary search in its block's id order). */
function hasSorted(ids: readonly string[], sorted: SortedIds, id: string): boolean {
  const b = blockOf(id);
  let lo = sorted.start[b]!;
  let hi = lo + sorted.count[b]!;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const x = ids[sorted.positions[mid]!]!;
    if (x === id) return true;
    if (x < id) lo = mid + 1;
    else hi = mid;
  }
  return false;
}

/** What the check of a digest against the log's rows found (`digestCheck`). */
export type DigestCheck<I extends { id: string } = HandledItem> =
  /** The digest holds exactly these rows: here they are, in its columns' order. */
  | { verdict: 'same'; rows: RowsInDigestOrder<I> }
  /** The digest differs from the log: rebuild it. */
  | { verdict: 'rebuild'; why: string }
  /** The log was written between the digest's read and the rows': the two cannot be compared. */
  | { verdict: 'changed'; why: string };

/**
 * Checks a digest (its columns and ids as read at opening) against the log's rows, read later in
 * pages with the digest's generation then (`readLogInPages`). Only when no
 * digest writer wrote in between do the two describe the same log; otherwise an agent working in
 * another tab would make a correct digest look wrong, and its rebuild (a read-write transaction
 * over the whole log: 13–17 s at 100,000 items) would hold up their writes. When they are the
 * same, the rows come back in the order of the digest's columns, so that the index already built
 * from the columns can take them as they are (`indexWithRows` in lib/metrics/metrics-index.ts).
 */
export function digestCheck<I extends { id: string }>(
  digest: Digest,
  ids: DigestIds | null,
  rows: { items: readonly I[]; seen: readonly SeenRecord[]; digestGeneration: number | null },
): DigestCheck<I> {
  if (rows.digestGeneration === null) return { verdict: 'changed', why: 'the log was written while its rows were read' };
  if (rows.digestGeneration !== digest.generation) {
    return { verdict: 'changed', why: `the log was written after its digest was read (digest generation ${digest.generation}, then ${rows.digestGeneration})` };
  }
  // Same ids, and each seen record answered as the rows say. Other values are not compared:
  // every writer updates the digest with the row it writes.
  if (ids === null) return { verdict: 'rebuild', why: "the digest's ids do not match its columns" };
  const found = inDigestOrder(ids, rows.items, rows.seen);
  if (!found) return { verdict: 'rebuild', why: `the digest has ${digest.items.n} items and ${digest.seen.n} seen records, the log ${rows.items.length} and ${rows.seen.length}` };
  const { hasItem, ...ordered } = found;
  const answered = digest.seen.answered;
  let wrong = 0;
  for (let r = 0; r < ordered.seen.length; r++) if (answered[r] !== (isAnswered(ordered.seen[r]!, hasItem) ? 1 : 0)) wrong++;
  return wrong ? { verdict: 'rebuild', why: `${wrong} seen records are marked answered differently in the digest and the log` } : { verdict: 'same', rows: ordered };
}

/**
 * The digest's columns with items from elsewhere (team items from sync) added the way
 * `mergeById` adds them to the log: items already in the log are left out, and a seen record
 * that one of them answers counts as answered.
 */
export function digestWithItems(digest: Digest, ids: DigestIds, extra: readonly HandledItem[], encode: (items: readonly HandledItem[]) => ItemColumns): Digest {
  if (extra.length === 0) return digest;
  const extraIds = new Set(extra.map((it) => it.id));
  const answered = digest.seen.answered.slice();
  for (let r = 0; r < ids.seen.length; r++) if (!answered[r] && extraIds.has(ids.seen[r]!)) answered[r] = 1;
  const items = concatItemColumns([digest.items, encode(extra)]);
  return digestOf([items], [{ ...digest.seen, answered }], digest.blocks, digest.generation);
}

/** Digest rows for these items and seen records (all blocks, replacing any digest), a block's rows at a time. */
function* blockRowsFor(items: readonly HandledItem[], seen: readonly SeenRecord[]): Generator<DigestRow[]> {
  const itemIds = new Set(items.map((it) => it.id));
  const hasItem: HasItem = (id) => itemIds.has(id);
  for (const [block, list] of byBlock(items)) yield rowsOfBlock('items', block, upsertItemColumns(undefined, list));
  for (const [block, list] of byBlock(seen)) yield rowsOfBlock('seen', block, upsertSeenColumns(undefined, list, hasItem));
}

function rowsFor(items: readonly HandledItem[], seen: readonly SeenRecord[]): DigestRow[] {
  return [...blockRowsFor(items, seen)].flat();
}

/**
 * Rebuilds the digest from rows the caller has read with the digest's generation
 * (`readLogInPages`), without reading the log again, when no digest writer has written since
 * (the generation has not moved); else, or when the log was written during the read
 * (`digestGeneration` null), it writes nothing and answers null (the next opening checks again).
 * A write that bypassed the digest since the rows' read is found out by that check too. The rows
 * are encoded a block at a time, with a pause between blocks, before the transaction: the page
 * stays responsive, and writers wait only for the digest's own write, not for a read of the whole
 * log (a rebuild that read the log inside its read-write transaction lasted 13–17 s over 100,000
 * items and their seen records, and its read froze the page for 2 s).
 */
export async function rebuildDigestFrom(
  db: CarelineDB,
  rows: { items: readonly HandledItem[]; seen: readonly SeenRecord[]; digestGeneration: number | null },
  pause: () => Promise<void> = () => new Promise((resolve) => setTimeout(resolve, 0)),
): Promise<{ items: number; seen: number } | null> {
  const next: DigestRow[] = [];
  for (const block of blockRowsFor(rows.items, rows.seen)) {
    next.push(...block);
    await pause();
  }
  if (rows.digestGeneration === null) return null;
  return db.transaction('rw', db.digest, async () => {
    const generation = generationOf(await db.digest.get(GENERATION_KEY));
    if (generation !== rows.digestGeneration) return null;
    await db.digest.clear();
    await db.digest.bulkPut([...next, generationRow(generation + 1)]);
    return { items: rows.items.length, seen: rows.seen.length };
  });
}

/** For the v3 upgrade: the digest of the log inside an upgrade transaction. */
export async function buildDigestInUpgrade(tx: Transaction): Promise<void> {
  const [items, seen] = await Promise.all([tx.table<HandledItem>('items').toArray(), tx.table<SeenRecord>('seen').toArray()]);
  await tx.table<DigestRow>('digest').bulkPut(rowsFor(items, seen));
}
