import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CarelineDB } from '../../lib/db/database';
import { defaultTemplates } from '../../lib/templates/default-pack';
import { TemplateSchema, type Template } from '../../lib/templates/schema';
import {
  adoptDefaultPack,
  duplicateOf,
  importTemplates,
  loadLibrary,
  purgeDeleted,
  resetToDefaultPack,
  restoreTemplate,
  saveTemplate,
  softDeleteTemplate,
} from './template-store';
import { latestCorrections, resetCorrections, restoreCorrections } from './corrections-store';

let db: CarelineDB;
let n = 0;
beforeEach(async () => {
  db = new CarelineDB(`options-test-${n++}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const mine = (id: string, name = 'Mine'): Template =>
  TemplateSchema.parse({ id, schemaVersion: 2, name, bodies: { any: 'Hello {{customer.name}}' }, tones: ['casual'] });

const T0 = new Date('2026-03-01T10:00:00Z');
const later = (ms: number) => new Date(T0.getTime() + ms);

describe('template library', () => {
  it('shows the default pack while the table is empty, without writing it', async () => {
    const library = await loadLibrary(db);
    expect(library.source).toBe('default');
    expect(library.templates.length).toBe(defaultTemplates().length);
    expect(await db.templates.count()).toBe(0);
  });

  it('copies the default pack on the first save, so the edit and the rest of the pack persist', async () => {
    const first = defaultTemplates()[0]!;
    await saveTemplate(db, { ...first, name: 'Edited name' }, T0);
    const library = await loadLibrary(db);
    expect(library.source).toBe('team');
    expect(library.templates.length).toBe(defaultTemplates().length);
    const edited = library.templates.find((t) => t.id === first.id)!;
    expect(edited.name).toBe('Edited name');
    expect(edited.builtIn).toBeUndefined();
    expect(edited.updatedAt).toBe(T0.toISOString());
    expect(library.templates.filter((t) => t.builtIn).length).toBe(defaultTemplates().length - 1);
  });

  it('adopting twice copies once', async () => {
    expect(await adoptDefaultPack(db, T0)).toBe(true);
    expect(await adoptDefaultPack(db, T0)).toBe(false);
    expect(await db.templates.count()).toBe(defaultTemplates().length);
  });

  it('delete hides a template, undo restores it, purge removes it after the undo window', async () => {
    await saveTemplate(db, mine('a'), T0);
    await saveTemplate(db, mine('b'), T0);
    await softDeleteTemplate(db, 'a', T0);
    expect((await loadLibrary(db)).templates.map((t) => t.id)).not.toContain('a');
    await restoreTemplate(db, 'a', later(1000));
    expect((await loadLibrary(db)).templates.map((t) => t.id)).toContain('a');
    await softDeleteTemplate(db, 'a', T0);
    expect(await purgeDeleted(db, 10_000, later(5_000))).toBe(0);
    expect(await purgeDeleted(db, 10_000, later(10_000))).toBe(1);
    expect(await db.templates.get('a')).toBeUndefined();
  });

  it('deleting a default template while on the default pack keeps the other defaults', async () => {
    const first = defaultTemplates()[0]!;
    await softDeleteTemplate(db, first.id, T0);
    const library = await loadLibrary(db);
    expect(library.source).toBe('team');
    expect(library.templates.length).toBe(defaultTemplates().length - 1);
  });

  it('purging the last templates keeps one mark, so the team does not fall back to the defaults', async () => {
    await resetToDefaultPack(db);
    await importTemplates(db, [mine('only')], T0);
    await db.templates.where('id').noneOf(['only']).delete();
    await softDeleteTemplate(db, 'only', T0);
    await purgeDeleted(db, 0, later(1));
    expect(await db.templates.count()).toBe(1);
    const library = await loadLibrary(db);
    expect(library).toMatchObject({ source: 'team', templates: [] });
  });

  it('import writes every template in one go and replaces by id; reset goes back to the defaults', async () => {
    await saveTemplate(db, mine('a', 'Old'), T0);
    await importTemplates(db, [mine('a', 'New'), mine('c')], T0);
    const library = await loadLibrary(db);
    expect(library.templates.find((t) => t.id === 'a')!.name).toBe('New');
    expect(library.templates.map((t) => t.id)).toContain('c');
    await resetToDefaultPack(db);
    expect((await loadLibrary(db)).source).toBe('default');
  });

  it('reports stored rows that no longer validate instead of dropping them', async () => {
    await saveTemplate(db, mine('a'), T0);
    await db.templates.put({ id: 'broken', updatedAt: T0.toISOString(), data: { id: 'broken', schemaVersion: 2, name: '' } });
    const library = await loadLibrary(db);
    expect(library.unreadable.map((u) => u.id)).toEqual(['broken']);
  });

  it('a duplicate has a new id, a "(copy)" name and no shortcut', () => {
    const copy = duplicateOf({ ...mine('a', 'Thanks'), shortcut: '/thanks', builtIn: true }, 'a2');
    expect(copy).toMatchObject({ id: 'a2', name: 'Thanks (copy)' });
    expect(copy.shortcut).toBeUndefined();
    expect(copy.builtIn).toBeUndefined();
    expect(TemplateSchema.safeParse(copy).success).toBe(true);
  });
});

describe('corrections', () => {
  it('reset removes them all and undo puts the same rows back', async () => {
    await db.corrections.bulkAdd([
      { text: 'where is my parcel', intent: 'question', createdAt: '2026-03-01T09:00:00Z' },
      { text: 'love it', sentiment: 'positive', createdAt: '2026-03-01T10:00:00Z' },
    ]);
    expect((await latestCorrections(db)).map((c) => c.text)).toEqual(['love it', 'where is my parcel']);
    const removed = await resetCorrections(db);
    expect(removed).toHaveLength(2);
    expect(await db.corrections.count()).toBe(0);
    await restoreCorrections(db, removed);
    expect(await db.corrections.toArray()).toEqual(removed);
  });
});
