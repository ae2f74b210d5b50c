/**
 * The x.com adapter (also used by the practice feed, which renders X-like markup).
 * All selectors come from ./selectors.ts. Nothing here throws into the page.
 */
import type { Post, Site } from '../../post';
import type { InsertOptions, InsertResult, ReadContext, ReadResult, SiteAdapter } from '../types';
import {
  closestAny,
  isAfter,
  isoDate,
  queryAllFirstMatching,
  queryFirst,
  readLabel,
  readVisibleText,
  safeHttpUrl,
} from '../dom-text';
import { EMPTY_CTX, fail, wait } from '../adapter-kit';
import { composerUnavailable, insertIntoEditor, readEditorText } from '../insert-text';
import { X_PROFILE_PATH, X_RESERVED_PATHS, X_SELECTORS as S, X_STATUS_PATH } from './selectors';

export interface XAdapterOptions {
  /** 'x' on x.com/twitter.com; 'practice' on the extension's practice feed. */
  site?: Site;
  /** Origin used to make permalinks absolute. */
  origin?: string;
  /** Hosts the adapter accepts in `matches` (practice: the extension's own origin). */
  hosts?: readonly string[];
}

const X_HOSTS = ['x.com', 'twitter.com', 'mobile.x.com', 'mobile.twitter.com'];

/** Parse `/handle/status/id` from an href (absolute or relative). */
export function parseStatusHref(href: string | null): { handle?: string; id: string } | null {
  if (!href) return null;
  let path = href;
  try {
    path = new URL(href, 'https://x.com').pathname;
  } catch {
    return null;
  }
  const m = X_STATUS_PATH.exec(path);
  if (!m || !m[2]) return null;
  return m[1] ? { handle: m[1], id: m[2] } : { id: m[2] };
}

function handleFromHref(href: string | null): string | null {
  if (!href) return null;
  try {
    const m = X_PROFILE_PATH.exec(new URL(href, 'https://x.com').pathname);
    if (!m || !m[1] || X_RESERVED_PATHS.has(m[1].toLowerCase())) return null;
    return m[1];
  } catch {
    return null;
  }
}

