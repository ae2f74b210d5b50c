/**
 * Adapter benchmarks:
 * - extraction: find and read 1,000 posts of a long X timeline (built from the real captures) in happy-dom;
 * - scrolling: main-thread time (CDP TaskDuration) while scrolling that timeline in Chromium, with the
 *   page watcher injected against the same scroll without it (ratio), and the watcher's extra ms.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium } from '@playwright/test';
import { generatedCell, xPage } from '../../e2e/fixtures/src/x-markup';
import { loadHtml } from '../../lib/sites/fixture-dom';
import { xAdapter } from '../../lib/sites/x/adapter';


const ROOT = path.join(import.meta.dirname, '..', '..');
const LONG_TIMELINE = (): string =>
  xPage({ title: 'Home / X', region: 'Home timeline', cells: Array.from({ length: 1000 }, (_, i) => generatedCell(i)) });

function extraction(html: string): Array<[string, number]> {
  const doc = loadHtml(html, 'https://x.com/home');
  const ctx = { ownHandles: xAdapter.ownHandles(doc) };
  // warm-up on a slice, then the measured run
  for (const el of xAdapter.findPostElements(doc).slice(0, 50)) xAdapter.readPost(el, ctx);
  const t0 = performance.now();
  const els = xAdapter.findPostElements(doc);
  let ok = 0;
  for (const el of els) if (xAdapter.readPost(el, ctx).ok) ok++;
  const ms = performance.now() - t0;
  if (ok !== 1000) throw new Error(`read ${ok} of 1000 posts`);
  return [
    ['adapters.x_extract_1000_posts_ms_happydom', Math.round(ms)],
    ['adapters.x_posts_per_ms_happydom', Number((1000 / ms).toFixed(2))],
  ];
}

async function scrolling(html: string): Promise<Array<[string, number | string]>> {
  const executablePath = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => existsSync(p));
  const probe = (
    await build({
      entryPoints: [path.join(ROOT, 'e2e', 'fixtures', 'src', 'watcher-probe.ts')],
      bundle: true,
      format: 'iife',
      write: false,
      target: 'chrome120',
    })
  ).outputFiles[0]!.text;
  const browser = await chromium.launch({ executablePath, headless: true });
  try {
    const run = async (withWatcher: boolean): Promise<{ task: number; script: number; posts: number; extractMs: number }> => {
      const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
      await context.route('https://x.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
      await context.route(/twimg\.com|fbcdn\.net/, (route) => route.abort());
      const page = await context.newPage();
      await page.goto('https://x.com/home', { waitUntil: 'domcontentloaded', timeout: 120_000 });
      if (withWatcher) {
        await page.addScriptTag({ content: probe });
        await page.evaluate(() => (window as unknown as { __careline: { start(): void } }).__careline.start());
      }
      await page.waitForTimeout(300);
      // Page-side code as strings: tsx's transpiled closures reference helpers the page lacks.
      const extractMs = withWatcher
        ? Number(
            await page.evaluate(`(() => {
              const adapter = window.__careline.adapter;
              const t0 = performance.now();
              let ok = 0;
              for (const el of adapter.findPostElements(document)) if (adapter.readPost(el).ok) ok++;
              return ok === 1000 ? performance.now() - t0 : -1;
            })()`),
          )
        : 0;
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      const metric = async (): Promise<Record<string, number>> =>
        Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
      const before = await metric();
      await page.evaluate(`new Promise((resolve) => {
        let steps = 0;
        const step = () => {
          window.scrollBy(0, 400);
          if (++steps < 300) requestAnimationFrame(step);
          else resolve();
        };
        requestAnimationFrame(step);
      })`);
      await page.waitForTimeout(200);
      const after = await metric();
      const posts = withWatcher
        ? await page.evaluate(() => (window as unknown as { __careline: { log: { focus: unknown[] } } }).__careline.log.focus.length)
        : 0;
      await context.close();
      return { task: (after.TaskDuration! - before.TaskDuration!) * 1000, script: (after.ScriptDuration! - before.ScriptDuration!) * 1000, posts, extractMs };
    };
    await run(false); // warm-up
    const base = await run(false);
    const watched = await run(true);
    return [
      ['adapters.x_extract_1000_posts_ms_chromium', Math.round(watched.extractMs)],
      ['adapters.scroll_main_thread_ms_without', Math.round(base.task)],
      ['adapters.scroll_main_thread_ms_with_watcher', Math.round(watched.task)],
      ['adapters.scroll_main_thread_ratio', Number((watched.task / Math.max(1, base.task)).toFixed(2))],
      ['adapters.scroll_script_ms_added_by_watcher', Math.round(watched.script - base.script)],
      ['adapters.scroll_focus_changes', watched.posts],
    ];
  } finally {
    await browser.close();
  }
}

export async function run(): Promise<Array<[string, string | number]>> {
  const html = LONG_TIMELINE();
  const out: Array<[string, string | number]> = extraction(html);
  try {
    out.push(...(await scrolling(html)));
  } catch (err) {
    out.push(['adapters.scroll_main_thread_ratio', `skipped: ${(err as Error).message.split('\n')[0]}`]);
  }
  return out;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  for (const [k, v] of await run()) console.log(`${k}: ${v}`);
}
