/** How a scenario post is shown in the feed: in the shape X's markup (and so the X adapter) needs. */
import type { FeedPost } from './Feed';
import { postedAt, type PracticeSession, type SessionPost } from './session-state';

/** X's handles are 1–20 letters, digits or _: a pack's handle is shown in that form so the adapter reads it. */
export function xHandle(handle: string): string {
  const clean = handle.replace(/[^A-Za-z0-9_]/gu, '_').slice(0, 20);
  return clean || 'customer';
}

export function feedPostOf(session: PracticeSession, post: SessionPost): FeedPost {
  const { scenario } = post;
  const brandHandle = /^\w{1,20}$/u.test(scenario.brand) ? scenario.brand : undefined;
  return {
    id: post.postId,
    authorName: scenario.customer.name,
    handle: xHandle(scenario.customer.handle),
    text: scenario.text,
    postedAt: new Date(postedAt(session, post)).toISOString(),
    // A follow-up in a thread replies to the brand, as it does on X.
    ...(scenario.conversation.length > 0 && brandHandle ? { inReplyTo: brandHandle } : {}),
  };
}
