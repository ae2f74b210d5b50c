import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../lib/db/database';
import { EmptyState } from '../../components/EmptyState';
import { safeHref } from '../../components/PostCard';

export function App() {
  const items = useLiveQuery(() => getDb().items.orderBy('handledAt').reverse().limit(500).toArray(), []);
  return (
    <div className="mx-auto max-w-5xl p-6">
      <h1 className="text-xl font-bold">Careline · Activity log</h1>
      {items === undefined ? (
        <p role="status" className="mt-4 text-muted">Loading the log…</p>
      ) : items.length === 0 ? (
        <EmptyState title="No handled items yet">Items appear here when you reply to a post or mark it handled.</EmptyState>
      ) : (
        <table className="mt-4 w-full text-left text-sm" data-testid="log-table">
          <thead className="text-muted">
            <tr><th className="py-1">Handled</th><th>Site</th><th>Author</th><th>Post</th><th>Replies</th></tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id} className="border-t border-line align-top" data-testid="log-row">
                <td className="py-1 pr-2 whitespace-nowrap">{new Date(item.handledAt).toLocaleString()}</td>
                <td className="pr-2">{item.site}</td>
                <td className="pr-2">@{item.authorHandle}</td>
                <td className="pr-2">{safeHref(item.permalink) ? <a className="underline" href={safeHref(item.permalink)}>{item.text?.slice(0, 140) ?? item.postId}</a> : item.text?.slice(0, 140)}</td>
                <td>{item.replyCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
