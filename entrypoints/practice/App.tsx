import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { browser } from 'wxt/browser';
import { EmptyState } from '../../components/EmptyState';
import { ScoreCard } from '../../components/practice/ScoreCard';
import { SessionPicker, type ImportStatus, type PastSession, type PickerSettings } from '../../components/practice/SessionPicker';
import { SessionSummaryPanel } from '../../components/practice/SessionSummaryPanel';
import { getDb } from '../../lib/db/database';
import { startPageRuntime } from '../../lib/page-runtime';
import type { ScenarioPack } from '../../lib/practice/scenario';
import { formatDuration } from '../../lib/sla/format-duration';
import { DEFAULT_SLA_SETTINGS, SlaSettingsSchema } from '../../lib/sla/settings';
import { loadProfile, slaSettingsItem } from '../../lib/settings';
import { createXAdapter } from '../../lib/sites/x/adapter';
import { broadcast, listen } from '../../lib/transport';
import { ConversationContext, PostArticle, ReplyDialog } from './Feed';
import { feedPostOf } from './feed-post';
import { downloadPack, forgetImportedPack, importPackFile, loadBuiltinPack, loadImportedPack } from './packs';
import { scorePracticeReply, type ScoringContext } from './scoring';
import {
  allShownAnswered,
  createSession,
  endSession,
  recordReply,
  scoredReply,
  SESSION_KIND_LABELS,
  sessionOutcome,
  shouldEnd,
  showWaiting,
  shownPosts,
  storedSessionData,
  timeLeftMs,
  waitingPosts,
  type PracticeSession,
  type SessionSettings,
  type StoredSessionData,
} from './session-state';
import { settingsFromUrl, settingsToSearch } from './url-options';

/** The trainee's account on the practice feed: its posts are the replies, never customer posts. */
const PRACTICE_HANDLE = 'careline_trainee';

type Screen = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'picker' } | { kind: 'session' };

interface Packs {
  builtin: ScenarioPack | null;
  imported: ScenarioPack | null;
}

function randomSeed(): string {
  return String(Math.floor(Math.random() * 1_000_000));
}

function sessionTitle(settings: SessionSettings): string {
  const parts: string[] = [SESSION_KIND_LABELS[settings.kind]];
  if (settings.difficulty) parts.push(settings.difficulty);
  if (settings.focus !== 'all') parts.push(`${settings.focus} only`);
  return parts.join(' · ');
}

