import { defineContentScript } from 'wxt/utils/define-content-script';
import { browser } from 'wxt/browser';
import { SITE_MATCHES } from '../../lib/site-matches';
import { adapterFor } from '../../lib/site-adapters';
import { startPageRuntime } from '../../lib/page-runtime';
import { broadcast, listen } from '../../lib/transport';

/** The thin content script: picks the site's adapter and starts the page runtime. No React, no database. */
export default defineContentScript({
  matches: SITE_MATCHES,
  runAt: 'document_idle',
  async main(ctx) {
    if (window.top !== window) return;
    const adapter = adapterFor(location);
    if (!adapter) return;
    try {
      const runtime = await startPageRuntime(document, {
        adapter,
        sidebarUrl: `${browser.runtime.getURL('/sidebar.html')}?host=site`,
        signal: ctx.signal,
        broadcast,
        listen,
      });
      // WXT reports the sites' client-side navigations (pushState) here.
      ctx.addEventListener(window, 'wxt:locationchange', () => runtime.watcher.checkRoute());
    } catch (error) {
      // Never throw into the page.
      console.warn('[Careline] could not start on this page:', error);
    }
  },
});
