/**
 * The activity log as columns: every field the dashboard filters or aggregates on, encoded once
 * (times as ms, labels as small codes, agents and templates through a string table) and free of
 * the viewer's time zone. Two users:
 *  - `buildMetricsIndex` encodes the loaded log this way, then adds the time-zone columns;
 *  - the log digest (lib/db/digest.ts) keeps the same columns in IndexedDB, in a few blocks of
 *    typed arrays, so the dashboard's first figures need no read of 100,000 item rows.
 * A stored column's meaning (or the digest's layout) never changes under the same
 * `COLUMNS_VERSION`; a change bumps it and the digest is rebuilt from the log.
 */
import { FLAG_NAMES, INTENTS, SENTIMENTS, type FlagName, type Urgency } from '../classify/types';
import type { HandledItem, HandledReason, SeenRecord } from '../db/schema';
import type { Site } from '../post';
import { parseIsoMs } from './iso-time';

/**
 * 3: the digest's rows moved to 16 blocks (lib/db/digest.ts), so every row's block changed.
 * 4: the digest's ids are stored packed (`packIds` in lib/db/digest.ts).
 */
export const COLUMNS_VERSION = 4;

/** `postedMin` / `answeredMin` of an unknown time. */
export const MISSING_MIN = -0x80000000;

/**
 * Minutes since the epoch, rounded down: enough for the weekday × hour cells (time zones move
 * clocks by whole minutes) at half the bytes of a time in ms.
 */
export function minutesOf(ms: number): number {
  return Number.isNaN(ms) ? MISSING_MIN : Math.floor(ms / 60_000);
}

export const SITES: readonly Site[] = ['x', 'facebook', 'practice'];
export const URGENCIES: readonly Urgency[] = ['high', 'normal', 'low'];
export const REASONS: readonly HandledReason[] = ['replied', 'no_reply_needed', 'moved_to_dm', 'escalated', 'spam'];
/** Code of a missing label in the Uint8 label columns. */
export const NONE = 255;

function codeOf<T extends string>(labels: readonly T[]): Map<string, number> {
  return new Map(labels.map((l, i) => [l, i]));
}
export const SITE_CODE = codeOf(SITES);
export const INTENT_CODE = codeOf(INTENTS);
export const SENTIMENT_CODE = codeOf(SENTIMENTS);
export const URGENCY_CODE = codeOf(URGENCIES);
export const REASON_CODE = codeOf(REASONS);
export const FLAG_BIT = new Map(FLAG_NAMES.map((f, i) => [f as string, 1 << i]));

const label = (map: Map<string, number>, v: string | undefined) => (v === undefined ? NONE : (map.get(v) ?? NONE));

/** The label of a code in a Uint8 label column; undefined for NONE (the reverse of the encoding above). */
export function labelOf<T extends string>(labels: readonly T[], code: number): T | undefined {
  return code === NONE ? undefined : labels[code];
}

function flagMask(flags: ReadonlyArray<{ name: FlagName }> | undefined): number {
  let m = 0;
  if (flags) for (const f of flags) m |= FLAG_BIT.get(f.name) ?? 0;
  return m;
}

/** Interns strings (agent ids, template ids) to small integer codes. */
export class Interner {
  readonly codes = new Map<string, number>();
  readonly keys: string[];
  constructor(keys: readonly string[] = []) {
    this.keys = [...keys];
    this.keys.forEach((k, i) => this.codes.set(k, i));
  }
  code(key: string): number {
    let c = this.codes.get(key);
    if (c === undefined) {
      c = this.keys.length;
      this.codes.set(key, c);
      this.keys.push(key);
    }
    return c;
  }
}

type Ctor = Float64ArrayConstructor | Int32ArrayConstructor | Uint8ArrayConstructor | Int8ArrayConstructor;
type Typed<T extends Record<string, Ctor>> = { [K in keyof T]: InstanceType<T[K]> };

/** The numeric item columns and their array types. Times in ms and durations in s; NaN when missing. */
const ITEM_NUMERIC = {
  handledMs: Float64Array,
  /** The customer's post, in minutes (`minutesOf`); MISSING_MIN when unknown. */
  postedMin: Int32Array,
  /** First reply, else the handling time, in minutes. */
  answeredMin: Int32Array,
  practice: Uint8Array,
  site: Uint8Array,
  predictedIntent: Uint8Array,
  correctedIntent: Uint8Array,
  predictedSentiment: Uint8Array,
  correctedSentiment: Uint8Array,
  urgency: Uint8Array,
  flags: Uint8Array,
  reason: Uint8Array,
  /** Code into `agentKeys`. */
  agent: Int32Array,
  /** Code into `templateKeys`; -1 without a template. */
  template: Int32Array,
  replyCount: Float64Array,
  resp: Float64Array,
  respB: Float64Array,
  handle: Float64Array,
  editDistance: Float64Array,
  /** -1 unknown, 0 missed, 1 met. */
  met: Int8Array,
} satisfies Record<string, Ctor>;

