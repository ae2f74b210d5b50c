/**
 * Test support: load a fixture page from e2e/fixtures into a happy-dom window at its real URL.
 * Used by the adapter tests only (imports node:fs; never bundled into the extension).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { fixtureUrl } from '../../e2e/fixtures/routes';

const FIXTURES = join(import.meta.dirname, '..', '..', 'e2e', 'fixtures');

export function readFixture(file: string): string {
  return readFileSync(join(FIXTURES, file), 'utf8');
}

export function loadFixture(file: string, url = fixtureUrl(file)): Document {
  return loadHtml(readFixture(file), url);
}

export function loadHtml(html: string, url: string): Document {
  const win = new Window({
    url,
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
  win.document.write(html);
  return win.document as unknown as Document;
}
