import { INTENTS } from '../../lib/classify/types';
import type { HandledItem } from '../../lib/db/schema';
import { effectiveIntent } from '../../lib/metrics/filter';
import { labelOf, NONE, REASONS, SITES, type MetricsIndex } from '../../lib/metrics/metrics-index';

export const ITEM_SORT_KEYS = ['handledAt', 'site', 'author', 'agent', 'intent', 'urgency', 'response', 'handle', 'replies', 'reason', 'template'] as const;
export type ItemSortKey = (typeof ITEM_SORT_KEYS)[number];
export interface ItemSort {
  key: ItemSortKey;
  dir: 'asc' | 'desc';
}
export const DEFAULT_ITEM_SORT: ItemSort = { key: 'handledAt', dir: 'desc' };

const NUMERIC: Partial<Record<ItemSortKey, (index: MetricsIndex) => Float64Array>> = {
  handledAt: (index) => index.item.handledMs,
  response: (index) => index.item.resp,
  handle: (index) => index.item.handle,
  replies: (index) => index.item.replyCount,
};

const TEXT: Record<Exclude<ItemSortKey, 'handledAt' | 'response' | 'handle' | 'replies'>, (it: HandledItem) => string | undefined> = {
  site: (it) => it.site,
  author: (it) => it.authorHandle.toLowerCase(),
  agent: (it) => (it.agentName || it.agentId).toLowerCase(),
  intent: (it) => effectiveIntent(it),
  // high < normal < low reads as "most urgent first" when ascending.
  urgency: (it) => (it.urgency === undefined ? undefined : String(['high', 'normal', 'low'].indexOf(it.urgency))),
  reason: (it) => it.reason,
  template: (it) => it.templateId,
};

type TextKey = keyof typeof TEXT;

/**
 * The same keys read off the columns, for an index without rows (the log digest's, while the
 * rows are read): equal to TEXT's for every key but two. The author is not in the columns
 * (undefined: `sortableWithoutRows`), and an agent reads as the last name the log gave it, where a
 * row reads as the name it was logged with.
 */
const COLUMN_TEXT: Record<Exclude<TextKey, 'author'>, (index: MetricsIndex) => (row: number) => string | undefined> = {
  site: ({ item }) => (r) => labelOf(SITES, item.site[r]!),
  agent: ({ item, agentNames }) => (r) => agentNames[item.agent[r]!]!.toLowerCase(),
  intent: ({ item }) => (r) => labelOf(INTENTS, item.intent[r]!),
  urgency: ({ item }) => (r) => (item.urgency[r] === NONE ? undefined : String(item.urgency[r])),
  reason: ({ item }) => (r) => labelOf(REASONS, item.reason[r]!),
  template: ({ item, templates }) => (r) => (item.template[r]! < 0 ? undefined : templates.keys[item.template[r]!]),
};

/** Whether the item list can be sorted by this key before the rows are read (all but the author). */
export function sortableWithoutRows(key: ItemSortKey): boolean {
  return key !== 'author';
}

function textKeys(index: MetricsIndex, key: TextKey): (string | undefined)[] {
  if (index.hasRows) {
    const keyOf = TEXT[key];
    return index.items.map((it) => keyOf(it));
  }
  const keys = new Array<string | undefined>(index.itemCount);
  if (key === 'author') return keys.fill(undefined);
  const keyOf = COLUMN_TEXT[key](index);
  for (let r = 0; r < keys.length; r++) keys[r] = keyOf(r);
  return keys;
}

/**
 * The item list's order as a comparator of index rows: one column, missing values (no response
 * time, no template…) last in either direction, ties newest first, then by row (a total order).
 */
export function compareRows(index: MetricsIndex, sort: ItemSort): (a: number, b: number) => number {
  const sign = sort.dir === 'asc' ? 1 : -1;
  const handled = index.item.handledMs;
  const tie = (a: number, b: number) => handled[b]! - handled[a]! || a - b;
  const numeric = NUMERIC[sort.key];
  if (numeric) {
    const col = numeric(index);
    return (a, b) => {
      const x = col[a]!;
      const y = col[b]!;
      const nx = Number.isNaN(x);
      const ny = Number.isNaN(y);
      if (nx || ny) return nx && ny ? tie(a, b) : nx ? 1 : -1;
      return (x - y) * sign || tie(a, b);
    };
  }
  const keys = textKeys(index, sort.key as TextKey);
  return (a, b) => {
    const x = keys[a];
    const y = keys[b];
    if (x === undefined || y === undefined) return x === y ? tie(a, b) : x === undefined ? 1 : -1;
    return (x < y ? -1 : x > y ? 1 : 0) * sign || tie(a, b);
  };
}

/** Every row of an index in each order asked for, kept while the index lives. */
const orders = new WeakMap<MetricsIndex, Map<string, Int32Array>>();

/**
 * Gives `to` the orders already worked out for `from`, an index over the same columns in the same
 * row order (`indexWithRows`: the digest's index once the rows are in), so that the list is not
 * sorted again (about 100,000 comparisons per order). The author's order is left out: without
 * rows it was not the authors'.
 */
export function shareOrders(from: MetricsIndex, to: MetricsIndex): void {
  const byKey = orders.get(from);
  if (!byKey || orders.has(to) || to.itemCount !== from.itemCount || to.item !== from.item) return;
  orders.set(to, new Map([...byKey].filter(([key]) => !key.startsWith('author:'))));
}

function fullOrder(index: MetricsIndex, sort: ItemSort): Int32Array {
  let byKey = orders.get(index);
  if (!byKey) orders.set(index, (byKey = new Map()));
  const key = `${sort.key}:${sort.dir}`;
  let order = byKey.get(key);
  if (!order) {
    order = new Int32Array(index.itemCount);
    for (let i = 0; i < order.length; i++) order[i] = i;
    order.sort(compareRows(index, sort));
    byKey.set(key, order);
  }
  return order;
}

/**
 * The item list's order (`compareRows`) of these rows of the index. The index's rows are sorted
 * once per order; a filter's rows are then read off that order in one pass, as a total order
 * restricted to a subset is the subset's own order.
 */
export function sortRows(index: MetricsIndex, rows: Int32Array, sort: ItemSort): Int32Array {
  const order = fullOrder(index, sort);
  const kept = new Uint8Array(index.itemCount);
  for (let r = 0; r < rows.length; r++) kept[rows[r]!] = 1;
  const out = new Int32Array(rows.length);
  let k = 0;
  for (let j = 0; j < order.length && k < out.length; j++) if (kept[order[j]!]) out[k++] = order[j]!;
  return out;
}
