/**
 * Every selector Careline uses on x.com, as fallbacks tried in order: data-testid first, then
 * ARIA roles and href patterns; never a class name, never text in one language.
 * Sources: /work/shared/SITES.md; fixtures e2e/fixtures/x/*.html (checked by selectors.test.ts).
 */
export const X_SELECTORS = {
  post: [
    'article[data-testid="tweet"]', // every timeline, status, profile, search page (2019-)
    '[data-testid="cellInnerDiv"] article[role="article"]:not([data-testid="notification"])', // legacy variant: article without its testid
  ],
  /**
   * A quoted post card inside an article (only those holding a userName block count): fields inside
   * it belong to the quoted post, not the outer one.
   */
  quote: [
    'div[role="link"][tabindex="0"]', // quote card (Oct 2025 capture); also the badge link inside User-Name
    '[data-testid="quoteTweet"]', // named quote container seen in some layouts
  ],
  text: [
    '[data-testid="tweetText"]', // post body, carries lang and dir
    'div[lang][dir="auto"]', // legacy variant (Mask's fallback): body without its testid
  ],
  /** Media that makes a post without text still a post. */
  media: [
    '[data-testid="tweetPhoto"]', // photos
    '[data-testid="videoPlayer"]', // video
    '[data-testid="card.wrapper"]', // link card
  ],
  userName: [
    '[data-testid="User-Name"]', // author block: first link is the profile
    '[data-testid="User-Names"]', // X before 2023 (STYLE.md legacy example)
  ],
  avatar: [
    '[data-testid="Tweet-User-Avatar"] img[src]', // author avatar
    '[data-testid^="UserAvatar-Container-"] img[src]', // avatar without the Tweet- wrapper
  ],
  time: [
    'a[href*="/status/"] > time[datetime]', // timestamp inside the permalink
    'time[datetime]', // any timestamp (quoted posts have one without a link)
  ],
  statusLink: [
    'a[href*="/status/"]', // permalinks, photo and analytics links all carry /status/<id>
  ],
  /** "Replying to @x": a profile link before the text (outside User-Name), text starting with @. */
  replyingToLink: [
    'a[href^="/"][role="link"]', // profile links
    'a[href^="/"]', // without role
  ],
  replyButton: [
    '[data-testid="reply"]', // reply action, scoped to the card
  ],
  composer: [
    'div[data-testid="tweetTextarea_0"][contenteditable="true"]', // Draft.js editor (inline and modal)
    'div[data-testid^="tweetTextarea_"][contenteditable="true"]', // thread composer rows
    '[data-testid^="tweetTextarea_"] textarea', // mobile layout
  ],
  composerDialog: [
    '[role="dialog"][aria-modal="true"]', // the modal reply composer
  ],
  sendButton: [
    '[data-testid="tweetButtonInline"]', // inline reply on a status page
    '[data-testid="tweetButton"]', // modal composer
  ],
  toastLink: [
    '[data-testid="toast"] a[href*="/status/"]', // "Your post was sent · View"
    '[role="alert"] a[href*="/status/"]', // toast without its testid
  ],
  toastLayer: [
    '#layers', // portal root for toasts and dialogs
    '[data-testid="toast"]', // the toast itself
  ],
  ownProfileLink: [
    'a[data-testid="AppTabBar_Profile_Link"]', // left nav "Profile" link, href /<handle>
  ],
  timelineRoot: [
    '[data-testid="primaryColumn"]', // main column of every page
    'main[role="main"]', // landmark
  ],
  notification: [
    'article[data-testid="notification"]', // likes/follows rows: not posts
  ],
} as const satisfies Record<string, readonly string[]>;

export type XSelectorName = keyof typeof X_SELECTORS;

/** `/<handle>/status/<id>` (CPFT URL_TWEET_BASE_RE), also `/i/status/<id>` and `/i/web/status/<id>`. */
export const X_STATUS_PATH = /^\/(?:([A-Za-z0-9_]{1,20})|i(?:\/web)?)\/status\/(\d{1,25})(?:\/|$)/;
/** A profile path `/<handle>` (handles are 1-20 word characters). */
export const X_PROFILE_PATH = /^\/([A-Za-z0-9_]{1,20})\/?$/;
/** Top-level paths that are not profiles. */
export const X_RESERVED_PATHS = new Set([
  'home', 'explore', 'search', 'notifications', 'messages', 'i', 'settings', 'compose', 'login',
  'logout', 'signup', 'tos', 'privacy', 'jobs', 'lists', 'communities', 'premium', 'verified',
]);
