/**
 * `npm run bench`: runs every benchmark module in scripts/bench/ and prints its figures as
 * `name: value` lines. `npm run bench -- classifier sync` runs only those modules.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

type Row = [string, string | number];
const dir = path.join(import.meta.dirname, 'bench');
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const modules = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.startsWith('_'))
  .filter((f) => wanted.length === 0 || wanted.includes(f.replace(/\.ts$/, '')))
  .sort();

let failed = 0;
for (const file of modules) {
  const name = file.replace(/\.ts$/, '');
  const started = performance.now();
  try {
    const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as { run(): Promise<Row[]> };
    const rows = await mod.run();
    for (const [key, value] of rows) console.log(`${key}: ${typeof value === 'number' ? +value.toFixed(3) : value}`);
    console.error(`# ${name} took ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    failed++;
    console.log(`${name}.error: ${(error as Error).message}`);
  }
}
process.exit(failed ? 1 : 0);
