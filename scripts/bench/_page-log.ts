/**
 * A generated log written into the dashboard page's IndexedDB, for the dashboard bench,
 * scripts/profile-dashboard.ts and the large-log test of e2e/dashboard.spec.ts. Writes with plain
 * IndexedDB (around the log digest), so the page's first opening afterwards rebuilds the digest.
 * (Files starting with _ are not benches.)
 */
import { build } from 'esbuild';
import type { BrowserContext, Page } from '@playwright/test';
import { extensionIdOf, ROOT } from '../../e2e/browser';

/** lib/metrics' sample-log generator as a script for the page (evaluated over CDP, outside the CSP). */
export async function generatorScript(): Promise<string> {
  const out = await build({
    stdin: { contents: "export { generateSampleLog } from './lib/metrics/sample-log.ts';", resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    format: 'iife',
    globalName: '__carelineBench',
    write: false,
    platform: 'browser',
    target: 'es2022',
  });
  return out.outputFiles[0]!.text;
}

/** Writes a generated log of `n` items (and its seen records) into the page's `careline` database. */
export async function seedGeneratedLog(page: Page, script: string, n: number): Promise<number> {
  await page.evaluate(script);
  return page.evaluate(
    (n) =>
      new Promise<number>((resolve, reject) => {
        const g = (globalThis as unknown as { __carelineBench: { generateSampleLog(n: number, seed: number, o: object): { items: unknown[]; seen: unknown[] } } }).__carelineBench;
        const { items, seen } = g.generateSampleLog(n, 7, { endMs: Date.now() });
        const open = indexedDB.open('careline');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['items', 'seen'], 'readwrite');
          for (const it of items) tx.objectStore('items').put(it);
          for (const s of seen) tx.objectStore('seen').put(s);
          tx.oncomplete = () => {
            db.close();
            resolve(items.length);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    n,
  );
}

/**
 * Opens the dashboard of the extension in `context` on an empty log, then writes a generated log
 * of `n` items into it. The page is left as it was before the write (reload or navigate to `url`).
 */
export async function openDashboardWithGeneratedLog(context: BrowserContext, n: number): Promise<{ page: Page; url: string; seeded: number; seedMs: number }> {
  const id = await extensionIdOf(context);
  const page = await context.newPage();
  const url = `chrome-extension://${id}/dashboard.html`;
  await page.goto(url);
  await page.getByText('No handled items yet').waitFor({ timeout: 60_000 });
  const started = performance.now();
  const seeded = await seedGeneratedLog(page, await generatorScript(), n);
  return { page, url, seeded, seedMs: performance.now() - started };
}
