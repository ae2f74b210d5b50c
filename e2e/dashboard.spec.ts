/**
 * Issue 9: the supervisor dashboard. Seeds the log with plain IndexedDB calls in the extension's
 * origin (the page bundle is minified, so no Dexie handle), then uses the page as a supervisor
 * would: filter, read the figures, open an item, export CSV/JSON/metrics and read the files back,
 * import another profile's export and see the merged counts.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test as harnessTest, expect, openExtensionPage } from './harness';
import { extensionIdOf, launchWithExtension } from './browser';
import { generatorScript, seedGeneratedLog } from '../scripts/bench/_page-log';

/**
 * CARELINE_EXTENSION_DIR runs this spec against a private build (e.g. `wxt build` with another
 * outDir) when other people rebuild .output/ at the same time; by default, the harness's build.
 */
const extensionDir = process.env.CARELINE_EXTENSION_DIR || undefined;
const test = extensionDir
  ? harnessTest.extend({
      context: async ({ userDataDir }, use) => {
        const context = await launchWithExtension({ userDataDir, extensionDir });
        await use(context);
        await context.close();
      },
    })
  : harnessTest;

interface SeedItem {
  [key: string]: unknown;
  id: string;
}

const NOW = Date.now();
const iso = (msAgo: number) => new Date(NOW - msAgo).toISOString();
const MIN = 60_000;
const HOUR = 60 * MIN;

function item(agent: string, n: number, over: Record<string, unknown> = {}): SeedItem {
  const site = (over.site as string | undefined) ?? 'x';
  const postId = `${agent}-${n}`;
  const responseSeconds = (over.responseSeconds as number | undefined) ?? 600 * (n + 1);
  // Handled n + 1 hours ago, posted responseSeconds before that.
  const handledAgo = HOUR * (n + 1);
  const postedMs = handledAgo + responseSeconds * 1000;
  return {
    id: `${agent}:${site}:${postId}`,
    schemaVersion: 2,
    site,
    postId,
    permalink: site === 'x' ? `https://x.com/cust${n}/status/${postId}` : `https://www.facebook.com/acme/posts/${postId}`,
    authorHandle: `cust${n}`,
    authorName: `Customer ${n}`,
    text: `Order ${n} is late, where is my parcel?`,
    postedAt: iso(postedMs),
    firstSeenAt: iso(postedMs - Math.min(5 * MIN, responseSeconds * 500)),
    handledAt: iso(handledAgo),
    repliedAt: iso(handledAgo),
    replyCount: 1,
    reason: 'replied',
    responseSeconds,
    responseBusinessSeconds: responseSeconds,
    handleSeconds: 120,
    targetSeconds: 3600,
    targetMet: responseSeconds <= 3600,
    intent: 'complaint',
    sentiment: 'negative',
    urgency: 'normal',
    templateId: 'late-order',
    editDistance: 4,
    agentId: agent,
    agentName: agent === 'agent-ana' ? 'Ana Silva' : 'Ben Okafor',
    mode: 'live',
    updatedAt: iso(0),
    ...over,
  };
}

function seenOf(it: SeedItem, handled = true): SeedItem {
  return {
    id: it.id,
    site: it.site,
    postId: it.postId,
    authorHandle: it.authorHandle,
    firstSeenAt: it.firstSeenAt,
    agentId: it.agentId,
    mode: it.mode,
    handled,
  };
}

/** Profile A: Ana's six live items (four on X, two on Facebook) and one practice item. */
const ANA = [
  item('agent-ana', 0),
  item('agent-ana', 1),
  item('agent-ana', 2, { text: 'I want a refund now', intent: 'question', sentiment: 'neutral' }),
  item('agent-ana', 3, { responseSeconds: 4 * 3600 + 60 }),
  item('agent-ana', 4, { site: 'facebook', reason: 'moved_to_dm', replyCount: 0, text: '=HYPERLINK("http://evil.example","click")' }),
  item('agent-ana', 5, { site: 'facebook', urgency: 'high', responseSeconds: 9 * 3600 }),
  item('agent-ana', 6, { site: 'practice', mode: 'practice', practiceScore: 72, practiceSessionId: 'session-1', permalink: '' }),
];
/** Two more seen posts nobody answered: response rate 6 / 8 = 75 %. */
const ANA_SEEN = [
  ...ANA.filter((it) => it.mode === 'live').map((it) => seenOf(it)),
  seenOf(item('agent-ana', 7), false),
  seenOf(item('agent-ana', 8), false),
];

