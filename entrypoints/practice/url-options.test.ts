import { describe, expect, it } from 'vitest';
import { settingsFromUrl, settingsToSearch } from './url-options';

const seed = () => 'random1';

describe('session settings in the URL', () => {
  it('no parameters: the quick look with a random seed, marked as the default', () => {
    expect(settingsFromUrl('', seed)).toEqual({ isDefault: true, settings: { kind: 'quick3', focus: 'all', seed: 'random1', pack: 'builtin' } });
  });

  it('reads every setting and writes the same ones back', () => {
    const r = settingsFromUrl('?session=shift15&difficulty=hard&focus=escalations&seed=42&pack=imported', seed);
    expect(r).toEqual({ isDefault: false, settings: { kind: 'shift15', difficulty: 'hard', focus: 'escalations', seed: '42', pack: 'imported' } });
    expect(settingsFromUrl(settingsToSearch(r.settings) ?? '', seed)).toEqual(r);
  });

  it('ignores unknown values and unsafe seeds instead of failing', () => {
    const r = settingsFromUrl('?session=99&difficulty=insane&focus=x&seed=<script>&pack=remote', seed);
    expect(r).toEqual({ isDefault: true, settings: { kind: 'quick3', focus: 'all', seed: 'random1', pack: 'builtin' } });
  });

  it('a retry session has no URL (its scenarios are chosen by the summary)', () => {
    expect(settingsToSearch({ kind: 'retry', focus: 'all', seed: '1', pack: 'builtin' })).toBeNull();
  });
});
