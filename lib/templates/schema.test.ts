import { describe, expect, it } from 'vitest';
import { migrateTemplate, TemplateMigrationError, TemplatePackSchema, TemplateSchema, templateBodyFor, tryMigrateTemplate, type TemplateInput } from './schema.ts';

const base: TemplateInput = {
  id: 't1',
  schemaVersion: 2,
  name: 'Order delay',
  bodies: { x: 'Sorry {{customer.firstName | "there"}}, order {{blank.order}} is late. ^{{agent.initials}}' },
  intents: ['complaint'],
  sentiments: ['negative'],
  tones: ['apologetic'],
  tags: ['delay'],
  language: 'en',
  blanks: [{ key: 'order', label: 'Order number', kind: 'text' }],
};

function errorsOf(input: unknown): string[] {
  const result = TemplateSchema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('TemplateSchema', () => {
  it('accepts a complete template and fills defaults', () => {
    const template = TemplateSchema.parse({ id: 'a', schemaVersion: 2, name: 'Hello', bodies: { any: 'Hi!' }, tones: ['casual'] });
    expect(template).toMatchObject({ intents: [], sentiments: [], flags: [], tags: [], language: 'en', blanks: [] });
    expect(TemplateSchema.parse(base).blanks[0]?.required).toBe(true);
  });

  it('makes an unknown variable an error when the template is saved', () => {
    expect(errorsOf({ ...base, bodies: { x: 'Hi {{customer.nam}}', facebook: 'Hi {{agent.nme}}' } })).toEqual([
      'bodies.x: Line 1, column 6: Unknown variable "customer.nam" (did you mean customer.name?).',
      'bodies.facebook: Line 1, column 6: Unknown variable "agent.nme" (did you mean agent.name?).',
      'blanks.0.key: The blank "order" is not used in any body: add {{blank.order}} or remove the blank.',
    ]);
  });

  it('needs at least one non-empty body', () => {
    expect(errorsOf({ ...base, bodies: { x: '  ' }, blanks: [] })).toEqual(['bodies: Write a body for X, for Facebook, or one for both.']);
  });

  it('checks blanks: keys, duplicates, choice options, undeclared use', () => {
    expect(errorsOf({ ...base, blanks: [{ key: '1bad', label: 'x', kind: 'text' }] })[0]).toMatch(/^blanks\.0\.key: Use letters/u);
    expect(
      errorsOf({
        ...base,
        blanks: [
          { key: 'order', label: 'A', kind: 'text' },
          { key: 'order', label: 'B', kind: 'text' },
        ],
      }),
    ).toEqual(['blanks.1.key: The blank key "order" is used twice.']);
    expect(errorsOf({ ...base, blanks: [{ key: 'order', label: 'Store', kind: 'choice', options: ['Leeds'] }] })).toEqual([
      'blanks.0.options: A choice blank needs at least two options.',
    ]);
    expect(errorsOf({ ...base, blanks: [{ key: 'order', label: 'When', kind: 'date', options: ['a', 'b'] }] })).toEqual([
      'blanks.0.options: Only a choice blank has options.',
    ]);
    expect(errorsOf({ ...base, blanks: [] })[0]).toContain('Unknown blank "order"');
  });

  it('checks tones, intents, language tag and shortcut', () => {
    expect(errorsOf({ ...base, tones: [] })).toEqual(['tones: Pick at least one tone.']);
    expect(errorsOf({ ...base, tones: ['snarky'] })[0]).toMatch(/^tones\.0:/u);
    expect(errorsOf({ ...base, intents: ['refund'] })[0]).toMatch(/^intents\.0:/u);
    expect(errorsOf({ ...base, language: 'English' })).toEqual(['language: Use a language tag such as en, en-GB or de.']);
    expect(errorsOf({ ...base, shortcut: 'two words' })[0]).toMatch(/^shortcut: A shortcut is one word/u);
    expect(errorsOf({ ...base, shortcut: '/late' })).toEqual([]);
  });

  it('limits body length', () => {
    expect(errorsOf({ ...base, bodies: { facebook: 'a'.repeat(8001) }, blanks: [] })).toEqual(['bodies.facebook: A body may be at most 8000 characters.']);
  });
});

describe('templateBodyFor', () => {
  it("prefers the channel's own body, then the shared one; practice follows X", () => {
    const bodies = { x: 'X body', any: 'Shared' };
    expect(templateBodyFor({ bodies }, 'x')).toBe('X body');
    expect(templateBodyFor({ bodies }, 'practice')).toBe('X body');
    expect(templateBodyFor({ bodies }, 'facebook')).toBe('Shared');
    expect(templateBodyFor({ bodies: { x: 'X only' } }, 'facebook')).toBeUndefined();
    expect(templateBodyFor({ bodies: { facebook: ' ', any: 'Shared' } }, 'facebook')).toBe('Shared');
  });
});

describe('migrateTemplate', () => {
  it('returns a current template unchanged', () => {
    expect(migrateTemplate(base)).toEqual(TemplateSchema.parse(base));
  });

  it('migrates version 1: one body, one intent and tone, comma tags, short variable names', () => {
    const v1 = {
      version: 1,
      id: 'old-7',
      name: 'Late order',
      text: 'Hi {{first_name}}, sorry! Ref {{ ref }} for {{name}} ({{handle}}) on {{date}}, {{brand}}. ^{{initials}} {{unknownOld}}',
      channel: 'x',
      intent: 'complaint',
      sentiment: null,
      tone: 'apologetic',
      tags: 'delay, order ,delay,',
      lang: 'en-GB',
      shortcut: ' late ',
    };
    const result = tryMigrateTemplate(v1);
    // {{unknownOld}} has no v2 name: the migration keeps it, and validation names it.
    expect(result).toEqual({ ok: false, errors: ['(migrated from version 1) bodies.x: Line 1, column 159: Unknown variable "unknownOld".'] });

    const migrated = migrateTemplate({ ...v1, text: v1.text.replace(' {{unknownOld}}', '') });
    expect(migrated).toEqual({
      id: 'old-7',
      schemaVersion: 2,
      name: 'Late order',
      bodies: {
        x: 'Hi {{customer.firstName}}, sorry! Ref {{case.reference}} for {{customer.name}} ({{customer.handle}}) on {{date.today}}, {{brand.name}}. ^{{agent.initials}}',
      },
      intents: ['complaint'],
      sentiments: [],
      flags: [],
      tones: ['apologetic'],
      tags: ['delay', 'order'],
      language: 'en-GB',
      shortcut: 'late',
      blanks: [],
    });
  });

  it('migrates a minimal version 1 template with defaults', () => {
    const migrated = migrateTemplate({ version: 1, id: 'o', name: 'Hi', text: 'Hello {{agent}}' });
    expect(migrated.bodies).toEqual({ any: 'Hello {{agent.name}}' });
    expect(migrated.tones).toEqual(['informative']);
    expect(migrated.tags).toEqual([]);
    expect(migrated.language).toBe('en');
  });

  it('throws a readable error for what it cannot read', () => {
    expect(() => migrateTemplate('nope')).toThrow(TemplateMigrationError);
    expect(() => migrateTemplate({ id: 'x' })).toThrow(/schemaVersion: missing/u);
    expect(() => migrateTemplate({ ...base, schemaVersion: 3 })).toThrow(/newer Careline/u);
    expect(() => migrateTemplate({ ...base, schemaVersion: 0 })).toThrow(/not a template version/u);
    expect(() => migrateTemplate({ version: 1, id: 'x', name: 'n' })).toThrow(/\(version 1\) text:/u);
  });
});

describe('TemplatePackSchema', () => {
  it('accepts a pack and rejects another format', () => {
    expect(TemplatePackSchema.safeParse({ format: 'careline-templates', version: 1, templates: [base] }).success).toBe(true);
    expect(TemplatePackSchema.safeParse({ format: 'other', version: 1, templates: [] }).success).toBe(false);
  });
});
