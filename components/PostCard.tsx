import type { Post } from '../lib/post';

const SITE_LABEL: Record<Post['site'], string> = { x: 'X', facebook: 'Facebook', practice: 'Practice' };

/** Only http(s) links from a page are ever rendered as links. */
export function safeHref(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

export function formatPostedAt(iso: string | undefined, now = Date.now()): string {
  if (!iso) return 'time unknown';
  const t = Date.parse(iso);
  const mins = Math.round((now - t) / 60000);
  const abs = new Date(t).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  if (mins < 1) return `just now · ${abs}`;
  if (mins < 60) return `${mins} min ago · ${abs}`;
  if (mins < 48 * 60) return `${Math.floor(mins / 60)} h ${mins % 60} min ago · ${abs}`;
  return abs;
}

export function PostCard({ post, now }: { post: Post; now?: number }) {
  const href = safeHref(post.permalink);
  return (
    <article aria-label="Focused post" data-testid="focused-post" className="border-b border-line p-3">
      <header className="flex items-baseline gap-2">
        <span className="truncate font-semibold" data-testid="post-author">{post.authorName || post.authorHandle}</span>
        {post.authorHandle ? <span className="truncate text-muted" data-testid="post-handle">@{post.authorHandle}</span> : null}
        <span className="ml-auto shrink-0 rounded bg-surface-2 px-1.5 text-xs text-muted">{SITE_LABEL[post.site]}</span>
      </header>
      <p className="mt-2 whitespace-pre-wrap break-words" data-testid="post-text">{post.text}</p>
      {post.isTruncated ? (
        <p className="mt-1 text-xs text-warn">The site shows only part of this post ("See more"). Open it in full to read the rest.</p>
      ) : null}
      <footer className="mt-2 flex flex-wrap gap-x-3 text-xs text-muted">
        <time dateTime={post.postedAt} data-testid="post-time">{formatPostedAt(post.postedAt, now)}</time>
        {post.isReply ? <span>reply{post.inReplyToHandle ? ` to @${post.inReplyToHandle}` : ''}</span> : null}
        {href ? (
          <a className="underline" href={href} target="_blank" rel="noreferrer noopener">open post</a>
        ) : null}
      </footer>
    </article>
  );
}
