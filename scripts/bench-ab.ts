/**
 * `npm run bench:ab -- [REF] [--part total|scan|flags] [--rounds N]`: the classifier's time per
 * post in this working tree against REF (default HEAD), on the bench's posts.
 *
 * Each side runs in a fresh node process that loads the sources through tsx, as `npm run bench`
 * does: a bundle would turn module constants into `var`s that V8 does not fold, and two builds in
 * one process share their callers' feedback (see docs/classifier-history.md, "Speed, measured again").
 * Rounds alternate which side goes first, so a slow spell of a shared machine falls on both; the
 * figure is the median of the rounds' ratios (this tree / REF, below 1 is faster).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { median, percentileSorted } from '../lib/metrics/stats';
import { classifierBenchPosts } from './bench/_classifier-posts';

/** A process within this factor of its side's best round counts as a fast one (`ratio_of_fast`). */
const FAST = 1.12;

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] ? args[at + 1]! : fallback;
};
const ref = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? 'HEAD';
const part = option('part', 'total');
const rounds = Number(option('rounds', '10'));
if (!['total', 'scan', 'flags'].includes(part) || !(rounds >= 2)) {
  console.error('usage: npm run bench:ab -- [REF] [--part total|scan|flags] [--rounds N ≥ 2]');
  process.exit(2);
}

const here = path.resolve(import.meta.dirname, '..');
const scratch = mkdtempSync(path.join(tmpdir(), 'careline-ab-'));
const base = path.join(scratch, 'base');
const posts = path.join(scratch, 'posts.json');
writeFileSync(posts, JSON.stringify(classifierBenchPosts()));
try {
  execFileSync('git', ['worktree', 'add', '--detach', '--quiet', base, ref], { cwd: here, stdio: ['ignore', 'ignore', 'inherit'] });
  symlinkSync(path.join(here, 'node_modules'), path.join(base, 'node_modules'));
  const child = path.join(here, 'scripts/bench-ab/child.ts');
  const side = (root: string): number => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', child, root, part, posts], { cwd: here, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`${root === here ? 'this tree' : ref}: ${run.stderr.trim() || `exit ${run.status}`}`);
    return Number(run.stdout.trim());
  };
  const pairs: Array<[number, number]> = [];
  for (let r = 0; r < rounds; r++) {
    let mine: number;
    let theirs: number;
    if (r % 2 === 0) {
      mine = side(here);
      theirs = side(base);
    } else {
      theirs = side(base);
      mine = side(here);
    }
    pairs.push([mine, theirs]);
    console.error(`# round ${r + 1}: this tree ${mine.toFixed(2)} µs, ${ref} ${theirs.toFixed(2)} µs`);
  }
  const ratios = pairs.map(([m, t]) => m / t);
  const sorted = Float64Array.from(ratios).sort();
  const mineRounds = pairs.map((p) => p[0]);
  const theirRounds = pairs.map((p) => p[1]);
  console.log(`bench_ab.part: ${part}`);
  console.log(`bench_ab.us_per_post.this_tree: ${median(mineRounds)!.toFixed(2)}`);
  console.log(`bench_ab.us_per_post.${ref}: ${median(theirRounds)!.toFixed(2)}`);
  console.log(`bench_ab.ratio: ${median(ratios)!.toFixed(3)} (quartiles ${percentileSorted(sorted, 0.25)!.toFixed(3)}–${percentileSorted(sorted, 0.75)!.toFixed(3)}, ${rounds} rounds)`);
  // Some processes run the same code markedly slower throughout (their best pass 30–60 % above
  // the others', on either side: twenty-fifth session), which widens the quartiles; the best
  // round of each side is the fast state of both, a second reading of the same rounds.
  const bestMine = Math.min(...mineRounds);
  const bestTheirs = Math.min(...theirRounds);
  console.log(`bench_ab.ratio_of_best: ${(bestMine / bestTheirs).toFixed(3)} (${bestMine.toFixed(2)} / ${bestTheirs.toFixed(2)} µs)`);
  // A third reading: each side's median over its fast processes only (within FAST of its best),
  // so that neither the slow processes nor one lucky round decide.
  const fastMine = mineRounds.filter((us) => us <= FAST * bestMine);
  const fastTheirs = theirRounds.filter((us) => us <= FAST * bestTheirs);
  console.log(
    `bench_ab.ratio_of_fast: ${(median(fastMine)! / median(fastTheirs)!).toFixed(3)} (medians of the ${fastMine.length} and ${fastTheirs.length} rounds within ${Math.round((FAST - 1) * 100)} % of each side's best)`,
  );
} catch (error) {
  console.error(`bench:ab: ${(error as Error).message.split('\n')[0]}`);
  process.exitCode = 1;
} finally {
  spawnSync('git', ['worktree', 'remove', '--force', base], { cwd: here });
  rmSync(scratch, { recursive: true, force: true });
}