const SEEN_NUMERIC = {
  firstSeenMs: Float64Array,
  practice: Uint8Array,
  site: Uint8Array,
  intent: Uint8Array,
  urgency: Uint8Array,
  flags: Uint8Array,
  /** Code into `agentKeys`. */
  agent: Int32Array,
  /**
   * 1 when the post was answered: the record says handled, or the log has an item for the post
   * (`isAnswered`). Writers of the digest keep it as items come in (lib/db/digest.ts).
   */
  answered: Uint8Array,
} satisfies Record<string, Ctor>;

export type ItemNumeric = Typed<typeof ITEM_NUMERIC>;
export type SeenNumeric = Typed<typeof SEEN_NUMERIC>;

export interface ItemColumns extends ItemNumeric {
  n: number;
  agentKeys: string[];
  /** Display name per agent code ('' when the log has none). */
  agentNames: string[];
  templateKeys: string[];
}

export interface SeenColumns extends SeenNumeric {
  n: number;
  agentKeys: string[];
}

/**
 * Columns with the id of each row beside them (the writers' and the digest check's view). The
 * ids are kept apart from the columns: the figures never need them, and 100,000 strings cost
 * more to read out of IndexedDB than all the numbers.
 */
export interface ItemBlock {
  columns: ItemColumns;
  ids: string[];
}
export interface SeenBlock {
  columns: SeenColumns;
  ids: string[];
}

/** Whether the log has an item of this id. */
export type HasItem = (id: string) => boolean;

/**
 * A seen post counts as answered when its record says handled, or when the log has an item for
 * it: item ids are `${agentId}:${site}:${postId}` (lib/db/log.ts), which is also the seen
 * record's id in logs written by Careline.
 */
export function isAnswered(s: SeenRecord, hasItem: HasItem): boolean {
  if (s.handled || hasItem(s.id)) return true;
  const key = itemKeyOf(s);
  return key !== s.id && hasItem(key);
}

export function itemKeyOf(s: Pick<SeenRecord, 'agentId' | 'site' | 'postId'>): string {
  return `${s.agentId}:${s.site}:${s.postId}`;
}

function allocate<T extends Record<string, Ctor>>(spec: T, n: number): Typed<T> {
  const out = {} as Record<string, unknown>;
  for (const [k, C] of Object.entries(spec)) out[k] = new C(n);
  return out as Typed<T>;
}

/** Copies `from` (length ≤ n) into new arrays of length n. */
function grown<T extends Record<string, Ctor>>(spec: T, from: Typed<T>, n: number): Typed<T> {
  const out = allocate(spec, n);
  for (const k of Object.keys(spec) as Array<keyof T>) (out[k] as { set(a: ArrayLike<number>): void }).set(from[k] as ArrayLike<number>);
  return out;
}

export function emptyItemColumns(): ItemColumns {
  return { n: 0, agentKeys: [], agentNames: [], templateKeys: [], ...allocate(ITEM_NUMERIC, 0) };
}

export function emptySeenColumns(): SeenColumns {
  return { n: 0, agentKeys: [], ...allocate(SEEN_NUMERIC, 0) };
}

/** Writes one item into row `r` (agents and templates interned into the columns' tables). */
function encodeItem(c: ItemColumns, r: number, it: HandledItem, agents: Interner, templates: Interner): void {
  const handled = parseIsoMs(it.handledAt);
  c.handledMs[r] = handled;
  c.postedMin[r] = minutesOf(parseIsoMs(it.postedAt));
  c.answeredMin[r] = minutesOf(it.repliedAt !== undefined ? parseIsoMs(it.repliedAt) : handled);
  c.practice[r] = it.mode === 'practice' ? 1 : 0;
  c.site[r] = label(SITE_CODE, it.site);
  c.predictedIntent[r] = label(INTENT_CODE, it.intent);
  c.correctedIntent[r] = label(INTENT_CODE, it.correctedIntent);
  c.predictedSentiment[r] = label(SENTIMENT_CODE, it.sentiment);
  c.correctedSentiment[r] = label(SENTIMENT_CODE, it.correctedSentiment);
  c.urgency[r] = label(URGENCY_CODE, it.urgency);
  c.flags[r] = flagMask(it.flags);
  c.reason[r] = label(REASON_CODE, it.reason);
  const agent = agents.code(it.agentId);
  c.agent[r] = agent;
  if (it.agentName) c.agentNames[agent] = it.agentName;
  else c.agentNames[agent] ??= '';
  c.template[r] = it.templateId === undefined ? -1 : templates.code(it.templateId);
  c.replyCount[r] = it.replyCount;
  c.resp[r] = it.responseSeconds ?? Number.NaN;
  c.respB[r] = it.responseBusinessSeconds ?? Number.NaN;
  c.handle[r] = it.handleSeconds ?? Number.NaN;
  c.editDistance[r] = it.editDistance ?? Number.NaN;
  c.met[r] = it.targetMet === undefined ? -1 : it.targetMet ? 1 : 0;
}

