/**
 * Benchmarks for lib/sla, lib/metrics and lib/export on a generated 100,000-item log:
 * the queue's per-second SLA tick, the dashboard's first metrics and a filter change, and the
 * CSV/JSON export and import. Figures are medians of several runs; memory from process.memoryUsage.
 */
import { pathToFileURL } from 'node:url';
import { itemsToCsv } from '../../lib/export/csv';
import { importLogExport, itemsToJson } from '../../lib/export/json';
import { buildMetricsIndex, computeMetrics, DEFAULT_FILTER, generateSampleLog, type DashboardFilter } from '../../lib/metrics/index';
import { DEFAULT_SLA_SETTINGS, type SlaSettings } from '../../lib/sla/settings';
import { slaStatus } from '../../lib/sla/status';
import { median } from '../../lib/metrics/stats';

const N = 100_000;

/** Median wall time of several runs; the median CPU time of the same runs goes to `lastCpuMs`. */
let lastCpuMs = 0;
async function timeRuns(runs: number, fn: () => unknown): Promise<number> {
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  lastCpuMs = median(cpu)!;
  return median(times)!;
}

const round = (x: number, digits = 1) => Number(x.toFixed(digits));
const mb = (bytes: number) => round(bytes / 1024 / 1024);
const gc = () => (globalThis as { gc?: () => void }).gc?.();