export function App() {
  const initial = useMemo(() => settingsFromUrl(location.search, randomSeed), []);
  const [screen, setScreen] = useState<Screen>({ kind: 'loading' });
  const [packs, setPacks] = useState<Packs>({ builtin: null, imported: null });
  const [session, setSession] = useState<PracticeSession | null>(null);
  const [isQuickLook, setIsQuickLook] = useState(initial.isDefault);
  const [notice, setNotice] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [replyTo, setReplyTo] = useState<string | null>(null);
  const [toast, setToast] = useState<{ text: string; href: string } | null>(null);
  const [importStatus, setImportStatus] = useState<ImportStatus>({ state: 'idle' });
  const [past, setPast] = useState<PastSession[]>([]);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [needsInitials, setNeedsInitials] = useState(false);
  const scoring = useRef<ScoringContext>({ profile: { initials: '', teamSigns: false }, sla: DEFAULT_SLA_SETTINGS });
  const summaryRef = useRef<HTMLDivElement>(null);
  const adapter = useMemo(() => createXAdapter({ site: 'practice', origin: location.origin, hosts: [location.host] }), []);

  // The page runtime: the same dock, adapter and watcher as on x.com.
  useEffect(() => {
    const controller = new AbortController();
    (async () => {
      const tab = await browser.tabs.getCurrent();
      await startPageRuntime(document, {
        adapter,
        ownHandles: [PRACTICE_HANDLE],
        sidebarUrl: `${browser.runtime.getURL('/sidebar.html')}?host=practice`,
        signal: controller.signal,
        broadcast,
        listen: (handlers) => listen(handlers, (sender) => sender.tab?.id === tab?.id),
      });
    })().catch((error) => console.error('[Careline] practice page could not start', error));
    return () => controller.abort();
  }, [adapter]);

  // What the scorer needs from the settings: the signature, the signing rule, the targets.
  useEffect(() => {
    void (async () => {
      const [profile, sla] = await Promise.all([loadProfile(), slaSettingsItem.getValue()]);
      const parsed = SlaSettingsSchema.safeParse(sla);
      scoring.current = { profile, sla: parsed.success ? parsed.data : DEFAULT_SLA_SETTINGS };
      setNeedsInitials(!profile.initials);
    })().catch(() => undefined);
  }, []);

  const loadPast = useCallback(async () => {
    try {
      const rows = await getDb().practiceSessions.orderBy('startedAt').reverse().limit(5).toArray();
      setPast(
        rows.flatMap((row) => {
          const data = row.data as Partial<StoredSessionData> | undefined;
          if (!data?.summary || !data.settings || !row.endedAt) return [];
          return [{ id: row.id, endedAt: row.endedAt, title: sessionTitle(data.settings), average: data.summary.average, count: data.summary.count }];
        }),
      );
    } catch {
      setPast([]);
    }
  }, []);

  const begin = useCallback((pack: ScenarioPack | readonly ScenarioPack['scenarios'][number][], settings: SessionSettings, quickLook: boolean) => {
    const started = createSession(pack, settings, Date.now());
    setSession(started);
    setNow(started.startedAt);
    setReplyTo(null);
    setSaveError(null);
    setIsQuickLook(quickLook);
    setScreen({ kind: 'session' });
    const search = quickLook ? null : settingsToSearch(settings);
    if (search !== null) history.replaceState(null, '', `${location.pathname}${search}`);
  }, []);

  // First load: the packs, then the session the URL names (or the quick look).
  useEffect(() => {
    void (async () => {
      const [builtin, imported] = await Promise.all([loadBuiltinPack(), loadImportedPack().catch(() => null)]);
      if (!builtin.ok) {
        setScreen({ kind: 'error', message: `The built-in scenario pack could not be read: ${builtin.errors.slice(0, 3).join(' ')}` });
        return;
      }
      setPacks({ builtin: builtin.pack, imported });
      let settings = initial.settings;
      if (settings.pack === 'imported' && !imported) {
        setNotice('The link asks for an imported pack, but none is imported on this browser: the built-in pack is used instead.');
        settings = { ...settings, pack: 'builtin' };
      }
      begin(settings.pack === 'imported' && imported ? imported : builtin.pack, settings, initial.isDefault);
    })().catch((error: unknown) => setScreen({ kind: 'error', message: `The practice feed could not start: ${String(error)}` }));
  }, [begin, initial]);

  // The session clock: arrivals, the shift's time limit, the end of a fixed-length session.
  const active = session !== null && session.endedAt === null && screen.kind === 'session';
  useEffect(() => {
    if (!active) return;
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, [active]);

  useEffect(() => {
    if (!session || session.endedAt !== null) return;
    if (shouldEnd(session, now)) {
      setSession(endSession(session, now));
      return;
    }
    // Nothing left to answer in view: bring new arrivals in at once instead of waiting for a click.
    if (allShownAnswered(session) && waitingPosts(session, now).length > 0) setSession(showWaiting(session, now));
  }, [session, now]);

  // A finished session is kept for the progress view (summaries only; the log keeps the items).
  const ended = session?.endedAt ?? null;
  useEffect(() => {
    if (!session || ended === null) return;
    setReplyTo(null);
    summaryRef.current?.querySelector<HTMLElement>('[data-testid="session-summary"]')?.focus();
    summaryRef.current?.scrollIntoView({ block: 'start' });
    const row = { id: session.id, startedAt: new Date(session.startedAt).toISOString(), endedAt: new Date(ended).toISOString(), data: storedSessionData(session) };
    getDb()
      .practiceSessions.put(row)
      .then(() => setSaveError(null))
      .catch((error: unknown) => setSaveError(`This summary could not be saved for your progress view (${String(error)}). Your replies are still in the log.`));
    // Saved once per end (keyed on the end time): later replies to an ended session are not scored.
  }, [ended]);

  useEffect(() => {
    if (!toast) return;
    const id = setTimeout(() => setToast(null), 4000);
    return () => clearTimeout(id);
  }, [toast]);

  function postReply(postId: string, text: string) {
    if (!session) return;
    const sentAt = Date.now();
    const { session: next, reply } = recordReply(session, postId, text, sentAt, (post, after) =>
      scorePracticeReply(post.scenario, text, after, scoring.current),
    );
    setSession(next);
    setReplyTo(null);
    setNow(sentAt);
    setToast({ text: 'Your post was sent.', href: `/${PRACTICE_HANDLE}/status/${reply.replyId}` });
    if (!reply.score) return;
    // The score lands on the logged item: the Post as the adapter reads it, as the watcher reports it.
    const el = adapter.findPostElements(document).find((p) => adapter.postIdOf(p) === postId);
    const read = el ? adapter.readPost(el, { ownHandles: new Set([PRACTICE_HANDLE]) }) : null;
    if (read?.ok) {
      void broadcast('practice.scored', { post: read.post, score: reply.score.total, sessionId: next.id }).catch((error: unknown) =>
        console.warn('[Careline] the practice score was not logged', error),
      );
    }
  }

  // X's keyboard shortcuts on the timeline: j/k move between posts, r replies to the focused one.
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.altKey || event.ctrlKey || event.metaKey || replyTo !== null) return;
      const t = event.target as HTMLElement;
      if (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName)) return;
      const articles = [...document.querySelectorAll<HTMLElement>('[data-testid="primaryColumn"] article[data-testid="tweet"]')];
      const current = articles.findIndex((a) => a === document.activeElement || a.contains(document.activeElement));
      if (event.key === 'j' || event.key === 'k') {
        const next = articles[Math.max(0, Math.min(articles.length - 1, current + (event.key === 'j' ? 1 : -1)))];
        next?.focus();
        next?.scrollIntoView({ block: 'center' });
      } else if (event.key === 'r' && current >= 0) {
        articles[current]?.querySelector<HTMLButtonElement>('[data-testid="reply"]')?.click();
        event.preventDefault();
      }
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [replyTo]);

  function openPicker() {
    setReplyTo(null);
    setImportStatus({ state: 'idle' });
    void loadPast();
    setScreen({ kind: 'picker' });
  }

  function startFromPicker(settings: PickerSettings) {
    // Leaving a session part-way keeps what was scored.
    if (session && session.endedAt === null && session.replies.length > 0) {
      const closed = endSession(session, Date.now());
      void getDb()
        .practiceSessions.put({ id: closed.id, startedAt: new Date(closed.startedAt).toISOString(), endedAt: new Date(closed.endedAt ?? Date.now()).toISOString(), data: storedSessionData(closed) })
        .catch(() => undefined);
    }
    const pack = settings.pack === 'imported' && packs.imported ? packs.imported : packs.builtin;
    if (!pack) return;
    setNotice(null);
    begin(pack, settings, false);
  }

  async function onImportFile(file: File) {
    setImportStatus({ state: 'busy' });
    try {
      const parsed = await importPackFile(file);
      if (!parsed.ok) {
        setImportStatus({ state: 'error', errors: parsed.errors });
        return;
      }
      setPacks((p) => ({ ...p, imported: parsed.pack }));
      setImportStatus({ state: 'ok', message: `Imported “${parsed.pack.name ?? file.name}”: ${parsed.pack.scenarios.length} scenarios. Pick it under “Scenario pack”.` });
    } catch (error) {
      setImportStatus({ state: 'error', errors: [`The file could not be read (${String(error)}).`] });
    }
  }

  const outcome = useMemo(() => (session && session.endedAt !== null ? sessionOutcome(session) : null), [session]);

  return (
    <div className="min-h-screen bg-surface text-ink">
      <div className="mx-auto max-w-2xl border-x border-line">
        <Header
          session={screen.kind === 'session' ? session : null}
          now={now}
          onNewSession={openPicker}
          onEnd={() => session && setSession(endSession(session, Date.now()))}
        />
        <main data-testid="primaryColumn" aria-label="Practice feed">
          {screen.kind === 'loading' ? (
            <EmptyState title="Loading the scenario pack…">The practice feed starts in a moment.</EmptyState>
          ) : screen.kind === 'error' ? (
            <EmptyState title="The practice feed could not start" tone="error">
              {screen.message} Reload the page; if it happens again, rebuild Careline (`npm run build`).
            </EmptyState>
          ) : screen.kind === 'picker' ? (
            <SessionPicker
              initial={pickerInitial(session?.settings ?? initial.settings)}
              builtin={packs.builtin ? { name: packs.builtin.name ?? 'Built-in pack', count: packs.builtin.scenarios.length } : null}
              imported={packs.imported ? { name: packs.imported.name ?? 'Imported pack', count: packs.imported.scenarios.length } : null}
              importStatus={importStatus}
              past={past}
              onStart={startFromPicker}
              onImportFile={(file) => void onImportFile(file)}
              onExport={(which) => {
                const pack = which === 'imported' ? packs.imported : packs.builtin;
                if (pack) downloadPack(pack);
              }}
              onForgetImported={() => {
                void forgetImportedPack();
                setPacks((p) => ({ ...p, imported: null }));
                setImportStatus({ state: 'ok', message: 'The imported pack was removed from this browser.' });
              }}
              {...(session ? { onCancel: () => setScreen({ kind: 'session' }) } : {})}
            />
          ) : session ? (
            <SessionFeed
              session={session}
              now={now}
              isQuickLook={isQuickLook}
              notice={notice}
              needsInitials={needsInitials}
              summaryRef={summaryRef}
              outcome={outcome}
              saveError={saveError}
              onReply={setReplyTo}
              onShowWaiting={() => setSession(showWaiting(session, Date.now()))}
              onNewSession={openPicker}
              onRetry={() => {
                if (!outcome || outcome.retry.length === 0) return;
                begin(outcome.retry, { kind: 'retry', focus: 'all', seed: randomSeed(), pack: session.settings.pack }, false);
              }}
            />
          ) : null}
        </main>
      </div>
      <div id="layers">
        {session && replyTo !== null && screen.kind === 'session'
          ? (() => {
              const post = session.posts.find((p) => p.postId === replyTo);
              if (!post) return null;
              return (
                <ReplyDialog
                  post={feedPostOf(session, post)}
                  brand={post.scenario.brand}
                  now={now}
                  onClose={() => {
                    setReplyTo(null);
                    document.querySelector<HTMLElement>(`[data-testid="primaryColumn"] [data-post-id="${post.postId}"] article`)?.focus();
                  }}
                  onPost={(text) => postReply(post.postId, text)}
                  {...(session.endedAt !== null
                    ? { note: 'This session has ended: this reply is logged but not scored. Start a new session to be scored.' }
                    : scoredReply(session, post.postId)
                      ? { note: 'You have answered this post already: only your first reply is scored.' }
                      : {})}
                />
              );
            })()
          : null}
        {toast ? (
          <div data-testid="toast" role="alert" className="fixed bottom-6 left-1/2 z-40 -translate-x-1/2 rounded-full bg-accent px-4 py-2 text-accent-ink shadow">
            <span>{toast.text}</span>{' '}
            <a href={toast.href} onClick={(e) => e.preventDefault()} className="underline">
              View
            </a>
          </div>
        ) : null}
      </div>
    </div>
  );
}