function encodeSeen(c: SeenColumns, r: number, s: SeenRecord, agents: Interner, hasItem: HasItem): void {
  c.firstSeenMs[r] = parseIsoMs(s.firstSeenAt);
  c.practice[r] = s.mode === 'practice' ? 1 : 0;
  c.site[r] = label(SITE_CODE, s.site);
  c.intent[r] = label(INTENT_CODE, s.intent);
  c.urgency[r] = label(URGENCY_CODE, s.urgency);
  c.flags[r] = flagMask(s.flags);
  c.agent[r] = agents.code(s.agentId);
  c.answered[r] = isAnswered(s, hasItem) ? 1 : 0;
}

/**
 * Columns of these items, one row per id (a later item with the same id replaces the earlier).
 * `unique`: the caller knows every id is there once (the log's own rows), so row i is item i and
 * no map of 100,000 ids is built to find repeats (a third of `buildMetricsIndex`'s time).
 */
export function itemColumnsOf(items: readonly HandledItem[], unique = false): ItemColumns {
  return upsertItemColumns(undefined, items, unique).columns;
}

/** The same for seen records (`unique` as for `itemColumnsOf`). */
export function seenColumnsOf(seen: readonly SeenRecord[], hasItem: HasItem, unique = false): SeenColumns {
  return upsertSeenColumns(undefined, seen, hasItem, unique).columns;
}

/**
 * Rows of `ids` by id, and where each of `incoming` goes (an existing row or a new one at the end).
 * With `unique` and no rows yet, incoming row i goes to row i.
 */
function slotsFor(ids: readonly string[], incoming: readonly { id: string }[], unique: boolean): { slots: Int32Array; n: number } {
  if (unique && ids.length === 0) {
    const slots = new Int32Array(incoming.length);
    for (let i = 0; i < slots.length; i++) slots[i] = i;
    return { slots, n: incoming.length };
  }
  const at = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) at.set(ids[i]!, i);
  const slots = new Int32Array(incoming.length);
  let n = ids.length;
  for (let i = 0; i < incoming.length; i++) {
    const id = incoming[i]!.id;
    let r = at.get(id);
    if (r === undefined) {
      r = n++;
      at.set(id, r);
    }
    slots[i] = r;
  }
  return { slots, n };
}

/**
 * A block with `items` written in: an item already present (same id) is replaced in its row,
 * others are appended. Returns a new block; `base` is not changed. `unique`: see `itemColumnsOf`.
 */
export function upsertItemColumns(base: ItemBlock | undefined, items: readonly HandledItem[], unique = false): ItemBlock {
  const from = base?.columns ?? emptyItemColumns();
  const ids = base ? base.ids.slice() : [];
  const { slots, n } = slotsFor(ids, items, unique);
  const out: ItemColumns = {
    ...grown(ITEM_NUMERIC, from, n),
    n,
    agentKeys: from.agentKeys.slice(),
    agentNames: from.agentNames.slice(),
    templateKeys: from.templateKeys.slice(),
  };
  const agents = new Interner(out.agentKeys);
  const templates = new Interner(out.templateKeys);
  for (let i = 0; i < items.length; i++) {
    encodeItem(out, slots[i]!, items[i]!, agents, templates);
    ids[slots[i]!] = items[i]!.id;
  }
  out.agentKeys = agents.keys;
  out.templateKeys = templates.keys;
  inKeyOrder(out.agent, out.agentKeys, out.agentNames);
  inKeyOrder(out.template, out.templateKeys);
  return { columns: out, ids };
}

