import { describe, expect, it } from 'vitest';
import { hasUnfilledBlanks, validateBlankValues } from './blanks.ts';
import { BlankSchema, type Blank } from './schema.ts';

const blanks: Blank[] = [
  BlankSchema.parse({ key: 'order', label: 'Order number', kind: 'text' }),
  BlankSchema.parse({ key: 'store', label: 'Store', kind: 'choice', options: ['Leeds', 'York'] }),
  BlankSchema.parse({ key: 'when', label: 'Delivery date', kind: 'date' }),
  BlankSchema.parse({ key: 'note', label: 'Note', kind: 'text', required: false }),
];

describe('validateBlankValues', () => {
  it('accepts complete, valid values and trims them', () => {
    const result = validateBlankValues(blanks, { order: ' A-1 ', store: 'York', when: '2026-02-28' });
    expect(result).toEqual({ ok: true, errors: {}, values: { order: 'A-1', store: 'York', when: '2026-02-28', note: '' } });
  });

  it('names every required blank left empty', () => {
    const result = validateBlankValues(blanks, { order: '   ' });
    expect(result.ok).toBe(false);
    expect(result.errors).toEqual({
      order: 'Fill in “Order number” before inserting.',
      store: 'Fill in “Store” before inserting.',
      when: 'Fill in “Delivery date” before inserting.',
    });
  });

  it('rejects a choice that is not an option, and impossible or badly written dates', () => {
    expect(validateBlankValues(blanks, { order: '1', store: 'Hull', when: '2026-02-30' }).errors).toEqual({
      store: 'Pick one of the options for “Store”.',
      when: '“Delivery date” needs a date (YYYY-MM-DD).',
    });
    expect(validateBlankValues(blanks, { order: '1', store: 'Leeds', when: '28/02/2026' }).errors.when).toBeDefined();
  });

  it('rejects over-long values and template syntax pasted into a value', () => {
    const long = validateBlankValues(blanks, { order: 'x'.repeat(501), store: 'Leeds', when: '2026-01-01' });
    expect(long.errors.order).toContain('longer than 500');
    const pasted = validateBlankValues(blanks, { order: '{{agent.name}}', store: 'Leeds', when: '2026-01-01' });
    expect(pasted.errors.order).toContain('{{ }}');
  });

  it('ignores values for keys the template does not have', () => {
    expect(validateBlankValues([], { extra: 'x' })).toEqual({ ok: true, errors: {}, values: {} });
  });
});

describe('hasUnfilledBlanks', () => {
  it('is true until every required blank is valid', () => {
    expect(hasUnfilledBlanks(blanks, {})).toBe(true);
    expect(hasUnfilledBlanks(blanks, { order: '1', store: 'Leeds', when: '2026-01-01' })).toBe(false);
  });
});
