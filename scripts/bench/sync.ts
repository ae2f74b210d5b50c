/**
 * Sync benchmark: time to sync 10,000 handled items from an outbox to the reference server
 * (PGlite in memory, loopback HTTP), with the real engine and fetch. Baseline in the same process:
 * the same batches written straight to the database (no HTTP, no engine), so the ratio shows
 * what the wire and the engine add.
 */
import { openDb } from '../../server/src/db';
import { upsertItems } from '../../server/src/items';
import { startServer } from '../../server/src/server';
import { createToken } from '../../server/src/tokens';
import type { HandledItem } from '../../lib/db/schema';
import { runSyncPass } from '../../lib/sync/engine';
import { MemoryOutboxStore } from '../../lib/sync/memory-store';

const COUNT = 10_000;

function item(n: number, agentId: string): HandledItem {
  const at = new Date(Date.UTC(2026, 10, 1) + n * 7_000).toISOString();
  return {
    id: `${agentId}:x:${n}`,
    schemaVersion: 2,
    site: n % 3 === 0 ? 'facebook' : 'x',
    postId: String(1_700_000_000_000 + n),
    permalink: `https://x.com/customer${n % 97}/status/${1_700_000_000_000 + n}`,
    authorHandle: `customer${n % 97}`,
    authorName: `Customer ${n % 97}`,
    text: `My order #${n} has not arrived and the tracking page has said "in transit" for a week. Can someone help?`,
    language: 'en',
    postedAt: at,
    firstSeenAt: at,
    handledAt: at,
    repliedAt: at,
    replyCount: 1,
    reason: 'replied',
    responseSeconds: 300 + (n % 600),
    targetSeconds: 900,
    targetMet: true,
    intent: 'complaint',
    sentiment: 'negative',
    urgency: 'normal',
    flags: n % 10 === 0 ? [{ name: 'churn', evidence: ['cancel'] }] : [],
    classifierVersion: 'bench',
    templateId: 'apology-tracking',
    replyText: "Sorry about the wait! Could you DM us your order number? We'll chase the carrier right away.",
    agentId,
    agentName: 'Bench Agent',
    mode: 'live',
    updatedAt: at,
  };
}

export async function run(): Promise<Array<[string, string | number]>> {
  const db = await openDb();
  const server = await startServer({ db, port: 0, rateLimit: { burst: 1_000_000, perSecond: 1_000_000 } });
  try {
    const { token } = await createToken(db, { kind: 'agent', agentId: 'bench-a', name: 'Bench' });
    const config = { endpoint: server.url, token };
    const fetchImpl = (url: string, init: RequestInit) => fetch(url, init);

    // Warm-up (JIT, connection pool, query plans), not timed.
    const warm = new MemoryOutboxStore();
    for (let i = 0; i < 200; i++) warm.put(item(i, 'bench-warm'));
    await upsertItems(db, 'bench-warm', []);
    const { token: warmToken } = await createToken(db, { kind: 'agent', agentId: 'bench-warm', name: 'Warm' });
    await runSyncPass({ store: warm, config: { ...config, token: warmToken }, fetch: fetchImpl, now: Date.now, random: Math.random });

    const store = new MemoryOutboxStore();
    for (let i = 0; i < COUNT; i++) store.put(item(i, 'bench-a'));
    let batches = 0;
    const started = performance.now();
    for (;;) {
      const result = await runSyncPass(
        { store, config, fetch: fetchImpl, now: Date.now, random: Math.random, options: { maxBatchesPerPass: 1000 } },
        { force: true },
      );
      batches += result.batches;
      if (result.outcome === 'done') break;
      if (result.outcome !== 'more') throw new Error(`sync pass ended ${result.outcome}: ${result.error ?? ''}`);
    }
    const syncSeconds = (performance.now() - started) / 1000;
    const stored = await db.query<{ n: string | number }>("SELECT count(*) AS n FROM items WHERE agent_id = 'bench-a'");
    if (Number(stored[0]?.n) !== COUNT) throw new Error(`server holds ${String(stored[0]?.n)} items, expected ${COUNT}`);

    // The same items again: every one acknowledged as a duplicate (a worker retrying after a crash).
    for (let i = 0; i < COUNT; i++) store.put(item(i, 'bench-a'));
    const replayStarted = performance.now();
    while ((await runSyncPass({ store, config, fetch: fetchImpl, now: Date.now, random: Math.random, options: { maxBatchesPerPass: 1000 } }, { force: true })).outcome === 'more');
    const replaySeconds = (performance.now() - replayStarted) / 1000;

    // Baseline: the database alone, same batch size, fresh ids.
    const direct = Array.from({ length: COUNT }, (_, i) => item(i, 'bench-b'));
    const directStarted = performance.now();
    for (let i = 0; i < COUNT; i += 100) await upsertItems(db, 'bench-b', direct.slice(i, i + 100));
    const directSeconds = (performance.now() - directStarted) / 1000;

    return [
      ['sync.items', COUNT],
      ['sync.batches', batches],
      ['sync.seconds_10k', syncSeconds],
      ['sync.items_per_second', COUNT / syncSeconds],
      ['sync.replay_duplicates_seconds_10k', replaySeconds],
      ['sync.db_only_seconds_10k', directSeconds],
      ['sync.http_and_engine_over_db_ratio', syncSeconds / directSeconds],
      ['sync.database', 'PGlite in memory, loopback HTTP'],
    ];
  } finally {
    await server.close();
    await db.close();
  }
}
