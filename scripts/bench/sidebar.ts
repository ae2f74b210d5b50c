/**
 * In Chromium with the built extension: time from the X fixture page's load event to the sidebar
 * showing the focused post, median of 20 loads (each in a fresh tab of one browser).
 */
import { extensionIdOf, launchWithExtension } from '../../e2e/browser';
import { installFixtureRoutes, sidebarFrame } from '../../e2e/harness';

export async function run(): Promise<Array<[string, string | number]>> {
  const context = await launchWithExtension();
  try {
    await installFixtureRoutes(context);
    await extensionIdOf(context);
    const samples: number[] = [];
    for (let i = 0; i < 21; i++) {
      const page = await context.newPage();
      await page.goto('https://x.com/maria_g/status/1850000000000000001', { waitUntil: 'load' });
      const loadedAt = await page.evaluate(() => performance.timing.loadEventStart);
      const frame = await sidebarFrame(page, 20_000);
      await frame.getByTestId('focused-post').waitFor({ timeout: 20_000 });
      // The sidebar marks when its first post rendered; both clocks share the epoch.
      const shownAt = await frame.evaluate(() => {
        const mark = performance.getEntriesByName('careline:first-post')[0];
        return performance.timeOrigin + (mark ? mark.startTime : performance.now());
      });
      if (i > 0) samples.push(shownAt - loadedAt); // the first load warms the worker
      await page.close();
    }
    samples.sort((a, b) => a - b);
    return [
      ['sidebar.load_to_post_median_ms', samples[Math.floor(samples.length / 2)]!],
      ['sidebar.load_to_post_p90_ms', samples[Math.floor(samples.length * 0.9)]!],
    ];
  } finally {
    await context.close();
  }
}
