/**
 * One side of `npm run bench:ab`: loads the classifier from the source tree at argv[2] (through
 * tsx, as the bench loads it), reads the bench's posts, and prints the best µs per post of
 * argv[3] ("total", "scan" or "flags") over several passes after a warm-up.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [root, part = 'total', postsFile] = process.argv.slice(2);
const texts = JSON.parse(readFileSync(postsFile!, 'utf8')) as string[];
type Fn = (...args: never[]) => unknown;
const load = async (file: string): Promise<Record<string, Fn>> => (await import(pathToFileURL(`${root}/lib/classify/${file}`).href)) as Record<string, Fn>;
let fn: (text: string) => unknown;
if (part === 'scan') fn = (await load('tokenize.ts')).scan as (text: string) => unknown;
else if (part === 'flags') fn = (await load('flags.ts')).detectFlags as (text: string) => unknown;
else {
  const classifyPost = (await load('classify-post.ts')).classifyPost as (input: { text: string; lang: string }) => unknown;
  fn = (text) => classifyPost({ text, lang: 'en' });
}

function pass(): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < texts.length; i++) fn(texts[i]!);
  return Number(process.hrtime.bigint() - start) / 1000 / texts.length;
}
for (let r = 0; r < 20; r++) pass();
let best = Infinity;
for (let r = 0; r < 15; r++) best = Math.min(best, pass());
console.log(best.toFixed(4));
