/**
 * Where a dashboard filter change spends its time, in Chromium with a generated log: records a
 * CPU profile over chip clicks and prints the functions with the most self time.
 *   CARELINE_OUT_DIR=.output-prof CARELINE_NO_MINIFY=1 npx wxt build
 *   CARELINE_EXTENSION_DIR=.output-prof/chrome-mv3 npx tsx scripts/profile-dashboard.ts [items] [--csv | --open]
 * (--csv: profile a CSV export of every item, as the bench's, instead of filter changes; --open:
 * profile an opening of the page, navigation to first figures)
 * A developer's tool, not a benchmark: the figures are in `npm run bench -- dashboard`.
 */
import { EXTENSION_DIR, launchWithExtension } from '../e2e/browser';
import { openDashboardWithGeneratedLog } from './bench/_page-log';

const N = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 50_000);
const extensionDir = process.env.CARELINE_EXTENSION_DIR || EXTENSION_DIR;

interface Node {
  id: number;
  children?: number[];
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

const context = await launchWithExtension({ extensionDir });
try {
  const { page, url } = await openDashboardWithGeneratedLog(context, N);
  // The first opening finds the log written around the digest and rebuilds it; profile the next.
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('careline:digest-rebuilt').length > 0, undefined, { timeout: 600_000 });
  const opening = process.argv.includes('--open');
  const csv = process.argv.includes('--csv');
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  if (opening) await cdp.send('Profiler.start');
  await page.goto(csv ? `${url}?range=all` : url);
  await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, opening ? 'careline:first-metrics' : 'careline:complete-metrics', { timeout: 600_000 });
  const first = await page.evaluate(() => performance.getEntriesByName('careline:first-metrics')[0]?.startTime ?? Number.NaN);
  console.log(`first metrics after opening: ${Math.round(first)} ms`);
  const measures = await page.evaluate(() =>
    performance.getEntries().filter((e) => e.name.startsWith('careline:')).map((e) => `${e.name} @${Math.round(e.startTime)} +${Math.round(e.duration)}`),
  );
  console.log(measures.join('\n'));

  // --open: the profile already covers navigation to the first figures (above).
  if (!opening) {
    await cdp.send('Profiler.start');
    if (csv) {
      // A CSV export of every item (range all): click → download.
      const t = performance.now();
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByTestId('export-csv').click()]);
      console.log(`CSV export click → download: ${Math.round(performance.now() - t)} ms`);
      const clicked = await page.evaluate(() => performance.getEntriesByName('careline:csv-build')[0]!.startTime);
      for (const m of ['careline:csv-build', 'careline:csv-save']) {
        const e = await page.evaluate((m) => performance.getEntriesByName(m).map((e) => ({ startTime: e.startTime, duration: e.duration }))[0]!, m);
        console.log(`  ${m}: @${Math.round(e.startTime - clicked)} +${Math.round(e.duration)} ms`);
      }
      await download.delete();
    } else {
      for (const name of ['X', 'High', 'Complaint', 'X', 'High', 'Complaint']) {
        const before = await page.evaluate(() => performance.getEntriesByName('careline:filter-change').length);
        await page.getByRole('button', { name, exact: true }).click();
        await page.waitForFunction((n) => performance.getEntriesByName('careline:filter-change').length > n, before, { timeout: 60_000 });
      }
    }
  }
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
  const changes = await page.evaluate(() => performance.getEntriesByName('careline:filter-change').map((e) => Math.round(e.duration)));
  console.log(`filter changes (ms): ${changes.join(', ')}`);
  const self = new Map<number, number>();
  profile.samples.forEach((s, i) => self.set(s, (self.get(s) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byName = new Map<string, number>();
  for (const node of profile.nodes) {
    const us = self.get(node.id) ?? 0;
    const f = node.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop() ?? ''}:${f.lineNumber + 1}`;
    byName.set(key, (byName.get(key) ?? 0) + us);
  }
  const total = [...byName.values()].reduce((a, b) => a + b, 0);
  console.log(`profiled ${(total / 1000).toFixed(0)} ms`);
  for (const [name, us] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`${(us / 1000).toFixed(1).padStart(8)} ms  ${name}`);
  // Inclusive (self + callees) time of the page's own functions, each counted once per stack.
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const inclusive = new Map<string, number>();
  const walk = (id: number, onStack: Set<string>): number => {
    const node = byId.get(id)!;
    let t = self.get(id) ?? 0;
    const name = node.callFrame.functionName;
    const counted = name !== '' && !onStack.has(name);
    if (counted) onStack.add(name);
    for (const c of node.children ?? []) t += walk(c, onStack);
    if (counted) {
      onStack.delete(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + t);
    }
    return t;
  };
  walk(profile.nodes[0]!.id, new Set());
  console.log('inclusive:');
  for (const [name, us] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`${(us / 1000).toFixed(1).padStart(8)} ms  ${name}`);
} finally {
  await context.close();
}
