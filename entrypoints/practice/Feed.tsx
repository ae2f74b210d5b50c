/**
 * The practice feed renders posts in X's own markup (the same data-testids), so the X adapter and
 * the sidebar work here exactly as on x.com. Replying opens X's modal reply composer: a dialog
 * holding the replied-to post and the real Draft.js editor (public/vendor/draft-composer.js, built
 * by scripts/build-fixtures.ts). The modal is what ties a composer to its post on a timeline (the
 * X adapter reads the post inside the dialog), as on x.com's home timeline.
 */
import { useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type ReactNode } from 'react';
import type { ConversationTurn } from '../../lib/practice/scenario';

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
    CarelineDraftComposer?: {
      mount(el: HTMLElement, options: { testId: string; placeholder?: string; onChange?(text: string): void }): DraftComposer;
    };
  }
}

export function relativeTime(iso: string, now: number): string {
  const secs = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (secs < 60) return `${secs}s`;
  const mins = Math.floor(secs / 60);
  return mins < 60 ? `${mins}m` : `${Math.floor(mins / 60)}h`;
}

const stop = (e: { preventDefault(): void }) => e.preventDefault();

function initialOf(name: string): string {
  return [...name.trim()][0]?.toUpperCase() ?? '?';
}

export interface PostArticleProps {
  post: FeedPost;
  now: number;
  /** A line above the author, e.g. which brand the customer wrote to. */
  context?: ReactNode;
  /** The copy inside the reply dialog has no actions. */
  actions?: boolean;
  onReply?(): void;
  highlighted?: boolean;
}

export function PostArticle({ post, now, context, actions = true, onReply, highlighted }: PostArticleProps) {
  return (
    <article
      data-testid="tweet"
      role="article"
      tabIndex={actions ? 0 : -1}
      aria-labelledby={`post-${post.id}${actions ? '' : '-copy'}`}
      className={`flex gap-3 px-4 py-3 outline-none focus-visible:bg-surface-2 ${highlighted ? 'bg-surface-2' : ''}`}
    >
      <div aria-hidden="true" className="flex h-10 w-10 shrink-0 items-center justify-center rounded-full bg-accent/20 font-bold text-accent">
        {initialOf(post.authorName)}
      </div>
      <div className="min-w-0 flex-1">
        {context ? <div className="text-xs text-muted">{context}</div> : null}
        <div data-testid="User-Name" className="flex flex-wrap gap-1 text-sm">
          <a href={`/${post.handle}`} onClick={stop} className="font-bold">
            <div dir="ltr">
              <span>{post.authorName}</span>
            </div>
          </a>
          <div className="text-muted">
            <a href={`/${post.handle}`} onClick={stop} tabIndex={-1}>
              <span>@{post.handle}</span>
            </a>
            <span aria-hidden="true"> · </span>
            <a href={`/${post.handle}/status/${post.id}`} onClick={stop} tabIndex={-1}>
              <time dateTime={post.postedAt}>{relativeTime(post.postedAt, now)}</time>
            </a>
          </div>
        </div>
        {post.inReplyTo ? (
          <div className="text-sm text-muted">
            Replying to{' '}
            <a href={`/${post.inReplyTo}`} role="link" onClick={stop} className="text-accent">
              @{post.inReplyTo}
            </a>
          </div>
        ) : null}
        <div
          data-testid="tweetText"
          lang={post.lang ?? 'en'}
          dir="auto"
          id={`post-${post.id}${actions ? '' : '-copy'}`}
          className="mt-1 whitespace-pre-wrap break-words"
        >
          <span>{post.text}</span>
        </div>
        {actions ? (
          <div role="group" aria-label="Post actions" className="mt-2 flex gap-6 text-sm text-muted">
            <button type="button" data-testid="reply" aria-label={`Reply to @${post.handle}`} onClick={onReply} className="rounded-full px-2 py-0.5 hover:bg-accent/10 hover:text-accent">
              Reply
            </button>
          </div>
        ) : null}
      </div>
    </article>
  );
}

/**
 * Earlier messages of the conversation, shown above the post. Deliberately not X's post markup:
 * they are context, not posts to answer, so the sidebar's queue does not list them.
 */
export function ConversationContext({ turns, brand, customer }: { turns: readonly ConversationTurn[]; brand: string; customer: { name: string; handle: string } }) {
  if (turns.length === 0) return null;
  return (
    <div role="group" aria-label="Earlier in this conversation" className="mx-4 mt-3 border-l-2 border-line pl-3 text-sm">
      {turns.map((turn, i) => (
        <div key={i} className="mb-2">
          <p className="text-xs text-muted">
            {turn.from === 'brand' ? <span className="font-semibold">@{brand}</span> : <span className="font-semibold">{customer.name} @{customer.handle}</span>}
          </p>
          <p className="whitespace-pre-wrap text-muted">{turn.text}</p>
        </div>
      ))}
    </div>
  );
}

