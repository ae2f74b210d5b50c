import { useEffect, useMemo, useState } from 'react';
import { listen } from '../../lib/transport';
import { browser } from 'wxt/browser';
import { EmptyState } from '../../components/EmptyState';
import { PostCard } from '../../components/PostCard';
import { MarkHandledMenu } from '../../components/MarkHandledMenu';
import { ClassificationPanel } from '../../components/ClassificationPanel';
import { TimerBadge } from '../../components/TimerBadge';
import { QueueList, type QueueRow } from '../../components/QueueList';
import type { HandledReason } from '../../lib/db/schema';
import { ClassificationCache } from '../../lib/classify';
import type { Intent, Sentiment } from '../../lib/classify/types';
import { slaStatus } from '../../lib/sla/status';
import { formatDuration } from '../../lib/sla/format-duration';
import { postKey, type Post } from '../../lib/post';
import { usePageLink, type HostKind } from './page-link';
import { ReplyPanel } from './ReplyPanel';
import { useCorrectionLayer, useNow, useProfile, useSidebarState, useSlaSettings, useTemplates } from './use-sidebar-data';

const host: HostKind = new URLSearchParams(location.search).get('host') === 'practice' ? 'practice' : 'site';
const URGENCY_ORDER = { high: 0, normal: 1, low: 2 } as const;
const STATE_ORDER = { breached: 0, due_soon: 1, on_track: 2, unknown: 3 } as const;

type Notice = { tone: 'ok' | 'error'; text: string } | null;
type Tab = 'post' | 'queue';

async function toBackground(type: string, payload: unknown): Promise<{ ok: true } | { ok: false; error: string }> {
  const reply = (await browser.runtime.sendMessage({ careline: 1, type, payload })) as { ok: true } | { ok: false; error: string } | null;
  return reply ?? { ok: false, error: 'Careline could not reach its background worker. Try again.' };
}

