import type { HandledItem, SeenRecord } from '../db/schema';
import { defaultTimeZone, resolveRange, type DashboardFilter, type FilterContext, type ResolvedRange } from './filter';
import { buildMetricsIndex, codes, type MetricsIndex } from './metrics-index';

/** The rows of an index that a filter keeps. */
export interface Selection {
  range: ResolvedRange;
  /** Indexes into `index.items`, ascending. */
  items: Int32Array;
  /** Indexes into `index.seen`, ascending. */
  seen: Int32Array;
}

function haystackOf(r: HandledItem | SeenRecord): string {
  const parts: Array<string | undefined> = [r.text, r.authorHandle, r.authorName];
  if ('replyCount' in r) parts.push(r.replyText, r.notes, r.templateId, ...(r.tags ?? []));
  return parts.filter(Boolean).join('\n').toLowerCase();
}

/** Lower-cased searchable text per row, built on the first text search and kept on the index. */
function searchTextOf(index: MetricsIndex): { items: string[]; seen: string[] } {
  if (!index.hasRows) throw new Error('Text search needs the log itself; this index holds its figures only.');
  index.searchText ??= { items: index.items.map(haystackOf), seen: index.seen.map(haystackOf) };
  return index.searchText;
}

/** A lookup table over label codes: 1 = keep; every code kept when nothing is selected. */
function labelTable(selected: readonly string[], map: Map<string, number>): Uint8Array {
  const t = new Uint8Array(256);
  if (selected.length === 0) return t.fill(1);
  for (const s of selected) {
    const c = map.get(s);
    if (c !== undefined) t[c] = 1;
  }
  return t;
}

/**
 * Every part of the filter as a lookup table, so that the row loops below take the same path for
 * every filter. With a branch per part, V8 compiled the loop while a part had never been set; the
 * first click on that part then threw the compiled loop away ("insufficient type feedback") and
 * the rest of the pass ran in the interpreter: tens of milliseconds per filter change.
 */
interface Tables {
  practice: number;
  from: number;
  to: number;
  sites: Uint8Array;
  intents: Uint8Array;
  urgencies: Uint8Array;
  /** Indexed by the flags byte: 1 when it has a selected flag (or no flag is selected). */
  flags: Uint8Array;
  /** Indexed by agent code. */
  agents: Uint8Array;
  /** Indexed by met + 1 (unknown, missed, met). */
  met: Uint8Array;
}

function tablesOf(index: MetricsIndex, filter: DashboardFilter, range: ResolvedRange): Tables {
  let flagMask = 0;
  for (const f of filter.flags) flagMask |= codes.FLAG_BIT.get(f) ?? 0;
  const flags = new Uint8Array(256);
  for (let b = 0; b < 256; b++) flags[b] = filter.flags.length === 0 || (b & flagMask) !== 0 ? 1 : 0;
  const agents = new Uint8Array(index.agents.keys.length).fill(filter.agents.length ? 0 : 1);
  for (const a of filter.agents) {
    const c = index.agents.codes.get(a);
    if (c !== undefined) agents[c] = 1;
  }
  return {
    practice: filter.mode === 'practice' ? 1 : 0,
    from: range.fromMs,
    to: range.toMs,
    sites: labelTable(filter.sites, codes.SITE_CODE),
    intents: labelTable(filter.intents, codes.INTENT_CODE),
    urgencies: labelTable(filter.urgencies, codes.URGENCY_CODE),
    flags,
    agents,
    met: Uint8Array.of(filter.met === 'any' ? 1 : 0, filter.met === 'any' || filter.met === 'missed' ? 1 : 0, filter.met === 'any' || filter.met === 'met' ? 1 : 0),
  };
}

/** The columns a filter reads, of items or of seen records (which have no met/missed). */
interface FilteredColumns {
  practice: Uint8Array;
  ms: Float64Array;
  site: Uint8Array;
  agent: Int32Array;
  intent: Uint8Array;
  urgency: Uint8Array;
  flags: Uint8Array;
  met: Int8Array | undefined;
}

const itemColumns = (c: MetricsIndex['item']): FilteredColumns => ({
  practice: c.practice,
  ms: c.handledMs,
  site: c.site,
  agent: c.agent,
  intent: c.intent,
  urgency: c.urgency,
  flags: c.flags,
  met: c.met,
});

/** Seen records take every part of the filter but met/missed; their date is when first seen. */
const seenColumns = (s: MetricsIndex['seenCols']): FilteredColumns => ({
  practice: s.practice,
  ms: s.firstSeenMs,
  site: s.site,
  agent: s.agent,
  intent: s.intent,
  urgency: s.urgency,
  flags: s.flags,
  met: undefined,
});

/** The rows whose columns pass every table (and hold `q`, when searching). */
function selectLoop(c: FilteredColumns, n: number, t: Tables, text: readonly string[] | undefined, q: string): Int32Array {
  const { practice: pr, ms, site, agent, intent, urgency, flags, met } = c;
  const { practice, from, to, sites, agents, intents, urgencies, flags: flagTable, met: metTable } = t;
  const rows = new Int32Array(n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const at = ms[i]!;
    const keep =
      (pr[i] === practice ? 1 : 0) &
      (at >= from && at < to ? 1 : 0) &
      sites[site[i]!]! &
      agents[agent[i]!]! &
      intents[intent[i]!]! &
      urgencies[urgency[i]!]! &
      flagTable[flags[i]!]!;
    if (keep === 0) continue;
    if (met !== undefined && metTable[met[i]! + 1] === 0) continue;
    if (text !== undefined && !text[i]!.includes(q)) continue;
    rows[k++] = i;
  }
  return rows.slice(0, k);
}

/**
 * Applies the filter to an index. Lists are "any of" (an item with several flags matches if it
 * has any selected flag; an item without the label never matches a label filter). Seen records
 * take every part of the filter except met/missed, which only log items have; their date is
 * `firstSeenAt`, the items' is `handledAt`.
 */
export function selectRows(index: MetricsIndex, filter: DashboardFilter, ctx: FilterContext = {}): Selection {
  const range = resolveRange(filter, { ...ctx, timeZone: index.timeZone });
  const tables = tablesOf(index, filter, range);
  const q = filter.q.trim().toLowerCase();
  const text = q ? searchTextOf(index) : undefined;
  return {
    range,
    items: selectLoop(itemColumns(index.item), index.itemCount, tables, text?.items, q),
    seen: selectLoop(seenColumns(index.seenCols), index.seenCount, tables, text?.seen, q),
  };
}

/** The log items a filter keeps, in their original order (e.g. for an export). */
export function applyFilter(
  itemsOrIndex: readonly HandledItem[] | MetricsIndex,
  filter: DashboardFilter,
  ctx: FilterContext = {},
): HandledItem[] {
  const index = 'item' in itemsOrIndex ? itemsOrIndex : buildMetricsIndex(itemsOrIndex, [], ctx.timeZone ?? defaultTimeZone());
  if (!index.hasRows) throw new Error('applyFilter needs the log itself; this index holds its figures only.');
  const sel = selectRows(index, filter, ctx);
  const out = new Array<HandledItem>(sel.items.length);
  for (let i = 0; i < sel.items.length; i++) out[i] = index.items[sel.items[i]!]!;
  return out;
}