// ── The Draft.js composer: mounted once, moved into each reply dialog ──────────────────────────────

interface ComposerSlot {
  host: HTMLDivElement;
  api: DraftComposer;
  /** The post whose draft it holds (a draft is kept when the dialog is closed and opened again). */
  postId: string | null;
  onChange: ((text: string) => void) | null;
}

let slot: ComposerSlot | null | undefined;

/** The page's one Draft.js composer, or null when its script did not load. */
function composerSlot(): ComposerSlot | null {
  if (slot !== undefined) return slot;
  const api = window.CarelineDraftComposer;
  if (!api) return (slot = null);
  const host = document.createElement('div');
  host.className = 'min-h-20 text-base';
  const created: ComposerSlot = { host, api: undefined as unknown as DraftComposer, postId: null, onChange: null };
  created.api = api.mount(host, { testId: 'tweetTextarea_0', placeholder: 'Post your reply', onChange: (text) => created.onChange?.(text) });
  return (slot = created);
}

export interface ReplyDialogProps {
  post: FeedPost;
  brand: string;
  now: number;
  onClose(): void;
  onPost(text: string): void;
  /** Shown under the composer, e.g. that the session has ended. */
  note?: string;
}

/** X's modal reply composer: the replied-to post, "Replying to", the editor and the Reply button. */
export function ReplyDialog({ post, brand, now, onClose, onPost, note }: ReplyDialogProps) {
  const mountRef = useRef<HTMLDivElement>(null);
  const dialogRef = useRef<HTMLDivElement>(null);
  const [text, setText] = useState('');
  const composer = composerSlot();

  useEffect(() => {
    const target = mountRef.current;
    if (!composer || !target) return;
    if (composer.postId !== post.id) {
      composer.api.clear();
      composer.postId = post.id;
    }
    target.append(composer.host);
    composer.onChange = setText;
    setText(composer.api.getText());
    composer.api.focus();
    return () => {
      composer.onChange = null;
      composer.host.remove();
    };
  }, [composer, post.id]);

  function send() {
    const value = composer?.api.getText() ?? '';
    if (!value.trim()) return;
    composer?.api.clear();
    onPost(value);
  }

  // Keep Tab inside the dialog; Escape closes it (the draft stays for this post).
  function onKeyDown(event: ReactKeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
      return;
    }
    if (event.key !== 'Tab' || !dialogRef.current) return;
    const focusable = [...dialogRef.current.querySelectorAll<HTMLElement>('button:not([disabled]), [contenteditable="true"], a[href]:not([tabindex="-1"])')];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  return (
    <div className="fixed inset-0 z-30 flex items-start justify-center bg-black/40 pt-12" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={dialogRef}
        role="dialog"
        aria-modal="true"
        aria-labelledby="reply-dialog-title"
        onKeyDown={onKeyDown}
        className="w-full max-w-xl rounded-2xl border border-line bg-surface shadow-xl"
      >
        <div className="flex items-center justify-between border-b border-line px-4 py-2">
          <h2 id="reply-dialog-title" className="font-bold">
            Reply as @{brand}
          </h2>
          <button type="button" onClick={onClose} aria-label="Close (your draft is kept)" className="rounded-full px-2 text-lg">
            ×
          </button>
        </div>
        <PostArticle post={post} now={now} actions={false} />
        <div className="px-4 pb-3">
          {composer ? (
            <div ref={mountRef} className="min-h-20 rounded border border-line p-2" />
          ) : (
            <p role="alert" className="text-sm text-bad">
              The practice composer did not load (public/vendor/draft-composer.js is missing). Run `npm run build` again.
            </p>
          )}
          {note ? <p className="mt-2 text-sm text-warn">{note}</p> : null}
          <div className="mt-2 flex items-center justify-between gap-2">
            <span className="text-xs text-muted">Nothing here is posted anywhere.</span>
            <button
              type="button"
              data-testid="tweetButton"
              disabled={!composer || text.trim() === ''}
              onClick={send}
              className="rounded-full bg-accent px-4 py-1.5 font-bold text-accent-ink disabled:opacity-50"
            >
              Reply
            </button>
          </div>
        </div>
      </div>
    </div>
  );
}
