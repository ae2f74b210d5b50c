/**
 * Reading a Careline pack file (template packs, scenario packs): one JSON object with a `format`,
 * a `version` and a list of entries. Import is all or nothing: every entry is checked, and one
 * bad entry rejects the file, with errors naming each bad entry by number (counting from 1, as
 * people do), its name or id, and the field.
 */

/** Errors listed before "…and N more": a pack with hundreds of bad entries needs fixing in bulk anyway. */
const MAX_LISTED_ERRORS = 50;

export type EntryResult<T> = { ok: true; value: T; id: string } | { ok: false; errors: string[] };

export interface PackKind<T> {
  /** The `format` the file must carry ("careline-templates"). */
  format: string;
  /** The pack version this Careline writes and reads. */
  version: number;
  /** The entries' list key ("templates") and one entry's name in messages ("template"). */
  listKey: string;
  noun: string;
  /** The entry field that names an entry in errors ("name", "id"). */
  labelField: string;
  maxEntries: number;
  maxBytes: number;
  /** Whether a pack with no entries is read (as nothing to import) rather than refused. */
  allowEmpty?: boolean;
  /** What to say when the file is another kind of pack, by its format. */
  otherFormats?: Readonly<Record<string, string>>;
  /** Validates one entry (migrating it if need be). */
  parseEntry: (raw: unknown) => EntryResult<T>;
}

export type PackFileResult<T> = { ok: true; entries: T[]; name?: string; exportedAt?: string } | { ok: false; errors: string[] };

function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** "Template 3 (“Late delivery”)": an entry by number and, where it has one, its name or id. */
function describeEntry(raw: unknown, index: number, noun: string, field: string): string {
  const value = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)[field] : undefined;
  const label = typeof value === 'string' ? value : '';
  const shown = label.length > 60 ? `${label.slice(0, 59)}…` : label;
  return shown ? `${capitalised(noun)} ${index + 1} (“${shown}”)` : `${capitalised(noun)} ${index + 1}`;
}

/** Reads and checks a pack file of `kind`: its entries, or every problem found (at most 50 listed). */
export function readPackFile<T>(json: string, kind: PackKind<T>): PackFileResult<T> {
  const { format, version, listKey, noun, maxBytes } = kind;
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
    return { ok: false, errors: [`The file is not a Careline ${noun} pack: expected an object with "format": "${format}".`] };
  }
  const record = data as Record<string, unknown>;
  if (record.format !== format) {
    const other = typeof record.format === 'string' ? kind.otherFormats?.[record.format] : undefined;
    return { ok: false, errors: [`The file is not a Careline ${noun} pack: "format" should be "${format}".${other ? ` ${other}` : ''}`] };
  }
  if (typeof record.version !== 'number') return { ok: false, errors: ['The pack has no "version" number.'] };
  if (record.version > version) {
    return { ok: false, errors: [`This pack is version ${record.version}, made by a newer Careline (this one reads up to ${version}). Update Careline first.`] };
  }
  if (record.version !== version) return { ok: false, errors: [`Pack version ${record.version} is not one Careline knows.`] };
  const list = record[listKey];
  if (!Array.isArray(list)) return { ok: false, errors: [`The pack has no "${listKey}" list.`] };
  if (list.length === 0 && !kind.allowEmpty) return { ok: false, errors: [`The pack holds no ${listKey}.`] };
  if (list.length > kind.maxEntries) {
    return { ok: false, errors: [`The pack holds ${list.length} ${listKey}; at most ${kind.maxEntries} can be imported at once.`] };
  }
  if (record.name !== undefined && (typeof record.name !== 'string' || record.name.length > 120)) {
    return { ok: false, errors: ['The pack\'s "name" must be a text of at most 120 characters.'] };
  }

  const errors: string[] = [];
  const entries: T[] = [];
  const seenIds = new Map<string, number>();
  list.forEach((raw: unknown, index: number) => {
    const label = describeEntry(raw, index, noun, kind.labelField);
    const result = kind.parseEntry(raw);
    if (!result.ok) {
      for (const message of result.errors) errors.push(`${label}: ${message}`);
      return;
    }
    const earlier = seenIds.get(result.id);
    if (earlier !== undefined) {
      errors.push(`${label}: id: "${result.id}" is already used by ${noun} ${earlier + 1}. Each ${noun} needs its own id.`);
      return;
    }
    seenIds.set(result.id, index);
    entries.push(result.value);
  });
  if (errors.length > 0) {
    const listed = errors.slice(0, MAX_LISTED_ERRORS);
    if (errors.length > MAX_LISTED_ERRORS) listed.push(`…and ${errors.length - MAX_LISTED_ERRORS} more problems.`);
    return { ok: false, errors: listed };
  }
  return {
    ok: true,
    entries,
    ...(typeof record.name === 'string' ? { name: record.name } : {}),
    ...(typeof record.exportedAt === 'string' ? { exportedAt: record.exportedAt } : {}),
  };
}
