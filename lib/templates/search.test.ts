import { describe, expect, it } from 'vitest';
import { defaultTemplates } from './default-pack.ts';
import { TemplateSchema } from './schema.ts';
import { searchTemplates } from './search.ts';

const pack = defaultTemplates();
const ids = (query: string, limit?: number): string[] => searchTemplates(pack, query, limit).map((t) => t.id);

describe('searchTemplates', () => {
  it('finds by name, forgiving typos', () => {
    expect(ids('legl')).toEqual(['default.flag.legal.x', 'default.flag.legal.facebook']);
    expect(ids('persnal data').slice(0, 2)).toEqual(['default.flag.personal-data.x', 'default.flag.personal-data.facebook']);
    expect(ids('help article')).toEqual(['default.question.help-link.x', 'default.question.help-link.facebook']);
  });

  it('finds by tag and by body text', () => {
    expect(ids('retention').slice(0, 2)).toEqual(['default.complaint.churn.x', 'default.complaint.churn.facebook']);
    expect(ids('emergency services')).toEqual(expect.arrayContaining(['default.flag.safety.x', 'default.flag.safety.facebook']));
    expect(ids('journalist')[0]).toBe('default.flag.press');
  });

  it('narrows as words are added', () => {
    const broad = ids('delay');
    const narrow = ids('delay facebook');
    expect(broad.length).toBeGreaterThanOrEqual(narrow.length);
    expect(ids('thanks staff').every((id) => id.startsWith('default.praise.colleague'))).toBe(true);
  });

  it('puts an exact shortcut first, with or without the slash', () => {
    expect(ids('/dm')[0]).toBe('default.complaint.dm-permission.x');
    expect(ids('thanks')[0]).toBe('default.praise.thanks.x');
    expect(ids('/delete-fb')[0]).toBe('default.flag.personal-data.facebook');
  });

  it('lists everything by name for an empty query, and nothing for gibberish', () => {
    const all = searchTemplates(pack, '  ', 1000);
    expect(all).toHaveLength(pack.length);
    const names = all.map((t) => t.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    expect(ids('zzqxv')).toEqual([]);
  });

  it('respects the limit and sees a changed list', () => {
    expect(ids('sorry', 2)).toHaveLength(2);
    const mine = [TemplateSchema.parse({ id: 'mine', schemaVersion: 2, name: 'Refund processed', bodies: { any: 'Your refund is on its way.' }, tones: ['informative'] })];
    expect(searchTemplates(mine, 'refnd').map((t) => t.id)).toEqual(['mine']);
    expect(searchTemplates([...mine], 'refund').map((t) => t.id)).toEqual(['mine']);
  });

  it('ignores accents', () => {
    const accented = [TemplateSchema.parse({ id: 'cafe', schemaVersion: 2, name: 'Café opening hours', bodies: { any: 'Open 9 to 5.' }, tones: ['informative'] })];
    expect(searchTemplates(accented, 'cafe').map((t) => t.id)).toEqual(['cafe']);
  });
});