export async function run(): Promise<Array<[string, string | number]>> {
  const out: Array<[string, string | number]> = [];

  // SLA: 500 queued posts ticking once a second, business hours on (split shift, holidays).
  const business: SlaSettings = {
    ...DEFAULT_SLA_SETTINGS,
    businessHours: {
      enabled: true,
      timeZone: 'America/New_York',
      week: [0, 1, 2, 3, 4].map(() => [{ start: '08:30', end: '12:00' }, { start: '13:00', end: '17:30' }]).concat([[{ start: '10:00', end: '14:00' }], []]),
      holidays: ['2026-11-26', '2026-12-25'],
    },
  };
  const now0 = Date.parse('2026-11-02T15:00:00Z');
  const posts = Array.from({ length: 500 }, (_, i) => ({
    postedAtMs: now0 - ((i * 7919) % (3 * 86_400)) * 1000,
    site: i % 3 === 0 ? ('facebook' as const) : ('x' as const),
    urgency: (['high', 'normal', 'low'] as const)[i % 3],
  }));
  let tick = 0;
  const tickOnce = (settings: SlaSettings) => {
    const nowMs = now0 + ++tick * 1000;
    for (const p of posts) slaStatus({ ...p, nowMs, settings });
  };
  tickOnce(business);
  out.push(['sla.tick_500_posts_business_hours_ms', round(await timeRuns(21, () => tickOnce(business)), 2)]);
  out.push(['sla.tick_500_posts_calendar_ms', round(await timeRuns(21, () => tickOnce(DEFAULT_SLA_SETTINGS)), 2)]);

  // Metrics on 100,000 items.
  gc();
  const heap0 = process.memoryUsage().heapUsed;
  const t = performance.now();
  const { items, seen } = generateSampleLog(N, 7);
  out.push(['metrics.generate_100k_items_ms', Math.round(performance.now() - t)]);
  gc();
  const heapLog = process.memoryUsage().heapUsed;
  out.push(['metrics.log_100k_heap_mb', mb(heapLog - heap0)]);

  const ctx = { timeZone: 'Europe/London', nowMs: Date.parse('2026-11-01T12:00:00Z') };
  const opening: DashboardFilter = { ...DEFAULT_FILTER, range: 'last_30_days' };
  // First metrics after opening: build the index, then compute (what the dashboard does on load).
  const first = await timeRuns(5, () => computeMetrics(buildMetricsIndex(items, seen, ctx.timeZone), seen, opening, ctx));
  out.push(['metrics.first_metrics_100k_ms', Math.round(first)]);
  out.push(['metrics.first_metrics_100k_cpu_ms', Math.round(lastCpuMs)]);
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const index = buildMetricsIndex(items, seen, ctx.timeZone);
  gc();
  // Without --expose-gc these heap deltas include garbage not yet collected: upper bounds.
  out.push(['metrics.index_100k_heap_mb', mb(process.memoryUsage().heapUsed - heapBefore)]);
  out.push(['metrics.index_100k_typed_arrays_mb', mb(Object.values(index.item).reduce((sum, a) => sum + a.byteLength, 0) + Object.values(index.seenCols).reduce((sum, a) => sum + a.byteLength, 0))]);
  out.push(['metrics.build_index_100k_ms', Math.round(await timeRuns(5, () => buildMetricsIndex(items, seen, ctx.timeZone)))]);
  out.push(['metrics.compute_all_100k_ms', Math.round(await timeRuns(5, () => computeMetrics(index, seen, { ...DEFAULT_FILTER, range: 'all' }, ctx)))]);
  const filters: DashboardFilter[] = [
    { ...opening, sites: ['x'] },
    { ...opening, range: 'last_7_days', urgencies: ['high'] },
    { ...opening, met: 'missed', agents: ['agent-ana', 'agent-ben'] },
    { ...opening, range: 'all', intents: ['complaint', 'question'] },
    { ...opening, flags: ['legal'] },
  ];
  let f = 0;
  out.push(['metrics.filter_change_100k_ms', Math.round(await timeRuns(9, () => computeMetrics(index, seen, filters[f++ % filters.length]!, ctx)))]);
  out.push(['metrics.filter_change_100k_cpu_ms', Math.round(lastCpuMs)]);
  computeMetrics(index, seen, { ...opening, q: 'warm-up' }, ctx);
  let qi = 0;
  const queries = ['refund', 'order #48213', 'cancel', 'dark mode'];
  out.push(['metrics.text_search_100k_ms', Math.round(await timeRuns(8, () => computeMetrics(index, seen, { ...opening, q: queries[qi++ % queries.length]! }, ctx)))]);
  // Baseline: one plain pass that only filters and sorts response times (what any dashboard needs).
  const baseline = await timeRuns(5, () => {
    const from = ctx.nowMs - 30 * 86_400_000;
    const xs = items.filter((it) => it.mode === 'live' && Date.parse(it.handledAt) >= from).map((it) => it.responseSeconds ?? 0);
    return xs.sort((a, b) => a - b)[xs.length >> 1];
  });
  out.push(['metrics.naive_filter_and_median_100k_ms', Math.round(baseline)]);

  // Exports.
  const csvMs = await timeRuns(3, () => itemsToCsv(items));
  out.push(['export.csv_100k_ms', Math.round(csvMs)]);
  out.push(['export.csv_100k_cpu_ms', Math.round(lastCpuMs)]);
  const naiveCsv = await timeRuns(2, () =>
    items.map((it) => Object.values(it).map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(',')).join('\n'),
  );
  out.push(['export.csv_vs_naive_join_ratio', round(csvMs / naiveCsv, 2)]);
  const csvBytes = (await itemsToCsv(items)).size;
  out.push(['export.csv_100k_mb', mb(csvBytes)]);
  const json = itemsToJson(items);
  out.push(['export.json_100k_ms', Math.round(await timeRuns(2, () => itemsToJson(items)))]);
  out.push(['export.json_100k_mb', mb(Buffer.byteLength(json))]);
  const existing = new Set(items.slice(0, N / 2).map((it) => it.id));
  out.push(['export.import_plan_100k_ms', Math.round(await timeRuns(1, () => importLogExport(json, existing)))]);
  out.push(['export.import_plan_100k_cpu_ms', Math.round(lastCpuMs)]);
  gc();
  out.push(['metrics.rss_mb', mb(process.memoryUsage().rss)]);
  out.push(['metrics.heap_used_mb', mb(process.memoryUsage().heapUsed)]);
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const [k, v] of await run()) console.log(`${k}: ${v}`);
}
