import { useEffect, useMemo, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { startPageRuntime } from '../../lib/page-runtime';
import { createXAdapter } from '../../lib/sites/x/adapter';
import { broadcast, listen } from '../../lib/transport';
import { InlineComposer, PostArticle, type FeedPost } from './Feed';
import { SAMPLE_FEED } from './sample-feed';

const PRACTICE_HANDLE = 'careline_trainee';

export function App() {
  const [now, setNow] = useState(() => Date.now());
  const start = useRef(Date.now());
  const [posts, setPosts] = useState<FeedPost[]>(() =>
    SAMPLE_FEED.map((p) => ({ ...p, postedAt: new Date(start.current - p.minutesAgo * 60_000).toISOString() })),
  );
  const [focusedId, setFocusedId] = useState<string>(() => SAMPLE_FEED[0]?.id ?? '');
  const [toast, setToast] = useState<{ text: string; href: string } | null>(null);

  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(id);
  }, []);

  // The page runtime: the same dock, adapter and watcher as on x.com.
  useEffect(() => {
    const controller = new AbortController();
    (async () => {
      const tab = await browser.tabs.getCurrent();
      await startPageRuntime(document, {
        adapter: createXAdapter({ site: 'practice', hosts: [location.host] }),
        ownHandles: [PRACTICE_HANDLE],
        sidebarUrl: `${browser.runtime.getURL('/sidebar.html')}?host=practice`,
        signal: controller.signal,
        broadcast,
        listen: (handlers) => listen(handlers, (sender) => sender.tab?.id === tab?.id),
      });
    })().catch((error) => console.error('[Careline] practice page could not start', error));
    return () => controller.abort();
  }, []);

  const customerPosts = useMemo(() => posts.filter((p) => !p.own), [posts]);

  function reply(to: FeedPost, text: string) {
    const id = `${Date.now()}`;
    setPosts((list) => {
      const at = list.findIndex((p) => p.id === to.id);
      const mine: FeedPost = { id, authorName: 'You (trainee)', handle: PRACTICE_HANDLE, text, postedAt: new Date().toISOString(), own: true, inReplyTo: to.handle };
      return [...list.slice(0, at + 1), mine, ...list.slice(at + 1)];
    });
    setToast({ text: 'Your post was sent.', href: `/${PRACTICE_HANDLE}/status/${id}` });
    setTimeout(() => setToast(null), 4000);
  }

  return (
    <div className="min-h-screen bg-surface">
      <div className="mx-auto max-w-xl border-x border-line">
        <header className="sticky top-0 z-10 border-b border-line bg-surface/90 px-4 py-3 backdrop-blur">
          <h1 className="text-lg font-bold">Practice feed</h1>
          <p className="text-xs text-muted">
            Real customer posts, a safe place to answer them. Nothing here is posted anywhere. {customerPosts.length} posts waiting.
          </p>
        </header>
        <div data-testid="primaryColumn">
          <section aria-label="Timeline: Practice">
            {posts.map((post) => (
              <div key={post.id} data-testid="cellInnerDiv">
                <PostArticle post={post} focused={post.id === focusedId} now={now} onFocus={() => !post.own && setFocusedId(post.id)} />
                {post.id === focusedId ? <InlineComposer onPost={(text) => reply(post, text)} /> : null}
              </div>
            ))}
          </section>
        </div>
      </div>
      {toast ? (
        <div data-testid="toast" role="alert" className="fixed bottom-6 left-1/2 -translate-x-1/2 rounded bg-accent px-4 py-2 text-accent-ink">
          <span>{toast.text}</span> <a href={toast.href} onClick={(e) => e.preventDefault()} className="underline">View</a>
        </div>
      ) : null}
    </div>
  );
}
