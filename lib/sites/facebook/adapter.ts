/**
 * The facebook.com adapter: feed units (with or without role=article), a Page's post, its comments
 * and replies to comments (a comment is a post too). Selectors come from ./selectors.ts.
 * Nothing here throws into the page. Careline never clicks "See more" or the post button.
 */
import type { Post } from '../../post';
import type { InsertOptions, InsertResult, ReadContext, ReadResult, SiteAdapter } from '../types';
import {
  closestAny,
  hashText,
  isoDate,
  queryAllFirstMatching,
  queryFirst,
  readLabel,
  readVisibleText,
  safeHttpUrl,
} from '../dom-text';
import { EMPTY_CTX, fail, wait } from '../adapter-kit';
import { composerUnavailable, insertIntoEditor, readEditorText } from '../insert-text';
import { FB_RESERVED_PATHS, FB_SELECTORS as S } from './selectors';

const ORIGIN = 'https://www.facebook.com';
const FB_HOSTS = ['www.facebook.com', 'facebook.com', 'web.facebook.com', 'm.facebook.com'];

function parseUrl(href: string | null | undefined): URL | null {
  if (!href || href === '#') return null;
  try {
    return new URL(href, ORIGIN);
  } catch {
    return null;
  }
}

/** Profile or Page slug (or numeric id) from a profile link. */
export function fbHandleFromHref(href: string | null | undefined): string | null {
  const url = parseUrl(href);
  if (!url || !/facebook\.com$/.test(url.hostname)) return null;
  const parts = url.pathname.split('/').filter(Boolean);
  if (parts[0] === 'profile.php') return url.searchParams.get('id');
  if (parts[0] === 'people' && parts[2]) return parts[2];
  if (parts[0] === 'groups' && parts[2] === 'user' && parts[3]) return parts[3];
  if (!parts[0] || FB_RESERVED_PATHS.has(parts[0].toLowerCase())) return null;
  return parts[0];
}

/** A post's id and clean permalink from a permalink href (tracking params dropped). */
export function parseFbPermalink(href: string | null | undefined): { id: string; permalink: string } | null {
  const url = parseUrl(href);
  if (!url) return null;
  const p = url.pathname;
  const q = url.searchParams;
  let m: RegExpExecArray | null;
  const clean = (path: string, keep: string[] = []): string => {
    const out = new URL(path, ORIGIN);
    for (const k of keep) {
      const v = q.get(k);
      if (v) out.searchParams.set(k, v);
    }
    return out.href;
  };
  if ((m = /^\/(?:[^/]+\/posts|groups\/[^/]+\/(?:posts|permalink))\/([\w.-]+)/.exec(p))) return { id: m[1]!, permalink: clean(m[0]) };
  if (/^\/(permalink|story)\.php$/.test(p) && q.get('story_fbid')) return { id: q.get('story_fbid')!, permalink: clean(p, ['story_fbid', 'id']) };
  if (/^\/photo(\.php|\/)?$/.test(p) && q.get('fbid')) return { id: q.get('fbid')!, permalink: clean(p, ['fbid']) };
  if ((m = /^\/(?:reel|[^/]+\/videos)\/(\d+)/.exec(p))) return { id: m[1]!, permalink: clean(m[0]) };
  if (/^\/watch\/?$/.test(p) && q.get('v')) return { id: q.get('v')!, permalink: clean(p, ['v']) };
  return null;
}

/** A `lang` set on the message or between it and the post (not the page's own <html lang>). */
function langWithin(unit: Element, message: Element | null): string | undefined {
  const tagged = message?.closest('[lang]');
  return tagged && unit.contains(tagged) ? tagged.getAttribute('lang') || undefined : undefined;
}

export interface FacebookAdapterOptions {
  /** Cookie string to read the signed-in user id from (defaults to document.cookie). */
  cookie?: (doc: Document) => string;
}

