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

/** A lookup table over label codes: 1 = keep. Undefined = no constraint. */
function labelTable(selected: readonly string[], map: Map<string, number>): Uint8Array | undefined {
  if (selected.length === 0) return undefined;
  const t = new Uint8Array(256);
  for (const s of selected) {
    const c = map.get(s);
    if (c !== undefined) t[c] = 1;
  }
  return t;
}

/**
 * Applies the filter to an index. Lists are "any of" (an item with several flags matches if it
 * has any selected flag; an item without the label never matches a label filter). Seen records
 * take every part of the filter except met/missed, which only log items have; their date is
 * `firstSeenAt`, the items' is `handledAt`.
 */
export function selectRows(index: MetricsIndex, filter: DashboardFilter, ctx: FilterContext = {}): Selection {
  const range = resolveRange(filter, { ...ctx, timeZone: index.timeZone });
  const practice = filter.mode === 'practice' ? 1 : 0;
  const sites = labelTable(filter.sites, codes.SITE_CODE);
  const intents = labelTable(filter.intents, codes.INTENT_CODE);
  const urgencies = labelTable(filter.urgencies, codes.URGENCY_CODE);
  let flagMask = 0;
  for (const f of filter.flags) flagMask |= codes.FLAG_BIT.get(f) ?? 0;
  const hasFlagFilter = filter.flags.length > 0;
  let agents: Uint8Array | undefined;
  if (filter.agents.length) {
    agents = new Uint8Array(index.agents.keys.length);
    for (const a of filter.agents) {
      const c = index.agents.codes.get(a);
      if (c !== undefined) agents[c] = 1;
    }
  }
  const met = filter.met === 'met' ? 1 : filter.met === 'missed' ? 0 : -2;
  const q = filter.q.trim().toLowerCase();
  const text = q ? searchTextOf(index) : undefined;
  const from = range.fromMs;
  const to = range.toMs;

  const c = index.item;
  const n = index.itemCount;
  const rows = new Int32Array(n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    if (c.practice[i] !== practice) continue;
    const t = c.handledMs[i]!;
    if (!(t >= from && t < to)) continue;
    if (sites && !sites[c.site[i]!]) continue;
    if (agents && !agents[c.agent[i]!]) continue;
    if (intents && !intents[c.intent[i]!]) continue;
    if (urgencies && !urgencies[c.urgency[i]!]) continue;
    if (hasFlagFilter && (c.flags[i]! & flagMask) === 0) continue;
    if (met !== -2 && c.met[i] !== met) continue;
    if (text && !text.items[i]!.includes(q)) continue;
    rows[k++] = i;
  }

  const s = index.seenCols;
  const m = index.seenCount;
  const seenRows = new Int32Array(m);
  let j = 0;
  for (let i = 0; i < m; i++) {
    if (s.practice[i] !== practice) continue;
    const t = s.firstSeenMs[i]!;
    if (!(t >= from && t < to)) continue;
    if (sites && !sites[s.site[i]!]) continue;
    if (agents && !agents[s.agent[i]!]) continue;
    if (intents && !intents[s.intent[i]!]) continue;
    if (urgencies && !urgencies[s.urgency[i]!]) continue;
    if (hasFlagFilter && (s.flags[i]! & flagMask) === 0) continue;
    if (text && !text.seen[i]!.includes(q)) continue;
    seenRows[j++] = i;
  }
  return { range, items: rows.slice(0, k), seen: seenRows.slice(0, j) };
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
