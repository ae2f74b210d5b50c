import { describe, expect, it } from 'vitest';
import { defaultTemplates } from '../../lib/templates/default-pack';
import { bodyIssues, checkDraft, draftOf, emptyBlank, emptyDraft } from './template-draft';

describe('template draft', () => {
  it('refuses an unknown variable with its line and column, and accepts the fix', () => {
    const draft = { ...emptyDraft('t1'), name: 'Thanks', bodies: { x: '', facebook: '', any: 'Hi there\nThanks {{customer.nam}}!' } };
    const refused = checkDraft(draft);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.errors[0]).toBe('Body for both: Line 2, column 10: Unknown variable "customer.nam" (did you mean customer.name?).');
    expect(bodyIssues(draft, 'any')).toMatchObject([{ line: 2, column: 10 }]);
    const fixed = checkDraft({ ...draft, bodies: { ...draft.bodies, any: 'Hi there\nThanks {{customer.name}}!' } });
    expect(fixed.ok).toBe(true);
  });

  it('names blanks by number and turns choice options text into a list', () => {
    const draft = {
      ...emptyDraft('t2'),
      name: 'When',
      bodies: { x: 'Back within {{blank.when}}', facebook: '', any: '' },
      blanks: [{ ...emptyBlank(), key: 'when', label: 'When', kind: 'choice' as const, optionsText: 'the hour' }],
    };
    const refused = checkDraft(draft);
    expect(!refused.ok && refused.errors).toContain('Blank 1 (options): A choice blank needs at least two options.');
    const ok = checkDraft({ ...draft, blanks: [{ ...draft.blanks[0]!, optionsText: 'the hour, the day, the hour' }] });
    expect(ok.ok && ok.template.blanks[0]!.options).toEqual(['the hour', 'the day']);
  });

  it('a default template round-trips through the form unchanged', () => {
    for (const template of defaultTemplates()) {
      const back = checkDraft(draftOf(template));
      expect(back.ok).toBe(true);
      const { builtIn: _b, ...expected } = template;
      expect(back.ok && back.template).toEqual(expected);
    }
  });

  it('a template needs a name, a body and a tone', () => {
    const result = checkDraft({ ...emptyDraft('t3'), tones: [] });
    expect(!result.ok && result.errors).toEqual(
      expect.arrayContaining(['Name: Give the template a name.', 'Bodies: Write a body for X, for Facebook, or one for both.', 'Tones: Pick at least one tone.']),
    );
  });
});