/** The same for seen records; `hasItem` tells whether the log has an item for a post (`isAnswered`). */
export function upsertSeenColumns(base: SeenBlock | undefined, seen: readonly SeenRecord[], hasItem: HasItem, unique = false): SeenBlock {
  const from = base?.columns ?? emptySeenColumns();
  const ids = base ? base.ids.slice() : [];
  const { slots, n } = slotsFor(ids, seen, unique);
  const out: SeenColumns = { ...grown(SEEN_NUMERIC, from, n), n, agentKeys: from.agentKeys.slice() };
  const agents = new Interner(out.agentKeys);
  for (let i = 0; i < seen.length; i++) {
    encodeSeen(out, slots[i]!, seen[i]!, agents, hasItem);
    ids[slots[i]!] = seen[i]!.id;
  }
  out.agentKeys = agents.keys;
  inKeyOrder(out.agent, out.agentKeys);
  return { columns: out, ids };
}

/**
 * Puts a block's string table in sorted order, re-coding its column (and `names`, kept beside the
 * keys) to match; nothing to do when it is sorted already, as it is unless a write brought a new
 * key. Blocks whose tables hold the same keys then have the same codes, and `concatItemColumns`
 * copies their code columns as they are instead of re-coding every row.
 */
function inKeyOrder(column: Int32Array, keys: string[], names?: string[]): void {
  let sorted = true;
  for (let k = 1; k < keys.length && sorted; k++) if (keys[k - 1]! > keys[k]!) sorted = false;
  if (sorted) return;
  const order = keys.map((_, code) => code).sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : 0));
  const codeOf = new Int32Array(keys.length);
  order.forEach((old, code) => (codeOf[old] = code));
  for (let r = 0; r < column.length; r++) if (column[r]! >= 0) column[r] = codeOf[column[r]!]!;
  const [k0, n0] = [keys.slice(), names?.slice()];
  order.forEach((old, code) => {
    keys[code] = k0[old]!;
    if (names && n0) names[code] = n0[old]!;
  });
}

/** Whether a code map keeps every code as it is (map[i] === i for every i). */
export function isIdentityMap(map: readonly number[]): boolean {
  for (let i = 0; i < map.length; i++) if (map[i] !== i) return false;
  return true;
}

/**
 * Re-codes a code column (`codes`, n rows) through `map` into `out` at `at`; a negative code (no
 * template) stays as it is. Nothing to do when `map` is the identity: in `concatItemColumns` the
 * block's codes are then already those of the whole (same tables, as sorted blocks with the same
 * keys have), and were copied with the other columns.
 */
export function recodeInto(out: Int32Array, at: number, codes: Int32Array, n: number, map: readonly number[]): void {
  if (isIdentityMap(map)) return;
  for (let r = 0; r < n; r++) {
    const c = codes[r]!;
    out[at + r] = c < 0 ? c : map[c]!;
  }
}

/**
 * Several blocks of columns as one, agents and templates re-coded into shared tables (in the
 * order they first appear). Used to put the digest's blocks back together.
 */
export function concatItemColumns(parts: readonly ItemColumns[]): ItemColumns {
  const n = parts.reduce((s, p) => s + p.n, 0);
  const out: ItemColumns = { ...allocate(ITEM_NUMERIC, n), n, agentKeys: [], agentNames: [], templateKeys: [] };
  const agents = new Interner();
  const templates = new Interner();
  let at = 0;
  for (const p of parts) {
    for (const k of Object.keys(ITEM_NUMERIC) as Array<keyof ItemNumeric>) (out[k] as { set(a: ArrayLike<number>, o: number): void }).set(p[k].subarray(0, p.n), at);
    const agentMap = p.agentKeys.map((key, i) => {
      const code = agents.code(key);
      if (p.agentNames[i]) out.agentNames[code] = p.agentNames[i]!;
      else out.agentNames[code] ??= '';
      return code;
    });
    recodeInto(out.agent, at, p.agent, p.n, agentMap);
    recodeInto(out.template, at, p.template, p.n, p.templateKeys.map((key) => templates.code(key)));
    at += p.n;
  }
  out.agentKeys = agents.keys;
  out.templateKeys = templates.keys;
  return out;
}

export function concatSeenColumns(parts: readonly SeenColumns[]): SeenColumns {
  const n = parts.reduce((s, p) => s + p.n, 0);
  const out: SeenColumns = { ...allocate(SEEN_NUMERIC, n), n, agentKeys: [] };
  const agents = new Interner();
  let at = 0;
  for (const p of parts) {
    for (const k of Object.keys(SEEN_NUMERIC) as Array<keyof SeenNumeric>) (out[k] as { set(a: ArrayLike<number>, o: number): void }).set(p[k].subarray(0, p.n), at);
    recodeInto(out.agent, at, p.agent, p.n, p.agentKeys.map((key) => agents.code(key)));
    at += p.n;
  }
  out.agentKeys = agents.keys;
  return out;
}
