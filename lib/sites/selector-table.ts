/**
 * Test support for the per-site selector tables: each selector's expected match count in each
 * fixture page. A site change that breaks a selector then fails one named test.
 */
import { expect, test } from 'vitest';
import { loadFixture } from './fixture-dom';

/** For each selector name: one entry per fallback, `file: count` for the pages it must match
 * (pages not listed must have 0), or 'runtime' for markup the fixture scripts render in the browser
 * (composers, dialogs, toasts), covered by the Playwright specs. */
export type SelectorExpectations<K extends string> = Record<K, Array<Record<string, number> | 'runtime'>>;

export function testSelectorTable<K extends string>(
  site: string,
  table: Record<K, readonly string[]>,
  files: string[],
  expected: SelectorExpectations<K>,
): void {
  const docs = new Map(files.map((f) => [f, loadFixture(`${site}/${f}.html`)]));
  for (const name of Object.keys(table) as K[]) {
    const selectors = table[name];
    test(`${site} selector table "${name}" has an expectation per fallback`, () => {
      expect(expected[name]?.length).toBe(selectors.length);
    });
    selectors.forEach((selector, i) => {
      const want = expected[name]?.[i];
      if (want === 'runtime' || want === undefined) return;
      test(`${site} ${name}[${i}] ${selector}`, () => {
        const got: Record<string, number> = {};
        for (const [file, doc] of docs) {
          const n = doc.querySelectorAll(selector).length;
          if (n > 0) got[file] = n;
        }
        expect(got).toEqual(want);
      });
    });
  }
}
