import { FLAG_NAMES, INTENTS, SENTIMENTS } from '../classify/types';
import type { HandledItem, HandledReason, Mode, SeenRecord } from '../db/schema';
import { isoDateOfDay } from '../sla/time-zone';
import { classifierAgreementOf, type ClassifierAgreement } from './agreement';
import { responseBucketsOf, type ResponseBucket } from './buckets';
import { emptyItemColumns, emptySeenColumns, type ItemColumns, type SeenColumns } from './columns';
import { defaultTimeZone, resolveRange, type DashboardFilter, type FilterContext, type ResolvedRange } from './filter';
import { heatmapOf, type Heatmap } from './heatmap';
import { buildMetricsIndex, indexFromColumns, localTimeOf, NONE, REASONS, SITES, URGENCIES, type MetricsIndex } from './metrics-index';
import { selectRows, type Selection } from './select';
import { durationStatsOnce, groupedStats, type DurationStats } from './stats';
import { templateEffectivenessOf, type TemplateEffectiveness } from './templates';

/** Figures for one group of items (a day, a channel, an agent…). Durations in seconds. */
export interface GroupMetrics {
  key: string;
  /** Display name (the agent's name for agents; the key otherwise). */
  label: string;
  items: number;
  /** Items whose reason is 'replied'. */
  replied: number;
  /** Items marked handled without a reply (any other reason). */
  withoutReply: number;
  /** First response time, calendar and business. */
  response: DurationStats;
  responseBusiness: DurationStats;
  handle: DurationStats;
  /** Items with a known met/missed result, and how many met the target. */
  targetMeasured: number;
  targetMet: number;
  /** targetMet / targetMeasured; null when nothing was measured. */
  withinTargetShare: number | null;
}

export type NoReplyReason = Exclude<HandledReason, 'replied'>;

export interface MetricsSummary {
  mode: Mode;
  timeZone: string;
  range: ResolvedRange;
  totals: {
    /** Volume handled: items in the filter. */
    items: number;
    replied: number;
    withoutReply: number;
    withoutReplyByReason: Record<NoReplyReason, number>;
    /** Sum of replyCount over the items. */
    replies: number;
    /** replies / items with at least one reply; null when none. */
    repliesPerRepliedItem: number | null;
  };
  /**
   * Seen posts (in focus or in the queue) that got a reply or were marked handled, over all seen
   * posts in the filter. rate is null when nothing was seen.
   */
  responseRate: { seen: number; answered: number; rate: number | null };
  firstResponse: DurationStats;
  firstResponseBusiness: DurationStats;
  withinTarget: { measured: number; met: number; missed: number; share: number | null };
  handleTime: DurationStats;
  /** Local date of handling, oldest first; only days with items. */
  byDay: GroupMetrics[];
  /** Local hour of handling, '00'…'23', all 24 present. */
  byHour: GroupMetrics[];
  /** The breakdowns below list groups with items, most items first, then by key. */
  byChannel: GroupMetrics[];
  /** Effective intent (the agent's correction when there is one); 'unknown' when missing. */
  byIntent: GroupMetrics[];
  byUrgency: GroupMetrics[];
  bySentiment: GroupMetrics[];
  /** An item with two flags counts in both; items without flags are under 'none'. */
  byFlag: GroupMetrics[];
  /** Key: agent id; label: agent name. */
  byAgent: GroupMetrics[];
  /** Items without a template are under 'none'. */
  byTemplate: GroupMetrics[];
  byReason: GroupMetrics[];
  responseBuckets: { calendar: ResponseBucket[]; business: ResponseBucket[] };
  heatmap: Heatmap;
  templates: TemplateEffectiveness[];
  classifierAgreement: ClassifierAgreement;
}

const HOURS = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0'));

/** The selected rows' figures, gathered once so that grouping reads them in order. */
interface Gathered {
  resp: Float64Array;
  respB: Float64Array;
  handle: Float64Array;
  replied: Uint8Array;
  /** -1 unknown, 0 missed, 1 met. */
  met: Int8Array;
}

function gather(index: MetricsIndex, rows: Int32Array): Gathered {
  const n = rows.length;
  const c = index.item;
  const g: Gathered = { resp: new Float64Array(n), respB: new Float64Array(n), handle: new Float64Array(n), replied: new Uint8Array(n), met: new Int8Array(n) };
  for (let r = 0; r < n; r++) {
    const i = rows[r]!;
    g.resp[r] = c.resp[i]!;
    g.respB[r] = c.respB[i]!;
    g.handle[r] = c.handle[i]!;
    g.replied[r] = c.reason[i] === 0 ? 1 : 0; // REASONS[0] is 'replied'
    g.met[r] = c.met[i]!;
  }
  return g;
}

