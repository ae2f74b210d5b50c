import type { HandledItem } from '../../lib/db/schema';

/**
 * The local log plus other items (team items from sync), deduplicated by id with the local copy
 * winning. Returns `local` itself when there is nothing to add, so the metrics index cache (keyed
 * by array identity) keeps hitting.
 */
export function mergeById(local: readonly HandledItem[], others: readonly HandledItem[]): readonly HandledItem[] {
  if (others.length === 0) return local;
  const ids = new Set(local.map((it) => it.id));
  const extra = others.filter((it) => !ids.has(it.id) && (ids.add(it.id), true));
  return extra.length ? [...local, ...extra] : local;
}
