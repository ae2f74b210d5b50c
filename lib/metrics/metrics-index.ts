import type { HandledItem, SeenRecord } from '../db/schema';
import { DAY_MS, toWallMs, weekdayOfDay } from '../sla/time-zone';
import {
  FLAG_BIT,
  INTENT_CODE,
  Interner,
  isIdentityMap,
  itemColumnsOf,
  MISSING_MIN,
  REASON_CODE,
  recodeInto,
  seenColumnsOf,
  SENTIMENT_CODE,
  SITE_CODE,
  URGENCY_CODE,
  type ItemColumns,
  type SeenColumns,
  NONE,
} from './columns';
import { defaultTimeZone } from './filter';

export { Interner, labelOf, NONE, REASONS, SITES, URGENCIES } from './columns';

/**
 * The log in columns: every field the dashboard filters or aggregates on, parsed once, so a
 * filter change only scans typed arrays. Build it when the log is loaded (or changes) and pass
 * it to `computeMetrics` / `applyFilter`; the raw arrays are kept, not copied.
 */
export interface MetricsIndex {
  /**
   * The log's rows, when loaded. An index built from the log digest (lib/db/digest.ts) has the
   * columns only: every figure, but no rows for the item list, text search or exports.
   */
  readonly items: readonly HandledItem[];
  readonly seen: readonly SeenRecord[];
  /** True when `items` and `seen` hold the rows (false for an index built from columns only). */
  readonly hasRows: boolean;
  readonly itemCount: number;
  readonly seenCount: number;
  readonly timeZone: string;
  readonly agents: Interner;
  /** Display name per agent code (the last name seen in the log; the id when none). */
  readonly agentNames: string[];
  readonly templates: Interner;
  /** Item columns (length = items.length). Times in ms, NaN when missing. */
  readonly item: {
    handledMs: Float64Array;
    /** The customer's post and the answer, in minutes since the epoch (`minutesOf`). */
    postedMin: Int32Array;
    answeredMin: Int32Array;
    practice: Uint8Array;
    site: Uint8Array;
    /** Effective labels (the agent's correction when there is one); NONE when missing. */
    intent: Uint8Array;
    sentiment: Uint8Array;
    urgency: Uint8Array;
    /** Classifier's own labels and the agent's corrections, for agreement. */
    predictedIntent: Uint8Array;
    correctedIntent: Uint8Array;
    predictedSentiment: Uint8Array;
    correctedSentiment: Uint8Array;
    flags: Uint8Array;
    agent: Int32Array;
    /** -1 without a template. */
    template: Int32Array;
    reason: Uint8Array;
    replyCount: Float64Array;
    resp: Float64Array;
    respB: Float64Array;
    handle: Float64Array;
    editDistance: Float64Array;
    /** -1 unknown, 0 missed, 1 met. */
    met: Int8Array;
  };
  /** The columns in the viewer's time zone: worked out on first use (`localTimeOf`). */
  local?: LocalTime;
  /** Lower-cased text per row for the search box; filled on the first search. */
  searchText?: { items: string[]; seen: string[] };
  readonly seenCols: {
    firstSeenMs: Float64Array;
    practice: Uint8Array;
    site: Uint8Array;
    intent: Uint8Array;
    urgency: Uint8Array;
    flags: Uint8Array;
    agent: Int32Array;
    /** 1 when the record says handled or a log item exists for the post (`isAnswered`). */
    answered: Uint8Array;
  };
}

/** What depends on the viewer's time zone, per item row. */
export interface LocalTime {
  /** Local day index (days since 1970-01-01) and hour of handling, in `timeZone`. */
  day: Int32Array;
  hour: Uint8Array;
  /** weekday × 24 + hour of the customer's post and of the answer; -1 when unknown. */
  postedCell: Int16Array;
  answeredCell: Int16Array;
}

/** Weekday × 24 + hour of a time in minutes since the epoch (`minutesOf`); -1 when unknown. */
function cellOf(timeZone: string, minutes: number): number {
  if (minutes === MISSING_MIN) return -1;
  const wall = toWallMs(timeZone, minutes * 60_000);
  const day = Math.floor(wall / DAY_MS);
  return weekdayOfDay(day) * 24 + Math.floor((wall - day * DAY_MS) / 3_600_000);
}

export function buildMetricsIndex(items: readonly HandledItem[], seen: readonly SeenRecord[] = [], timeZone = defaultTimeZone()): MetricsIndex {
  // The item ids are needed only for a seen record not marked handled.
  let itemIds: Set<string> | undefined;
  const hasItem = (id: string) => (itemIds ??= new Set(items.map((it) => it.id))).has(id);
  // The columns must be the rows' own, row for row (`indexFromColumns`), so the ids are unique.
  return indexFromColumns(itemColumnsOf(items, true), seenColumnsOf(seen, hasItem, true), timeZone, { items, seen });
}

/**
 * The index over encoded columns (lib/metrics/columns.ts): adds what depends on the viewer's time
 * zone (local day, hour, weekday × hour cells), the effective labels and the seen records'
 * "answered". Pass `rows` when the log's rows are loaded; the columns must be theirs, row for row.
 */
