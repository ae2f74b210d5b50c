import type { Post, Site } from '../post';

/** Why a post could not be read: the field that failed, for the sidebar's "can't read this post" state. */
export interface ReadFailure {
  field: 'root' | 'id' | 'text' | 'author' | 'time' | 'permalink' | 'composer';
  message: string;
}

export type ReadResult = { ok: true; post: Post } | { ok: false; failure: ReadFailure };

export type InsertResult =
  | { ok: true; text: string }
  | { ok: false; reason: string; copiedToClipboard: boolean };

/**
 * A site adapter: the one place that knows a site's DOM. It never throws into the page:
 * failures come back as values.
 */
export interface SiteAdapter {
  readonly site: Site;
  /** Does this document look like a page of this site we can work on? */
  matches(location: Location): boolean;
  /** Every post element currently in the document, outermost first, in document order. */
  findPostElements(root: ParentNode): Element[];
  /** Read one post element into the Post model. */
  readPost(el: Element): ReadResult;
  /** The post the agent is on now (detail page main post, last clicked/j-k, nearest reading line). */
  focusedPostElement(doc: Document): Element | null;
  /** Opens (if needed) the reply composer for a post and inserts text at the saved cursor. */
  insertReply(postEl: Element, text: string): Promise<InsertResult>;
}
