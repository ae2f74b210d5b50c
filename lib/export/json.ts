import { HandledItemSchema, type HandledItem } from '../db/schema';
import { throwIfAborted, yieldToEventLoop, type LongTaskOptions } from './progress';

export const LOG_EXPORT_FORMAT = 'careline-log';
/** Version of the export envelope; bump it (and teach the importer) when the shape changes. */
export const LOG_EXPORT_SCHEMA_VERSION = 1;
export const DEFAULT_MAX_IMPORT_BYTES = 200 * 1024 * 1024;
/** At most this many problems are listed one by one; the rest are counted. */
const MAX_LISTED_ERRORS = 50;

export interface LogExport {
  format: typeof LOG_EXPORT_FORMAT;
  schemaVersion: number;
  exportedAt: string;
  /** Optional: who exported (agent id), for the import summary. */
  exportedBy?: string;
  items: HandledItem[];
}

function envelopeHead(options: { exportedAt?: string; exportedBy?: string }): string {
  const head: Omit<LogExport, 'items'> = {
    format: LOG_EXPORT_FORMAT,
    schemaVersion: LOG_EXPORT_SCHEMA_VERSION,
    exportedAt: options.exportedAt ?? new Date().toISOString(),
  };
  if (options.exportedBy) head.exportedBy = options.exportedBy;
  return JSON.stringify(head).slice(0, -1);
}

/** The items as a lossless JSON export: `{format, schemaVersion, exportedAt, items}`. */
export function itemsToJson(items: readonly HandledItem[], options: { exportedAt?: string; exportedBy?: string } = {}): string {
  return `${envelopeHead(options)},"items":${JSON.stringify(items)}}`;
}

/**
 * The same text as `itemsToJson`, built in chunks with progress and cancel; returns the file's
 * parts for `new Blob(parts, { type: 'application/json' })`.
 */
export async function itemsToJsonParts(
  items: readonly HandledItem[],
  options: LongTaskOptions & { exportedAt?: string; exportedBy?: string } = {},
): Promise<string[]> {
  const chunkSize = Math.max(1, options.chunkSize ?? 5000);
  const parts: string[] = [`${envelopeHead(options)},"items":[`];
  const total = items.length;
  options.onProgress?.({ done: 0, total });
  for (let start = 0; start < total; start += chunkSize) {
    throwIfAborted(options.signal);
    const end = Math.min(total, start + chunkSize);
    const body = JSON.stringify(items.slice(start, end)).slice(1, -1);
    parts.push(start === 0 ? body : `,${body}`);
    options.onProgress?.({ done: end, total });
    if (end < total) await yieldToEventLoop();
  }
  throwIfAborted(options.signal);
  parts.push(']}');
  return parts;
}

/** One item that cannot be imported, and why, in words for the agent. */
export interface RejectedItem {
  /** Position in the file's items array (0-based). */
  index: number;
  id?: string;
  reason: string;
}

export interface SkippedItem {
  index: number;
  id: string;
  reason: 'already_in_log' | 'duplicate_in_file';
}

export type ParsedLogExport =
  | { ok: true; schemaVersion: number; exportedAt: string; exportedBy?: string; items: HandledItem[]; errors: [] }
  | { ok: false; items: []; errors: string[]; rejected: RejectedItem[] };

interface Envelope {
  schemaVersion: number;
  exportedAt: string;
  exportedBy?: string;
  rawItems: unknown[];
}