async function openDashboard(page: Page, extensionId: string, search = ''): Promise<void> {
  await page.goto(`chrome-extension://${extensionId}/dashboard.html${search}`);
}

/** The detail of the page's first performance entry of this name (null when there is none). */
function markDetail(page: Page, name: string): Promise<unknown> {
  return page.evaluate((n) => (performance.getEntriesByName(n)[0] as PerformanceMark | undefined)?.detail ?? null, name);
}

/** Writes items and seen records with plain IndexedDB into the database Dexie has created. */
async function seed(page: Page, items: SeedItem[], seen: SeedItem[] = []): Promise<void> {
  await expect(page.getByText('No handled items yet')).toBeVisible();
  await page.evaluate(
    ({ items, seen }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('careline');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['items', 'seen'], 'readwrite');
          for (const it of items) tx.objectStore('items').put(it);
          for (const s of seen) tx.objectStore('seen').put(s);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { items, seen },
  );
  await page.reload();
}

const volume = (page: Page) => page.getByTestId('metric-volume-value');

test.describe('dashboard', () => {
  // Many steps on a shared 2-core machine: three times the default timeout.
  test.slow();
  test('figures follow the filters, the URL keeps them, an item opens with its link', async ({ page, extensionId }) => {
    await openDashboard(page, extensionId);
    await seed(page, ANA, ANA_SEEN);

    await expect(volume(page)).toHaveText('6');
    await expect(page.getByTestId('metric-response-rate-value')).toHaveText('75 %');
    await expect(page.getByTestId('metric-without-reply')).toContainText('Moved to DM: 1');
    await expect(page.getByTestId('log-row')).toHaveCount(6);
    await expect(page.getByTestId('chart-trend').locator('svg').first()).toBeVisible();
    await expect(page.getByTestId('heatmap')).toBeVisible();

    // Channel: Facebook only.
    await page.getByRole('button', { name: 'Facebook', exact: true }).click();
    await expect(volume(page)).toHaveText('2');
    await expect(page.getByTestId('log-row')).toHaveCount(2);
    expect(new URL(page.url()).searchParams.getAll('site')).toEqual(['facebook']);
    await expect(page.getByTestId('metric-within-target-value')).toHaveText('50 %');

    // The view survives a reload from its URL (a bookmark).
    await page.reload();
    await expect(volume(page)).toHaveText('2');
    await expect(page.getByRole('button', { name: 'Facebook', exact: true })).toHaveAttribute('aria-pressed', 'true');

    // Clear it, then search and filter by target.
    await page.getByRole('button', { name: 'Reset filters' }).click();
    await expect(volume(page)).toHaveText('6');
    await page.getByTestId('filter-search').fill('refund');
    await expect(volume(page)).toHaveText('1');
    expect(new URL(page.url()).searchParams.get('q')).toBe('refund');
    await page.getByTestId('filter-search').fill('');
    await expect(volume(page)).toHaveText('6');
    await page.getByTestId('filter-met').selectOption('missed');
    await expect(volume(page)).toHaveText('2');
    await page.getByTestId('filter-met').selectOption('any');
    await page.getByRole('button', { name: 'High', exact: true }).click();
    await expect(volume(page)).toHaveText('1');
    await page.getByRole('button', { name: 'Reset filters' }).click();

    // A range in the past holds nothing: the designed empty state, not a blank.
    await page.getByTestId('filter-range').selectOption('custom');
    await page.getByTestId('filter-from').fill('2020-01-01');
    await page.getByTestId('filter-to').fill('2020-01-31');
    await expect(page.getByText('No items match this filter')).toBeVisible();
    await page.getByRole('button', { name: 'Reset filters' }).click();

    // Sort by first response, slowest first, then open the item from the keyboard.
    await page.getByRole('button', { name: /^First response/ }).click();
    await page.getByRole('button', { name: /^First response/ }).click();
    const first = page.getByTestId('log-row').first();
    await expect(first).toContainText('@cust5');
    await first.getByRole('button').focus();
    await page.keyboard.press('Enter');
    const detail = page.getByTestId('item-detail');
    await expect(detail).toBeVisible();
    await expect(detail.getByTestId('item-permalink')).toHaveAttribute('href', 'https://www.facebook.com/acme/posts/agent-ana-5');
    expect(new URL(page.url()).searchParams.get('item')).toBe('agent-ana:facebook:agent-ana-5');
    await page.keyboard.press('Escape');
    await expect(detail).toBeHidden();

    // Breakdown by agent, template effectiveness, classifier agreement.
    await page.getByTestId('breakdown-dimension').selectOption('byAgent');
    await expect(page.getByTestId('breakdown-table')).toContainText('Ana Silva');
    await expect(page.getByTestId('template-table')).toContainText('late-order');

    // Practice never mixes with live: its own tab, its own figures, the trainee's summary.
    await page.getByRole('tab', { name: 'Practice' }).click();
    await expect(volume(page)).toHaveText('1');
    await expect(page.getByTestId('trainee-table')).toContainText('Ana Silva');
    await expect(page.getByTestId('trainee-table')).toContainText('72');
    expect(new URL(page.url()).searchParams.get('mode')).toBe('practice');
    await page.getByRole('tab', { name: 'Live' }).click();
    await expect(volume(page)).toHaveText('6');
  });

  test('opens on the log digest: figures before the rows, the same figures; a log written around it is mended', async ({ page, extensionId }) => {
    await openDashboard(page, extensionId);
    // seed() writes with plain IndexedDB, around the digest: the page finds the mismatch, waits
    // for the rows, shows the right figures all the same, and rebuilds the digest.
    await seed(page, ANA, ANA_SEEN);
    await expect(volume(page)).toHaveText('6');
    await page.waitForFunction(() => performance.getEntriesByName('careline:digest-rebuilt').length > 0);
    expect(await markDetail(page, 'careline:first-metrics')).toMatchObject({ complete: true, volume: 6 });

    // Next opening: the first figures come from the digest, before any row is read.
    await openDashboard(page, extensionId, '?site=facebook');
    await page.waitForFunction(() => performance.getEntriesByName('careline:complete-metrics').length > 0);
    expect(await markDetail(page, 'careline:first-metrics')).toEqual({ items: 7, complete: false, volume: 2, responseRate: { seen: 2, answered: 2, rate: 1 } });
    expect(await markDetail(page, 'careline:digest-rebuilt')).toBeNull();
    await expect(volume(page)).toHaveText('2');
    await expect(page.getByTestId('log-row')).toHaveCount(2);
    await page.getByRole('button', { name: 'Reset filters' }).click();
    await expect(page.getByTestId('metric-response-rate-value')).toHaveText('75 %');
  });

  test('exports the filtered items as CSV and JSON and the metrics as CSV, and the files read back', async ({ page, extensionId }) => {
    await openDashboard(page, extensionId);
    await seed(page, ANA, ANA_SEEN);
    await expect(volume(page)).toHaveText('6');
    await page.getByRole('button', { name: 'Facebook', exact: true }).click();
    await expect(volume(page)).toHaveText('2');

    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    expect(csvDownload.suggestedFilename()).toMatch(/^careline-items-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await csvDownload.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^"id","schemaVersion","site","postId"/);
    expect(csv).toContain('"\'=HYPERLINK(""http://evil.example"",""click"")"');
    expect(csv).toContain('"agent-ana:facebook:agent-ana-5"');
    expect(csv).toMatch(/,"?32400"?,/);
    await expect(page.getByTestId('task-message')).toContainText('Exported 2 items');

    const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
    const json = JSON.parse(readFileSync((await jsonDownload.path())!, 'utf8')) as { format: string; schemaVersion: number; items: SeedItem[] };
    expect(json.format).toBe('careline-log');
    expect(json.schemaVersion).toBe(1);
    expect(json.items.map((it) => it.id).sort()).toEqual(['agent-ana:facebook:agent-ana-4', 'agent-ana:facebook:agent-ana-5']);
    expect(json.items.find((it) => it.id.endsWith('-5'))).toEqual(ANA[5]);

    const [metricsDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-metrics').click()]);
    const metrics = readFileSync((await metricsDownload.path())!, 'utf8');
    expect(metrics.slice(1).split('\r\n')[0]).toBe('"section","key","label","metric","value"');
    expect(metrics).toMatch(/"totals","all","","items","?2"?\r\n/);
    expect(metrics).toMatch(/"by_channel","facebook","facebook","items","?2"?\r\n/);
  });

  test("imports a second profile's export: merged counts, duplicates skipped, a bad file changes nothing", async ({ page, extensionId }) => {
    await openDashboard(page, extensionId);
    await seed(page, ANA, ANA_SEEN);
    await expect(volume(page)).toHaveText('6');

    // A second profile (Ben's browser) with three items of his and one copy of Ana's.
    const other = await launchWithExtension({ extensionDir });
    try {
      const benPage = await openExtensionPage(other, await extensionIdOf(other), 'dashboard.html');
      await seed(benPage, [item('agent-ben', 0), item('agent-ben', 1, { site: 'facebook' }), item('agent-ben', 2), ANA[0]!]);
      await expect(volume(benPage)).toHaveText('4');
      const [download] = await Promise.all([benPage.waitForEvent('download'), benPage.getByTestId('export-json').click()]);
      const file = (await download.path())!;

      await page.getByTestId('import-file').setInputFiles(file);
      await expect(page.getByTestId('task-message')).toContainText('Added 3, skipped 1, rejected 0.');
      await expect(volume(page)).toHaveText('9');
      await expect(page.getByRole('button', { name: 'Ben Okafor', exact: true })).toBeVisible();
      await page.getByRole('button', { name: 'Ben Okafor', exact: true }).click();
      await expect(volume(page)).toHaveText('3');

      // The same file again: everything is already there.
      await page.getByTestId('import-file').setInputFiles(file);
      await expect(page.getByTestId('task-message')).toContainText('Added 0, skipped 4, rejected 0.');
    } finally {
      await other.close();
    }

    // A file with one broken item is refused whole.
    const broken = JSON.stringify({ format: 'careline-log', schemaVersion: 1, exportedAt: new Date().toISOString(), items: [item('agent-cy', 0), { ...item('agent-cy', 1), reason: 'shrugged' }] });
    await page.getByTestId('import-file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(broken) });
    await expect(page.getByTestId('task-message')).toContainText('1 of 2 items are not valid log items, so nothing was imported.');
    await page.getByRole('button', { name: 'Reset filters' }).click();
    await expect(volume(page)).toHaveText('9');
  });

  test('a reply logged in another tab while the page reads the log: no rebuild of a correct digest, and the reply shows', async ({ page, extensionId }) => {
    await openDashboard(page, extensionId);
    await expect(page.getByText('No handled items yet')).toBeVisible();
    const n = await seedGeneratedLog(page, await generatorScript(), 3000);
    // Seeded around the digest: this opening rebuilds it.
    await page.reload();
    await page.waitForFunction(() => performance.getEntriesByName('careline:digest-rebuilt').length > 0, undefined, { timeout: 60_000 });
    // Next opening: as soon as the digest is read, an agent marks a post handled (the sidebar's
    // message to the background, as from any other tab), before the page reads the rows.
    await page.addInitScript(() => {
      // Once, in this opening only (the script runs on every later navigation of the tab).
      if (sessionStorage.getItem('careline-test-written')) return;
      sessionStorage.setItem('careline-test-written', '1');
      new PerformanceObserver((list, observer) => {
        if (list.getEntriesByName('careline:digest-read').length === 0) return;
        observer.disconnect();
        const post = { site: 'x', id: 'written-while-read', permalink: 'https://x.com/late/status/1', authorName: 'Late Customer', authorHandle: 'late', text: 'Still waiting for my order', postedAt: new Date(Date.now() - 600_000).toISOString() };
        const g = globalThis as unknown as { __written?: unknown; chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } };
        g.chrome.runtime.sendMessage({ careline: 1, type: 'log.markHandled', payload: { post, reason: 'no_reply_needed' } }).then(
          (answer: unknown) => (g.__written = answer ?? true),
          (error: unknown) => (g.__written = String(error)),
        );
      }).observe({ type: 'measure', buffered: true });
    });
    // The background worker awake first (a status query), so that the write lands while the
    // page reads, not after a cold start of the worker.
    await page.evaluate(() => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ careline: 1, type: 'sync.status', payload: {} }));
    await page.reload();
    await page.waitForFunction(() => performance.getEntriesByName('careline:digest-checked').length > 0, undefined, { timeout: 60_000 });
    expect(await page.evaluate(() => (globalThis as unknown as { __written?: unknown }).__written)).toBeTruthy();
    expect(await markDetail(page, 'careline:first-metrics')).toMatchObject({ items: n, complete: false });
    // The rows read hold the new item, the digest read before them did not: no verdict on it.
    expect(await markDetail(page, 'careline:digest-checked')).toMatchObject({ verdict: 'changed' });
    await page.waitForFunction(() => performance.getEntriesByName('careline:complete-metrics').length > 0, undefined, { timeout: 60_000 });
    expect(await markDetail(page, 'careline:complete-metrics')).toEqual({ items: n + 1 });
    await page.getByTestId('filter-search').fill('Still waiting for my order');
    await expect(page.getByTestId('log-row')).toHaveCount(1);
    expect(await markDetail(page, 'careline:digest-rebuilt')).toBeNull();
    // The digest was right all along: the next opening uses it as it is, with the new item.
    await page.goto(`chrome-extension://${extensionId}/dashboard.html`);
    await page.waitForFunction(() => performance.getEntriesByName('careline:digest-checked').length > 0, undefined, { timeout: 60_000 });
    expect(await markDetail(page, 'careline:first-metrics')).toMatchObject({ items: n + 1, complete: false });
    expect(await markDetail(page, 'careline:digest-checked')).toEqual({ verdict: 'same' });
  });

  test('a large log is read in pages: the list shows at once from the digest, says how many records are in, then holds every item', async ({ page, extensionId }) => {
    const url = `chrome-extension://${extensionId}/dashboard.html`;
    await openDashboard(page, extensionId);
    await expect(page.getByText('No handled items yet')).toBeVisible();
    // 12,000 items (and their seen records): more than one page of each store.
    const n = await seedGeneratedLog(page, await generatorScript(), 12_000);
    await page.reload();
    await page.waitForFunction(() => performance.getEntriesByName('careline:digest-rebuilt').length > 0, undefined, { timeout: 120_000 });
    const rows = await page.evaluate(() => (performance.getEntriesByName('careline:digest-rebuilt')[0] as PerformanceMeasure).detail as { items: number; seen: number });
    expect(rows.items).toBe(n);
    // Every progress text the page shows, recorded as it is rendered (the read may be quick).
    await page.addInitScript(() => {
      const seen: string[] = [];
      (globalThis as unknown as { __progress: string[] }).__progress = seen;
      new MutationObserver(() => {
        const el = document.querySelector('[data-testid="items-loading-count"]');
        const bar = document.querySelector('[data-testid="items-loading"] progress') as HTMLProgressElement | null;
        const text = el?.textContent?.trim();
        if (text && seen.at(-1) !== `${text}|${bar?.value}/${bar?.max}`) seen.push(`${text}|${bar?.value}/${bar?.max}`);

        // The list while the rows are still being read: the first time its rows in view are read.
        const g = globalThis as unknown as { __early?: { ids: string[]; times: string[]; text: string } };
        const rows = [...document.querySelectorAll('[data-testid="log-row"]')];
        if (!g.__early && el && rows.length > 0 && rows.every((r) => r.getAttribute('data-loaded') === 'true')) {
          g.__early = {
            ids: rows.map((r) => r.getAttribute('data-item-id')!),
            times: rows.map((r) => r.querySelector('time')!.getAttribute('datetime')!),
            text: (rows[0] as HTMLElement).innerText,
          };
        }
      }).observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
      // As the rows' read starts, a write transaction over the log's stores (as an agent's reply
      // in another tab opens one): when it is done, against the end of the read.
      const w = globalThis as unknown as { __written?: number | string };
      new PerformanceObserver((list, observer) => {
        if (list.getEntriesByName('careline:log-read-started').length === 0) return;
        observer.disconnect();
        w.__written = 'waiting';
        const open = indexedDB.open('careline');
        open.onsuccess = () => {
          const tx = open.result.transaction(['items', 'seen'], 'readwrite');
          tx.objectStore('items').get('no-such-item');
          tx.oncomplete = () => {
            w.__written = performance.now();
            open.result.close();
          };
        };
      }).observe({ type: 'mark', buffered: true });
    });
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('careline:complete-metrics').length > 0, undefined, { timeout: 120_000 });
    await expect(page.getByTestId('items-loading')).toHaveCount(0);
    await expect(page.getByTestId('log-row').first()).toBeVisible();
    // The list was there, its rows in view read by id, while the log was still being read: newest
    // first, with their authors, and the same rows in the same order as once every item is in.
    const early = await page.evaluate(() => (globalThis as unknown as { __early?: { ids: string[]; times: string[]; text: string } }).__early);
    expect(early, 'a list with its rows read while the log was read').toBeDefined();
    expect(early!.ids.length).toBeGreaterThan(5);
    expect([...early!.times].sort().reverse()).toEqual(early!.times);
    expect(early!.text).toMatch(/@\S+/);
    const after = await page.getByTestId('log-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-item-id')!));
    const shared = Math.min(after.length, early!.ids.length);
    expect(after.slice(0, shared)).toEqual(early!.ids.slice(0, shared));
    // The write went through between two pages of the read, not after the whole read (in one
    // read transaction, it waited for all of it).
    const writtenAt = await page.evaluate(() => (globalThis as unknown as { __written?: number | string }).__written);
    const readEnd = await page.evaluate(() => {
      const read = performance.getEntriesByName('careline:log-read')[0]!;
      return read.startTime + read.duration;
    });
    expect(typeof writtenAt).toBe('number');
    expect(writtenAt as number).toBeLessThan(readEnd);
    // The rows were the digest's: its index took them as they are (no second index built from
    // them), and the text search works on it.
    expect(await markDetail(page, 'careline:digest-checked')).toEqual({ verdict: 'same' });
    expect(await page.evaluate(() => performance.getEntriesByName('careline:rows-index').length)).toBe(1);
    const handle = /@(\S+)/.exec(early!.text)![1]!;
    await page.getByTestId('filter-search').fill(handle);
    await expect(page.getByTestId('log-row').first()).toContainText(`@${handle}`);
    const progress = await page.evaluate(() => (globalThis as unknown as { __progress: string[] }).__progress);
    expect(progress.length).toBeGreaterThan(0);
    const total = rows.items + rows.seen;
    let last = 0;
    for (const p of progress) {
      const m = /^([\d,]+) of ([\d,]+) records read\|(\d+)\/(\d+)$/.exec(p);
      expect(m, p).not.toBeNull();
      const read = Number(m![1]!.replace(/,/g, ''));
      expect(Number(m![2]!.replace(/,/g, ''))).toBe(total);
      expect([Number(m![3]), Number(m![4])]).toEqual([read, total]);
      expect(read).toBeGreaterThanOrEqual(last);
      expect(read).toBeLessThanOrEqual(total);
      last = read;
    }
  });
});
