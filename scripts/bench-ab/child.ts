/**
 * One side of `npm run bench:ab`: loads the classifier from the source tree at argv[2] (through
 * tsx, as the bench loads it), reads the bench's posts, and prints the best µs per post of
 * argv[3] ("total", "scan" or "flags") over several passes after a warm-up.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [root, part = 'total', postsFile] = process.argv.slice(2);
const texts = JSON.parse(readFileSync(postsFile!, 'utf8')) as string[];
const load = async (path: string): Promise<Record<string, (...args: never[]) => unknown>> =>
  (await import(pathToFileURL(`${root}/lib/classify/${path}`).href)) as Record<string, (...args: never[]) => unknown>;
const fn: (text: string) => unknown =
  part === 'scan'
    ? ((await load('tokenize.ts')).scan as (text: string) => unknown)
    : part === 'flags'
      ? ((await load('flags.ts')).detectFlags as (text: string) => unknown)
      : ((classifyPost) => (text: string) => classifyPost({ text, lang: 'en' }))((await load('classify-post.ts')).classifyPost as (input: { text: string; lang: string }) => unknown);

function pass(): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < texts.length; i++) fn(texts[i]!);
  return Number(process.hrtime.bigint() - start) / 1000 / texts.length;
}
for (let r = 0; r < 20; r++) pass();
let best = Infinity;
for (let r = 0; r < 15; r++) best = Math.min(best, pass());
console.log(best.toFixed(4));
