/** Hosts Careline works on (the manifest's host permissions and content-script matches). A sync
 * backend's origin is an optional permission requested when the agent turns sync on. */
export const SITE_MATCHES = [
  'https://x.com/*',
  'https://mobile.x.com/*',
  'https://twitter.com/*',
  'https://mobile.twitter.com/*',
  'https://www.facebook.com/*',
  'https://facebook.com/*',
  'https://m.facebook.com/*',
  'https://web.facebook.com/*',
];
