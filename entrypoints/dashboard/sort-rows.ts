import type { HandledItem } from '../../lib/db/schema';
import { effectiveIntent } from '../../lib/metrics/filter';
import type { MetricsIndex } from '../../lib/metrics/metrics-index';

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

/**
 * The item list's order: rows of the metrics index sorted by one column. Missing values (no
 * response time, no template…) go last in either direction; ties keep the newest first.
 */
export function sortRows(index: MetricsIndex, rows: Int32Array, sort: ItemSort): Int32Array {
  const out = Int32Array.from(rows);
  const sign = sort.dir === 'asc' ? 1 : -1;
  const handled = index.item.handledMs;
  const tie = (a: number, b: number) => handled[b]! - handled[a]! || a - b;
  const numeric = NUMERIC[sort.key];
  if (numeric) {
    const col = numeric(index);
    return out.sort((a, b) => {
      const x = col[a]!;
      const y = col[b]!;
      const nx = Number.isNaN(x);
      const ny = Number.isNaN(y);
      if (nx || ny) return nx && ny ? tie(a, b) : nx ? 1 : -1;
      return (x - y) * sign || tie(a, b);
    });
  }
  const keyOf = TEXT[sort.key as keyof typeof TEXT];
  const keys = new Map<number, string | undefined>();
  for (const r of out) keys.set(r, keyOf(index.items[r]!));
  return out.sort((a, b) => {
    const x = keys.get(a);
    const y = keys.get(b);
    if (x === undefined || y === undefined) return x === y ? tie(a, b) : x === undefined ? 1 : -1;
    return (x < y ? -1 : x > y ? 1 : 0) * sign || tie(a, b);
  });
}
