// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://x.com/home"}
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Post } from '../post';
import { readFixture } from './fixture-dom';
import { createPageWatcher, type PageWatcherCallbacks } from './page-watcher';
import type { ReadResult } from './types';
import { xAdapter } from './x/adapter';
import { facebookAdapter } from './facebook/adapter';

function show(file: string, url: string): void {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
  document.open();
  document.write(readFixture(file).replace(/<script src="[^"]*"><\/script>/g, ''));
  document.close();
}

function nextFrame(): Promise<void> {
  return new Promise((r) => requestAnimationFrame(() => r()));
}

async function settle(ms = 120): Promise<void> {
  await new Promise((r) => setTimeout(r, ms));
  await nextFrame();
  await nextFrame();
}

function recorder() {
  const log = { focus: [] as Array<ReadResult | null>, queue: [] as Array<{ posts: Post[]; reset: boolean; added: number }>, sent: [] as Array<[Post, string]>, routes: [] as string[] };
  const callbacks: PageWatcherCallbacks = {
    onFocus: (r) => log.focus.push(r),
    onQueue: (posts, change) => log.queue.push({ posts, reset: change.reset, added: change.added.length }),
    onReplySent: (post, text) => log.sent.push([post, text]),
    onRouteChange: (url) => log.routes.push(url),
  };
  return { log, callbacks };
}

/** Append `n` generated tweet cells to the timeline (as X's infinite scroll does). */
function appendCells(n: number, start: number): void {
  const template = document.getElementById('fixture-cell-template') as HTMLTemplateElement;
  const timeline = document.querySelector('[data-fixture-timeline]')!;
  for (let i = 0; i < n; i++) {
    const cell = template.content.firstElementChild!.cloneNode(true) as Element;
    const id = (2000000000000000000n + BigInt(start + i)).toString();
    for (const el of [cell, ...cell.querySelectorAll('*')]) {
      for (const attr of [...el.attributes]) {
        if (attr.value.includes('1000000000000000001') || attr.value.includes('tplhandle')) {
          el.setAttribute(attr.name, attr.value.replace('1000000000000000001', id).replace('tplhandle', `user${(start + i) % 7}`));
        }
      }
    }
    cell.querySelector('[data-testid="tweetText"] span')!.textContent = `Generated post ${start + i}`;
    timeline.append(cell);
  }
}

const controllers: AbortController[] = [];
function start(adapter = xAdapter, ownHandles: string[] = []) {
  const ctl = new AbortController();
  controllers.push(ctl);
  const rec = recorder();
  const watcher = createPageWatcher(adapter, rec.callbacks, { signal: ctl.signal, ownHandles, debounceMs: 10, maxWaitMs: 40 });
  return { ...rec, watcher, ctl };
}

afterEach(() => {
  for (const c of controllers.splice(0)) c.abort();
});

// happy-dom is slow on the real captures' markup (about 3 ms per post read): give each test room.
// happy-dom is slow on the 260 KB timeline fixture, more so on a loaded machine.
vi.setConfig({ testTimeout: 120_000 });

describe('page watcher', () => {
  it('queues the loaded customer posts (never own posts) and follows infinite scroll in batches', async () => {
    show('x/home.html', 'https://x.com/home');
    const { log } = start();
    await settle();
    expect(log.queue).toHaveLength(1);
    expect(log.queue[0]!.posts).toHaveLength(13);
    expect(log.queue[0]!.posts.some((p) => p.authorHandle === 'acme_help')).toBe(false);
    for (let batch = 0; batch < 10; batch++) {
      appendCells(20, batch * 20);
      await nextFrame();
    }
    await settle();
    const last = log.queue[log.queue.length - 1]!;
    expect(last.posts).toHaveLength(213);
    expect(new Set(last.posts.map((p) => p.id)).size).toBe(213);
    expect(log.queue.reduce((n, q) => n + q.added, 0)).toBe(213);
    // Fewer messages than batches of mutations: debounced and one per frame at most.
    expect(log.queue.length).toBeLessThanOrEqual(11);
  });

  it('sends nothing when nothing changed', async () => {
    show('x/home.html', 'https://x.com/home');
    const { log, watcher } = start();
    await settle();
    watcher.refresh();
    document.querySelector('[data-fixture-timeline]')!.append(document.createElement('div'));
    await settle();
    expect(log.queue).toHaveLength(1);
  });

  it('focus: the detail page main post, then the post the agent clicks', async () => {
    show('x/status.html', 'https://x.com/maria_g/status/1850000000000000001');
    const { log, watcher } = start();
    await settle();
    const first = log.focus[log.focus.length - 1];
    expect(first?.ok && first.post.id).toBe('1850000000000000001');
    const reply = xAdapter.findPostElements(document)[2]!;
    reply.querySelector('[data-testid="tweetText"]')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await settle(20);
    const now = log.focus[log.focus.length - 1];
    expect(now?.ok && now.post.id).toBe('1850000000000000003');
    expect(watcher.focusedPostId()).toBe('1850000000000000003');
  });

  it('focus: j/k keyboard focus on an article (as X moves it) moves Careline focus', async () => {
    show('x/home.html', 'https://x.com/home');
    const { log } = start();
    await settle();
    const article = xAdapter.findPostElements(document)[5] as HTMLElement;
    article.focus();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true }));
    await settle(20);
    const now = log.focus[log.focus.length - 1];
    expect(now?.ok && now.post.id).toBe(xAdapter.postIdOf(article));
  });

  it('focus on a broken post reports the failed field', async () => {
    show('x/broken.html', 'https://x.com/i/bookmarks');
    const { log } = start();
    await settle();
    const el = xAdapter.findPostElements(document)[0]!;
    el.querySelector('[data-testid="User-Name"]')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await settle(20);
    // The broken post has no id to pin by: focus stays readable, never throws.
    expect(log.focus.every((f) => f === null || f.ok || typeof f.failure.message === 'string')).toBe(true);
  });

  it('route changes (pushState is invisible to content scripts) are seen on the next mutation', async () => {
    show('x/home.html', 'https://x.com/home');
    const { log } = start();
    await settle();
    history.pushState(null, '', '/maria_g/status/1850000000000000100');
    document.querySelector('[data-fixture-timeline]')!.append(document.createElement('div'));
    await settle();
    expect(log.routes).toEqual(['https://x.com/maria_g/status/1850000000000000100']);
    expect(log.queue[log.queue.length - 1]!.reset).toBe(true);
    const f = log.focus[log.focus.length - 1];
    expect(f?.ok && f.post.id).toBe('1850000000000000100');
  });

  it('reply sent: a cleared composer alone is not a send; composer cleared + toast is, exactly once', async () => {
    show('x/status.html', 'https://x.com/maria_g/status/1850000000000000001');
    const { log } = start();
    await settle();
    const slot = document.querySelector('[data-fixture-editor]')!;
    const editor = document.createElement('div');
    editor.setAttribute('contenteditable', 'true');
    editor.setAttribute('data-testid', 'tweetTextarea_0');
    slot.append(editor);
    editor.textContent = 'Hi María, sorry about that!';
    editor.dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
    editor.textContent = '';
    editor.dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
    expect(log.sent).toHaveLength(0);
    editor.textContent = 'Hi María, sorry about that! DM us.';
    editor.dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
    // The site sends: composer clears, toast with the new status link.
    editor.textContent = '';
    const toast = document.createElement('div');
    toast.setAttribute('data-testid', 'toast');
    const a = document.createElement('a');
    a.setAttribute('href', '/acme_help/status/1850000000000000777');
    toast.append('Your post was sent', a);
    document.getElementById('layers')!.append(toast);
    await settle();
    document.querySelector('[data-fixture-timeline]')!.append(document.createElement('div'));
    await settle();
    expect(log.sent).toHaveLength(1);
    expect(log.sent[0]![0].id).toBe('1850000000000000001');
    expect(log.sent[0]![1]).toBe('Hi María, sorry about that! DM us.');
  });

  it('reply sent: a sign that is not tied to a post counts for the reply worked on last, not an abandoned draft', async () => {
    show('x/home.html', 'https://x.com/home');
    const { log } = start();
    await settle();
    const [postA, postB] = xAdapter.findPostElements(document).filter((el) => {
      const r = xAdapter.readPost(el);
      return r.ok && !r.post.isOwn;
    });
    const draftIn = async (post: Element, text: string) => {
      post.querySelector('[data-testid="tweetText"]')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      await settle(20);
      const editor = document.createElement('div');
      editor.setAttribute('contenteditable', 'true');
      editor.setAttribute('data-testid', 'tweetTextarea_0');
      document.body.append(editor);
      editor.textContent = text;
      editor.dispatchEvent(new Event('input', { bubbles: true }));
      await settle();
      return editor;
    };
    // A draft for A, abandoned (the composer closes without a send).
    const first = await draftIn(postA!, 'Draft for A');
    first.remove();
    await settle();
    // A reply to B that goes out: the toast is the only sign.
    const second = await draftIn(postB!, 'Reply to B');
    second.textContent = '';
    const toast = document.createElement('div');
    toast.setAttribute('data-testid', 'toast');
    const a = document.createElement('a');
    a.setAttribute('href', '/acme_help/status/1850000000000000888');
    toast.append('Your post was sent', a);
    (document.getElementById('layers') ?? document.body).append(toast);
    await settle();
    document.querySelector('[data-fixture-timeline]')!.append(document.createElement('div'));
    await settle();
    expect(log.sent).toHaveLength(1);
    expect(log.sent[0]![0].id).toBe(xAdapter.postIdOf(postB!));
    expect(log.sent[0]![1]).toBe('Reply to B');
  });

  it('callbacks that throw never reach the page; abort stops everything', async () => {
    show('x/home.html', 'https://x.com/home');
    const ctl = new AbortController();
    const onQueue = vi.fn(() => {
      throw new Error('sidebar gone');
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    createPageWatcher(xAdapter, { onFocus: () => {}, onQueue, onReplySent: () => {}, onRouteChange: () => {} }, { signal: ctl.signal, debounceMs: 10 });
    await settle();
    expect(onQueue).toHaveBeenCalledTimes(1);
    ctl.abort();
    appendCells(5, 0);
    await settle();
    expect(onQueue).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });

  it('Facebook: comments are queued, the own Page is not', async () => {
    show('facebook/page-post.html', 'https://www.facebook.com/acmeco/posts/pfbid02AcmeDeliveryUpdate');
    const { log } = start(facebookAdapter, ['acmeco']);
    await settle();
    expect(log.queue[0]!.posts.map((p) => p.id)).toEqual(['1100000000000001', '1100000000000003', '1100000000000004']);
    const f = log.focus[log.focus.length - 1];
    // The detail post is the Page's own: focus skips it for a customer's comment.
    expect(f?.ok).toBe(true);
    expect(f?.ok && f.post.isOwn).toBeFalsy();
    expect(f?.ok && f.post.kind).toBe('comment');
  });
});