function pickerInitial(settings: SessionSettings): PickerSettings {
  return { ...settings, kind: settings.kind === 'retry' ? '10' : settings.kind };
}

function Header({ session, now, onNewSession, onEnd }: { session: PracticeSession | null; now: number; onNewSession(): void; onEnd(): void }) {
  const answered = session ? session.posts.filter((p) => scoredReply(session, p.postId)).length : 0;
  const left = session ? timeLeftMs(session, now) : null;
  const running = session !== null && session.endedAt === null;
  return (
    <header className="sticky top-0 z-20 border-b border-line bg-surface/95 px-4 py-3 backdrop-blur">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <h1 className="text-lg font-bold">Practice feed</h1>
          <p className="text-xs text-muted">Real customer posts, a safe place to answer them. Nothing here is posted anywhere.</p>
        </div>
        <div className="flex items-center gap-2">
          {running ? (
            <button type="button" onClick={onEnd} className="rounded-full border border-line px-3 py-1 text-sm">
              End session
            </button>
          ) : null}
          <button type="button" onClick={onNewSession} className="rounded-full bg-accent px-3 py-1 text-sm font-bold text-accent-ink">
            New session
          </button>
        </div>
      </div>
      {session ? (
        <p data-testid="session-status" className="mt-1 flex flex-wrap gap-x-3 text-sm" aria-live="off">
          <span className="font-semibold">{sessionTitle(session.settings)}</span>
          <span>
            {answered} of {session.posts.length} answered
          </span>
          {left !== null ? (
            <span role="timer" aria-label="Time left in the shift" className={`tabular-nums ${left < 60_000 ? 'text-bad' : ''}`}>
              {formatClock(left)} left
            </span>
          ) : (
            <span className="tabular-nums text-muted">{formatDuration(Math.max(0, (session.endedAt ?? now) - session.startedAt))} in</span>
          )}
          {session.endedAt !== null ? <span className="text-muted">Ended</span> : null}
        </p>
      ) : null}
    </header>
  );
}