export function App() {
  const link = usePageLink(host);
  const now = useNow();
  const profile = useProfile();
  const sla = useSlaSettings();
  const [tab, setTab] = useState<Tab>('post');
  const [notice, setNotice] = useState<Notice>(null);
  const [corrected, setCorrected] = useState<Record<string, { intent?: Intent; sentiment?: Sentiment }>>({});
  const [version, setVersion] = useState(0);

  // The background says when the log changed: ask for the sidebar's state again.
  useEffect(() => listen({ 'log.updated': () => setVersion((v) => v + 1) }), []);

  const focused = link.focus?.ok ? link.focus.post : undefined;
  // For `npm run bench`: when the first post was on screen.
  useEffect(() => {
    if (focused && performance.getEntriesByName('careline:first-post').length === 0) performance.mark('careline:first-post');
  }, [focused]);
  const state = useSidebarState(focused, link.queue, link.sentCount + version);
  const templates = useTemplates(state.data);
  const layer = useCorrectionLayer(state.data);
  // One memo per correction layer: the queue is re-sorted every second, its posts are not re-read.
  const classifier = useMemo(() => (layer ? new ClassificationCache(layer) : undefined), [layer]);
  const classification = useMemo(
    () => (focused && classifier ? classifier.classify({ text: focused.text, lang: focused.lang, replyTo: focused.inReplyToHandle }) : undefined),
    [focused, classifier],
  );
  const handledItem = focused ? state.data?.handled[postKey(focused)] : undefined;
  const firstSeen = state.data?.firstSeenAt;
  const tally = state.data?.tally;
  const handledIds = state.data ? new Set(Object.keys(state.data.handled)) : undefined;

  const queueRows: QueueRow[] = useMemo(() => {
    if (!classifier) return [];
    const rows = link.queue.map((post) => {
      const c = classifier.classify({ text: post.text, lang: post.lang, replyTo: post.inReplyToHandle });
      return {
        post,
        classification: c,
        status: slaStatus({ postedAtMs: post.postedAt ? Date.parse(post.postedAt) : undefined, nowMs: now, site: post.site, urgency: c.urgency, settings: sla }),
        handled: handledIds?.has(postKey(post)) ?? false,
        focused: !!focused && postKey(focused) === postKey(post),
      };
    });
    return rows.sort(
      (a, b) =>
        Number(a.handled) - Number(b.handled) ||
        STATE_ORDER[a.status.state] - STATE_ORDER[b.status.state] ||
        URGENCY_ORDER[a.classification.urgency] - URGENCY_ORDER[b.classification.urgency] ||
        (a.status.remainingMs || 0) - (b.status.remainingMs || 0),
    );
  }, [link.queue, classifier, now, sla, state.data, focused]);

  async function markHandled(post: Post, reason: HandledReason) {
    const reply = await toBackground('log.markHandled', { post, reason });
    setVersion((v) => v + 1);
    setNotice(reply.ok ? { tone: 'ok', text: 'Logged as handled.' } : { tone: 'error', text: reply.error });
  }

  async function correct(post: Post, correction: { intent?: Intent; sentiment?: Sentiment }) {
    setCorrected((c) => ({ ...c, [postKey(post)]: { ...c[postKey(post)], ...correction } }));
    const reply = await toBackground('classify.correct', { text: post.text, replyTo: post.inReplyToHandle, ...correction });
    setVersion((v) => v + 1);
    setNotice(reply.ok ? { tone: 'ok', text: 'Thanks: Careline will label posts like this one that way.' } : { tone: 'error', text: reply.error });
  }

  const status = focused && classification
    ? slaStatus({ postedAtMs: focused.postedAt ? Date.parse(focused.postedAt) : undefined, nowMs: now, site: focused.site, urgency: classification.urgency, settings: sla })
    : undefined;

  return (
    <div className="flex h-screen flex-col">
      <header className="flex items-center gap-2 border-b border-line px-3 py-2">
        <span className="font-bold text-accent">Careline</span>
        {host === 'practice' ? <span className="rounded bg-warn/15 px-1 text-xs text-warn">practice</span> : null}
        <nav className="ml-2 flex gap-1 text-sm" role="tablist" aria-label="Sidebar views">
          {(['post', 'queue'] as const).map((t) => (
            <button key={t} role="tab" type="button" aria-selected={tab === t} data-testid={`tab-${t}`} onClick={() => setTab(t)} className={`rounded px-2 py-0.5 ${tab === t ? 'bg-surface-2 font-semibold' : 'text-muted'}`}>
              {t === 'post' ? 'Post' : `Queue (${link.queue.length})`}
            </button>
          ))}
        </nav>
        {tally ? (
          <span className="ml-auto text-right text-[11px] leading-tight text-muted" data-testid="tally" title="Today: handled, median response time, share within target">
            {tally.handled} today
            {tally.medianResponseSeconds !== undefined ? <><br />median {formatDuration(tally.medianResponseSeconds * 1000)}</> : null}
            {tally.withinTarget !== undefined ? ` · ${Math.round(tally.withinTarget * 100)}% in target` : ''}
          </span>
        ) : null}
      </header>
      <main className="min-h-0 flex-1 overflow-y-auto">
        {tab === 'queue' ? (
          <QueueList rows={queueRows} onReveal={(post) => void link.reveal(post.id).then(() => setTab('post'))} />
        ) : link.status === 'error' ? (
          <EmptyState tone="error" title="Not connected">{link.error}</EmptyState>
        ) : state.isError ? (
          <EmptyState tone="error" title="Careline's log is unavailable">{state.error.message} Posts can still be read; try again in a moment.</EmptyState>
        ) : link.status === 'connecting' ? (
          <p role="status" className="p-3 text-sm text-muted">Connecting to the page…</p>
        ) : link.focus === null ? (
          <EmptyState title="No post in focus">
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
            ) : (
              <>
                <div className="flex flex-wrap items-center gap-2 border-b border-line px-3 py-2">
                  {status ? <TimerBadge status={status} /> : null}
                  {firstSeen ? <span className="text-xs text-muted" data-testid="handle-timer">in focus {formatDuration(now - Date.parse(firstSeen))}</span> : null}
                  {handledItem ? (
                    <span className="ml-auto text-xs font-semibold text-good" data-testid="handled-state">
                      ✓ Handled{handledItem.replyCount > 0 ? ` · ${handledItem.replyCount} ${handledItem.replyCount === 1 ? 'reply' : 'replies'}` : ` · ${handledItem.reason.replaceAll('_', ' ')}`}
                    </span>
                  ) : null}
                </div>
                {profile && !profile.initials ? (
                  <p className="border-b border-line bg-warn/10 px-3 py-2 text-xs text-warn" data-testid="profile-hint">
                    Set your name and initials in <a className="underline" href={browser.runtime.getURL('/options.html')} target="_blank" rel="noreferrer">Options</a>: replies are signed with them (^JS).
                  </p>
                ) : null}
                {classification ? (
                  <ClassificationPanel classification={classification} corrected={corrected[postKey(link.focus.post)]} onCorrect={(c) => focused && void correct(focused, c)} />
                ) : null}
                {classification && templates ? (
                  <ReplyPanel post={link.focus.post} classification={classification} templates={templates} profile={profile} link={link} state={state.data} />
                ) : (
                  <p role="status" className="p-3 text-sm text-muted">Loading templates…</p>
                )}
                <section aria-label="Mark handled" className="space-y-2 border-t border-line p-3">
                  <MarkHandledMenu onMark={async (reason) => { if (focused) await markHandled(focused, reason); }} />
                  {notice ? (
                    <p role={notice.tone === 'error' ? 'alert' : 'status'} className={`text-sm ${notice.tone === 'error' ? 'text-bad' : 'text-good'}`}>{notice.text}</p>
                  ) : null}
                </section>
              </>
            )}
          </>
        )}
      </main>
      <footer className="border-t border-line px-3 py-1 text-xs text-muted">
        <a className="underline" href={browser.runtime.getURL('/dashboard.html')} target="_blank" rel="noreferrer">Dashboard</a>
        {' · '}
        <a className="underline" href={browser.runtime.getURL('/options.html')} target="_blank" rel="noreferrer">Options</a>
        {' · '}
        <span>Alt+Shift+K hides the sidebar</span>
      </footer>
    </div>
  );
}
