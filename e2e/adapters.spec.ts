/**
 * Site adapters and the page watcher in a real browser, on the fixture pages at the sites' real
 * URLs, with the real Draft.js and Lexical editors. The watcher is injected as a page script (no
 * extension needed); the content-script wiring is covered by the lead's specs.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- `window.__careline`/`__fixture` are page-side probes evaluated in the browser; their shapes are asserted, not typed. */
import { build } from 'esbuild';
import path from 'node:path';
import { chromium, test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { chromiumExecutable, ROOT } from './browser';
import { installFixtureRoutes } from './harness';
import { FIXTURE_ROUTES } from './fixtures/routes';
import { buildFixtures } from '../scripts/build-fixtures';

let probe = '';
let browser: Browser;

const test = base.extend<{ context: BrowserContext; page: Page }>({
  // eslint-disable-next-line no-empty-pattern
  context: async ({}, use) => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
    await installFixtureRoutes(context);
    await context.addInitScript({ content: `document.addEventListener('DOMContentLoaded', () => { ${probe} });` });
    await use(context);
    await context.close();
  },
  page: async ({ context }, use) => use(await context.newPage()),
});

test.beforeAll(async () => {
  await buildFixtures();
  const out = await build({
    entryPoints: [path.join(ROOT, 'e2e', 'fixtures', 'src', 'watcher-probe.ts')],
    bundle: true,
    format: 'iife',
    write: false,
    target: 'chrome120',
  });
  probe = out.outputFiles[0]!.text;
  browser = await chromium.launch({ executablePath: chromiumExecutable(), headless: true });
});
test.afterAll(async () => browser?.close());

const url = (file: string): string => FIXTURE_ROUTES.find((r) => r.file === file)!.url;

async function open(page: Page, file: string, ownHandles: string[] = []): Promise<void> {
  await page.goto(url(file));
  await page.waitForFunction(() => '__careline' in window);
  await page.evaluate((own) => ((window as any).__careline.watcher = (window as any).__careline.start(own)), ownHandles);
}

const focusedId = (page: Page) =>
  page.evaluate(() => {
    const f = (window as any).__careline.log.focus;
    const last = f[f.length - 1];
    return last?.ok ? last.post.id : last ? `fail:${last.failure.field}` : null;
  });
const lastQueue = (page: Page) => page.evaluate(() => ((window as any).__careline.log.queue.at(-1) ?? []).map((p: any) => p.id));
const sent = (page: Page) => page.evaluate(() => (window as any).__careline.log.sent);
const insert = (page: Page, id: string, text: string) =>
  page.evaluate(([i, t]) => (window as any).__careline.watcher?.insertReply(i, t) ?? null, [id, text]);