export function createXAdapter(options: XAdapterOptions = {}): SiteAdapter {
  const site: Site = options.site ?? 'x';
  const origin = options.origin ?? 'https://x.com';
  const hosts = options.hosts ?? X_HOSTS;

  const isPost = (el: Element): boolean => S.post.some((s) => el.matches(s));

  /** Quoted-post cards of an article: quote containers that hold an author block. */
  function quoteCards(article: Element): Element[] {
    const cards: Element[] = [];
    for (const selector of S.quote) {
      for (const el of article.querySelectorAll(selector)) {
        if (S.userName.some((u) => el.querySelector(u) !== null) && !S.userName.some((u) => el.closest(u))) cards.push(el);
      }
    }
    return cards;
  }

  /** Fields of the outer post only: anything inside a quoted card or a nested post is skipped. */
  const ownField = (article: Element) => {
    const cards = quoteCards(article);
    return (el: Element): boolean => {
      if (cards.some((card) => card.contains(el))) return false;
      // X posts are <article>s: an article between el and the post means a nested post.
      for (let p = el.parentElement; p && p !== article; p = p.parentElement) if (p.tagName === 'ARTICLE') return false;
      return true;
    };
  };

  const first = (article: Element, table: readonly string[], accept = ownField(article)): Element | null =>
    queryFirst(article, table, accept);

  function statusOf(article: Element): { handle?: string; id: string; href: string } | null {
    const time = first(article, S.time);
    const timeLink = time?.closest('a[href]');
    const fromTime = parseStatusHref(timeLink?.getAttribute('href') ?? null);
    if (fromTime && timeLink) return { ...fromTime, href: timeLink.getAttribute('href') ?? '' };
    // Without a linked time: the first /status/ link of the outer post (photo, analytics links).
    const link = first(article, S.statusLink);
    const parsed = parseStatusHref(link?.getAttribute('href') ?? null);
    return parsed && link ? { ...parsed, href: link.getAttribute('href') ?? '' } : null;
  }

  function postIdOf(el: Element): string | null {
    try {
      return statusOf(el)?.id ?? null;
    } catch {
      return null;
    }
  }

  function routeStatusId(doc: Document): string | null {
    const m = X_STATUS_PATH.exec(doc.location?.pathname ?? '');
    return m?.[2] ?? null;
  }

  function findPostElements(root: ParentNode): Element[] {
    try {
      const all = queryAllFirstMatching(root, S.post);
      // Outermost only: a post nested in another (never on X today) would be part of it.
      return all.filter((el) => !el.parentElement?.closest('article'));
    } catch {
      return [];
    }
  }

  // Replies on a status page ask for the main post while being read: remember it per page.
  const detailCache = new WeakMap<Document, { href: string; el: Element }>();

  function detailPostElement(doc: Document): Element | null {
    const id = routeStatusId(doc);
    if (!id) return null;
    const cached = detailCache.get(doc);
    if (cached && cached.href === doc.location.href && cached.el.isConnected && postIdOf(cached.el) === id) return cached.el;
    const posts = findPostElements(doc);
    const el = posts.find((p) => postIdOf(p) === id) ?? posts.find((p) => p.getAttribute('tabindex') === '-1') ?? null;
    if (el) detailCache.set(doc, { href: doc.location.href, el });
    return el;
  }

  function ownHandles(doc: Document, configured: readonly string[] = []): Set<string> {
    const out = new Set(configured.map((h) => h.replace(/^@/, '').toLowerCase()).filter(Boolean));
    try {
      const link = queryFirst(doc, S.ownProfileLink);
      const handle = handleFromHref(link?.getAttribute('href') ?? null);
      if (handle) out.add(handle.toLowerCase());
    } catch {
      // keep configured handles
    }
    return out;
  }

  function readAuthor(article: Element): { name: string; handle: string } | null {
    const block = first(article, S.userName);
    if (!block) return null;
    const links = Array.from(block.querySelectorAll('a[href]'));
    let handle: string | null = null;
    for (const a of links) {
      handle = handleFromHref(a.getAttribute('href'));
      if (handle) break;
    }
    if (!handle) {
      // Quoted-post style block without links: the "@handle" span.
      const at = Array.from(block.querySelectorAll('span')).map((s) => readLabel(s)).find((t) => /^@\w{1,20}$/.test(t));
      handle = at ? at.slice(1) : null;
    }
    if (!handle) return null;
    const nameEl = links[0]?.querySelector('div[dir] span') ?? block.querySelector('div[dir] span');
    const name = readLabel(nameEl) || handle;
    return { name, handle };
  }

  function readReplyingTo(article: Element, textEl: Element | null, userName: Element | null): string | undefined {
    const accept = ownField(article);
    const link = queryFirst(article, S.replyingToLink, (a) => {
      if (!accept(a)) return false;
      if (userName?.contains(a) || textEl?.contains(a)) return false;
      if (textEl && isAfter(a, textEl)) return false;
      if (userName && !isAfter(a, userName)) return false;
      return /^@\w{1,20}$/.test(readLabel(a)) && handleFromHref(a.getAttribute('href')) !== null;
    });
    return link ? (handleFromHref(link.getAttribute('href')) ?? undefined) : undefined;
  }

  function readPost(el: Element, ctx: ReadContext = EMPTY_CTX): ReadResult {
    try {
      if (!isPost(el)) return fail('root', "This isn't a post X shows the way Careline expects.");
      const accept = ownField(el);
      const status = statusOf(el);
      if (!status) {
        const hasTime = first(el, S.time, accept) !== null;
        return hasTime
          ? fail('permalink', "Couldn't find this post's link on X: X may have changed its layout. Open the post and try again.")
          : fail('time', "Couldn't read when this post was written: X may have changed its layout. The post was not added; open it and try again.");
      }
      const time = first(el, S.time, accept);
      if (!time) {
        return fail('time', "Couldn't read when this post was written: X may have changed its layout. The post was not added; open it and try again.");
      }
      const author = readAuthor(el);
      if (!author) return fail('author', "Couldn't read who wrote this post: X may have changed its layout.");
      const textEl = first(el, S.text, accept);
      const hasMedia = first(el, S.media, accept) !== null;
      if (!textEl && !hasMedia) {
        return fail('text', "Couldn't read this post's text: X may have changed its layout. Copy the text in, or report it.");
      }
      const text = textEl ? readVisibleText(textEl) : '';
      const lang = textEl?.getAttribute('lang') || undefined;
      const avatar = first(el, S.avatar, accept);
      const doc = el.ownerDocument;

      const userName = first(el, S.userName, accept);
      let inReplyToHandle = readReplyingTo(el, textEl, userName);
      let parentId: string | undefined;
      // On a status page, the posts under the main post are its replies (X drops "Replying to" there).
      const routeId = routeStatusId(doc);
      if (routeId && routeId !== status.id) {
        const main = detailPostElement(doc);
        if (main && isAfter(el, main)) {
          parentId = routeId;
          inReplyToHandle ??= readAuthor(main)?.handle;
        }
      } else if (routeId && routeId === status.id) {
        // The main post is a reply when the thread shows posts above it.
        const above = findPostElements(doc).filter((p) => p !== el && isAfter(el, p));
        const parent = above[above.length - 1];
        if (parent) {
          parentId = postIdOf(parent) ?? undefined;
          inReplyToHandle ??= readAuthor(parent)?.handle;
        }
      }
      const isReply = inReplyToHandle !== undefined || parentId !== undefined;
      const handle = status.handle && status.handle !== 'i' ? status.handle : author.handle;
      const post: Post = {
        site,
        id: status.id,
        permalink: `${origin}/${handle}/status/${status.id}`,
        authorName: author.name.slice(0, 200),
        authorHandle: author.handle,
        avatarUrl: safeHttpUrl(avatar?.getAttribute('src'), origin),
        text: text.slice(0, 20000),
        lang,
        postedAt: isoDate(time.getAttribute('datetime')),
        isReply,
        inReplyToHandle,
        parentId,
        isOwn: ctx.ownHandles.has(author.handle.toLowerCase()),
        kind: isReply ? 'reply' : 'post',
      };
      return { ok: true, post };
    } catch {
      return fail('root', "Couldn't read this post: X may have changed its layout.");
    }
  }

  function focusedPostElement(doc: Document): Element | null {
    try {
      const active = doc.activeElement;
      if (active && active !== doc.body) {
        const post = closestAny(active, S.post);
        if (post) return post;
      }
      return detailPostElement(doc);
    } catch {
      return null;
    }
  }

  function composerOf(node: Node): HTMLElement | null {
    const el = closestAny(node, S.composer);
    if (el) return el as HTMLElement;
    // A node inside the Draft.js editor (text spans) belongs to its contenteditable root.
    const start = node.nodeType === 1 ? (node as Element) : node.parentElement;
    const editable = start?.closest('[contenteditable="true"]');
    return editable && S.composer.some((s) => editable.matches(s)) ? (editable as HTMLElement) : null;
  }

  function allComposers(doc: Document): HTMLElement[] {
    return queryAllFirstMatching(doc, S.composer) as HTMLElement[];
  }

  /** Post id a composer replies to: a modal's replied-to post, else the status page's main post. */
  function composerTargetId(composer: HTMLElement): string | null {
    try {
      const doc = composer.ownerDocument;
      const dialog = closestAny(composer, S.composerDialog);
      if (dialog) {
        const target = findPostElements(dialog)[0];
        const id = target ? postIdOf(target) : null;
        if (id) return id;
        return dialog.getAttribute('data-careline-reply-to');
      }
      return routeStatusId(doc);
    } catch {
      return null;
    }
  }

  function findComposer(postEl: Element): HTMLElement | null {
    try {
      const id = postIdOf(postEl);
      if (!id) return null;
      return allComposers(postEl.ownerDocument).find((c) => composerTargetId(c) === id) ?? null;
    } catch {
      return null;
    }
  }

  async function openComposer(postEl: Element, timeoutMs: number): Promise<HTMLElement | null> {
    const open = findComposer(postEl);
    if (open) return open;
    const button = first(postEl, S.replyButton) as HTMLElement | null;
    if (!button) return null;
    const id = postIdOf(postEl);
    button.click();
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      await wait(30);
      const found = findComposer(postEl);
      if (found) return found;
      // A modal without a copy of the post: the newest open dialog composer is the one we opened.
      const dialogComposer = allComposers(postEl.ownerDocument).find((c) => closestAny(c, S.composerDialog));
      if (dialogComposer && id) {
        closestAny(dialogComposer, S.composerDialog)?.setAttribute('data-careline-reply-to', id);
        return dialogComposer;
      }
    }
    return null;
  }

  async function insertReply(postEl: Element, text: string, opts: InsertOptions = {}): Promise<InsertResult> {
    try {
      const composer = await openComposer(postEl, opts.openTimeoutMs ?? 2000);
      if (!composer) {
        return composerUnavailable(postEl.ownerDocument, text);
      }
      return await insertIntoEditor(composer, text, { savedRange: opts.savedRange, readText: readEditorText });
    } catch {
      return composerUnavailable(postEl.ownerDocument, text);
    }
  }

  function replySentEvidence(doc: Document, postId: string, ctx: ReadContext): string[] {
    const out: string[] = [];
    try {
      for (const a of queryAllFirstMatching(doc, S.toastLink)) {
        const parsed = parseStatusHref(a.getAttribute('href'));
        if (parsed) out.push(`toast:${parsed.id}`);
      }
      for (const el of findPostElements(doc)) {
        const read = readPost(el, ctx);
        if (!read.ok || !read.post.isOwn) continue;
        if (read.post.parentId === postId || read.post.isReply) out.push(`own:${read.post.id}`);
      }
    } catch {
      // no evidence
    }
    return out;
  }

  return {
    site,
    matches: (location) => hosts.includes(location.hostname),
    findPostElements,
    postElementOf: (node) => {
      try {
        return closestAny(node, S.post);
      } catch {
        return null;
      }
    },
    postIdOf,
    readPost,
    detailPostElement: (doc) => {
      try {
        return detailPostElement(doc);
      } catch {
        return null;
      }
    },
    focusedPostElement,
    ownHandles,
    observeRoot: (doc) => queryFirst(doc, S.timelineRoot),
    signalRoots: (doc) => {
      const layer = queryFirst(doc, S.toastLayer);
      return layer ? [layer] : [];
    },
    findComposer,
    composerOf: (node) => {
      try {
        return composerOf(node);
      } catch {
        return null;
      }
    },
    composerTargetId,
    composerText: (el) => readEditorText(el),
    insertReply,
    replySentEvidence,
  };
}

/** The adapter for x.com and twitter.com. */
export const xAdapter: SiteAdapter = createXAdapter();
