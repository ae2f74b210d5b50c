import { useEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { formatSeconds, humanise } from './format';

export type ItemColumnKey = 'handledAt' | 'site' | 'author' | 'agent' | 'intent' | 'urgency' | 'response' | 'handle' | 'replies' | 'reason' | 'template';

const COLUMNS: Array<{ key: ItemColumnKey | null; label: string; right?: boolean }> = [
  { key: 'handledAt', label: 'Handled' },
  { key: 'site', label: 'Channel' },
  { key: 'author', label: 'Author' },
  { key: null, label: 'Post' },
  { key: 'intent', label: 'Intent' },
  { key: 'urgency', label: 'Urgency' },
  { key: 'response', label: 'First response', right: true },
  { key: 'replies', label: 'Replies', right: true },
  { key: 'reason', label: 'Outcome' },
  { key: 'agent', label: 'Agent' },
  { key: 'template', label: 'Template' },
];

const ROW_HEIGHT = 34;

/**
 * One row of the list as shown. The list can be shown before the log's rows are read (from the
 * log digest's columns): such a row has every column but the author and the post, which come
 * when the row itself is read (`loaded`).
 */
export interface ItemRowView {
  id: string;
  /** ISO time. */
  handledAt: string;
  site: string;
  loaded: boolean;
  /** Undefined until loaded. */
  authorHandle?: string;
  /** The post's text; undefined when not kept (or not loaded). */
  text?: string;
  intent?: string;
  urgency?: string;
  responseSeconds?: number;
  targetMet?: boolean;
  replyCount: number;
  reason: string;
  agent: string;
  templateId?: string;
}

/**
 * The filtered items, virtualised: only the rows in view are in the DOM, so 100,000 items scroll
 * smoothly. Headers sort; a row's post button (or Enter on it) opens the item's detail. Rows come
 * from `rowAt` as they scroll into view; `onRange` hears which are in view (to read them when the
 * list is shown before the rows are). A header left out by `canSort` is shown but cannot be used.
 */
export function ItemTable({
  count,
  rowAt,
  onRange,
  sort,
  canSort,
  onSort,
  onOpen,
  selectedId,
}: {
  count: number;
  rowAt(index: number): ItemRowView;
  onRange?(from: number, to: number): void;
  sort: { key: ItemColumnKey; dir: 'asc' | 'desc' };
  canSort?(key: ItemColumnKey): boolean;
  onSort(key: ItemColumnKey): void;
  onOpen(id: string): void;
  selectedId: string | null;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // Before the first layout (and in tests without layout) render a first screenful.
    initialRect: { width: 1000, height: 480 },
  });
  const virtualRows = virtualizer.getVirtualItems();
  const top = virtualRows[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (virtualRows[virtualRows.length - 1]?.end ?? 0);
  const from = virtualRows[0]?.index ?? 0;
  const to = (virtualRows[virtualRows.length - 1]?.index ?? -1) + 1;
  useEffect(() => {
    if (to > from) onRange?.(from, to);
  }, [from, to, onRange]);
  return (
    <div ref={scrollRef} className="max-h-[480px] overflow-auto rounded-lg border border-line" tabIndex={-1}>
      <table className="w-full text-left text-sm" data-testid="log-table" aria-rowcount={count + 1}>
        <caption className="sr-only">Handled items, {count} in this filter</caption>
        <thead className="sticky top-0 z-10 bg-surface-2 text-muted">
          <tr>
            {COLUMNS.map((c) => {
              const active = c.key !== null && sort.key === c.key;
              const usable = c.key !== null && (canSort?.(c.key) ?? true);
              return (
                <th key={c.label} scope="col" aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
                  className={`px-2 py-1 font-medium whitespace-nowrap ${c.right ? 'text-right' : ''}`}>
                  {c.key ? (
                    <button type="button" className="hover:text-ink disabled:cursor-not-allowed disabled:hover:text-muted" disabled={!usable}
                      title={usable ? undefined : 'Sorting by this column waits until every item is loaded.'} onClick={() => onSort(c.key!)}>
                      {c.label}<span aria-hidden="true">{active ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                    </button>
                  ) : c.label}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {top > 0 ? <tr aria-hidden="true" style={{ height: top }} /> : null}
          {virtualRows.map((v) => {
            const it = rowAt(v.index);
            const selected = it.id === selectedId;
            const who = it.loaded ? `@${it.authorHandle}` : 'an author still loading';
            return (
              <tr key={it.id} data-testid="log-row" data-item-id={it.id} data-loaded={it.loaded} aria-rowindex={v.index + 2} aria-selected={selected}
                className={`border-t border-line align-top ${selected ? 'bg-surface-2' : ''}`} style={{ height: ROW_HEIGHT }}>
                <td className="px-2 py-1 whitespace-nowrap"><time dateTime={it.handledAt}>{new Date(it.handledAt).toLocaleString()}</time></td>
                <td className="px-2 py-1">{humanise(it.site)}</td>
                <td className="max-w-40 truncate px-2 py-1">{it.loaded ? `@${it.authorHandle}` : <Pending />}</td>
                <td className="max-w-80 px-2 py-1">
                  <button type="button" onClick={() => onOpen(it.id)} className="block w-full truncate text-left underline-offset-2 hover:underline"
                    aria-label={`Open item from ${who}`}>
                    {!it.loaded ? <Pending /> : it.text?.slice(0, 140) || <span className="text-muted">(no text kept)</span>}
                  </button>
                </td>
                <td className="px-2 py-1">{it.intent ?? '—'}</td>
                <td className="px-2 py-1">{it.urgency ?? '—'}</td>
                <td className={`px-2 py-1 text-right tabular-nums ${it.targetMet === false ? 'text-bad' : ''}`}>{formatSeconds(it.responseSeconds)}</td>
                <td className="px-2 py-1 text-right tabular-nums">{it.replyCount}</td>
                <td className="px-2 py-1 whitespace-nowrap">{humanise(it.reason)}</td>
                <td className="max-w-32 truncate px-2 py-1">{it.agent}</td>
                <td className="max-w-32 truncate px-2 py-1">{it.templateId ?? '—'}</td>
              </tr>
            );
          })}
          {bottom > 0 ? <tr aria-hidden="true" style={{ height: bottom }} /> : null}
        </tbody>
      </table>
    </div>
  );
}

/** A cell whose value is still being read. */
function Pending() {
  return (
    <span className="text-muted">
      <span aria-hidden="true">…</span>
      <span className="sr-only">loading</span>
    </span>
  );
}
