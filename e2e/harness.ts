/**
 * The e2e harness: Chromium with the built extension, fixture pages served at the sites' real
 * URLs (so the manifest's match patterns fire as for a user), and helpers to reach the sidebar.
 */
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { test as base, expect, type BrowserContext, type Frame, type Page } from '@playwright/test';
import { extensionIdOf, freshProfileDir, launchWithExtension, ROOT } from './browser';
import { FIXTURE_ROUTES } from './fixtures/routes';

export { expect };

const FIXTURE_DIR = path.join(ROOT, 'e2e', 'fixtures');
const CACHE_DIR = path.join(ROOT, 'e2e', '.cache');
const SITE_HOSTS = ['x.com', 'twitter.com', 'mobile.x.com', 'www.facebook.com', 'facebook.com', 'm.facebook.com'];
const EMPTY_GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

const routeMap = new Map(FIXTURE_ROUTES.map((r) => [normalise(r.url), r.file]));

function normalise(url: string, withSearch = true): string {
  const u = new URL(url);
  return `${u.origin}${u.pathname.replace(/\/$/, '') || '/'}${withSearch ? u.search : ''}`;
}

function contentType(file: string): string {
  if (file.endsWith('.js')) return 'text/javascript; charset=utf-8';
  if (file.endsWith('.css')) return 'text/css; charset=utf-8';
  return 'text/html; charset=utf-8';
}

/** Serves fixture pages at the real sites' URLs in this context; everything else there is a 404. */
export async function installFixtureRoutes(context: BrowserContext, extra: Record<string, string> = {}): Promise<void> {
  const extraMap = new Map(Object.entries(extra).map(([url, file]) => [normalise(url), file]));
  for (const host of SITE_HOSTS) {
    await context.route(`https://${host}/**`, async (route) => {
      const url = new URL(route.request().url());
      if (url.pathname.startsWith('/__fixtures__/')) {
        const file = path.join(CACHE_DIR, path.basename(url.pathname));
        if (!existsSync(file)) return route.fulfill({ status: 404, body: `fixture bundle ${String(file)} missing: run npm run build:fixtures` });
        return route.fulfill({ status: 200, contentType: contentType(file), body: readFileSync(file) });
      }
      const key = normalise(url.href);
      const bare = normalise(url.href, false);
      const fixture = extraMap.get(key) ?? routeMap.get(key) ?? extraMap.get(bare) ?? routeMap.get(bare);
      if (!fixture) return route.fulfill({ status: 404, contentType: 'text/html', body: `<!doctype html><title>No fixture</title><p>No fixture for ${url.pathname}</p>` });
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: readFileSync(path.join(FIXTURE_DIR, fixture)) });
    });
  }
  // Avatars and media in the captured markup: answer locally instead of waiting on the network.
  for (const pattern of ['https://*.twimg.com/**', 'https://*.fbcdn.net/**', 'https://static.xx.fbcdn.net/**']) {
    await context.route(pattern, (route) => route.fulfill({ status: 200, contentType: 'image/gif', body: EMPTY_GIF }));
  }
}

/** The sidebar's frame in a page (the iframe sits in a closed shadow root, so find it by URL). */
export async function sidebarFrame(page: Page, timeout = 10_000): Promise<Frame> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const frame = page.frames().find((f) => /^chrome-extension:\/\/[^/]+\/sidebar\.html/.test(f.url()));
    if (frame) {
      await frame.waitForLoadState('domcontentloaded');
      return frame;
    }
    if (Date.now() > deadline) throw new Error('The Careline sidebar frame did not appear.');
    await page.waitForTimeout(50);
  }
}

/** Opens an extension page (dashboard.html, options.html, practice.html). */
export async function openExtensionPage(context: BrowserContext, extensionId: string, pagePath: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/${pagePath}`);
  return page;
}

interface Fixtures {
  userDataDir: string;
  context: BrowserContext;
  extensionId: string;
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  userDataDir: async ({}, use) => {
    await use(freshProfileDir());
  },
  context: async ({ userDataDir }, use) => {
    const context = await launchWithExtension({ userDataDir });
    await installFixtureRoutes(context);
    await use(context);
    await context.close();
  },
  extensionId: async ({ context }, use) => {
    await use(await extensionIdOf(context));
  },
  page: async ({ context }, use) => {
    const page = context.pages()[0] ?? (await context.newPage());
    await use(page);
  },
});

/** Sets the agent's profile (as Options would) through an extension page's storage. */
export async function setProfile(
  context: BrowserContext,
  extensionId: string,
  profile: { displayName: string; initials: string; brandName?: string; teamSigns?: boolean; ownHandles?: string[] },
): Promise<void> {
  const page = await openExtensionPage(context, extensionId, 'options.html');
  await page.evaluate(async (p) => {
    const chromeApi = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>>; set(v: unknown): Promise<void> } } } }).chrome;
    const current = ((await chromeApi.storage.local.get('profile')).profile ?? {}) as Record<string, unknown>;
    await chromeApi.storage.local.set({
      profile: { agentId: current.agentId || 'agent-e2e', brandName: 'Acme', teamSigns: true, ownHandles: [], ...current, ...p },
    });
  }, profile);
  await page.close();
}

/** Serves a fixture with its text rewritten (e.g. a post's time moved to "50 minutes ago"). */
export async function serveRewrittenFixture(context: BrowserContext, url: string, file: string, rewrite: (html: string) => string): Promise<void> {
  const html = rewrite(readFileSync(path.join(FIXTURE_DIR, file), 'utf8'));
  await context.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
}

/** The text the X fixture's Draft.js composer holds. */
export async function composerText(page: Page, testId = 'tweetTextarea_0'): Promise<string> {
  return page.locator(`[data-testid="${testId}"]`).first().evaluate((el) =>
    [...el.querySelectorAll('[data-block="true"]')].map((b) => (b as HTMLElement).innerText.replace(/\n$/, '')).join('\n'),
  );
}