/**
 * `groupBy`'s pairs, reused from call to call (nine calls per computation, each over every
 * selected row; see `scratchValues` in stats.ts for why): row r's pair is (r, its group), so the
 * rows are 0, 1, 2… and stay valid as the buffer grows.
 */
let identity = new Int32Array(0);
let groupsScratch = new Int32Array(0);
function groupByPairs(n: number): { pairRows: Int32Array; pairGroups: Int32Array } {
  if (identity.length < n) {
    identity = new Int32Array(Math.max(n, Math.ceil(identity.length * 1.5)));
    for (let r = 0; r < identity.length; r++) identity[r] = r;
    groupsScratch = new Int32Array(identity.length);
  }
  return { pairRows: identity, pairGroups: groupsScratch };
}

/** Groups the selected rows by `codeOf(original row)` and computes each group's figures. */
function groupBy(
  data: Gathered,
  rows: Int32Array,
  keys: readonly string[],
  codeOf: (i: number) => number,
  labels: readonly string[] = keys,
): GroupMetrics[] {
  const n = rows.length;
  const { pairRows, pairGroups } = groupByPairs(n);
  for (let r = 0; r < n; r++) pairGroups[r] = codeOf(rows[r]!);
  return groupPairs(data, pairRows, pairGroups, n, keys, labels);
}

/** Figures per group for (gathered row, group) pairs; groups without items are left out. */
function groupPairs(
  data: Gathered,
  pairRows: Int32Array,
  pairGroups: Int32Array,
  n: number,
  keys: readonly string[],
  labels: readonly string[],
): GroupMetrics[] {
  const g = keys.length;
  const items = new Int32Array(g);
  const replied = new Int32Array(g);
  const measured = new Int32Array(g);
  const met = new Int32Array(g);
  for (let k = 0; k < n; k++) {
    const r = pairRows[k]!;
    const grp = pairGroups[k]!;
    items[grp]!++;
    replied[grp]! += data.replied[r]!;
    const m = data.met[r]!;
    if (m >= 0) {
      measured[grp]!++;
      met[grp]! += m;
    }
  }
  // `items` counts each group's pairs: the three stats need no counting pass of their own.
  const resp = groupedStats(data.resp, pairRows, pairGroups, n, g, items);
  const respB = groupedStats(data.respB, pairRows, pairGroups, n, g, items);
  const handle = groupedStats(data.handle, pairRows, pairGroups, n, g, items);
  const out: GroupMetrics[] = [];
  for (let k = 0; k < g; k++) {
    if (!items[k]) continue;
    out.push({
      key: keys[k]!,
      label: labels[k] ?? keys[k]!,
      items: items[k]!,
      replied: replied[k]!,
      withoutReply: items[k]! - replied[k]!,
      response: resp[k]!,
      responseBusiness: respB[k]!,
      handle: handle[k]!,
      targetMeasured: measured[k]!,
      targetMet: met[k]!,
      withinTargetShare: measured[k]! ? met[k]! / measured[k]! : null,
    });
  }
  return out;
}

const byVolume = (a: GroupMetrics, b: GroupMetrics) => b.items - a.items || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** Label column code → group, with 'unknown' after the known labels. */
const labelled = (labels: readonly string[]) => [...labels, 'unknown'];
const labelCode = (col: Uint8Array, count: number) => (i: number) => (col[i] === NONE ? count : col[i]!);

function emptyGroup(key: string): GroupMetrics {
  const none: DurationStats = { count: 0, mean: null, median: null, p90: null, min: null, max: null };
  return { key, label: key, items: 0, replied: 0, withoutReply: 0, response: none, responseBusiness: { ...none }, handle: { ...none }, targetMeasured: 0, targetMet: 0, withinTargetShare: null };
}

/**
 * The overall figures of the selected rows, from one pass over them (`addOverall`), of one index
 * or of several blocks one after the other.
 */
