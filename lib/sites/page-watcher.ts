/**
 * Watches one tab of a site through its adapter: which post is in focus, the queue of loaded
 * customer posts, route changes, and replies going out. One scoped, debounced MutationObserver;
 * everything is torn down when `signal` aborts; no callback or DOM quirk ever throws into the page.
 *
 * Route changes: a content script runs in an isolated world, so the page's own
 * history.pushState/replaceState calls cannot be patched or observed from here. The SPA re-renders
 * its main column after every navigation, so we compare location.href (a string compare) on every
 * MutationObserver callback, on popstate/hashchange, after clicks, and on a 1 s poll while the tab
 * is visible. The content script may also call `checkRoute()` from WXT's `wxt:locationchange`.
 */
import type { Post } from '../post';
import type { InsertResult, ReadContext, ReadResult, SiteAdapter } from './types';
import { composerUnavailable, trackComposerSelections } from './insert-text';

export interface PageWatcherCallbacks {
  /** The post in focus changed (or its content did); null when there is none. */
  onFocus(result: ReadResult | null): void;
  /** The queue changed: every loaded customer post, in page order; at most once per animation frame. */
  onQueue(posts: Post[], change: { added: Post[]; reset: boolean }): void;
  /** The agent's reply to `post` went out, with the text the composer held just before. */
  onReplySent(post: Post, replyText: string): void;
  onRouteChange(url: string): void;
}

export interface PageWatcherOptions {
  signal: AbortSignal;
  /** Handles of the agent's own accounts from settings (in addition to what the page shows). */
  ownHandles?: string[];
  /** MutationObserver debounce (trailing), and the longest a burst of mutations may delay a scan. */
  debounceMs?: number;
  maxWaitMs?: number;
  /** Reading line as a fraction of the viewport height from the top. */
  readingLine?: number;
}

export interface PageWatcher {
  /** Insert a reply into the site's composer for that post (opening it if needed), cursor kept. */
  insertReply(postId: string, text: string): Promise<InsertResult>;
  /** Id of the post in focus now. */
  focusedPostId(): string | null;
  /** Compare location.href now (e.g. on WXT's `wxt:locationchange`). */
  checkRoute(): void;
  /** Rescan the page now. */
  refresh(): void;
  setOwnHandles(handles: string[]): void;
}

interface PendingReply {
  post: Post;
  composer: HTMLElement | null;
  baseline: Set<string>;
  evidenceSeen: boolean;
  lastText: string;
  /** When the agent last worked on this reply (started it, typed in it). */
  activeAt: number;
}