test.describe('X', () => {
  test('status page: main post in focus; insert into empty composer, with a draft (cursor mid), multi-line + emoji; sent once', async ({ page }) => {
    await open(page, 'x/status.html');
    await expect.poll(() => focusedId(page)).toBe('1850000000000000001');
    const editor = page.locator('[data-testid="tweetTextarea_0"]');

    const r1 = await insert(page, '1850000000000000001', 'Hi María, sorry!');
    expect(r1.ok).toBe(true);
    await expect.poll(() => page.evaluate(() => (window as any).__fixture.inlineText())).toBe('Hi María, sorry!');

    // Agent types a draft, puts the cursor in the middle, focus leaves to the sidebar, then inserts.
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.type('Hello  team');
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft');
    await page.evaluate(() => (document.activeElement as HTMLElement).blur());
    const r2 = await insert(page, '1850000000000000001', 'dear');
    expect(r2.ok).toBe(true);
    await expect.poll(() => page.evaluate(() => (window as any).__fixture.inlineText())).toBe('Hello dear team');

    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    const multi = 'Line one 🙂\nLine two 👍🏽';
    const r3 = await insert(page, '1850000000000000001', multi);
    expect(r3.ok).toBe(true);
    await expect.poll(() => page.evaluate(() => (window as any).__fixture.inlineText())).toBe(multi);

    // Careline never clicks post: the agent does.
    expect(await sent(page)).toEqual([]);
    await page.locator('[data-testid="tweetButtonInline"]').click();
    await expect(page.locator('[data-testid="toast"]')).toContainText('Your post was sent');
    await expect.poll(() => sent(page)).toEqual([{ id: '1850000000000000001', text: multi }]);
    await page.waitForTimeout(400);
    expect(await sent(page)).toHaveLength(1);
  });

  test('clearing the composer without sending is not a send', async ({ page }) => {
    await open(page, 'x/status.html');
    await insert(page, '1850000000000000001', 'Draft to throw away');
    await page.evaluate(() => (window as any).__inlineComposer.clear());
    await page.waitForTimeout(400);
    expect(await sent(page)).toEqual([]);
  });

  test('timeline: reply button opens the modal composer, insertion lands there, toast = sent', async ({ page }) => {
    await open(page, 'x/home.html');
    const r = await insert(page, '1850000000000000099', 'Sorry Tom, refund on its way.');
    expect(r.ok).toBe(true);
    await expect(page.locator('[role="dialog"] [data-testid="tweetTextarea_0"]')).toHaveText('Sorry Tom, refund on its way.');
    await page.locator('[data-testid="tweetButton"]').click();
    await expect.poll(() => sent(page)).toEqual([{ id: '1850000000000000099', text: 'Sorry Tom, refund on its way.' }]);
  });

  test('focus follows click, j/k and scroll; the queue follows infinite scroll (200 posts in batches)', async ({ page }) => {
    await open(page, 'x/home.html');
    await expect.poll(async () => (await lastQueue(page)).length).toBe(13);
    await page.locator('article[data-testid="tweet"]').nth(2).locator('[data-testid="tweetText"]').click();
    await expect.poll(() => focusedId(page)).toBe('1850000000000000098');
    await page.keyboard.press('j');
    await expect.poll(() => focusedId(page)).not.toBe('1850000000000000098');
    await page.keyboard.press('k');
    await expect.poll(() => focusedId(page)).toBe('1850000000000000098');
    for (let i = 0; i < 10; i++) {
      await page.evaluate(() => (window as any).__fixture.appendPosts(20));
      await page.waitForTimeout(30);
    }
    await expect.poll(async () => (await lastQueue(page)).length).toBe(213);
    const messages = await page.evaluate(() => (window as any).__careline.log.queue.length);
    expect(messages).toBeLessThanOrEqual(11);
    // Scroll far: the pinned post leaves the viewport and focus goes to the reading line.
    await page.mouse.wheel(0, 6000);
    await expect.poll(() => focusedId(page)).not.toBe('1850000000000000098');
    const scrolled = await focusedId(page);
    await page.mouse.wheel(0, 3000);
    await expect.poll(() => focusedId(page)).not.toBe(scrolled);
  });

  test('legacy markup and quote tweets read; a broken page degrades with a message', async ({ page }) => {
    await open(page, 'x/legacy-testids.html');
    await expect.poll(async () => (await lastQueue(page)).length).toBe(3);
    await open(page, 'x/quote.html');
    await expect.poll(() => lastQueue(page)).toEqual(['1850000000000000601', '1983128852952998358', '1850000000000000603']);
    await open(page, 'x/broken.html');
    await expect.poll(async () => (await lastQueue(page)).length).toBe(1);
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect.poll(() => focusedId(page)).toBe('fail:text');
  });
});

test.describe('Facebook', () => {
  test("Page post: Lexical box insert (empty, draft with cursor mid, multi-line + emoji), Enter sends once", async ({ page }) => {
    await open(page, 'facebook/page-post.html', ['acmeco']);
    const box = page.locator('[data-lexical-editor="true"]');
    const text = () => page.evaluate(() => (window as any).__fixture.commentTexts()[0]);
    const r1 = await insert(page, 'pfbid02AcmeDeliveryUpdate', 'Thanks Bob');
    expect(r1.ok).toBe(true);
    await expect.poll(text).toBe('Thanks Bob');
    await box.click();
    await page.keyboard.press('End');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
    await page.evaluate(() => (document.activeElement as HTMLElement).blur());
    const r2 = await insert(page, 'pfbid02AcmeDeliveryUpdate', 'a lot, ');
    expect(r2.ok).toBe(true);
    await expect.poll(text).toBe('Thanks a lot, Bob');
    await box.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    const multi = 'We are on it 🙏\nOrder 5521 ships today ✅';
    const r3 = await insert(page, 'pfbid02AcmeDeliveryUpdate', multi);
    expect(r3.ok).toBe(true);
    await expect.poll(text).toBe(multi);
    await box.press('Enter');
    await expect(page.locator('[role="article"][aria-label="Comment by Acme Co"]').last()).toContainText('We are on it');
    await expect.poll(() => sent(page)).toHaveLength(1);
    expect((await sent(page))[0].id).toBe('pfbid02AcmeDeliveryUpdate');
    await page.waitForTimeout(400);
    expect(await sent(page)).toHaveLength(1);
  });

  test('feed without role=article and See more read; nothing is clicked for the agent', async ({ page }) => {
    await open(page, 'facebook/feed-no-article.html');
    await expect.poll(async () => (await lastQueue(page)).length).toBe(4);
    await open(page, 'facebook/see-more.html');
    await expect.poll(() => page.evaluate(() => (window as any).__careline.log.queue.at(-1)?.[0]?.isTruncated)).toBe(true);
  });
});