export function indexFromColumns(
  c: ItemColumns,
  sc: SeenColumns,
  timeZone: string,
  rows?: { items: readonly HandledItem[]; seen: readonly SeenRecord[] },
): MetricsIndex {
  const n = c.n;
  const agents = new Interner(c.agentKeys);
  const templates = new Interner(c.templateKeys);
  const intent = new Uint8Array(n);
  const sentiment = new Uint8Array(n);
  const none = NONE;
  for (let i = 0; i < n; i++) {
    intent[i] = c.correctedIntent[i] !== none ? c.correctedIntent[i]! : c.predictedIntent[i]!;
    sentiment[i] = c.correctedSentiment[i] !== none ? c.correctedSentiment[i]! : c.predictedSentiment[i]!;
  }
  const col: MetricsIndex['item'] = {
    handledMs: c.handledMs,
    postedMin: c.postedMin,
    answeredMin: c.answeredMin,
    practice: c.practice,
    site: c.site,
    intent,
    sentiment,
    urgency: c.urgency,
    predictedIntent: c.predictedIntent,
    correctedIntent: c.correctedIntent,
    predictedSentiment: c.predictedSentiment,
    correctedSentiment: c.correctedSentiment,
    flags: c.flags,
    agent: c.agent,
    template: c.template,
    reason: c.reason,
    replyCount: c.replyCount,
    resp: c.resp,
    respB: c.respB,
    handle: c.handle,
    editDistance: c.editDistance,
    met: c.met,
  };

  const m = sc.n;
  const seenAgentCode = sc.agentKeys.map((key) => agents.code(key));
  // The seen records' agent codes, in the items' table; their own column when the codes are the
  // same (as for seen records alone), like the item columns above.
  let seenAgent = sc.agent;
  if (!isIdentityMap(seenAgentCode)) {
    seenAgent = new Int32Array(m);
    recodeInto(seenAgent, 0, sc.agent, m, seenAgentCode);
  }
  const agentNames = agents.keys.map((id, a) => c.agentNames[a] || id);
  return {
    items: rows?.items ?? [],
    seen: rows?.seen ?? [],
    hasRows: rows !== undefined,
    itemCount: n,
    seenCount: m,
    timeZone,
    agents,
    agentNames,
    templates,
    item: col,
    seenCols: {
      firstSeenMs: sc.firstSeenMs,
      practice: sc.practice,
      site: sc.site,
      intent: sc.intent,
      urgency: sc.urgency,
      flags: sc.flags,
      agent: seenAgent,
      answered: sc.answered,
    },
  };
}

/**
 * The same index with the log's rows attached, for the item list, text search and exports:
 * `rows` must be the rows its columns were built from, row for row (`digestCheck` in
 * lib/db/digest.ts gives them in the digest's order). The columns, the tables and what was
 * worked out on first use are shared, not built again: at 100,000 items, building the index from
 * the rows (`buildMetricsIndex`) took 519 ms of the dashboard's main thread once they arrived.
 */
export function indexWithRows(index: MetricsIndex, rows: { items: readonly HandledItem[]; seen: readonly SeenRecord[] }): MetricsIndex {
  if (rows.items.length !== index.itemCount || rows.seen.length !== index.seenCount) {
    throw new RangeError(`indexWithRows: ${rows.items.length} items and ${rows.seen.length} seen records for an index of ${index.itemCount} and ${index.seenCount}`);
  }
  return { ...index, items: rows.items, seen: rows.seen, hasRows: true, searchText: undefined };
}

/**
 * The index's local day, hour and weekday × hour cells, worked out on first use and kept: three
 * time-zone conversions per item, which the headline figures do not need (only the breakdowns
 * by day and hour and the heatmap do), so the first figures do not wait for them.
 */
export function localTimeOf(index: MetricsIndex): LocalTime {
  if (index.local) return index.local;
  const { handledMs, postedMin, answeredMin } = index.item;
  const { timeZone } = index;
  const n = index.itemCount;
  const day = new Int32Array(n);
  const hour = new Uint8Array(n);
  const postedCell = new Int16Array(n);
  const answeredCell = new Int16Array(n);
  for (let i = 0; i < n; i++) {
    const wall = toWallMs(timeZone, handledMs[i]!);
    const d = Math.floor(wall / DAY_MS);
    day[i] = d;
    hour[i] = Math.floor((wall - d * DAY_MS) / 3_600_000);
    postedCell[i] = cellOf(timeZone, postedMin[i]!);
    answeredCell[i] = cellOf(timeZone, answeredMin[i]!);
  }
  index.local = { day, hour, postedCell, answeredCell };
  return index.local;
}

export const codes = { SITE_CODE, INTENT_CODE, SENTIMENT_CODE, URGENCY_CODE, REASON_CODE, FLAG_BIT };

/** Every item row of an index (for the helpers that take plain items). */
export function allRows(index: MetricsIndex): Int32Array {
  const rows = new Int32Array(index.itemCount);
  for (let i = 0; i < rows.length; i++) rows[i] = i;
  return rows;
}