/** Call a callback without letting its errors reach the page. */
function safe<A extends unknown[]>(fn: (...args: A) => void, ...args: A): void {
  try {
    fn(...args);
  } catch (err) {
    console.warn('[careline] callback failed', err);
  }
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function createPageWatcher(
  adapter: SiteAdapter,
  callbacks: PageWatcherCallbacks,
  options: PageWatcherOptions,
): PageWatcher {
  const { signal } = options;
  const doc = document;
  const win = window;
  const debounceMs = options.debounceMs ?? 60;
  const maxWaitMs = options.maxWaitMs ?? 250;
  const readingLine = options.readingLine ?? 0.33;

  let configuredOwn = options.ownHandles ?? [];
  let ctx: ReadContext = { ownHandles: new Set() };
  let href = location.href;
  const queue = new Map<string, Post>();
  let readCache = new WeakMap<Element, ReadResult>();
  /** Nodes added or changed since the last scan (null: rescan the whole page). */
  let dirty: Set<Node> | null = null;
  const idToEl = new Map<string, Element>();
  const visible = new Set<Element>();
  const observed = new WeakSet<Element>();
  const pending = new Map<string, PendingReply>();
  let addedSinceSend: Post[] = [];
  let resetPending = false;
  let queueDirty = false;
  let frame = 0;
  let focusFrame = 0;
  let pinnedId: string | null = null;
  let lastFocusJson = '';
  let focusedId: string | null = null;
  let debounceTimer = 0;
  let firstMutationAt = 0;
  let observedRoots: Element[] = [];

  const selections = trackComposerSelections(doc, (n) => adapter.composerOf(n), signal);

  // ---------- reading ----------
  function refreshOwn(): void {
    ctx = { ownHandles: adapter.ownHandles(doc, configuredOwn) };
  }

  function read(el: Element): ReadResult {
    const cached = readCache.get(el);
    if (cached) return cached;
    const result = adapter.readPost(el, ctx);
    readCache.set(el, result);
    return result;
  }

  /** Post elements to (re)read: all of them, or those the recorded mutations touched. */
  function postsToScan(root: Element): Element[] {
    const nodes = dirty;
    dirty = new Set();
    if (!nodes) return adapter.findPostElements(root);
    const out = new Set<Element>();
    for (const node of nodes) {
      if (!node.isConnected || !root.contains(node)) continue;
      const around = adapter.postElementOf(node);
      if (around) out.add(around);
      if (node.nodeType === 1) for (const el of adapter.findPostElements(node as Element)) out.add(el);
    }
    // Rows are recycled: a touched post is read again.
    for (const el of out) readCache.delete(el);
    return [...out].sort((a, b) => (a === b ? 0 : a.compareDocumentPosition(b) & 4 ? -1 : 1));
  }

  function elementFor(id: string): Element | null {
    const el = idToEl.get(id);
    if (el && el.isConnected && adapter.postIdOf(el) === id) return el;
    for (const candidate of adapter.findPostElements(doc)) {
      if (adapter.postIdOf(candidate) === id) {
        idToEl.set(id, candidate);
        return candidate;
      }
    }
    return null;
  }

  function scan(): void {
    refreshOwn();
    const root = adapter.observeRoot(doc) ?? doc.body;
    if (!root) return;
    for (const el of postsToScan(root)) {
      if (!observed.has(el)) {
        observed.add(el);
        io?.observe(el);
      }
      const result = read(el);
      if (!result.ok) continue;
      const post = result.post;
      idToEl.set(post.id, el);
      if (post.isOwn) {
        if (queue.delete(post.id)) queueDirty = true;
        continue;
      }
      const before = queue.get(post.id);
      if (!before || !sameJson(before, post)) {
        queue.set(post.id, post);
        if (!before) addedSinceSend.push(post);
        queueDirty = true;
      }
    }
    if (queueDirty) scheduleQueue();
  }

  // ---------- queue batching: one message per animation frame, only when changed ----------
  function scheduleQueue(): void {
    if (frame || signal.aborted) return;
    frame = win.requestAnimationFrame(() => {
      frame = 0;
      if (!queueDirty || signal.aborted) return;
      queueDirty = false;
      const change = { added: addedSinceSend, reset: resetPending };
      addedSinceSend = [];
      resetPending = false;
      safe(callbacks.onQueue, [...queue.values()], change);
    });
  }

  // ---------- focus ----------
  function readingLineElement(): Element | null {
    const lineY = win.innerHeight * readingLine;
    const pool = visible.size > 0 ? [...visible] : adapter.findPostElements(doc);
    let best: Element | null = null;
    let bestScore = Infinity;
    for (const el of pool) {
      if (!el.isConnected) {
        visible.delete(el);
        continue;
      }
      const r = read(el);
      if (r.ok && r.post.isOwn) continue;
      const rect = el.getBoundingClientRect();
      // Inside the line: prefer the innermost (a comment over its post); else the nearest edge.
      const score = rect.top <= lineY && rect.bottom >= lineY ? -1 / Math.max(1, rect.height) : Math.min(Math.abs(rect.top - lineY), Math.abs(rect.bottom - lineY));
      if (score < bestScore) {
        bestScore = score;
        best = el;
      }
    }
    return best;
  }

  function updateFocus(): void {
    let el: Element | null = null;
    if (pinnedId) {
      el = elementFor(pinnedId);
      if (!el) pinnedId = null;
    }
    if (!el) {
      // A Page's own post on its permalink is not a customer post: its comments are.
      const detail = adapter.detailPostElement(doc);
      const r = detail ? read(detail) : null;
      if (detail && !(r?.ok && r.post.isOwn)) el = detail;
    }
    el ??= readingLineElement();
    const result = el ? read(el) : null;
    const usable = result && !(result.ok && result.post.isOwn) ? result : null;
    focusedId = usable?.ok ? usable.post.id : null;
    const json = JSON.stringify(usable);
    if (json === lastFocusJson) return;
    lastFocusJson = json;
    safe(callbacks.onFocus, usable);
  }

  function scheduleFocus(): void {
    if (focusFrame || signal.aborted) return;
    focusFrame = win.requestAnimationFrame(() => {
      focusFrame = 0;
      if (!signal.aborted) guard(updateFocus);
    });
  }

  function pin(node: Node | null): void {
    if (!node) return;
    const el = adapter.postElementOf(node);
    const id = el ? adapter.postIdOf(el) : null;
    if (!id) return;
    pinnedId = id;
    scheduleFocus();
  }

  const io =
    typeof win.IntersectionObserver === 'function'
      ? new win.IntersectionObserver(
          (entries) =>
            guard(() => {
              for (const entry of entries) {
                if (entry.isIntersecting) visible.add(entry.target);
                else {
                  visible.delete(entry.target);
                  // A pinned post scrolled out of view gives focus back to the reading line.
                  if (pinnedId && adapter.postIdOf(entry.target) === pinnedId) pinnedId = null;
                }
              }
              scheduleFocus();
            }),
          { rootMargin: '0px', threshold: 0 },
        )
      : null;

  // ---------- reply sent ----------
  function startPending(post: Post, composer: HTMLElement | null, text: string): void {
    pending.set(post.id, {
      post,
      composer,
      baseline: new Set(adapter.replySentEvidence(doc, post.id, ctx)),
      evidenceSeen: false,
      lastText: composer ? adapter.composerText(composer) || text : text,
      activeAt: performance.now(),
    });
    observe();
  }

  function checkPending(): void {
    const sent: Array<[string, PendingReply]> = [];
    for (const [id, p] of pending) {
      const postEl = elementFor(id);
      const composer = p.composer?.isConnected ? p.composer : postEl ? adapter.findComposer(postEl) : null;
      if (composer && composer !== p.composer) p.composer = composer;
      const text = composer ? adapter.composerText(composer) : '';
      if (text.trim() && text !== p.lastText) {
        p.lastText = text;
        p.activeAt = performance.now();
      }
      if (!p.evidenceSeen) {
        p.evidenceSeen = adapter.replySentEvidence(doc, id, ctx).some((e) => !p.baseline.has(e));
      }
      const idle = !composer || !composer.isConnected || text.trim() === '';
      // A composer that empties without a sent signal is not a send; a signal with text still in the box waits.
      if (p.evidenceSeen && idle) sent.push([id, p]);
    }
    if (sent.length > 0) {
      // The site's "sent" signs (a toast, a new own reply) are not always tied to one post. As many
      // replies went out as there are new signs: those the agent worked on last; other idle drafts
      // were abandoned, not sent.
      const fresh = new Set<string>();
      for (const [id, p] of sent) for (const e of adapter.replySentEvidence(doc, id, ctx)) if (!p.baseline.has(e)) fresh.add(e);
      sent.sort((a, b) => b[1].activeAt - a[1].activeAt);
      const count = Math.max(1, Math.min(sent.length, fresh.size));
      for (const [id] of sent) pending.delete(id);
      for (const [, p] of sent.slice(0, count)) safe(callbacks.onReplySent, p.post, p.lastText);
    }
    if (pending.size === 0 && observedRoots.length > 1) observe();
  }

  function onComposerInput(event: Event): void {
    const target = event.target as Node | null;
    const composer = target ? adapter.composerOf(target) : null;
    if (!composer) return;
    const id = adapter.composerTargetId(composer) ?? pinnedId;
    if (!id) return;
    const existing = pending.get(id);
    if (existing) {
      existing.activeAt = performance.now();
      return;
    }
    const el = elementFor(id);
    const r = el ? read(el) : null;
    if (r?.ok) startPending(r.post, composer, '');
  }

  // ---------- observation ----------
  const mo = new MutationObserver((records) => {
    guard(() => {
      if (dirty) {
        for (const r of records) {
          // A change inside a post (recycled row): that post. Added subtrees: the posts they hold.
          const around = adapter.postElementOf(r.target);
          if (around) dirty.add(around);
          for (const n of r.addedNodes) dirty.add(n);
        }
      }
      checkRoute();
      const now = Date.now();
      if (!debounceTimer) firstMutationAt = now;
      win.clearTimeout(debounceTimer);
      const delay = now - firstMutationAt >= maxWaitMs ? 0 : debounceMs;
      debounceTimer = win.setTimeout(flush, delay);
    });
  });

  function observe(): void {
    if (signal.aborted || doc.visibilityState === 'hidden') return;
    const main = adapter.observeRoot(doc) ?? doc.body;
    if (!main) return;
    const roots = [main, ...(pending.size > 0 ? adapter.signalRoots(doc).filter((r) => !main.contains(r)) : [])];
    if (roots.length === observedRoots.length && roots.every((r, i) => r === observedRoots[i])) return;
    mo.disconnect();
    for (const r of roots) mo.observe(r, { childList: true, subtree: true });
    observedRoots = roots;
  }

  function flush(): void {
    debounceTimer = 0;
    if (signal.aborted) return;
    guard(() => {
      checkRoute();
      if (observedRoots.some((r) => !r.isConnected) || adapter.observeRoot(doc) !== observedRoots[0]) {
        observedRoots = [];
        dirty = null;
        observe();
      }
      scan();
      checkPending();
      scheduleFocus();
    });
  }

  function checkRoute(): void {
    if (location.href === href) return;
    href = location.href;
    // A client-side route re-renders rows in place (new ids in the same elements): read all afresh.
    readCache = new WeakMap();
    queue.clear();
    idToEl.clear();
    visible.clear();
    dirty = null;
    pinnedId = null;
    addedSinceSend = [];
    resetPending = true;
    queueDirty = true;
    safe(callbacks.onRouteChange, href);
    observedRoots = [];
    observe();
    win.clearTimeout(debounceTimer);
    debounceTimer = win.setTimeout(flush, 0);
  }

  function guard(fn: () => void): void {
    try {
      fn();
    } catch (err) {
      console.warn('[careline] page watcher', err);
    }
  }

  const listen = <K extends keyof DocumentEventMap>(type: K, fn: (e: DocumentEventMap[K]) => void): void =>
    doc.addEventListener(type, (e) => guard(() => fn(e)), { capture: true, passive: true, signal });

  listen('click', (e) => {
    pin(e.target as Node);
    win.setTimeout(() => guard(checkRoute), 0);
  });
  listen('focusin', (e) => {
    const target = e.target as Node;
    if (adapter.postElementOf(target)) pin(target);
  });
  listen('keydown', (e) => {
    // j/k (the sites' own shortcuts) move focus to the next article: read it after the site handled the key.
    if (e.key === 'j' || e.key === 'k') win.requestAnimationFrame(() => guard(() => pin(doc.activeElement)));
  });
  listen('input', onComposerInput);
  listen('visibilitychange', () => {
    if (doc.visibilityState === 'hidden') {
      mo.disconnect();
      observedRoots = [];
    } else {
      dirty = null;
      observe();
      flush();
    }
  });
  win.addEventListener('popstate', () => guard(checkRoute), { signal });
  win.addEventListener('hashchange', () => guard(checkRoute), { signal });
  win.addEventListener('scroll', () => scheduleFocus(), { passive: true, signal });
  const poll = win.setInterval(() => {
    if (doc.visibilityState !== 'hidden') guard(checkRoute);
  }, 1000);

  signal.addEventListener(
    'abort',
    () => {
      mo.disconnect();
      io?.disconnect();
      win.clearTimeout(debounceTimer);
      win.clearInterval(poll);
      if (frame) win.cancelAnimationFrame(frame);
      if (focusFrame) win.cancelAnimationFrame(focusFrame);
      pending.clear();
      queue.clear();
    },
    { once: true },
  );

  if (!signal.aborted) {
    observe();
    guard(() => {
      scan();
      updateFocus();
    });
  }

  return {
    async insertReply(postId, text) {
      try {
        const el = elementFor(postId);
        if (!el) return await composerUnavailable(doc, text);
        pinnedId = postId;
        const open = adapter.findComposer(el);
        const savedRange = open ? selections.rangeFor(open) : null;
        const result = await adapter.insertReply(el, text, { savedRange });
        const r = read(el);
        if (r.ok) startPending(r.post, adapter.findComposer(el), result.ok ? result.text : text);
        scheduleFocus();
        return result;
      } catch {
        return composerUnavailable(doc, text);
      }
    },
    focusedPostId: () => focusedId,
    checkRoute: () => guard(checkRoute),
    refresh: () => flush(),
    setOwnHandles(handles) {
      configuredOwn = handles;
      for (const el of adapter.findPostElements(doc)) readCache.delete(el);
      dirty = null;
      flush();
    },
  };
}

/**
 * Insert a reply without a watcher (one-off): finds the post by id and inserts at the composer's
 * current caret. Prefer `PageWatcher.insertReply`, which restores the caret the agent left.
 */
export async function insertReply(adapter: SiteAdapter, postId: string, text: string, savedRange?: Range | null): Promise<InsertResult> {
  try {
    const el = adapter.findPostElements(document).find((e) => adapter.postIdOf(e) === postId);
    if (!el) return await composerUnavailable(document, text);
    return await adapter.insertReply(el, text, { savedRange });
  } catch {
    return composerUnavailable(document, text);
  }
}