interface Overall {
  /** How many rows. */
  itemCount: number;
  /** Per reason code, and items without a reason last. */
  reasonCounts: Int32Array;
  replies: number;
  itemsWithReplies: number;
  measured: number;
  met: number;
  /** The rows' durations that are known, in row order, in the first `nResp`… places. */
  resp: Float64Array;
  respB: Float64Array;
  handle: Float64Array;
  nResp: number;
  nRespB: number;
  nHandle: number;
}

/** An empty `Overall` with room for the durations of up to `rows` rows. */
function newOverall(rows: number): Overall {
  return {
    itemCount: 0,
    reasonCounts: new Int32Array(REASONS.length + 1),
    replies: 0,
    itemsWithReplies: 0,
    measured: 0,
    met: 0,
    resp: new Float64Array(rows),
    respB: new Float64Array(rows),
    handle: new Float64Array(rows),
    nResp: 0,
    nRespB: 0,
    nHandle: 0,
  };
}

/**
 * Adds the headline's figures of `rows` to `o` in one pass: the first figures of the page run
 * this before V8 has compiled anything, so every pass over the rows counts. The same figures as
 * the breakdowns' `groupBy` gives one group of every row (same values, same order).
 */
function addOverall(o: Overall, index: MetricsIndex, rows: Int32Array): void {
  const n = rows.length;
  const { reason, replyCount, met: metCol, resp: respCol, respB: respBCol, handle: handleCol } = index.item;
  const { reasonCounts, resp, respB, handle } = o;
  const none = NONE;
  const noReason = REASONS.length;
  let { replies, itemsWithReplies, measured, met, nResp: nr, nRespB: nb, nHandle: nh } = o;
  for (let r = 0; r < n; r++) {
    const i = rows[r]!;
    const why = reason[i]!;
    reasonCounts[why === none ? noReason : why]!++;
    const rc = replyCount[i]!;
    replies += rc;
    if (rc > 0) itemsWithReplies++;
    const m = metCol[i]!;
    if (m >= 0) {
      measured++;
      met += m;
    }
    const a = respCol[i]!;
    if (a === a) resp[nr++] = a;
    const b = respBCol[i]!;
    if (b === b) respB[nb++] = b;
    const h = handleCol[i]!;
    if (h === h) handle[nh++] = h;
  }
  o.itemCount += n;
  o.replies = replies;
  o.itemsWithReplies = itemsWithReplies;
  o.measured = measured;
  o.met = met;
  o.nResp = nr;
  o.nRespB = nb;
  o.nHandle = nh;
}

const indexes = new WeakMap<readonly HandledItem[], { seen: readonly SeenRecord[]; timeZone: string; index: MetricsIndex }>();

/**
 * The index for these arrays, reused while the same arrays (and time zone) are passed again:
 * treat the arrays as immutable and pass new ones when the log changes.
 */
export function metricsIndexFor(items: readonly HandledItem[], seen: readonly SeenRecord[], timeZone: string): MetricsIndex {
  const hit = indexes.get(items);
  if (hit && hit.seen === seen && hit.timeZone === timeZone) return hit.index;
  const index = buildMetricsIndex(items, seen, timeZone);
  indexes.set(items, { seen, timeZone, index });
  return index;
}

/** The headline figures (the page's cards): totals, response rate and the overall times. */
export type Headline = Pick<
  MetricsSummary,
  'mode' | 'timeZone' | 'range' | 'totals' | 'responseRate' | 'firstResponse' | 'firstResponseBusiness' | 'withinTarget' | 'handleTime'
>;

interface Prepared {
  index: MetricsIndex;
  rows: Int32Array;
  /** The rows' figures for the breakdowns: gathered by `computeMetrics`, not for the headline. */
  data?: Gathered;
  headline: Headline;
}

/**
 * The headline's work for a caller's selection, kept with it: the page asks for the headline
 * first and every figure next, for the same selection, and the second call reuses the first.
 */
const prepared = new WeakMap<Selection, Prepared>();

function prepare(
  itemsOrIndex: readonly HandledItem[] | MetricsIndex,
  seen: readonly SeenRecord[],
  filter: DashboardFilter,
  ctx: FilterContext & { selection?: Selection },
): Prepared {
  const index = 'item' in itemsOrIndex ? itemsOrIndex : metricsIndexFor(itemsOrIndex, seen, ctx.timeZone ?? defaultTimeZone());
  const kept = ctx.selection ? prepared.get(ctx.selection) : undefined;
  if (kept && kept.index === index && kept.headline.mode === filter.mode) return kept;
  const out = prepareFresh(index, filter, ctx);
  if (ctx.selection) prepared.set(ctx.selection, out);
  return out;
}