function readEnvelope(text: string, maxBytes: number): Envelope | string {
  // String length counts UTF-16 units, never more than the UTF-8 bytes: a lower bound on size.
  if (text.length > maxBytes) {
    return `This file is larger than the import limit (${Math.round(maxBytes / 1024 / 1024)} MB). Export a shorter date range and import the parts.`;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return `This file is not valid JSON (${e instanceof Error ? e.message : String(e)}). Nothing was imported.`;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return 'This file is not a Careline log export. Nothing was imported.';
  const d = data as Record<string, unknown>;
  if (d.format !== LOG_EXPORT_FORMAT) return 'This file is not a Careline log export (its "format" is not "careline-log"). Nothing was imported.';
  if (typeof d.schemaVersion !== 'number' || !Number.isInteger(d.schemaVersion) || d.schemaVersion < 1) {
    return 'This export has no valid schema version. Nothing was imported.';
  }
  if (d.schemaVersion > LOG_EXPORT_SCHEMA_VERSION) {
    return `This export was made by a newer Careline (export schema ${d.schemaVersion}; this one reads up to ${LOG_EXPORT_SCHEMA_VERSION}). Update Careline, then import it again.`;
  }
  if (!Array.isArray(d.items)) return 'This export has no "items" list. Nothing was imported.';
  const env: Envelope = {
    schemaVersion: d.schemaVersion,
    exportedAt: typeof d.exportedAt === 'string' ? d.exportedAt : '',
    rawItems: d.items,
  };
  if (typeof d.exportedBy === 'string') env.exportedBy = d.exportedBy;
  return env;
}

/** zod/mini ships no message texts ("Invalid input"): say what was expected instead. */
function describeIssue(issue: { code: string; message: string; expected?: unknown; values?: unknown[] }): string {
  if (issue.code === 'invalid_type' && typeof issue.expected === 'string') {
    return issue.expected === 'object' ? 'not an object' : `should be a ${issue.expected}`;
  }
  if (issue.code === 'invalid_value' && Array.isArray(issue.values)) {
    return `should be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  return issue.message;
}

function validateRange(raw: readonly unknown[], from: number, to: number, items: HandledItem[], rejected: RejectedItem[]): void {
  for (let i = from; i < to; i++) {
    const r = HandledItemSchema.safeParse(raw[i]);
    if (r.success) {
      items.push(r.data);
      continue;
    }
    const rawId = (raw[i] as { id?: unknown } | null)?.id;
    const why = r.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.length ? issue.path.join('.') : 'item'}: ${describeIssue(issue)}`)
      .join('; ');
    const rej: RejectedItem = { index: i, reason: why };
    if (typeof rawId === 'string') rej.id = rawId;
    rejected.push(rej);
  }
}

function describeRejections(rejected: readonly RejectedItem[], total: number): string[] {
  const lines = [
    `${rejected.length} of ${total} items are not valid log items, so nothing was imported. Fix or remove them and import the file again.`,
  ];
  for (const r of rejected.slice(0, MAX_LISTED_ERRORS)) {
    lines.push(`Item ${r.index + 1}${r.id ? ` (id "${r.id.slice(0, 80)}")` : ''}: ${r.reason}`);
  }
  if (rejected.length > MAX_LISTED_ERRORS) lines.push(`…and ${rejected.length - MAX_LISTED_ERRORS} more.`);
  return lines;
}

/**
 * Reads a JSON export. All or nothing: a malformed file, or any item that is not a valid log
 * item, gives `ok: false` with errors that name the items; then nothing may be merged.
 */
export function parseLogExport(text: string, options: { maxBytes?: number } = {}): ParsedLogExport {
  const env = readEnvelope(text, options.maxBytes ?? DEFAULT_MAX_IMPORT_BYTES);
  if (typeof env === 'string') return { ok: false, items: [], errors: [env], rejected: [] };
  const items: HandledItem[] = [];
  const rejected: RejectedItem[] = [];
  validateRange(env.rawItems, 0, env.rawItems.length, items, rejected);
  if (rejected.length) return { ok: false, items: [], errors: describeRejections(rejected, env.rawItems.length), rejected };
  const out: ParsedLogExport = { ok: true, schemaVersion: env.schemaVersion, exportedAt: env.exportedAt, items, errors: [] };
  if (env.exportedBy) out.exportedBy = env.exportedBy;
  return out;
}

/** Whether an id is already in the log: a Set of ids, or a lookup function. */
export type ExistingIds = ReadonlySet<string> | ((id: string) => boolean);

