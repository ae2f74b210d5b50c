import { useEffect, useRef } from 'react';
import type { HandledItem } from '../../lib/db/schema';
import { safeHref } from '../PostCard';
import { formatSeconds, humanise } from './format';

const SITE_NAME: Record<string, string> = { x: 'X', facebook: 'Facebook', practice: 'the practice feed' };

function valueOf(key: string, value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  if (key.endsWith('Seconds')) return `${formatSeconds(value as number)} (${String(value)} s)`;
  if (key === 'flags' && Array.isArray(value)) return (value as Array<{ name: string; evidence: string[] }>).map((f) => `${humanise(f.name)}${f.evidence.length ? ` (“${f.evidence.join('”, “')}”)` : ''}`).join('; ');
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string' && /At$/.test(key) && !Number.isNaN(Date.parse(value))) return `${new Date(value).toLocaleString()} (${value})`;
  return String(value);
}

/**
 * One item's every field, with a link back to the post (http(s) only: a permalink is page text
 * and untrusted). Escape or the close button returns focus to the list.
 */
export function ItemDetail({ item, onClose }: { item: HandledItem; onClose(): void }) {
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    closeRef.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [item.id, onClose]);
  const href = safeHref(item.permalink);
  const { text, replyText, ...rest } = item;
  return (
    <aside role="dialog" aria-modal="false" aria-labelledby="item-detail-heading" data-testid="item-detail"
      className="fixed inset-y-0 right-0 z-20 w-full max-w-md overflow-y-auto border-l border-line bg-surface p-4 shadow-xl">
      <div className="flex items-start gap-2">
        <h2 id="item-detail-heading" className="flex-1 text-lg font-semibold">@{item.authorHandle} <span className="text-sm font-normal text-muted">on {SITE_NAME[item.site] ?? item.site}</span></h2>
        <button ref={closeRef} type="button" onClick={onClose} className="rounded border border-line px-2 py-0.5 text-sm hover:bg-surface-2">Close</button>
      </div>
      {href ? (
        <a href={href} target="_blank" rel="noopener noreferrer" data-testid="item-permalink" className="mt-1 inline-block text-sm text-accent underline">Open the post on {SITE_NAME[item.site] ?? 'its site'}</a>
      ) : (
        <p className="mt-1 text-sm text-muted">No web link for this post.</p>
      )}
      <h3 className="mt-3 text-xs font-semibold text-muted">Post</h3>
      <p className="whitespace-pre-wrap break-words text-sm">{text || '(no text kept)'}</p>
      {replyText ? (
        <>
          <h3 className="mt-3 text-xs font-semibold text-muted">Reply</h3>
          <p className="whitespace-pre-wrap break-words text-sm">{replyText}</p>
        </>
      ) : null}
      <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 text-xs">
        {Object.entries(rest).map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-muted">{k}</dt>
            <dd className="break-all">{valueOf(k, v)}</dd>
          </div>
        ))}
      </dl>
    </aside>
  );
}
