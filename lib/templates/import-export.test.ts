import { describe, expect, it } from 'vitest';
import { defaultTemplates } from './default-pack.ts';
import { parsePack, planImport, serializePack } from './import-export.ts';
import { TemplateSchema, type Template } from './schema.ts';

const good = {
  id: 'late',
  schemaVersion: 2,
  name: 'Late order',
  bodies: { x: 'Sorry {{customer.firstName | "there"}}! Order {{blank.order}} ^{{agent.initials}}' },
  intents: ['complaint'],
  tones: ['apologetic'],
  blanks: [{ key: 'order', label: 'Order number', kind: 'text' }],
};

function pack(templates: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ format: 'careline-templates', version: 1, templates, ...extra });
}

function errorsOf(json: string, maxBytes?: number): string[] {
  const result = parsePack(json, maxBytes === undefined ? {} : { maxBytes });
  if (result.ok) throw new Error('expected the pack to be rejected');
  return result.errors;
}

describe('parsePack', () => {
  it('reads a valid pack, migrating older templates', () => {
    const result = parsePack(pack([good, { version: 1, id: 'old', name: 'Old hello', text: 'Hi {{first_name}}', tone: 'casual' }], { name: 'Team pack' }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.pack.name).toBe('Team pack');
    expect(result.pack.templates.map((t) => t.id)).toEqual(['late', 'old']);
    expect(result.pack.templates[1]?.bodies).toEqual({ any: 'Hi {{customer.firstName}}' });
  });

  it('round-trips the default pack through export and import', () => {
    const templates = defaultTemplates();
    const json = serializePack(templates, { name: 'Default', now: new Date('2026-01-01T00:00:00Z') });
    const result = parsePack(json);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.pack.exportedAt).toBe('2026-01-01T00:00:00.000Z');
    expect(result.pack.templates).toEqual(templates.map(({ builtIn: _b, ...t }) => t));
  });

  it('rejects the whole pack when one entry is bad, naming each bad entry by number, name and field', () => {
    const bad1 = { ...good, id: 'b1', name: 'Typo', bodies: { x: 'Hi {{customer.nmae}}' }, blanks: [] };
    const bad2 = { ...good, id: 'b2', name: 'No tone', tones: [] };
    const errors = errorsOf(pack([good, bad1, good, bad2, 'text']));
    expect(errors).toEqual([
      'Template 2 (“Typo”): bodies.x: Line 1, column 6: Unknown variable "customer.nmae" (did you mean customer.name?).',
      'Template 3 (“Late order”): id: "late" is already used by template 1. Each template needs its own id.',
      'Template 4 (“No tone”): tones: Pick at least one tone.',
      'Template 5: A template must be a JSON object.',
    ]);
  });

  it('rejects what is not a pack with a clear message', () => {
    expect(errorsOf('{"format": "careline-templates", "version": 1, "templates": [')[0]).toMatch(/^The file is not valid JSON/u);
    expect(errorsOf('[]')).toEqual(['The file is not a Careline template pack: expected an object with "format": "careline-templates".']);
    expect(errorsOf('{"format":"other"}')).toEqual(['The file is not a Careline template pack: "format" should be "careline-templates".']);
    expect(errorsOf('{"format":"careline-scenarios","version":1,"scenarios":[]}')).toEqual([
      'The file is not a Careline template pack: "format" should be "careline-templates". This looks like a practice scenario pack: import it on the practice page.',
    ]);
    expect(errorsOf('{"format":"careline-templates","templates":[]}')).toEqual(['The pack has no "version" number.']);
    expect(errorsOf(pack([], { version: 2 }))[0]).toContain('newer Careline');
    expect(errorsOf(pack([], { version: 0 }))).toEqual(['Pack version 0 is not one Careline knows.']);
    expect(errorsOf('{"format":"careline-templates","version":1}')).toEqual(['The pack has no "templates" list.']);
    expect(errorsOf(pack([], { name: 42 }))).toEqual(['The pack\'s "name" must be a text of at most 120 characters.']);
  });

  it('rejects a file over the size limit before parsing it, counting bytes', () => {
    const big = pack([{ ...good, name: 'é'.repeat(60) }]);
    expect(errorsOf(big, big.length)[0]).toMatch(/larger than/u);
    expect(parsePack(big, { maxBytes: new TextEncoder().encode(big).length }).ok).toBe(true);
    expect(errorsOf('x'.repeat(1_000_001))).toEqual(['The file is larger than 1,000 KB. Split it into smaller packs.']);
  });

  it('rejects too many templates, and caps the error list', () => {
    expect(errorsOf(pack(Array.from({ length: 1001 }, () => good)), 10_000_000)[0]).toContain('at most 1000');
    const many = errorsOf(pack(Array.from({ length: 80 }, (_, i) => ({ ...good, id: `t${i}`, tones: [] }))));
    expect(many).toHaveLength(51);
    expect(many[50]).toBe('…and 30 more problems.');
  });

  it('shortens a very long name in errors', () => {
    const errors = errorsOf(pack([{ ...good, name: 'n'.repeat(200) }]));
    expect(errors[0]).toMatch(/^Template 1 \(“n{59}…”\): name:/u);
  });
});

describe('serializePack', () => {
  it('writes the pack format, without the built-in mark', () => {
    const data = JSON.parse(serializePack(defaultTemplates().slice(0, 2))) as Record<string, unknown>;
    expect(data.format).toBe('careline-templates');
    expect(data.version).toBe(1);
    expect((data.templates as Array<Record<string, unknown>>).every((t) => !('builtIn' in t))).toBe(true);
  });
});

describe('planImport', () => {
  it('sorts incoming templates into added, replaced and unchanged', () => {
    const current: Template[] = [TemplateSchema.parse(good), TemplateSchema.parse({ ...good, id: 'other', name: 'Other' })];
    const incoming: Template[] = [
      TemplateSchema.parse({ ...good, updatedAt: '2026-01-01' }),
      TemplateSchema.parse({ ...good, id: 'other', name: 'Other, reworded' }),
      TemplateSchema.parse({ ...good, id: 'new', name: 'New' }),
    ];
    const plan = planImport(current, incoming);
    expect(plan.unchanged.map((t) => t.id)).toEqual(['late']);
    expect(plan.replaced.map((t) => t.id)).toEqual(['other']);
    expect(plan.added.map((t) => t.id)).toEqual(['new']);
  });
});