function formatClock(ms: number): string {
  const total = Math.ceil(ms / 1000);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

interface SessionFeedProps {
  session: PracticeSession;
  now: number;
  isQuickLook: boolean;
  notice: string | null;
  needsInitials: boolean;
  summaryRef: RefObject<HTMLDivElement | null>;
  outcome: ReturnType<typeof sessionOutcome> | null;
  saveError: string | null;
  onReply(postId: string): void;
  onShowWaiting(): void;
  onNewSession(): void;
  onRetry(): void;
}

function SessionFeed({ session, now, isQuickLook, notice, needsInitials, summaryRef, outcome, saveError, onReply, onShowWaiting, onNewSession, onRetry }: SessionFeedProps) {
  const shown = shownPosts(session);
  const waiting = session.endedAt === null ? waitingPosts(session, now).length : 0;
  const upcoming = session.endedAt === null ? session.posts.length - shown.length - waiting : 0;
  return (
    <>
      {isQuickLook && session.endedAt === null ? (
        <div role="note" className="border-b border-line bg-surface-2 px-4 py-2 text-sm">
          A quick look: three real customer posts. Click a post or scroll to it: the Careline sidebar on the right reads it and suggests replies. For a full session,{' '}
          <button type="button" onClick={onNewSession} className="font-semibold text-accent underline">
            choose a length and difficulty
          </button>
          .
        </div>
      ) : null}
      {needsInitials ? (
        <p role="note" data-testid="profile-notice" className="border-b border-line px-4 py-2 text-sm">
          Suggested replies sign with your name and initials, as at work. Set them in{' '}
          <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noreferrer" className="font-semibold text-accent underline">
            Careline’s options
          </a>
          , then reload this page.
        </p>
      ) : null}
      {notice ? (
        <p role="status" className="border-b border-line px-4 py-2 text-sm text-warn">
          {notice}
        </p>
      ) : null}
      {session.notes.map((n) => (
        <p key={n} role="note" className="border-b border-line px-4 py-2 text-sm text-muted">
          {n}
        </p>
      ))}
      <div ref={summaryRef} className="scroll-mt-28">
        {outcome ? (
          <SessionSummaryPanel
            title={sessionTitle(session.settings)}
            summary={outcome.summary}
            unansweredCount={outcome.unanswered.length}
            retry={outcome.retry.map((s) => {
              const post = session.posts.find((p) => p.scenario.id === s.id);
              const reply = post ? scoredReply(session, post.postId) : undefined;
              return { id: s.id, brand: s.brand, text: s.text, total: reply?.score?.total ?? null };
            })}
            onRetry={onRetry}
            onNewSession={onNewSession}
            saveError={saveError}
          />
        ) : null}
      </div>
      {session.posts.length === 0 ? (
        <EmptyState title="No posts for this session">
          This pack has no scenarios for the chosen focus.{' '}
          <button type="button" onClick={onNewSession} className="font-semibold text-accent underline">
            Choose another session
          </button>
          .
        </EmptyState>
      ) : null}
      {waiting > 0 ? (
        <button
          type="button"
          data-testid="show-new-posts"
          onClick={onShowWaiting}
          className="block w-full border-b border-line py-2 text-center font-semibold text-accent hover:bg-surface-2"
        >
          Show {waiting} new {waiting === 1 ? 'post' : 'posts'}
        </button>
      ) : null}
      <p className="sr-only" aria-live="polite">
        {waiting > 0 ? `${waiting} new ${waiting === 1 ? 'post has' : 'posts have'} arrived.` : ''}
      </p>
      <section aria-label="Timeline: practice">
        {shown.map((post) => {
          const feedPost = feedPostOf(session, post);
          const replies = session.replies.filter((r) => r.postId === post.postId);
          return (
            <div key={post.postId} data-post-id={post.postId} className="border-b border-line">
              <ConversationContext turns={post.scenario.conversation} brand={post.scenario.brand} customer={post.scenario.customer} />
              <div data-testid="cellInnerDiv">
                <PostArticle
                  post={feedPost}
                  now={now}
                  context={
                    <>
                      To <span className="font-semibold">@{post.scenario.brand}</span> · {post.scenario.difficulty}
                    </>
                  }
                  onReply={() => onReply(post.postId)}
                />
              </div>
              {replies.map((reply) => (
                <div key={reply.replyId}>
                  <div data-testid="cellInnerDiv" className="border-t border-line">
                    <PostArticle
                      post={{
                        id: reply.replyId,
                        authorName: `${post.scenario.brand} (you)`,
                        handle: PRACTICE_HANDLE,
                        text: reply.text,
                        postedAt: new Date(reply.sentAt).toISOString(),
                        inReplyTo: feedPost.handle,
                        own: true,
                      }}
                      now={now}
                      actions={false}
                    />
                  </div>
                  {reply.score ? (
                    <ScoreCard result={reply.score} reply={reply.text} brand={post.scenario.brand} {...(post.scenario.brandReply ? { brandReply: post.scenario.brandReply } : {})} />
                  ) : (
                    <p className="mx-4 mb-3 text-sm text-muted">Not scored: only the first reply to a post in a running session is scored.</p>
                  )}
                </div>
              ))}
            </div>
          );
        })}
      </section>
      {upcoming > 0 ? (
        <p className="px-4 py-3 text-center text-sm text-muted">
          {upcoming} more {upcoming === 1 ? 'post is' : 'posts are'} on the way.
        </p>
      ) : null}
    </>
  );
}
