/**
 * The dashboard measured in the real page: Chromium with the built extension and a generated
 * 100,000-item log seeded into its IndexedDB. scripts/bench/metrics.ts times the compute path in
 * Node (index, computeMetrics, filter change, CSV); this adds what only the page shows:
 *  - first metrics after opening: navigation start → the opening view's figures committed (from
 *    the log digest, lib/db/digest.ts: the headline cards), → every breakdown and table, → its
 *    charts shown (their chunk loads after the figures),
 *    and → every item loaded (the whole log read); reloads in one tab, and first metrics again
 *    with each opening in a new tab, as a supervisor opens the dashboard,
 *  - a filter change: chip click → new figures committed,
 *  - a CSV export of every item: click → download,
 *  - the page's JS heap with the log loaded,
 *  - the longest task while the log's rows are read (the page answers nothing meanwhile).
 * Needs a build (`npm run build`, or CARELINE_EXTENSION_DIR for another output dir); without one
 * it reports why it skipped.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import { EXTENSION_DIR, launchWithExtension } from '../../e2e/browser';
import { openDashboardWithGeneratedLog } from './_page-log';
import { median } from '../../lib/metrics/stats';

const N = 100_000;
const RUNS = 3;
const NEW_TAB_RUNS = 5;

const entry = (page: Page, name: string, type: 'mark' | 'measure') =>
  page.evaluate(({ name, type }) => performance.getEntriesByName(name, type).map((e) => ({ startTime: e.startTime, duration: e.duration })), { name, type });

export async function run(): Promise<Array<[string, string | number]>> {
  const extensionDir = process.env.CARELINE_EXTENSION_DIR || EXTENSION_DIR;
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) return [['dashboard.skipped', `no built extension in ${extensionDir} (npm run build)`]];
  const out: Array<[string, string | number]> = [];
  const context = await launchWithExtension({ extensionDir });
  // Long tasks (over 50 ms: the page answers no click or key meanwhile), for the log read's longest.
  await context.addInitScript(() => {
    const tasks: Array<[number, number]> = [];
    (globalThis as unknown as { __carelineLongTasks: Array<[number, number]> }).__carelineLongTasks = tasks;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  });
  try {
    const opened = await openDashboardWithGeneratedLog(context, N);
    const { url, seeded, seedMs } = opened;
    let page = opened.page;
    out.push(['dashboard.page_seed_100k_ms', Math.round(seedMs)]);

    // The log was seeded around the digest (raw IndexedDB puts): the first opening finds the
    // mismatch, shows the figures from the rows and rebuilds the digest. Timed separately.
    let t = performance.now();
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('careline:digest-rebuilt').length > 0, undefined, { timeout: 600_000 });
    out.push(['dashboard.page_open_and_rebuild_digest_100k_ms', Math.round(performance.now() - t)]);
    out.push(['dashboard.page_digest_rebuild_100k_ms', Math.round((await entry(page, 'careline:digest-rebuilt', 'measure'))[0]!.duration)]);

    // First metrics after opening, default view (live, last 30 days).
    const firsts: number[] = [];
    const charts: number[] = [];
    const breakdowns: number[] = [];
    const computes: number[] = [];
    const completes: number[] = [];
    const openingReads: number[] = [];
    const reads: number[] = [];
    const readTasks: number[] = [];
    const firstRows: number[] = [];
    const afterRead: number[] = [];
    const afterReadTasks: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await page.goto(url);
      await page.waitForFunction(() => performance.getEntriesByName('careline:complete-metrics').length > 0, undefined, { timeout: 300_000 });
      firsts.push((await entry(page, 'careline:first-metrics', 'mark'))[0]!.startTime);
      // Every figure's computation for the first view (the last one before its breakdowns show).
      computes.push(
        await page.evaluate(() => {
          const first = performance.getEntriesByName('careline:first-breakdowns')[0]!.startTime;
          return performance.getEntriesByName('careline:compute').filter((e) => e.startTime < first).at(-1)?.duration ?? Number.NaN;
        }),
      );
      breakdowns.push((await entry(page, 'careline:first-breakdowns', 'mark'))[0]?.startTime ?? Number.NaN);
      charts.push((await entry(page, 'careline:first-charts', 'mark'))[0]?.startTime ?? Number.NaN);
      completes.push((await entry(page, 'careline:complete-metrics', 'mark'))[0]!.startTime);
      firstRows.push((await entry(page, 'careline:first-rows', 'mark'))[0]?.startTime ?? Number.NaN);
      openingReads.push((await entry(page, 'careline:digest-read', 'measure'))[0]?.duration ?? Number.NaN);
      const read = (await entry(page, 'careline:log-read', 'measure'))[0];
      reads.push(read?.duration ?? Number.NaN);
      // The longest task while the rows were read (the read is paged: lib/db/read-log.ts), once
      // the charts are shown (the breakdowns' and charts' work can overlap the read's start).
      const chartsAt = charts.at(-1) ?? Number.NaN;
      readTasks.push(
        read && Number.isFinite(chartsAt)
          ? await page.evaluate(({ from, to }) => Math.max(0, ...(globalThis as unknown as { __carelineLongTasks: Array<[number, number]> }).__carelineLongTasks.filter(([at]) => at >= from && at < to).map(([, d]) => d)), { from: Math.max(read.startTime, chartsAt), to: read.startTime + read.duration })
          : Number.NaN,
      );
      // From the end of the rows' read to every figure from the rows (the rows joined to the
      // digest's index, the figures worked out again), and the longest task in that window.
      if (read) {
        const end = read.startTime + read.duration;
        const complete = completes.at(-1)!;
        afterRead.push(complete - end);
        afterReadTasks.push(
          await page.evaluate(({ from, to }) => Math.max(0, ...(globalThis as unknown as { __carelineLongTasks: Array<[number, number]> }).__carelineLongTasks.filter(([at, d]) => at + d > from && at < to).map(([, d]) => d)), { from: end, to: complete }),
        );
      }
    }
    out.push(['dashboard.page_items', seeded]);
    out.push(['dashboard.page_first_metrics_100k_ms', Math.round(median(firsts)!)]);
    out.push(['dashboard.page_first_breakdowns_100k_ms', Math.round(median(breakdowns)!)]);
    out.push(['dashboard.page_first_compute_100k_ms', Math.round(median(computes)!)]);
    out.push(['dashboard.page_first_charts_100k_ms', Math.round(median(charts)!)]);
    out.push(['dashboard.page_digest_read_100k_ms', Math.round(median(openingReads)!)]);
    out.push(['dashboard.page_all_items_metrics_100k_ms', Math.round(median(completes)!)]);
    out.push(['dashboard.page_indexeddb_read_all_100k_ms', Math.round(median(reads)!)]);
    // The item list's first rows with their authors and posts (shown from the digest, read by id).
    out.push(['dashboard.page_first_item_rows_100k_ms', Math.round(median(firstRows)!)]);
    out.push(['dashboard.page_log_read_longest_task_ms', Math.round(median(readTasks)!)]);
    out.push(['dashboard.page_rows_to_all_figures_ms', Math.round(median(afterRead)!)]);
    out.push(['dashboard.page_rows_to_all_figures_longest_task_ms', Math.round(median(afterReadTasks)!)]);
    out.push(['dashboard.page_first_vs_all_ratio', Number((median(firsts)! / median(completes)!).toFixed(2))]);
    out.push(['dashboard.page_first_metrics_volume', (await page.getByTestId('metric-volume-value').textContent()) ?? '']);

    // The openings above reload the page in its tab. A supervisor opens the dashboard in a new
    // tab (the sidebar's link): the same opening, each in a new tab, the previous one closed.
    const newTabFirsts: number[] = [];
    for (let i = 0; i < NEW_TAB_RUNS; i++) {
      await page.close();
      page = await context.newPage();
      await page.goto(url);
      await page.waitForFunction(() => performance.getEntriesByName('careline:complete-metrics').length > 0, undefined, { timeout: 300_000 });
      newTabFirsts.push((await entry(page, 'careline:first-metrics', 'mark'))[0]!.startTime);
    }
    out.push(['dashboard.page_first_metrics_new_tab_100k_ms', Math.round(median(newTabFirsts)!)]);
    out.push(['dashboard.page_first_metrics_new_tab_100k_range_ms', `${Math.round(Math.min(...newTabFirsts))}–${Math.round(Math.max(...newTabFirsts))}`]);

    // Filter changes: chips on and off, each from click to committed figures.
    const chips = ['X', 'High', 'Complaint', 'X', 'High', 'Complaint'];
    const changes: number[] = [];
    for (const name of chips) {
      const before = (await entry(page, 'careline:filter-change', 'measure')).length;
      await page.getByRole('button', { name, exact: true }).click();
      await page.waitForFunction((n) => performance.getEntriesByName('careline:filter-change').length > n, before, { timeout: 60_000 });
      changes.push((await entry(page, 'careline:filter-change', 'measure'))[before]!.duration);
    }
    out.push(['dashboard.page_filter_change_100k_ms', Math.round(median(changes)!)]);

    // Memory with the log and its index loaded.
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    out.push(['dashboard.page_js_heap_mb', Number((heap.usedSize / 1024 / 1024).toFixed(1))]);

    // CSV export of every item (range "all"): click → download.
    await page.goto(`${url}?range=all`);
    await page.waitForFunction(() => performance.getEntriesByName('careline:complete-metrics').length > 0, undefined, { timeout: 300_000 });
    const exportTimes: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      t = performance.now();
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByTestId('export-csv').click()]);
      exportTimes.push(performance.now() - t);
      await download.delete();
      await page.getByTestId('export-csv').waitFor({ state: 'visible' });
      await page.waitForFunction(() => !(document.querySelector('[data-testid="export-csv"]') as HTMLButtonElement).disabled);
    }
    out.push(['dashboard.page_csv_export_all_ms', Math.round(median(exportTimes)!)]);
    out.push(['dashboard.page_csv_export_items', (await page.getByTestId('metric-volume-value').textContent()) ?? '']);
  } finally {
    await context.close();
  }
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const [k, v] of await run()) console.log(`${k}: ${v}`);
}
