import type { Classification } from '../lib/classify/types';
import type { Post } from '../lib/post';
import type { SlaStatus } from '../lib/sla/status';
import { TimerBadge } from './TimerBadge';

export interface QueueRow {
  post: Post;
  classification: Classification;
  status: SlaStatus;
  handled: boolean;
  focused: boolean;
}

export function QueueList({ rows, onReveal }: { rows: QueueRow[]; onReveal(post: Post): void }) {
  if (rows.length === 0) {
    return <p className="p-3 text-sm text-muted">No customer posts loaded on this page yet. Scroll the timeline or open a conversation.</p>;
  }
  return (
    <ul aria-label="Queue" data-testid="queue" className="divide-y divide-line">
      {rows.map(({ post, classification: c, status, handled, focused }) => (
        <li key={`${post.site}:${post.id}`}>
          <button
            type="button"
            data-testid="queue-row"
            data-post-id={post.id}
            aria-current={focused ? 'true' : undefined}
            onClick={() => onReveal(post)}
            className={`w-full p-2 text-left text-sm hover:bg-surface-2 ${focused ? 'bg-surface-2' : ''} ${handled ? 'opacity-60' : ''}`}
          >
            <span className="flex items-center gap-2">
              <span className="truncate font-semibold">{post.authorName || post.authorHandle}</span>
              {c.classified ? <span className="text-xs text-muted">{c.intent}</span> : null}
              {c.urgency === 'high' ? <span className="rounded bg-bad px-1 text-[10px] font-bold text-white">HIGH</span> : null}
              {handled ? <span className="ml-auto text-xs text-good" data-testid="queue-handled">✓ handled</span> : <span className="ml-auto"><TimerBadge status={status} compact /></span>}
            </span>
            <span className="mt-0.5 line-clamp-2 block text-xs text-muted">{post.text}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
