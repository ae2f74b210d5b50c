/**
 * Activity log writes (fake-indexeddb in node): logging one reply (item + seen + outbox in one
 * transaction), p50/p95, and writing 10,000 items; each against a plain `put` of the same rows as
 * the baseline, in the same process.
 */
import 'fake-indexeddb/auto';
import { CarelineDB } from '../../lib/db/database';
import { recordHandled, recordSeen, type LogContext } from '../../lib/db/log';
import type { Post } from '../../lib/post';
import { generateSampleLog } from '../../lib/metrics';

function ctx(now: number): LogContext {
  return {
    profile: { agentId: 'bench', displayName: 'Bench', initials: 'BE', brandName: 'Acme', teamSigns: true, ownHandles: [] },
    privacy: { postText: 'full', keepReplyText: true },
    mode: 'live',
    now: new Date(now),
    timing: (p, at) => ({ responseSeconds: (at.getTime() - Date.parse(p.postedAt ?? '')) / 1000, targetSeconds: 3600, targetMet: true }),
  };
}

function post(i: number): Post {
  return {
    site: 'x',
    id: String(1900000000000000000n + BigInt(i)),
    permalink: `https://x.com/c${i}/status/${i}`,
    authorName: `Customer ${i}`,
    authorHandle: `c${i}`,
    text: `My order ${i} never arrived and nobody answers. Third time asking!`,
    postedAt: new Date(Date.UTC(2026, 10, 25, 8, 0, i % 60)).toISOString(),
  };
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

export async function run(): Promise<Array<[string, string | number]>> {
  const db = new CarelineDB(`bench-${Date.now()}`);
  await db.open();
  const base = Date.UTC(2026, 10, 25, 9);
  const times: number[] = [];
  for (let i = 0; i < 500; i++) {
    const p = post(i);
    await recordSeen(db, p, ctx(base));
    const t0 = performance.now();
    await recordHandled(db, { post: p, reason: 'replied', replyText: 'Sorry! ^BE' }, ctx(base + 60_000));
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);

  const plainTimes: number[] = [];
  const raw = new CarelineDB(`bench-raw-${Date.now()}`);
  await raw.open();
  const sample = generateSampleLog(10_000, 7).items;
  for (let i = 0; i < 500; i++) {
    const t0 = performance.now();
    await raw.items.put(sample[i]!);
    plainTimes.push(performance.now() - t0);
  }
  plainTimes.sort((a, b) => a - b);

  const t1 = performance.now();
  for (let i = 500; i < 10_500; i++) await recordHandled(db, { post: post(i), reason: 'replied', replyText: 'Sorry! ^BE' }, ctx(base + 60_000));
  const tenK = performance.now() - t1;
  const t2 = performance.now();
  await raw.items.bulkPut(sample);
  const bulk = performance.now() - t2;
  db.close();
  raw.close();
  return [
    ['log.one_item_p50_ms', pct(times, 0.5)],
    ['log.one_item_p95_ms', pct(times, 0.95)],
    ['log.one_item_p50_ratio_vs_plain_put', pct(times, 0.5) / pct(plainTimes, 0.5)],
    ['log.write_10000_items_one_by_one_s', tenK / 1000],
    ['log.write_10000_items_bulk_baseline_s', bulk / 1000],
  ];
}
