/**
 * Draws the posts of twcs-eval.jsonl (see PROVENANCE.md beside this file): inbound customer
 * tweets of the twcs sample that brand-eval.jsonl does not hold, one per distinct text, ordered
 * by FNV-1a of the tweet id, the first 400. Writes them unlabelled, in batches of 100, for the
 * labellers:
 *   npx tsx data/classifier/twcs-eval-sample.ts OUT_DIR [path/to/shared/data]
 * With `--rest`, the posts after those 400 instead (twcs-flags.jsonl, marked for flags only), in
 * 16 batches ordered by FNV-1a of "m:" + the id: batches 1–8 were read for the flag rules, 9–16
 * held out.
 * Deterministic: the same inputs give the same batches.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { fnv1a } from '../../lib/fnv';

const REST = process.argv.includes('--rest');
const [OUT, SHARED_ARG] = process.argv.slice(2).filter((a) => a !== '--rest');
if (!OUT) {
  console.error('usage: npx tsx data/classifier/twcs-eval-sample.ts [--rest] OUT_DIR [shared data dir]');
  process.exit(2);
}
const SHARED = SHARED_ARG ?? join(import.meta.dirname, '../../../shared/data');
const SIZE = 400;
const BATCH = 100;

const taken = new Set(
  readFileSync(join(import.meta.dirname, 'brand-eval.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { id: string; text: string })
    .flatMap((r) => [r.id, r.text.trim()]),
);
const rows = Papa.parse<Record<string, string>>(readFileSync(join(SHARED, 'twcs-sample/twcs_first5000.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
const seen = new Set<string>();
const pool: Array<{ id: string; text: string }> = [];
for (const r of rows) {
  if (r.inbound !== 'True' || !r.tweet_id || !r.text) continue;
  const id = `twcs:${r.tweet_id}`;
  const text = r.text.trim();
  if (taken.has(id) || taken.has(text) || seen.has(text)) continue;
  seen.add(text);
  pool.push({ id, text });
}
pool.sort((a, b) => fnv1a(a.id) - fnv1a(b.id) || (a.id < b.id ? -1 : 1));
mkdirSync(OUT, { recursive: true });
/** Writes `posts` as OUT/batch-1.jsonl, batch-2.jsonl, …, `size` posts a batch. */
function writeBatches(posts: ReadonlyArray<{ id: string; text: string }>, size: number): void {
  for (let b = 0; b * size < posts.length; b++) {
    const lines = posts.slice(b * size, (b + 1) * size).map((r) => JSON.stringify(r));
    writeFileSync(join(OUT!, `batch-${b + 1}.jsonl`), `${lines.join('\n')}\n`);
  }
}
if (REST) {
  const rest = pool.slice(SIZE).sort((a, b) => fnv1a(`m:${a.id}`) - fnv1a(`m:${b.id}`) || (a.id < b.id ? -1 : 1));
  writeBatches(rest, Math.ceil(rest.length / 16));
  console.log(`${rest.length} posts after the first ${SIZE}, in 16 batches in ${OUT}`);
  process.exit(0);
}
const chosen = pool.slice(0, SIZE);
writeBatches(chosen, BATCH);
console.log(`${pool.length} candidate posts, ${chosen.length} drawn into ${Math.ceil(chosen.length / BATCH)} batches in ${OUT}`);