function prepareFresh(index: MetricsIndex, filter: DashboardFilter, ctx: FilterContext & { selection?: Selection }): Prepared {
  // The caller's own `selectRows(index, filter)` result, when it has one (the page lists the rows too).
  const sel = ctx.selection ?? selectRows(index, filter, ctx);
  const rows = sel.items;
  const o = newOverall(rows.length);
  addOverall(o, index, rows);
  const answered = answeredOf(index, sel.seen);
  return { index, rows, headline: headlineOf(filter.mode, index.timeZone, sel.range, o, sel.seen.length, answered) };
}

/** How many of the selected seen records were answered (the response rate's numerator). */
function answeredOf(index: MetricsIndex, seenRows: Int32Array): number {
  let answered = 0;
  for (let r = 0; r < seenRows.length; r++) answered += index.seenCols.answered[seenRows[r]!]!;
  return answered;
}

function headlineOf(mode: Mode, timeZone: string, range: ResolvedRange, o: Overall, seen: number, answered: number): Headline {
  const byReasonCount: Record<NoReplyReason, number> = { no_reply_needed: 0, moved_to_dm: 0, escalated: 0, spam: 0 };
  for (let k = 1; k < REASONS.length; k++) byReasonCount[REASONS[k] as NoReplyReason] = o.reasonCounts[k]!;
  const items = o.itemCount;
  const replied = o.reasonCounts[0]!;
  return {
    mode,
    timeZone,
    range,
    totals: {
      items,
      replied,
      withoutReply: items - replied,
      withoutReplyByReason: byReasonCount,
      replies: o.replies,
      repliesPerRepliedItem: o.itemsWithReplies ? o.replies / o.itemsWithReplies : null,
    },
    responseRate: { seen, answered, rate: seen ? answered / seen : null },
    firstResponse: durationStatsOnce(o.resp.subarray(0, o.nResp)),
    firstResponseBusiness: durationStatsOnce(o.respB.subarray(0, o.nRespB)),
    withinTarget: { measured: o.measured, met: o.met, missed: o.measured - o.met, share: o.measured ? o.met / o.measured : null },
    handleTime: durationStatsOnce(o.handle.subarray(0, o.nHandle)),
  };
}

const NO_ITEM_COLUMNS = emptyItemColumns();
const NO_SEEN_COLUMNS = emptySeenColumns();

/**
 * The headline figures straight from the log digest's blocks, before they are put together:
 * the same figures as `computeHeadline` over `indexFromColumns(concatItemColumns(items),
 * concatSeenColumns(seen))`, to the last bit (each block's durations are added in row order after the
 * previous block's, which is the order of the concatenated rows). Putting 100,000 rows
 * together means writing about 10 MB of fresh memory, which the page's first figures then do not
 * wait for. No text search: the blocks hold no text.
 */
export function headlineOfParts(
  parts: { items: readonly ItemColumns[]; seen: readonly SeenColumns[] },
  filter: DashboardFilter,
  ctx: FilterContext = {},
): Headline {
  const timeZone = ctx.timeZone ?? defaultTimeZone();
  // One "now" for every block, so that they all take the same date range.
  const at: FilterContext = { ...ctx, timeZone, nowMs: ctx.nowMs ?? Date.now() };
  const range = resolveRange(filter, at);
  const kept = parts.items.map((part) => {
    const index = indexFromColumns(part, NO_SEEN_COLUMNS, timeZone);
    return { index, rows: selectRows(index, filter, at).items };
  });
  // Room for the kept rows' durations: each block's are added after the previous block's.
  const o = newOverall(kept.reduce((sum, k) => sum + k.rows.length, 0));
  for (const { index, rows } of kept) addOverall(o, index, rows);
  let seen = 0;
  let answered = 0;
  for (const part of parts.seen) {
    const index = indexFromColumns(NO_ITEM_COLUMNS, part, timeZone);
    const rows = selectRows(index, filter, at).seen;
    seen += rows.length;
    answered += answeredOf(index, rows);
  }
  return headlineOf(filter.mode, timeZone, range, o, seen, answered);
}

/**
 * The headline figures alone, for what the filter keeps: about a tenth of `computeMetrics`'
 * work (one group instead of every breakdown), so the page can show them first.
 */
