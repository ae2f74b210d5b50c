import type { HandledItem } from '../../lib/db/schema';

/**
 * The local log plus other items (team items from sync), deduplicated by id with the local copy
 * winning. Returns `local` itself when there is nothing to add, so the metrics index cache (keyed
 * by array identity) keeps hitting.
 */
export function mergeById(local: readonly HandledItem[], others: readonly HandledItem[]): readonly HandledItem[] {
  if (others.length === 0) return local;
  const extra = itemsNotIn(local.map((it) => it.id), others);
  return extra.length ? [...local, ...extra] : local;
}

/** The items of `others` whose id is not in `localIds`, each id once (the first copy). */
export function itemsNotIn(localIds: Iterable<string>, others: readonly HandledItem[]): HandledItem[] {
  if (others.length === 0) return [];
  const ids = new Set(localIds);
  return others.filter((it) => !ids.has(it.id) && (ids.add(it.id), true));
}
