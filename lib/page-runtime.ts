/**
 * What runs on the page side of every sidebar: the dock with the sidebar iframe, the site adapter's
 * watcher, and the messages between them. The content script (x.com, facebook.com) and the
 * practice page (an extension page) both start it; neither holds logic of its own.
 */
import { mountSidebarHost, pageTheme, type SidebarHost } from './sidebar-host';
import { sidebarStateItem, profileItem, SidebarStateSchema, type SidebarState } from './settings';
import { createPageWatcher, type PageWatcher } from './sites/page-watcher';
import type { SiteAdapter } from './sites/types';
import type { ReadResult } from './sites/types';
import type { Post } from './post';
import type { Handlers } from './transport';
import type { MessageType, Payload } from './messaging';

export interface PageRuntimeOptions {
  adapter: SiteAdapter;
  sidebarUrl: string;
  signal: AbortSignal;
  /** Sends a message to the sidebar and the background worker. */
  broadcast<T extends MessageType>(type: T, payload: Payload<T>): Promise<unknown>;
  /** Registers the page side's handlers for messages from the sidebar and the background. */
  listen(handlers: Handlers): () => void;
  /** Handles of the agent's own accounts on this page, besides those in the profile. */
  ownHandles?: string[];
}

const TOGGLE_KEY = { altKey: true, shiftKey: true, code: 'KeyK' };

export interface PageRuntime {
  host: SidebarHost;
  watcher: PageWatcher;
}

export async function startPageRuntime(doc: Document, options: PageRuntimeOptions): Promise<PageRuntime> {
  const { adapter, signal } = options;
  const stored = SidebarStateSchema.safeParse(await sidebarStateItem.getValue());
  const state: SidebarState = stored.success ? stored.data : { collapsed: false, width: 360 };
  const url = new URL(options.sidebarUrl);
  url.searchParams.set('theme', pageTheme(doc));
  const host = mountSidebarHost(doc, {
    sidebarUrl: url.href,
    state,
    onStateChange: (next) => void sidebarStateItem.setValue(next),
  });
  signal.addEventListener('abort', () => host.destroy(), { once: true });

  // Another tab (or the options page) changed the dock: follow it.
  const unwatchState = sidebarStateItem.watch((next) => {
    const parsed = SidebarStateSchema.safeParse(next);
    if (parsed.success) host.setState(parsed.data);
  });
  signal.addEventListener('abort', unwatchState, { once: true });

  // The toggle shortcut also works while the page has focus and the browser does not route the
  // command to us (headless, or a shortcut the user cleared). When the browser does both, the
  // page's keydown comes first and the command's message a moment later: that one is the same press.
  let lastKeyToggle = -Infinity;
  const toggle = (source: 'key' | 'command') => {
    const now = performance.now();
    if (source === 'command' && now - lastKeyToggle < 1500) return;
    if (source === 'key') lastKeyToggle = now;
    host.toggle();
  };
  doc.addEventListener(
    'keydown',
    (event) => {
      if (event.altKey === TOGGLE_KEY.altKey && event.shiftKey === TOGGLE_KEY.shiftKey && event.code === TOGGLE_KEY.code && !event.ctrlKey && !event.metaKey) {
        event.preventDefault();
        toggle('key');
        return;
      }
      // Alt+1…Alt+9: insert that suggestion, also while the cursor is in the site's composer.
      const digit = /^Digit([1-9])$/.exec(event.code);
      if (digit && event.altKey && !event.shiftKey && !event.ctrlKey && !event.metaKey && !host.getState().collapsed) {
        event.preventDefault();
        event.stopPropagation();
        void send('suggestion.shortcut', { index: Number(digit[1]) });
      }
    },
    { signal, capture: true },
  );

  let lastFocus: ReadResult | null = null;
  let lastQueue: Post[] = [];
  const send = <T extends MessageType>(type: T, payload: Payload<T>) =>
    options.broadcast(type, payload).catch((error: unknown) => console.debug('[Careline] message not delivered', type, error));

  const profile = await profileItem.getValue();
  const watcher = createPageWatcher(
    adapter,
    {
      onFocus: (result) => {
        lastFocus = result;
        void send('post.focused', { url: location.href, result });
      },
      onQueue: (posts) => {
        lastQueue = posts;
        void send('queue.update', { url: location.href, posts });
      },
      onReplySent: (post, replyText) => void send('reply.sent', { post, replyText, sentAt: new Date().toISOString() }),
      onRouteChange: () => undefined,
    },
    { signal, ownHandles: [...(profile?.ownHandles ?? []), ...(options.ownHandles ?? [])] },
  );

  const unlisten = options.listen({
    'sidebar.toggle': () => toggle('command'),
    'sidebar.collapse': ({ collapsed }) => host.setState({ ...host.getState(), collapsed }, true),
    'page.resend': () => {
      void send('post.focused', { url: location.href, result: lastFocus });
      void send('queue.update', { url: location.href, posts: lastQueue });
    },
    'reply.insert': ({ postId, text }) => watcher.insertReply(postId, text),
    'post.reveal': ({ postId }) => revealPost(doc, adapter, postId),
    'draft.read': ({ postId }) => readDraft(doc, adapter, postId),
  });
  signal.addEventListener('abort', unlisten, { once: true });
  return { host, watcher };
}

function postElementById(doc: Document, adapter: SiteAdapter, postId: string): Element | undefined {
  return adapter.findPostElements(doc).find((el) => adapter.postIdOf(el) === postId);
}

/** Scrolls a queued post into view and gives it focus, as the agent's click would. */
function revealPost(doc: Document, adapter: SiteAdapter, postId: string): boolean {
  const el = postElementById(doc, adapter, postId);
  if (!(el instanceof HTMLElement)) return false;
  el.scrollIntoView({ block: 'center' });
  if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
  el.focus({ preventScroll: true });
  el.click();
  return true;
}

/** The text of the open reply composer for a post, or null when none is open. */
function readDraft(doc: Document, adapter: SiteAdapter, postId: string): string | null {
  const el = postElementById(doc, adapter, postId);
  const composer = el ? adapter.findComposer(el) : null;
  return composer ? adapter.composerText(composer) : null;
}