export function computeHeadline(
  itemsOrIndex: readonly HandledItem[] | MetricsIndex,
  seen: readonly SeenRecord[],
  filter: DashboardFilter,
  ctx: FilterContext & { selection?: Selection } = {},
): Headline {
  return prepare(itemsOrIndex, seen, filter, ctx).headline;
}

/**
 * Every figure of the dashboard for what the filter keeps. Pass a prebuilt `MetricsIndex` (or the
 * same arrays again) to make a filter change a scan of typed arrays.
 */
export function computeMetrics(
  itemsOrIndex: readonly HandledItem[] | MetricsIndex,
  seen: readonly SeenRecord[],
  filter: DashboardFilter,
  ctx: FilterContext & { selection?: Selection } = {},
): MetricsSummary {
  const prep = prepare(itemsOrIndex, seen, filter, ctx);
  const { index, rows, headline } = prep;
  const data = (prep.data ??= gather(index, rows));
  const c = index.item;
  const { day, hour } = localTimeOf(index);

  // Day keys span only the days present.
  let minDay = Number.POSITIVE_INFINITY;
  let maxDay = Number.NEGATIVE_INFINITY;
  for (let r = 0; r < rows.length; r++) {
    const d = day[rows[r]!]!;
    if (d < minDay) minDay = d;
    if (d > maxDay) maxDay = d;
  }
  const dayKeys: string[] = [];
  if (rows.length) for (let d = minDay; d <= maxDay; d++) dayKeys.push(isoDateOfDay(d));
  const byDay = rows.length ? groupBy(data, rows, dayKeys, (i) => day[i]! - minDay) : [];
  const hourMap = new Map(groupBy(data, rows, HOURS, (i) => hour[i]!).map((g) => [g.key, g]));

  // Flags: one pair per distinct flag of an item, 'none' for items without.
  const flagKeys = [...FLAG_NAMES, 'none'];
  let fp = 0;
  let pairRows = new Int32Array(rows.length * 2 + 8);
  let pairGroups = new Int32Array(rows.length * 2 + 8);
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r]!;
    const mask = c.flags[i]!;
    if (fp + FLAG_NAMES.length >= pairRows.length) {
      const nr = new Int32Array(pairRows.length * 2);
      nr.set(pairRows);
      pairRows = nr;
      const ng = new Int32Array(pairGroups.length * 2);
      ng.set(pairGroups);
      pairGroups = ng;
    }
    if (mask === 0) {
      pairRows[fp] = r;
      pairGroups[fp++] = FLAG_NAMES.length;
    } else {
      for (let b = 0; b < FLAG_NAMES.length; b++) {
        if (mask & (1 << b)) {
          pairRows[fp] = r;
          pairGroups[fp++] = b;
        }
      }
    }
  }

  const templateKeys = [...index.templates.keys, 'none'];
  const noTemplate = index.templates.keys.length;

  return {
    ...headline,
    byDay,
    byHour: HOURS.map((h) => hourMap.get(h) ?? emptyGroup(h)),
    byChannel: groupBy(data, rows, labelled(SITES), labelCode(c.site, SITES.length)).sort(byVolume),
    byIntent: groupBy(data, rows, labelled(INTENTS), labelCode(c.intent, INTENTS.length)).sort(byVolume),
    byUrgency: groupBy(data, rows, labelled(URGENCIES), labelCode(c.urgency, URGENCIES.length)).sort(byVolume),
    bySentiment: groupBy(data, rows, labelled(SENTIMENTS), labelCode(c.sentiment, SENTIMENTS.length)).sort(byVolume),
    byFlag: groupPairs(data, pairRows, pairGroups, fp, flagKeys, flagKeys).sort(byVolume),
    byAgent: groupBy(data, rows, index.agents.keys, (i) => c.agent[i]!, index.agentNames).sort(byVolume),
    byTemplate: groupBy(data, rows, templateKeys, (i) => (c.template[i]! < 0 ? noTemplate : c.template[i]!)).sort(byVolume),
    byReason: groupBy(data, rows, labelled(REASONS), labelCode(c.reason, REASONS.length)).sort(byVolume),
    responseBuckets: { calendar: responseBucketsOf(index, rows, 'calendar'), business: responseBucketsOf(index, rows, 'business') },
    heatmap: heatmapOf(index, rows),
    templates: templateEffectivenessOf(index, rows),
    classifierAgreement: classifierAgreementOf(index, rows),
  };
}