export function createFacebookAdapter(options: FacebookAdapterOptions = {}): SiteAdapter {
  const readCookie = options.cookie ?? ((doc: Document) => {
    try {
      return doc.cookie;
    } catch {
      return '';
    }
  });

  /** A comment is a role=article with its own comment_id link and no post permalink of its own. */
  const isComment = (el: Element): boolean =>
    S.comment.some((s) => el.matches(s)) &&
    ownLinks(el, S.commentLink).length > 0 &&
    ownLinks(el, S.permalink).every((a) => a.getAttribute('href')?.includes('comment_id='));

  /** Links of `el` itself, not of comments nested in it. */
  function ownLinks(el: Element, table: readonly string[]): Element[] {
    const out: Element[] = [];
    for (const selector of table) {
      for (const a of el.querySelectorAll(selector)) {
        const art = a.closest('[role="article"]');
        if (art === el || !art || !el.contains(art) || (art.contains(el) && art !== el)) {
          if (!out.includes(a)) out.push(a);
        }
      }
    }
    return out;
  }

  /** Within a post unit, elements not inside one of its comments. */
  const outsideComments = (unit: Element) => (el: Element): boolean => {
    const art = el.closest('[role="article"]');
    return !art || art === unit || !unit.contains(art) || !isComment(art);
  };

  function climbFromAnchor(anchor: Element, anchorSelector: string): Element | null {
    let el: Element = anchor;
    for (let parent = el.parentElement; parent; parent = parent.parentElement) {
      if (S.landmark.some((s) => parent!.matches(s))) break;
      if (parent.querySelectorAll(anchorSelector).length !== 1) break;
      el = parent;
    }
    return el === anchor ? null : el;
  }

  function findUnits(root: ParentNode): Element[] {
    for (const selector of S.postUnit) {
      const found = Array.from(root.querySelectorAll(selector)).filter((el) => !isComment(el));
      const outer = found.filter((el) => !found.some((o) => o !== el && o.contains(el)));
      if (outer.length > 0) return outer;
    }
    for (const selector of S.postAnchor) {
      const units: Element[] = [];
      for (const anchor of root.querySelectorAll(selector)) {
        const unit = climbFromAnchor(anchor, selector);
        if (unit && !units.includes(unit)) units.push(unit);
      }
      if (units.length > 0) return units;
    }
    return [];
  }

  function findPostElements(root: ParentNode): Element[] {
    try {
      const units = findUnits(root);
      const comments = queryAllFirstMatching(root, S.comment).filter((c) => !units.includes(c));
      const all = [...units, ...comments];
      return all.sort((a, b) => (a === b ? 0 : a.compareDocumentPosition(b) & 4 ? -1 : 1));
    } catch {
      return [];
    }
  }

  function unitOf(el: Element): Element | null {
    const doc = el.ownerDocument;
    return findUnits(doc).find((u) => u.contains(el)) ?? null;
  }

  function commentIds(el: Element): { id: string; parentCommentId?: string; postHref: string } | null {
    const links = ownLinks(el, S.commentLink);
    // The timestamp link carries the post's path; the author links carry the same ids on a profile path.
    const onPost = links.filter((a) => parseFbPermalink(a.getAttribute('href')) !== null);
    const pool = onPost.length > 0 ? onPost : links;
    const chosen = pool.find((a) => a.getAttribute('href')?.includes('reply_comment_id=')) ?? pool[0];
    const url = parseUrl(chosen?.getAttribute('href'));
    if (!url) return null;
    const commentId = url.searchParams.get('comment_id');
    const replyId = url.searchParams.get('reply_comment_id');
    if (replyId && commentId) return { id: replyId, parentCommentId: commentId, postHref: url.href };
    return commentId ? { id: commentId, postHref: url.href } : null;
  }

  function unitPermalink(unit: Element): { id: string; permalink: string } | null {
    for (const a of ownLinks(unit, S.permalink).filter(outsideComments(unit))) {
      const href = a.getAttribute('href');
      if (href?.includes('comment_id=')) continue;
      const parsed = parseFbPermalink(href);
      if (parsed) return parsed;
    }
    return null;
  }

  function readUnitAuthor(unit: Element): { name: string; handle: string } | null {
    const link = queryFirst(unit, S.author, outsideComments(unit));
    const handle = fbHandleFromHref(link?.getAttribute('href'));
    if (!link || !handle) return null;
    return { name: readLabel(link) || handle, handle };
  }

  function readCommentAuthor(el: Element): { name: string; handle: string; link: Element } | null {
    for (const a of ownLinks(el, ['a[href]'])) {
      if (a.getAttribute('aria-hidden') === 'true') continue;
      const name = readLabel(a);
      const handle = fbHandleFromHref(a.getAttribute('href'));
      if (name && handle && !/^\d+\s*\w{0,3}$/.test(name)) return { name, handle, link: a };
    }
    return null;
  }

  function avatarOf(el: Element, accept: (e: Element) => boolean): string | undefined {
    const img = queryFirst(el, S.avatar, accept);
    const src = img?.getAttribute('xlink:href') ?? img?.getAttribute('href') ?? img?.getAttribute('src');
    return safeHttpUrl(src, ORIGIN);
  }

  function postedAtOf(el: Element, accept: (e: Element) => boolean): string | undefined {
    const t = queryFirst(el, S.time, accept);
    if (!t) return undefined;
    const utime = t.getAttribute('data-utime');
    if (utime && /^\d+$/.test(utime)) return new Date(Number(utime) * 1000).toISOString();
    return isoDate(t.getAttribute('datetime'));
  }

  function readUnit(unit: Element, ctx: ReadContext): ReadResult {
    const accept = outsideComments(unit);
    const author = readUnitAuthor(unit);
    if (!author) return fail('author', "Couldn't read who wrote this post: Facebook may have changed its layout.");
    const message = queryFirst(unit, S.message, accept);
    const hasMedia = queryFirst(unit, ['img[src]', 'video'], (e) => accept(e) && !e.closest('a[href] svg, h2, h3, h4')) !== null;
    if (!message && !hasMedia) {
      return fail('text', "Couldn't read this post's text: Facebook may have changed its layout. Copy the text in, or report it.");
    }
    const text = message ? readVisibleText(message, { skip: S.seeMore.join(','), block: 'div[dir="auto"]' }) : '';
    const isTruncated = message ? S.seeMore.some((s) => message.querySelector(s) !== null) : false;
    const link = unitPermalink(unit);
    // Facebook fills real hrefs only on hover (SITES.md): without one, key the post by its content.
    const id = link?.id ?? `h${hashText(`${author.handle}\n${text}`)}`;
    const post: Post = {
      site: 'facebook',
      id,
      permalink: link?.permalink ?? '',
      authorName: author.name.slice(0, 200),
      authorHandle: author.handle,
      avatarUrl: avatarOf(unit, accept),
      text: text.slice(0, 20000),
      isTruncated,
      lang: langWithin(unit, message),
      postedAt: postedAtOf(unit, accept),
      isReply: false,
      isOwn: ctx.ownHandles.has(author.handle.toLowerCase()),
      kind: 'post',
    };
    return { ok: true, post };
  }

  function readComment(el: Element, ctx: ReadContext): ReadResult {
    const ids = commentIds(el);
    if (!ids) return fail('id', "Couldn't tell which comment this is: Facebook may have changed its layout.");
    const author = readCommentAuthor(el);
    if (!author) return fail('author', "Couldn't read who wrote this comment: Facebook may have changed its layout.");
    const body = queryFirst(el, S.commentText, (d) => !author.link.contains(d) && d.closest('[role="article"]') === el);
    if (!body) return fail('text', "Couldn't read this comment's text: Facebook may have changed its layout. Copy the text in, or report it.");
    const text = readVisibleText(body, { skip: S.seeMore.join(',') });
    const unit = unitOf(el);
    const postId = parseFbPermalink(ids.postHref)?.id ?? (unit ? unitPermalink(unit)?.id : undefined);
    let inReplyToHandle: string | undefined;
    if (ids.parentCommentId) {
      const parent = findPostElements(el.ownerDocument).find((c) => c !== el && isComment(c) && commentIds(c)?.id === ids.parentCommentId);
      inReplyToHandle = parent ? readCommentAuthor(parent)?.handle : undefined;
    } else if (unit) {
      inReplyToHandle = readUnitAuthor(unit)?.handle;
    }
    const post: Post = {
      site: 'facebook',
      id: ids.id,
      permalink: parseUrl(ids.postHref) ? cleanCommentLink(ids.postHref) : '',
      authorName: author.name.slice(0, 200),
      authorHandle: author.handle,
      avatarUrl: avatarOf(el, (e) => e.closest('[role="article"]') === el),
      text: text.slice(0, 20000),
      isTruncated: S.seeMore.some((s) => body.querySelector(s) !== null),
      postedAt: postedAtOf(el, (e) => e.closest('[role="article"]') === el),
      isReply: true,
      inReplyToHandle,
      parentId: ids.parentCommentId ?? postId,
      isOwn: ctx.ownHandles.has(author.handle.toLowerCase()),
      kind: ids.parentCommentId ? 'reply' : 'comment',
    };
    return { ok: true, post };
  }

  function cleanCommentLink(href: string): string {
    const url = new URL(href, ORIGIN);
    const out = new URL(url.pathname, ORIGIN);
    for (const k of ['story_fbid', 'id', 'fbid', 'comment_id', 'reply_comment_id']) {
      const v = url.searchParams.get(k);
      if (v) out.searchParams.set(k, v);
    }
    return out.href;
  }

  function readPost(el: Element, ctx: ReadContext = EMPTY_CTX): ReadResult {
    try {
      return isComment(el) ? readComment(el, ctx) : readUnit(el, ctx);
    } catch {
      return fail('root', "Couldn't read this post: Facebook may have changed its layout.");
    }
  }

  function postIdOf(el: Element): string | null {
    try {
      if (isComment(el)) return commentIds(el)?.id ?? null;
      const link = unitPermalink(el);
      if (link) return link.id;
      const read = readUnit(el, EMPTY_CTX);
      return read.ok ? read.post.id : null;
    } catch {
      return null;
    }
  }

  function routePostId(doc: Document): string | null {
    return parseFbPermalink(doc.location?.href)?.id ?? null;
  }

  function detailPostElement(doc: Document): Element | null {
    try {
      const id = routePostId(doc);
      if (!id) return null;
      const units = findUnits(doc);
      return units.find((u) => unitPermalink(u)?.id === id) ?? units[0] ?? null;
    } catch {
      return null;
    }
  }

  function composerOf(node: Node): HTMLElement | null {
    try {
      const start = node.nodeType === 1 ? (node as Element) : node.parentElement;
      const editable = start?.closest('[contenteditable="true"]');
      return editable && S.composer.some((s) => editable.matches(s)) ? (editable as HTMLElement) : null;
    } catch {
      return null;
    }
  }

  /** The comment box of a post (outside its comment threads) or of a comment (inside its thread item). */
  function findComposer(postEl: Element): HTMLElement | null {
    try {
      if (isComment(postEl)) {
        const item = postEl.closest('li') ?? postEl.parentElement;
        return item ? (queryFirst(item, S.composer) as HTMLElement | null) : null;
      }
      return queryFirst(postEl, S.composer, (c) => !c.closest('li')) as HTMLElement | null;
    } catch {
      return null;
    }
  }

  function composerTargetId(composer: HTMLElement): string | null {
    try {
      const item = composer.closest('li');
      const comment = item ? queryFirst(item, S.comment) : null;
      if (comment) return commentIds(comment)?.id ?? null;
      const unit = unitOf(composer);
      return unit ? postIdOf(unit) : routePostId(composer.ownerDocument);
    } catch {
      return null;
    }
  }

  async function insertReply(postEl: Element, text: string, opts: InsertOptions = {}): Promise<InsertResult> {
    try {
      let composer = findComposer(postEl);
      if (!composer && !isComment(postEl)) {
        const button = queryFirst(postEl, S.commentButton, outsideComments(postEl)) as HTMLElement | null;
        button?.click();
        const deadline = Date.now() + (opts.openTimeoutMs ?? 2000);
        while (!composer && button && Date.now() < deadline) {
          await wait(30);
          composer = findComposer(postEl);
        }
      }
      if (!composer) return composerUnavailable(postEl.ownerDocument, text);
      return await insertIntoEditor(composer, text, { savedRange: opts.savedRange, readText: readEditorText });
    } catch {
      return composerUnavailable(postEl.ownerDocument, text);
    }
  }

  /**
   * Own account on Facebook (no profile link testid like X's): the handles from settings, the
   * numeric user id in the `c_user` cookie, and the account the page's comment box posts as (the
   * avatar link beside each Lexical comment box). Agents answering as a Page should set the Page's
   * slug in settings: that is the reliable signal.
   */
  function ownHandles(doc: Document, configured: readonly string[] = []): Set<string> {
    const out = new Set(configured.map((h) => h.replace(/^@/, '').toLowerCase()).filter(Boolean));
    try {
      const cUser = /(?:^|;\s*)c_user=(\d+)/.exec(readCookie(doc));
      if (cUser?.[1]) out.add(cUser[1]);
      for (const composer of queryAllFirstMatching(doc, S.composer)) {
        const form = composer.closest('form');
        const box = form?.parentElement;
        if (!box) continue;
        const link = queryFirst(box, S.composerActorLink, (a) => !form.contains(a));
        const handle = fbHandleFromHref(link?.getAttribute('href'));
        if (handle) out.add(handle.toLowerCase());
      }
    } catch {
      // keep what we have
    }
    return out;
  }

  function replySentEvidence(doc: Document, postId: string, ctx: ReadContext): string[] {
    const out: string[] = [];
    try {
      for (const el of queryAllFirstMatching(doc, S.comment)) {
        const read = readComment(el, ctx);
        if (read.ok && read.post.isOwn && read.post.parentId === postId) out.push(`own:${read.post.id}`);
      }
    } catch {
      // no evidence
    }
    return out;
  }

  return {
    site: 'facebook',
    matches: (location) => FB_HOSTS.includes(location.hostname),
    findPostElements,
    postElementOf: (node) => {
      try {
        const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
        if (!el) return null;
        const comment = closestAny(el, S.comment);
        if (comment && isComment(comment)) return comment;
        return el.ownerDocument ? findUnits(el.ownerDocument).find((u) => u.contains(el)) ?? null : null;
      } catch {
        return null;
      }
    },
    postIdOf,
    readPost,
    detailPostElement,
    focusedPostElement: (doc) => {
      try {
        const active = doc.activeElement;
        if (active && active !== doc.body) {
          const comment = closestAny(active, S.comment);
          if (comment) return comment;
          const unit = findUnits(doc).find((u) => u.contains(active));
          if (unit) return unit;
        }
        return detailPostElement(doc);
      } catch {
        return null;
      }
    },
    ownHandles,
    observeRoot: (doc) => queryFirst(doc, S.mainColumn),
    signalRoots: () => [],
    findComposer,
    composerOf,
    composerTargetId,
    composerText: (el) => readEditorText(el),
    insertReply,
    replySentEvidence,
  };
}

export const facebookAdapter: SiteAdapter = createFacebookAdapter();
