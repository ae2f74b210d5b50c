import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { browser } from 'wxt/browser';
import { EmptyState } from '../../components/EmptyState';
import { PostCard } from '../../components/PostCard';
import { MarkHandledMenu } from '../../components/MarkHandledMenu';
import { getDb } from '../../lib/db/database';
import { itemIdFor, todayTally } from '../../lib/db/log';
import type { HandledReason } from '../../lib/db/schema';
import { loadProfile, type Profile } from '../../lib/settings';
import { postKey } from '../../lib/post';
import { usePageLink, type HostKind } from './page-link';

const host: HostKind = new URLSearchParams(location.search).get('host') === 'practice' ? 'practice' : 'site';

type Notice = { tone: 'ok' | 'error'; text: string } | null;

function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}

export function App() {
  const link = usePageLink(host);
  const now = useNow();
  const [profile, setProfile] = useState<Profile>();
  const [notice, setNotice] = useState<Notice>(null);
  useEffect(() => void loadProfile().then(setProfile), []);

  const focused = link.focus?.ok ? link.focus.post : undefined;
  const handledItem = useLiveQuery(
    async () => (focused && profile ? getDb().items.get(itemIdFor(profile.agentId, focused)) : undefined),
    [focused ? postKey(focused) : '', profile?.agentId, link.sentCount],
  );
  const tally = useLiveQuery(
    async () => (profile ? todayTally(getDb(), profile.agentId, new Date()) : undefined),
    [profile?.agentId, link.sentCount],
  );

  async function markHandled(reason: HandledReason) {
    if (!focused) return;
    const reply = (await browser.runtime.sendMessage({ careline: 1, type: 'log.markHandled', payload: { post: focused, reason } })) as
      | { ok: true }
      | { ok: false; error: string }
      | null;
    setNotice(reply?.ok ? { tone: 'ok', text: 'Logged as handled.' } : { tone: 'error', text: reply?.error ?? 'Careline could not reach its background worker.' });
  }

  return (
    <div className="flex h-screen flex-col">
      <header className="flex items-center gap-2 border-b border-line px-3 py-2">
        <span className="font-bold text-accent">Careline</span>
        {tally ? (
          <span className="ml-auto text-xs text-muted" data-testid="tally" title="Today: handled, median response time, share within target">
            Today {tally.handled} handled
            {tally.medianResponseSeconds !== undefined ? ` · median ${Math.round(tally.medianResponseSeconds / 60)} min` : ''}
            {tally.withinTarget !== undefined ? ` · ${Math.round(tally.withinTarget * 100)}% in target` : ''}
          </span>
        ) : null}
      </header>
      <main className="min-h-0 flex-1 overflow-y-auto">
        {link.status === 'error' ? (
          <EmptyState tone="error" title="Not connected">{link.error}</EmptyState>
        ) : link.focus === null ? (
          <EmptyState title="No post in focus" >
            Open a post, click one in the timeline, or move to it with j/k. Careline reads the post you are on.
          </EmptyState>
        ) : !link.focus.ok ? (
          <EmptyState tone="error" title="Can't read this post">
            <span data-testid="read-failure">{link.focus.failure.message}</span> (field: {link.focus.failure.field}). Nothing was changed on the page.
          </EmptyState>
        ) : (
          <>
            <PostCard post={link.focus.post} now={now} />
            {link.focus.post.isOwn ? (
              <p className="p-3 text-sm text-muted">This is your own account's post: nothing to answer.</p>
            ) : null}
            <section aria-label="Log" className="space-y-2 p-3">
              {handledItem ? (
                <p className="text-sm text-good" data-testid="handled-state">
                  Handled{handledItem.replyCount > 0 ? ` · ${handledItem.replyCount} ${handledItem.replyCount === 1 ? 'reply' : 'replies'}` : ` · ${handledItem.reason.replaceAll('_', ' ')}`}
                </p>
              ) : null}
              <MarkHandledMenu onMark={markHandled} />
              {notice ? (
                <p role={notice.tone === 'error' ? 'alert' : 'status'} className={`text-sm ${notice.tone === 'error' ? 'text-bad' : 'text-good'}`}>
                  {notice.text}
                </p>
              ) : null}
            </section>
          </>
        )}
      </main>
      <footer className="border-t border-line px-3 py-1 text-xs text-muted">
        <a className="underline" href={browser.runtime.getURL('/dashboard.html')} target="_blank" rel="noreferrer">Dashboard</a>
        {' · '}
        <a className="underline" href={browser.runtime.getURL('/options.html')} target="_blank" rel="noreferrer">Options</a>
        <span className="float-right">{link.queue.length} in queue</span>
      </footer>
    </div>
  );
}
