import * as z from 'zod/mini';

/** The sites Careline works on. `practice` is the built-in training feed (an extension page). */
export const SiteSchema = z.enum(['x', 'facebook', 'practice']);
export type Site = z.infer<typeof SiteSchema>;

const isoDate = z.string().check(z.refine((s) => !Number.isNaN(Date.parse(s)), 'not an ISO date'));

/**
 * One post (a tweet, a Facebook post or comment) as read from the page.
 * Everything here came from an untrusted page: it is validated before it leaves the content script
 * and rendered only as text.
 */
export const PostSchema = z.object({
  site: SiteSchema,
  /** The site's own id for the post (X status id, Facebook post/comment id). */
  id: z.string().check(z.minLength(1), z.maxLength(200)),
  permalink: z.string().check(z.maxLength(2000)),
  authorName: z.string().check(z.maxLength(200)),
  /** Handle without the leading @ (X), or profile slug/id (Facebook). */
  authorHandle: z.string().check(z.maxLength(200)),
  avatarUrl: z.optional(z.string().check(z.maxLength(2000))),
  text: z.string().check(z.maxLength(20000)),
  /** True when the site shows only part of the text ("See more"). */
  isTruncated: z.optional(z.boolean()),
  /** BCP-47-ish language tag the site gave the text (X's `lang`), if any. */
  lang: z.optional(z.string().check(z.maxLength(20))),
  postedAt: z.optional(isoDate),
  isReply: z.optional(z.boolean()),
  inReplyToHandle: z.optional(z.string().check(z.maxLength(200))),
  /** Conversation or parent post id (a comment's post, a reply's parent). */
  parentId: z.optional(z.string().check(z.maxLength(200))),
  /** Written by the agent's own account: never shown as a customer post. */
  isOwn: z.optional(z.boolean()),
  /** Kind of post on the site. */
  kind: z.optional(z.enum(['post', 'comment', 'reply'])),
});
export type Post = z.infer<typeof PostSchema>;

/** Stable key of a post across sites. */
export function postKey(post: Pick<Post, 'site' | 'id'>): string {
  return `${post.site}:${post.id}`;
}
