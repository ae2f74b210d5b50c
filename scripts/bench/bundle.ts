/** Gzipped sizes of the content script and of each page's bundle (its HTML's scripts and styles, chunks included). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const OUT = path.resolve(import.meta.dirname, '..', '..', '.output', 'chrome-mv3');

function gz(file: string): number {
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

/** Every script and stylesheet an HTML page loads, following static imports of chunks. */
function pageFiles(html: string): Set<string> {
  const files = new Set<string>();
  const text = readFileSync(path.join(OUT, html), 'utf8');
  const queue = [...text.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  while (queue.length) {
    const rel = queue.pop()!;
    if (files.has(rel)) continue;
    files.add(rel);
    if (rel.endsWith('.js')) {
      const js = readFileSync(path.join(OUT, rel), 'utf8');
      for (const m of js.matchAll(/(?:from|import)\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) {
        queue.push(path.posix.normalize(path.posix.join(path.posix.dirname(rel), m[1]!)));
      }
    }
  }
  return new Set([...files].filter((f) => existsSync(path.join(OUT, f))));
}

export async function run(): Promise<Array<[string, string | number]>> {
  if (!existsSync(path.join(OUT, 'manifest.json'))) throw new Error('no build: run npm run build first');
  const rows: Array<[string, string | number]> = [];
  const content = readdirSync(path.join(OUT, 'content-scripts')).filter((f) => f.endsWith('.js'));
  rows.push(['bundle.content_script_gzip_kb', content.reduce((s, f) => s + gz(path.join(OUT, 'content-scripts', f)), 0) / 1024]);
  rows.push(['bundle.background_gzip_kb', gz(path.join(OUT, 'background.js')) / 1024]);
  for (const html of readdirSync(OUT).filter((f) => f.endsWith('.html')).sort()) {
    const files = pageFiles(html);
    const total = [...files].reduce((s, f) => s + gz(path.join(OUT, f)), 0);
    rows.push([`bundle.${html.replace('.html', '')}_page_gzip_kb`, total / 1024]);
  }
  return rows;
}
