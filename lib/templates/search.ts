/**
 * Fuzzy search over templates (name, body, tags, shortcut) with fuse.js, for the sidebar's "the
 * rest are one search away" and the options page's list.
 */
import Fuse, { type IFuseOptions } from 'fuse.js';
import type { Template } from './schema.ts';

const OPTIONS: IFuseOptions<Template> = {
  keys: [
    { name: 'name', weight: 3 },
    { name: 'tags', weight: 2 },
    { name: 'shortcut', weight: 2 },
    { name: 'bodies.x', weight: 1 },
    { name: 'bodies.facebook', weight: 1 },
    { name: 'bodies.any', weight: 1 },
  ],
  // Typos are forgiven word by word, and every word typed must match somewhere: adding a word narrows.
  useTokenSearch: true,
  tokenMatch: 'all',
  threshold: 0.35,
  ignoreLocation: true,
  ignoreDiacritics: true,
  includeScore: true,
};

// One index per template list: the sidebar searches the same list on every keystroke.
const indexes = new WeakMap<readonly Template[], Fuse<Template>>();

function indexFor(templates: readonly Template[]): Fuse<Template> {
  let fuse = indexes.get(templates);
  if (!fuse) {
    fuse = new Fuse([...templates], OPTIONS);
    indexes.set(templates, fuse);
  }
  return fuse;
}

function normaliseShortcut(text: string): string {
  return text.trim().toLowerCase().replace(/^\//u, '');
}

/**
 * Templates matching a query, best first. An exact shortcut (`/thanks` or `thanks`) comes first;
 * an empty query lists every template by name.
 */
export function searchTemplates(templates: readonly Template[], query: string, limit = 50): Template[] {
  const trimmed = query.trim();
  if (!trimmed) return [...templates].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)).slice(0, limit);
  const wanted = normaliseShortcut(trimmed);
  const exact = templates.filter((t) => t.shortcut !== undefined && normaliseShortcut(t.shortcut) === wanted);
  const fuzzy = indexFor(templates)
    .search(trimmed.replace(/^\//u, ''))
    .map((hit) => hit.item)
    .filter((t) => !exact.includes(t));
  return [...exact, ...fuzzy].slice(0, limit);
}
