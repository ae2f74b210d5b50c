/**
 * The practice feed renders posts in X's own markup (the same data-testids), so the X adapter and
 * the sidebar work here exactly as on x.com. The composer is the real Draft.js editor
 * (public/vendor/draft-composer.js, built by scripts/build-fixtures.ts).
 */
import { useEffect, useRef } from 'react';

export interface FeedPost {
  id: string;
  authorName: string;
  handle: string;
  text: string;
  postedAt: string;
  lang?: string;
  own?: boolean;
  inReplyTo?: string;
}

interface DraftComposer {
  getText(): string;
  clear(): void;
  focus(): void;
}

declare global {
  interface Window {
    CarelineDraftComposer?: { mount(el: HTMLElement, options: { testId: string; placeholder?: string }): DraftComposer };
  }
}

function relative(iso: string, now: number): string {
  const mins = Math.max(0, Math.round((now - Date.parse(iso)) / 60000));
  return mins < 60 ? `${mins}m` : `${Math.floor(mins / 60)}h`;
}

export function PostArticle({ post, focused, now, onFocus }: { post: FeedPost; focused: boolean; now: number; onFocus(): void }) {
  return (
    <article
      data-testid="tweet"
      role="article"
      tabIndex={focused ? -1 : 0}
      aria-labelledby={`post-${post.id}`}
      onClick={onFocus}
      className={`border-b border-line px-4 py-3 outline-none ${focused ? 'bg-surface-2' : ''}`}
    >
      <div data-testid="User-Name" className="flex gap-1 text-sm">
        <a href={`/${post.handle}`} onClick={(e) => e.preventDefault()} className="font-bold">
          <span>{post.authorName}</span>
        </a>
        <div className="text-muted">
          <a href={`/${post.handle}`} onClick={(e) => e.preventDefault()}>
            <span>@{post.handle}</span>
          </a>
          <span> · </span>
          <a href={`/${post.handle}/status/${post.id}`} onClick={(e) => e.preventDefault()}>
            <time dateTime={post.postedAt}>{relative(post.postedAt, now)}</time>
          </a>
        </div>
      </div>
      {post.inReplyTo ? <div className="text-xs text-muted">Replying to <a href={`/${post.inReplyTo}`} onClick={(e) => e.preventDefault()}>@{post.inReplyTo}</a></div> : null}
      <div data-testid="tweetText" lang={post.lang ?? 'en'} dir="auto" id={`post-${post.id}`} className="mt-1 whitespace-pre-wrap">
        <span>{post.text}</span>
      </div>
      <div role="group" className="mt-2 flex gap-6 text-xs text-muted">
        <button type="button" data-testid="reply" aria-label="Reply" onClick={onFocus}>Reply</button>
      </div>
    </article>
  );
}

/** The inline reply box under the focused post, as on an X status page. */
export function InlineComposer({ onPost, disabled }: { onPost(text: string): void; disabled?: boolean }) {
  const mountRef = useRef<HTMLDivElement>(null);
  const composer = useRef<DraftComposer | null>(null);
  useEffect(() => {
    if (!mountRef.current || composer.current) return;
    const api = window.CarelineDraftComposer;
    if (!api) return;
    composer.current = api.mount(mountRef.current, { testId: 'tweetTextarea_0', placeholder: 'Post your reply' });
  }, []);
  return (
    <div className="border-b border-line px-4 py-3" data-testid="inline-composer">
      {window.CarelineDraftComposer ? null : (
        <p role="alert" className="text-sm text-bad">The practice composer did not load: run `npm run build` again.</p>
      )}
      <div ref={mountRef} className="min-h-16 rounded border border-line p-2" />
      <div className="mt-2 flex justify-end">
        <button
          type="button"
          data-testid="tweetButtonInline"
          disabled={disabled}
          className="rounded-full bg-accent px-4 py-1 font-bold text-accent-ink disabled:opacity-50"
          onClick={() => {
            const text = composer.current?.getText() ?? '';
            if (!text.trim()) return;
            onPost(text);
            composer.current?.clear();
          }}
        >
          Reply
        </button>
      </div>
    </div>
  );
}
