/**
 * Template packs as JSON files: import is validated and all or nothing (one bad entry rejects the
 * file, with errors naming each bad entry by number, name and field); export writes the current
 * pack format.
 */
import { PACK_FORMAT, PACK_VERSION, tryMigrateTemplate, type Template, type TemplatePack } from './schema.ts';

export const DEFAULT_MAX_PACK_BYTES = 1_000_000;
export const MAX_PACK_TEMPLATES = 1000;
/** Errors listed before "…and N more": a pack with hundreds of bad entries needs fixing in bulk anyway. */
const MAX_LISTED_ERRORS = 50;

export type ParsePackResult = { ok: true; pack: TemplatePack } | { ok: false; errors: string[] };

function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

function describeEntry(raw: unknown, index: number): string {
  const name = typeof raw === 'object' && raw !== null && typeof (raw as { name?: unknown }).name === 'string' ? (raw as { name: string }).name : '';
  const shown = name.length > 60 ? `${name.slice(0, 59)}…` : name;
  return shown ? `Template ${index + 1} (“${shown}”)` : `Template ${index + 1}`;
}

/**
 * Reads a pack file. Nothing is imported unless every template is valid. Older template versions
 * are migrated. Numbers in errors count from 1, as people do.
 */
export function parsePack(json: string, options: { maxBytes?: number } = {}): ParsePackResult {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_PACK_BYTES;
  // Checked before parsing, so a huge file costs no parse.
  if (json.length > maxBytes || byteLength(json) > maxBytes) {
    return { ok: false, errors: [`The file is larger than ${Math.round(maxBytes / 1000).toLocaleString('en')} KB. Split it into smaller packs.`] };
  }
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [`The file is not valid JSON (${detail}). Was it exported from Careline?`] };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, errors: ['The file is not a Careline template pack: expected an object with "format": "careline-templates".'] };
  }
  const record = data as Record<string, unknown>;
  if (record.format !== PACK_FORMAT) {
    return { ok: false, errors: [`The file is not a Careline template pack: "format" should be "${PACK_FORMAT}".`] };
  }
  if (typeof record.version !== 'number') {
    return { ok: false, errors: ['The pack has no "version" number.'] };
  }
  if (record.version > PACK_VERSION) {
    return { ok: false, errors: [`This pack is version ${record.version}, made by a newer Careline (this one reads up to ${PACK_VERSION}). Update Careline first.`] };
  }
  if (record.version !== PACK_VERSION) {
    return { ok: false, errors: [`Pack version ${record.version} is not one Careline knows.`] };
  }
  if (!Array.isArray(record.templates)) {
    return { ok: false, errors: ['The pack has no "templates" list.'] };
  }
  if (record.templates.length > MAX_PACK_TEMPLATES) {
    return { ok: false, errors: [`The pack holds ${record.templates.length} templates; at most ${MAX_PACK_TEMPLATES} can be imported at once.`] };
  }
  if (record.name !== undefined && (typeof record.name !== 'string' || record.name.length > 120)) {
    return { ok: false, errors: ['The pack\'s "name" must be a text of at most 120 characters.'] };
  }

  const errors: string[] = [];
  const templates: Template[] = [];
  const seenIds = new Map<string, number>();
  record.templates.forEach((raw: unknown, index: number) => {
    const label = describeEntry(raw, index);
    const result = tryMigrateTemplate(raw);
    if (!result.ok) {
      for (const message of result.errors) errors.push(`${label}: ${message}`);
      return;
    }
    const earlier = seenIds.get(result.template.id);
    if (earlier !== undefined) {
      errors.push(`${label}: id: "${result.template.id}" is already used by template ${earlier + 1}. Each template needs its own id.`);
      return;
    }
    seenIds.set(result.template.id, index);
    templates.push(result.template);
  });
  if (errors.length > 0) {
    const listed = errors.slice(0, MAX_LISTED_ERRORS);
    if (errors.length > MAX_LISTED_ERRORS) listed.push(`…and ${errors.length - MAX_LISTED_ERRORS} more problems.`);
    return { ok: false, errors: listed };
  }
  const pack: TemplatePack = { format: PACK_FORMAT, version: PACK_VERSION, templates };
  if (typeof record.name === 'string') pack.name = record.name;
  if (typeof record.exportedAt === 'string') pack.exportedAt = record.exportedAt;
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
