import { describe, expect, it } from 'vitest';
import type { HandledItem } from '../../lib/db/schema';
import { itemColumnsOf, seenColumnsOf } from '../../lib/metrics/columns';
import { buildMetricsIndex, allRows, indexFromColumns, indexWithRows } from '../../lib/metrics/metrics-index';
import { compareRows, ITEM_SORT_KEYS, shareOrders, sortableWithoutRows, sortRows } from './sort-rows';
import { generateSampleLog } from '../../lib/metrics/sample-log';
import { mulberry32 } from '../../lib/seeded-random';

function item(id: string, over: Partial<HandledItem>): HandledItem {
  return {
    id,
    schemaVersion: 2,
    site: 'x',
    postId: id,
    permalink: `https://x.com/a/status/${id}`,
    authorHandle: 'a',
    authorName: 'A',
    handledAt: '2026-10-01T10:00:00.000Z',
    replyCount: 1,
    reason: 'replied',
    agentId: 'agent-a',
    agentName: 'Ana',
    mode: 'live',
    updatedAt: '2026-10-01T10:00:00.000Z',
    ...over,
  };
}

const items = [
  item('1', { handledAt: '2026-10-01T10:00:00.000Z', responseSeconds: 300, authorHandle: 'Zed', urgency: 'low' }),
  item('2', { handledAt: '2026-10-03T10:00:00.000Z', authorHandle: 'amy', urgency: 'high' }),
  item('3', { handledAt: '2026-10-02T10:00:00.000Z', responseSeconds: 60, authorHandle: 'bob' }),
  item('4', { handledAt: '2026-10-04T10:00:00.000Z', responseSeconds: 60, authorHandle: 'amy', urgency: 'normal' }),
];
const index = buildMetricsIndex(items, [], 'UTC');
const ids = (rows: Int32Array) => Array.from(rows, (r) => items[r]!.id);