export interface MergePlan {
  /** True when the plan may be applied: no item was rejected. */
  ok: boolean;
  /** Items to add (empty when `ok` is false: nothing partial). */
  add: HandledItem[];
  /** Items left out because the log already has them, or the file has them twice (first kept). */
  skip: SkippedItem[];
  /** Items that are not valid log items. */
  reject: RejectedItem[];
  summary: { added: number; skipped: number; rejected: number };
  /** Agent-readable lines: what happened, and the rejected items by name. */
  messages: string[];
}

/**
 * Plans a merge of imported items into the log: validates each, skips ids the log already has
 * (the log's copy wins) and ids seen earlier in the file. If any item is rejected, the plan adds
 * nothing.
 */
export function planMerge(existing: ExistingIds, incoming: readonly unknown[]): MergePlan {
  const items: HandledItem[] = [];
  const reject: RejectedItem[] = [];
  validateRange(incoming, 0, incoming.length, items, reject);
  return finishPlan(existing, incoming, items, reject);
}

function finishPlan(existing: ExistingIds, incoming: readonly unknown[], valid: readonly HandledItem[], reject: RejectedItem[]): MergePlan {
  const has = typeof existing === 'function' ? existing : (id: string) => existing.has(id);
  const add: HandledItem[] = [];
  const skip: SkippedItem[] = [];
  const inFile = new Set<string>();
  // Valid items keep their file order; recover each one's index by skipping rejected positions.
  const rejectedAt = new Set(reject.map((r) => r.index));
  let v = 0;
  for (let i = 0; i < incoming.length; i++) {
    if (rejectedAt.has(i)) continue;
    const it = valid[v++]!;
    if (inFile.has(it.id)) skip.push({ index: i, id: it.id, reason: 'duplicate_in_file' });
    else if (has(it.id)) skip.push({ index: i, id: it.id, reason: 'already_in_log' });
    else add.push(it);
    inFile.add(it.id);
  }
  const ok = reject.length === 0;
  const messages = ok
    ? [`${add.length} items to add, ${skip.length} skipped (already in the log or repeated in the file).`]
    : describeRejections(reject, incoming.length);
  return {
    ok,
    add: ok ? add : [],
    skip,
    reject,
    summary: { added: ok ? add.length : 0, skipped: skip.length, rejected: reject.length },
    messages,
  };
}

/**
 * Reads a JSON export and plans its merge, validating in chunks with progress and cancel (for
 * files of 100,000 items). A malformed file gives `ok: false` with the reason in `messages`.
 * Apply `plan.add` in one database transaction only when `plan.ok`.
 */
export async function importLogExport(
  text: string,
  existing: ExistingIds,
  options: LongTaskOptions & { maxBytes?: number } = {},
): Promise<MergePlan & { exportedAt?: string; exportedBy?: string }> {
  throwIfAborted(options.signal);
  const env = readEnvelope(text, options.maxBytes ?? DEFAULT_MAX_IMPORT_BYTES);
  if (typeof env === 'string') {
    return { ok: false, add: [], skip: [], reject: [], summary: { added: 0, skipped: 0, rejected: 0 }, messages: [env] };
  }
  const raw = env.rawItems;
  const chunkSize = Math.max(1, options.chunkSize ?? 5000);
  const valid: HandledItem[] = [];
  const reject: RejectedItem[] = [];
  options.onProgress?.({ done: 0, total: raw.length });
  for (let start = 0; start < raw.length; start += chunkSize) {
    throwIfAborted(options.signal);
    const end = Math.min(raw.length, start + chunkSize);
    validateRange(raw, start, end, valid, reject);
    options.onProgress?.({ done: end, total: raw.length });
    if (end < raw.length) await yieldToEventLoop();
  }
  throwIfAborted(options.signal);
  const plan = finishPlan(existing, raw, valid, reject);
  return { ...plan, exportedAt: env.exportedAt, ...(env.exportedBy ? { exportedBy: env.exportedBy } : {}) };
}
