/**
 * The team's templates as the options page reads and writes them (the Dexie `templates` table).
 *
 * While the table is empty, the sidebar uses Careline's default pack. The options page shows that
 * pack and, on the first change (edit, create, duplicate, delete or import), copies it into the
 * table in the same transaction as the change, so the change persists and the rest of the pack
 * stays. "Reset to the default pack" empties the table again.
 *
 * Like the dashboard's log import, this is a page writing the database directly: templates are
 * settings the background only reads (fresh on every sidebar request), and no other writer exists.
 */
import type { CarelineDB, StoredTemplate } from '../../lib/db/database';
import { defaultTemplates } from '../../lib/templates/default-pack';
import { tryMigrateTemplate, type Template } from '../../lib/templates/schema';

/** How long a deleted template can be brought back with Undo. */
export const UNDO_MS = 10_000;

export interface UnreadableTemplate {
  id: string;
  errors: string[];
}

export interface TemplateLibrary {
  /** `default`: the table is empty and the sidebar uses the shipped pack. */
  source: 'default' | 'team';
  templates: Template[];
  /** Stored rows that no longer validate (kept, never silently dropped). */
  unreadable: UnreadableTemplate[];
}

function rowOf(template: Template, now: Date): StoredTemplate {
  return { id: template.id, updatedAt: template.updatedAt ?? now.toISOString(), data: template };
}

export async function loadLibrary(db: CarelineDB): Promise<TemplateLibrary> {
  const rows = await db.templates.toArray();
  if (rows.length === 0) return { source: 'default', templates: defaultTemplates(), unreadable: [] };
  const templates: Template[] = [];
  const unreadable: UnreadableTemplate[] = [];
  for (const row of rows) {
    if (row.deletedAt) continue;
    const result = tryMigrateTemplate(row.data);
    if (result.ok) templates.push(result.template);
    else unreadable.push({ id: row.id, errors: result.errors });
  }
  return { source: 'team', templates, unreadable };
}

/** Copies the default pack into an empty table (inside the caller's transaction). True when it did. */
async function adoptIfEmpty(db: CarelineDB, now: Date): Promise<boolean> {
  if ((await db.templates.count()) > 0) return false;
  await db.templates.bulkAdd(defaultTemplates().map((t) => rowOf(t, now)));
  return true;
}

/** "Start from the default pack": the shipped templates become the team's own, editable ones. */
export async function adoptDefaultPack(db: CarelineDB, now = new Date()): Promise<boolean> {
  return db.transaction('rw', db.templates, () => adoptIfEmpty(db, now));
}

/** Saves a (validated) template; an edited default template stops being marked as built in. */
export async function saveTemplate(db: CarelineDB, template: Template, now = new Date()): Promise<Template> {
  return db.transaction('rw', db.templates, async () => {
    await adoptIfEmpty(db, now);
    const existing = await db.templates.get(template.id);
    const previous = existing ? tryMigrateTemplate(existing.data) : undefined;
    const { builtIn: _builtIn, ...rest } = template;
    const saved: Template = {
      ...rest,
      createdAt: template.createdAt ?? (previous?.ok ? previous.template.createdAt : undefined) ?? now.toISOString(),
      updatedAt: now.toISOString(),
    };
    await db.templates.put({ id: saved.id, updatedAt: saved.updatedAt!, data: saved });
    return saved;
  });
}

/** Marks a template deleted (Undo clears the mark; {@link purgeDeleted} removes it later). */
export async function softDeleteTemplate(db: CarelineDB, id: string, now = new Date()): Promise<void> {
  await db.transaction('rw', db.templates, async () => {
    await adoptIfEmpty(db, now);
    await db.templates.update(id, { deletedAt: now.toISOString(), updatedAt: now.toISOString() });
  });
}

export async function restoreTemplate(db: CarelineDB, id: string, now = new Date()): Promise<void> {
  await db.templates
    .where('id')
    .equals(id)
    .modify((row) => {
      delete row.deletedAt;
      row.updatedAt = now.toISOString();
    });
}

/**
 * Removes templates deleted at least `olderThanMs` ago. When every row is deleted, the newest mark
 * stays: an empty table means "use the default pack", and a team that deleted all its templates
 * did not ask for that.
 */
export async function purgeDeleted(db: CarelineDB, olderThanMs = UNDO_MS, now = new Date()): Promise<number> {
  return db.transaction('rw', db.templates, async () => {
    const rows = await db.templates.toArray();
    const live = rows.filter((r) => !r.deletedAt).length;
    const cutoff = now.getTime() - olderThanMs;
    const due = rows
      .filter((r) => r.deletedAt && Date.parse(r.deletedAt) <= cutoff)
      .sort((a, b) => Date.parse(b.deletedAt!) - Date.parse(a.deletedAt!));
    const remaining = rows.length - due.length;
    const purge = live === 0 && remaining === 0 ? due.slice(1) : due;
    await db.templates.bulkDelete(purge.map((r) => r.id));
    return purge.length;
  });
}

/** Writes an imported pack (already validated as a whole) in one transaction: all or nothing. */
export async function importTemplates(db: CarelineDB, templates: readonly Template[], now = new Date()): Promise<void> {
  await db.transaction('rw', db.templates, async () => {
    await adoptIfEmpty(db, now);
    await db.templates.bulkPut(
      templates.map(({ builtIn: _builtIn, ...t }) => ({ id: t.id, updatedAt: now.toISOString(), data: { ...t, updatedAt: now.toISOString() } })),
    );
  });
}

/** Back to the shipped pack: the team's templates are removed and the sidebar uses the defaults. */
export async function resetToDefaultPack(db: CarelineDB): Promise<void> {
  await db.templates.clear();
}

/** A copy with a new id and name, ready to edit. */
export function duplicateOf(template: Template, newId: string): Template {
  const { builtIn: _builtIn, shortcut: _shortcut, createdAt: _c, updatedAt: _u, ...rest } = template;
  return { ...rest, id: newId, name: `${template.name} (copy)`.slice(0, 120) };
}

export function newTemplateId(): string {
  return `tpl-${crypto.randomUUID()}`;
}