describe('sortRows', () => {
  it('sorts by handling time, newest first by default direction desc', () => {
    expect(ids(sortRows(index, allRows(index), { key: 'handledAt', dir: 'desc' }))).toEqual(['4', '2', '3', '1']);
    expect(ids(sortRows(index, allRows(index), { key: 'handledAt', dir: 'asc' }))).toEqual(['1', '3', '2', '4']);
  });

  it('puts missing response times last in both directions and breaks ties newest first', () => {
    expect(ids(sortRows(index, allRows(index), { key: 'response', dir: 'asc' }))).toEqual(['4', '3', '1', '2']);
    expect(ids(sortRows(index, allRows(index), { key: 'response', dir: 'desc' }))).toEqual(['1', '4', '3', '2']);
  });

  it('sorts text case-insensitively and urgency by severity', () => {
    expect(ids(sortRows(index, allRows(index), { key: 'author', dir: 'asc' }))).toEqual(['4', '2', '3', '1']);
    expect(ids(sortRows(index, allRows(index), { key: 'urgency', dir: 'asc' }))).toEqual(['2', '4', '1', '3']);
  });

  it('sorts only the rows it is given and leaves them untouched', () => {
    const rows = Int32Array.from([0, 2]);
    expect(ids(sortRows(index, rows, { key: 'handledAt', dir: 'desc' }))).toEqual(['3', '1']);
    expect(Array.from(rows)).toEqual([0, 2]);
  });

  it("reads a filter's rows off the index's sorted order: the same as sorting them, for every key and direction", () => {
    const { items: log } = generateSampleLog(1500, 9, { endMs: Date.parse('2026-10-05T00:00:00Z') });
    const index = buildMetricsIndex(log, [], 'UTC');
    const rand = mulberry32(5);
    for (const key of ITEM_SORT_KEYS) {
      for (const dir of ['asc', 'desc'] as const) {
        const subset = Int32Array.from(Array.from({ length: index.itemCount }, (_, i) => i).filter(() => rand() < 0.3));
        const expected = Int32Array.from(subset).sort(compareRows(index, { key, dir }));
        expect(Array.from(sortRows(index, subset, { key, dir })), `${key} ${dir}`).toEqual(Array.from(expected));
      }
    }
  });

  it('sorts an index without rows (the digest\'s) as the rows would, for every key but the author', () => {
    const { items: log } = generateSampleLog(1500, 4, { endMs: Date.parse('2026-10-05T00:00:00Z') });
    // Some agents renamed, as in a real log: an agent then sorts by the last name the log gave it.
    const renamed = log.map((it, i) => (i % 7 === 0 && it.agentName ? { ...it, agentName: `Zz ${it.agentName}` } : it));
    const withRows = buildMetricsIndex(log, [], 'UTC');
    const columnsOnly = indexFromColumns(itemColumnsOf(log, true), seenColumnsOf([], () => false, true), 'UTC');
    expect(columnsOnly.hasRows).toBe(false);
    const rand = mulberry32(8);
    const subset = Int32Array.from(Array.from({ length: log.length }, (_, i) => i).filter(() => rand() < 0.4));
    for (const key of ITEM_SORT_KEYS) {
      expect(sortableWithoutRows(key), key).toBe(key !== 'author');
      if (!sortableWithoutRows(key)) continue;
      for (const dir of ['asc', 'desc'] as const) {
        expect(Array.from(sortRows(columnsOnly, subset, { key, dir })), `${key} ${dir}`).toEqual(Array.from(sortRows(withRows, subset, { key, dir })));
      }
    }
    // With renamed agents the rows' order differs from the columns', which read the last name.
    const renamedRows = buildMetricsIndex(renamed, [], 'UTC');
    const renamedColumns = indexFromColumns(itemColumnsOf(renamed, true), seenColumnsOf([], () => false, true), 'UTC');
    const byAgent = (index: typeof withRows) => Array.from(sortRows(index, subset, { key: 'agent', dir: 'asc' }));
    const lastName = new Map(renamed.map((it) => [it.agentId, (it.agentName || it.agentId).toLowerCase()]));
    const names = byAgent(renamedColumns).map((r) => lastName.get(renamed[r]!.agentId)!);
    expect(names).toEqual([...names].sort());
    expect(byAgent(renamedColumns)).not.toEqual(byAgent(renamedRows));
  });
  it("hands the digest's orders to the same index with its rows joined, all but the author's, which then sorts by the rows", () => {
    const { items: log } = generateSampleLog(1200, 6, { endMs: Date.parse('2026-10-05T00:00:00Z') });
    const columnsOnly = indexFromColumns(itemColumnsOf(log, true), seenColumnsOf([], () => false, true), 'UTC');
    const all = allRows(columnsOnly);
    const byTime = sortRows(columnsOnly, all, { key: 'handledAt', dir: 'desc' });
    const byAuthorWithoutRows = sortRows(columnsOnly, all, { key: 'author', dir: 'asc' });
    const joined = indexWithRows(columnsOnly, { items: log, seen: [] });
    shareOrders(columnsOnly, joined);
    // The same order, and not sorted again: a comparator that would tell is never called.
    const sort = Int32Array.prototype.sort;
    let sorts = 0;
    Int32Array.prototype.sort = function (this: Int32Array, ...args: Parameters<Int32Array['sort']>) {
      sorts++;
      return sort.apply(this, args);
    };
    try {
      expect(Array.from(sortRows(joined, all, { key: 'handledAt', dir: 'desc' }))).toEqual(Array.from(byTime));
      expect(sorts).toBe(0);
      const byAuthor = sortRows(joined, all, { key: 'author', dir: 'asc' });
      expect(sorts).toBe(1);
      expect(Array.from(byAuthor)).toEqual(Array.from(sortRows(buildMetricsIndex(log, [], 'UTC'), all, { key: 'author', dir: 'asc' })));
      expect(Array.from(byAuthor)).not.toEqual(Array.from(byAuthorWithoutRows));
    } finally {
      Int32Array.prototype.sort = sort;
    }
  });
});
