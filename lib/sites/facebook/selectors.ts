/**
 * Every selector Careline uses on facebook.com, as fallbacks tried in order: data attributes and
 * ARIA roles, href patterns, then (last, marked "en") English aria-labels where nothing else is known.
 * Sources: /work/shared/SITES.md; fixtures e2e/fixtures/facebook/*.html (checked by selectors.test.ts).
 */
export const FB_SELECTORS = {
  /** A feed unit or a Page's post. Comments (role=article with a comment_id link) are filtered out. */
  postUnit: [
    'div[aria-posinset]', // feed units (FBCMF postQueries, 2025-)
    'div[data-pagelet*="FeedUnit_"] div[role="article"]', // feed unit wrapper with role=article
    'div[role="article"]', // posts before the 2026 feed change (OCLI: role=article gone from many feeds)
  ],
  /** Anchors for feeds without role=article: climb to the highest ancestor holding exactly one. */
  postAnchor: [
    '[aria-haspopup="menu"][aria-label="Actions for this post"]', // en; OCLI feed.js (2026-08)
    '[data-ad-rendering-role="story_message"]', // one message per post
  ],
  /** Where climbing from an anchor stops (landmarks). */
  landmark: [
    '[role="feed"]', // news feed
    '[role="main"]', // main column
    '[role="region"]', // page sections
  ],
  comment: [
    'div[role="article"]:has(a[href*="comment_id="])', // comments and replies (aria-label "Comment by …" is localized)
  ],
  message: [
    '[data-ad-rendering-role="story_message"]', // post text (2024-)
    '[data-ad-comet-preview="message"]', // Comet message
    '[data-ad-preview="message"]', // older (Mask)
  ],
  /** A comment's text block. */
  commentText: [
    'div[dir="auto"]', // comment body (author name is in a link, skipped)
  ],
  author: [
    '[data-ad-rendering-role="profile_name"] a[href]', // post header name
    'h2 a[href], h3 a[href], h4 a[href]', // header link (FBCMF h4, group monitor h3)
    'strong a[href], a[href] strong', // bold name link
  ],
  avatar: [
    'svg[role="img"] image', // avatar drawn as an SVG image (href/xlink:href)
    'a[href] img[src]', // plain avatar image
  ],
  permalink: [
    'a[href*="/posts/"]', // /<page>/posts/<pfbid|id>, /groups/<g>/posts/<id>
    'a[href*="story_fbid="]', // permalink.php, story.php
    'a[href*="/permalink/"]', // groups permalink
    'a[href*="/photo"][href*="fbid="]', // photo posts
    'a[href*="/reel/"], a[href*="/videos/"], a[href*="/watch/?v="]', // video posts
  ],
  commentLink: [
    'a[href*="reply_comment_id="]', // a reply to a comment: its own id
    'a[href*="comment_id="]', // a comment
  ],
  time: [
    'abbr[data-utime]', // classic timestamp with unix seconds
    'time[datetime]', // machine-readable time, when present
  ],
  /** "See more" on truncated text: a button inside the message (text is localized, so not matched). */
  seeMore: [
    '[role="button"]', // inside the message element only
  ],
  composer: [
    'div[contenteditable="true"][role="textbox"][data-lexical-editor="true"]', // comment box (Lexical)
    'div[contenteditable="true"][data-lexical-editor="true"]', // without role
    'div[contenteditable="true"][role="textbox"]', // older Draft-based boxes
  ],
  commentButton: [
    '[data-ad-rendering-role="comment_button"]', // feed unit "Comment" action
    '[role="button"][aria-label="Leave a comment"]', // en
  ],
  /** The account the comment box posts as: the avatar link beside the box. */
  composerActorLink: [
    'a[href]', // searched inside the comment box container, outside the form
  ],
  mainColumn: [
    '[role="main"]', // main column of feed, Page and permalink pages
    '[role="feed"]', // the feed itself
  ],
} as const satisfies Record<string, readonly string[]>;

export type FbSelectorName = keyof typeof FB_SELECTORS;

/** First path segments that are not profile or Page slugs. */
export const FB_RESERVED_PATHS = new Set([
  'groups', 'watch', 'photo', 'photo.php', 'reel', 'story.php', 'permalink.php', 'events', 'pages',
  'hashtag', 'marketplace', 'gaming', 'notifications', 'messages', 'friends', 'search', 'home.php',
  'profile.php', 'people', 'share', 'login', 'settings', 'bookmarks', 'saved', 'stories',
]);
