/**
 * Bundles the fixture pages' scripts (real Draft.js on React 18, real Lexical) into e2e/.cache/,
 * served by the e2e harness at https://x.com/__fixtures__/* and https://www.facebook.com/__fixtures__/*,
 * and the practice page's composer into public/vendor/draft-composer.js. Both folders are gitignored.
 */
import { build, type BuildOptions } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const SRC = join(ROOT, 'e2e', 'fixtures', 'src');
const CACHE = join(ROOT, 'e2e', '.cache');
const VENDOR = join(ROOT, 'public', 'vendor');

const common: BuildOptions = {
  bundle: true,
  format: 'iife',
  target: 'chrome120',
  minify: true,
  legalComments: 'none',
  metafile: true,
  // Draft.js 0.11 needs React 18 (it uses legacy APIs React 19 removed).
  alias: { react: 'react-18', 'react-dom': 'react-dom-18' },
  define: { 'process.env.NODE_ENV': '"production"', global: 'window' },
  logLevel: 'warning',
};

export async function buildFixtures(): Promise<string[]> {
  mkdirSync(CACHE, { recursive: true });
  mkdirSync(VENDOR, { recursive: true });
  const jobs: Array<[string, string]> = [
    [join(SRC, 'x-page.ts'), join(CACHE, 'x-page.js')],
    [join(SRC, 'facebook-page.ts'), join(CACHE, 'facebook-page.js')],
    [join(SRC, 'draft-composer-global.ts'), join(VENDOR, 'draft-composer.js')],
  ];
  const written: string[] = [];
  for (const [entry, outfile] of jobs) {
    const result = await build({ ...common, entryPoints: [entry], outfile });
    // A second copy of lexical makes the editor ignore all input (TOOLCHAIN.md): refuse to ship one.
    const lexicalCopies = new Set(
      Object.keys(result.metafile?.inputs ?? {})
        .map((p) => /node_modules\/(.*?node_modules\/)?lexical\//.exec(p)?.[0])
        .filter(Boolean),
    );
    if (lexicalCopies.size > 1) throw new Error(`${entry}: ${lexicalCopies.size} copies of lexical: ${[...lexicalCopies].join(', ')}`);
    written.push(outfile);
  }
  return written;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const files = await buildFixtures();
  console.log(`fixtures built: ${files.map((f) => f.slice(ROOT.length + 1)).join(', ')}`);
}
