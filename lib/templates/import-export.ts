/**
 * Template packs as JSON files: import is validated and all or nothing (one bad entry rejects the
 * file, with errors naming each bad entry by number, name and field); export writes the current
 * pack format.
 */
import { readPackFile } from '../pack-file.ts';
import { PACK_FORMAT, PACK_VERSION, tryMigrateTemplate, type Template, type TemplatePack } from './schema.ts';

export const DEFAULT_MAX_PACK_BYTES = 1_000_000;
export const MAX_PACK_TEMPLATES = 1000;
export type ParsePackResult = { ok: true; pack: TemplatePack } | { ok: false; errors: string[] };

/**
 * Reads a pack file. Nothing is imported unless every template is valid. Older template versions
 * are migrated. Numbers in errors count from 1, as people do.
 */
export function parsePack(json: string, options: { maxBytes?: number } = {}): ParsePackResult {
  const read = readPackFile<Template>(json, {
    format: PACK_FORMAT,
    version: PACK_VERSION,
    listKey: 'templates',
    noun: 'template',
    labelField: 'name',
    maxEntries: MAX_PACK_TEMPLATES,
    maxBytes: options.maxBytes ?? DEFAULT_MAX_PACK_BYTES,
    allowEmpty: true,
    otherFormats: { 'careline-scenarios': 'This looks like a practice scenario pack: import it on the practice page.' },
    parseEntry: (raw) => {
      const result = tryMigrateTemplate(raw);
      return result.ok ? { ok: true, value: result.template, id: result.template.id } : result;
    },
  });
  if (!read.ok) return read;
  const pack: TemplatePack = { format: PACK_FORMAT, version: PACK_VERSION, templates: read.entries };
  if (read.name !== undefined) pack.name = read.name;
  if (read.exportedAt !== undefined) pack.exportedAt = read.exportedAt;
  return { ok: true, pack };
}

/** Writes templates as a pack file (pretty-printed JSON that {@link parsePack} reads back). */
export function serializePack(templates: readonly Template[], options: { name?: string; now?: Date } = {}): string {
  const pack: TemplatePack = {
    format: PACK_FORMAT,
    version: PACK_VERSION,
    ...(options.name ? { name: options.name } : {}),
    exportedAt: (options.now ?? new Date()).toISOString(),
    // Built-in marks are local: an imported template belongs to the team that imports it.
    templates: templates.map(({ builtIn: _builtIn, ...template }) => template),
  };
  return `${JSON.stringify(pack, null, 2)}\n`;
}

export interface ImportPlan {
  /** Templates whose id is new here. */
  added: Template[];
  /** Templates that replace one with the same id. */
  replaced: Template[];
  /** Templates identical to the one already here. */
  unchanged: Template[];
}

/** What importing a pack would do to the current templates, for the confirmation dialog. */
export function planImport(current: readonly Template[], incoming: readonly Template[]): ImportPlan {
  const byId = new Map(current.map((t) => [t.id, t]));
  const plan: ImportPlan = { added: [], replaced: [], unchanged: [] };
  for (const template of incoming) {
    const existing = byId.get(template.id);
    if (!existing) plan.added.push(template);
    else if (sameContent(existing, template)) plan.unchanged.push(template);
    else plan.replaced.push(template);
  }
  return plan;
}

function sameContent(a: Template, b: Template): boolean {
  const strip = ({ createdAt: _c, updatedAt: _u, builtIn: _b, ...rest }: Template) => rest;
  return stableStringify(strip(a)) === stableStringify(strip(b));
}

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
