import type { Post, Site } from '../post';

/** Why a post could not be read: the field that failed, for the sidebar's "can't read this post" state. */
export interface ReadFailure {
  field: 'root' | 'id' | 'text' | 'author' | 'time' | 'permalink' | 'composer';
  /** Written for the agent: what failed and what to do. */
  message: string;
}

export type ReadResult = { ok: true; post: Post } | { ok: false; failure: ReadFailure };

export type InsertResult =
  | { ok: true; text: string }
  | { ok: false; reason: string; copiedToClipboard: boolean };

/** What the adapter needs to know about the signed-in agent while reading. */
export interface ReadContext {
  /** Handles (lower-case, no @) of the agent's own accounts: their posts get `isOwn: true`. */
  ownHandles: ReadonlySet<string>;
}

/**
 * A site adapter: the one place that knows a site's DOM. It never throws into the page:
 * failures come back as values.
 */
export interface SiteAdapter {
  readonly site: Site;
  /** Does this document look like a page of this site we can work on? */
  matches(location: Location): boolean;
  /** Every post element currently in the document (comments included), outermost first, in document order. */
  findPostElements(root: ParentNode): Element[];
  /** The post element that contains `node` (innermost: a comment rather than its post), if any. */
  postElementOf(node: Node): Element | null;
  /** The post's id without reading the whole post (cheap; used to key focus across recycled rows). */
  postIdOf(el: Element): string | null;
  /** Read one post element into the Post model. */
  readPost(el: Element, ctx?: ReadContext): ReadResult;
  /** On a post's own page (X status page, Facebook permalink), that post's element. */
  detailPostElement(doc: Document): Element | null;
  /** The post the page itself marks as focused (detail page main post, keyboard focus), if any. */
  focusedPostElement(doc: Document): Element | null;
  /** Handles of the signed-in account(s) the page shows, merged with `configured` (settings). */
  ownHandles(doc: Document, configured?: readonly string[]): Set<string>;
  /** The smallest element whose subtree holds the posts (the watcher's MutationObserver root). */
  observeRoot(doc: Document): Element | null;
  /** Where the site shows "your reply was sent" outside the posts (X's toast layer), if anywhere. */
  signalRoots(doc: Document): Element[];
  /** The editable reply composer for this post, if it is open. */
  findComposer(postEl: Element): HTMLElement | null;
  /** Is this element (or its ancestor) one of the site's reply composers? Returns the composer. */
  composerOf(node: Node): HTMLElement | null;
  /** The post a composer replies to (its id), if the page says. */
  composerTargetId(composer: HTMLElement): string | null;
  /** The composer's text as the agent sees it (paragraphs joined by \n). */
  composerText(composer: Element): string;
  /** Opens (if needed) the reply composer for a post and inserts text at the saved cursor. */
  insertReply(postEl: Element, text: string, options?: InsertOptions): Promise<InsertResult>;
  /**
   * Signs on the page that a reply to this post went out (toast links, the agent's own replies under
   * the post), as stable keys. The watcher calls a reply sent when a key appears that was not there
   * when the reply started, and the composer is closed or empty.
   */
  replySentEvidence(doc: Document, postId: string, ctx: ReadContext): string[];
}

export interface InsertOptions {
  /** The composer selection saved before the sidebar took focus, restored before inserting. */
  savedRange?: Range | null;
  /** How long to wait for a composer to open after clicking the site's reply button. */
  openTimeoutMs?: number;
}
