import { HandledItemSchema, type HandledItem } from '../db/schema';
import type { GroupMetrics, MetricsSummary } from '../metrics/compute';
import type { DurationStats } from '../metrics/stats';
import { throwIfAborted, yieldToEventLoop, type LongTaskOptions } from './progress';
import { utf8BlobWriter, type Utf8Writer } from './utf8-writer';

/**
 * Columns of the item CSV: every field of the log, in the schema's order, so a field added to
 * HandledItemSchema appears in exports without a change here.
 */
export const ITEM_CSV_COLUMNS = Object.keys(HandledItemSchema.shape) as Array<keyof HandledItem>;

const TIME_FIELDS = new Set<string>(['postedAt', 'firstSeenAt', 'handledAt', 'repliedAt', 'lastReplyAt', 'updatedAt']);

/**
 * Neutralises a text cell a spreadsheet could run as a formula (OWASP "CSV injection"): a cell
 * starting with =, +, -, @, tab or carriage return gets a leading single quote. Numbers written
 * as numbers are left alone (a negative duration is data, not a formula).
 */
export function neutraliseCell(value: string): string {
  // Checked by character code: this runs for millions of cells.
  const c = value.charCodeAt(0);
  return c === 61 /* = */ || c === 43 /* + */ || c === 45 /* - */ || c === 64 /* @ */ || c === 9 || c === 13 ? `'${value}` : value;
}

function isoCell(value: string): string {
  // Fast path for what the log writes (toISOString); anything else is checked and normalised.
  if (
    value.length === 24 && value.charCodeAt(4) === 45 && value.charCodeAt(7) === 45 && value.charCodeAt(10) === 84 &&
    value.charCodeAt(13) === 58 && value.charCodeAt(16) === 58 && value.charCodeAt(19) === 46 && value.charCodeAt(23) === 90
  ) {
    return value;
  }
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? value : new Date(ms).toISOString();
}

/** Per column: is it a time (normalised to ISO), or the flags list? */
const IS_TIME_COLUMN = ITEM_CSV_COLUMNS.map((k) => TIME_FIELDS.has(k));

/** A cell's text before quoting: empty for missing values. */
function cellText(key: string, isTime: boolean, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return neutraliseCell(isTime ? isoCell(value) : value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (key === 'flags' && Array.isArray(value)) {
    // "legal (lawyer, sue); churn (cancel)"
    return neutraliseCell(
      (value as Array<{ name: string; evidence: string[] }>)
        .map((f) => (f.evidence.length ? `${f.name} (${f.evidence.join(', ')})` : f.name))
        .join('; '),
    );
  }
  if (Array.isArray(value)) return neutraliseCell(value.join('; '));
  return neutraliseCell(JSON.stringify(value));
}

/** Every column's cell by the column's name: the reference, and the path for a schema the fast one doesn't know. */
function referenceCells(item: HandledItem, cells: string[]): void {
  const it = item as unknown as Record<string, unknown>;
  for (let c = 0; c < ITEM_CSV_COLUMNS.length; c++) {
    const key = ITEM_CSV_COLUMNS[c]!;
    cells[c] = cellText(key, IS_TIME_COLUMN[c]!, it[key]);
  }
}

/** The columns `fastCells` writes, in its order. */
export const FAST_CSV_COLUMNS = [
  'id', 'schemaVersion', 'site', 'postId', 'permalink', 'authorHandle', 'authorName', 'text', 'language', 'postedAt',
  'firstSeenAt', 'handledAt', 'repliedAt', 'lastReplyAt', 'replyCount', 'reason', 'responseSeconds', 'responseBusinessSeconds',
  'handleSeconds', 'targetSeconds', 'targetMet', 'intent', 'sentiment', 'urgency', 'flags', 'classifierVersion', 'correctedIntent',
  'correctedSentiment', 'templateId', 'editDistance', 'replyText', 'agentId', 'agentName', 'mode', 'notes', 'tags', 'practiceScore',
  'practiceSessionId', 'updatedAt',
] as const satisfies ReadonlyArray<keyof HandledItem>;

const FAST_PATH = FAST_CSV_COLUMNS.length === ITEM_CSV_COLUMNS.length && FAST_CSV_COLUMNS.every((k, i) => k === ITEM_CSV_COLUMNS[i]);

const str = (v: string | undefined): string => (v === undefined ? '' : neutraliseCell(v));
const time = (v: string | undefined): string => (v === undefined ? '' : neutraliseCell(isoCell(v)));
const num = (v: number | undefined): string => (v === undefined || !Number.isFinite(v) ? '' : String(v));
const bool = (v: boolean | undefined): string => (v === undefined ? '' : v ? 'true' : 'false');

/**
 * The same cells as `referenceCells`, with each field read by name: a read by a computed key over
 * 39 columns was two thirds of a 100,000-row export. Used while FAST_CSV_COLUMNS matches the schema
 * (a unit test says when it no longer does).
 */
function fastCells(it: HandledItem, c: string[]): void {
  c[0] = str(it.id);
  c[1] = num(it.schemaVersion);
  c[2] = str(it.site);
  c[3] = str(it.postId);
  c[4] = str(it.permalink);
  c[5] = str(it.authorHandle);
  c[6] = str(it.authorName);
  c[7] = str(it.text);
  c[8] = str(it.language);
  c[9] = time(it.postedAt);
  c[10] = time(it.firstSeenAt);
  c[11] = time(it.handledAt);
  c[12] = time(it.repliedAt);
  c[13] = time(it.lastReplyAt);
  c[14] = num(it.replyCount);
  c[15] = str(it.reason);
  c[16] = num(it.responseSeconds);
  c[17] = num(it.responseBusinessSeconds);
  c[18] = num(it.handleSeconds);
  c[19] = num(it.targetSeconds);
  c[20] = bool(it.targetMet);
  c[21] = str(it.intent);
  c[22] = str(it.sentiment);
  c[23] = str(it.urgency);
  c[24] = it.flags === undefined ? '' : cellText('flags', false, it.flags);
  c[25] = str(it.classifierVersion);
  c[26] = str(it.correctedIntent);
  c[27] = str(it.correctedSentiment);
  c[28] = str(it.templateId);
  c[29] = num(it.editDistance);
  c[30] = str(it.replyText);
  c[31] = str(it.agentId);
  c[32] = str(it.agentName);
  c[33] = str(it.mode);
  c[34] = str(it.notes);
  c[35] = it.tags === undefined ? '' : cellText('tags', false, it.tags);
  c[36] = num(it.practiceScore);
  c[37] = str(it.practiceSessionId);
  c[38] = time(it.updatedAt);
}

/** One item's cells both ways, for the tests that hold the fast path to the reference. */
export function itemCsvCellsBothWays(item: HandledItem): { fast: string[]; reference: string[] } {
  const fast = new Array<string>(ITEM_CSV_COLUMNS.length);
  const reference = new Array<string>(ITEM_CSV_COLUMNS.length);
  fastCells(item, fast);
  referenceCells(item, reference);
  return { fast, reference };
}

const QUOTE = /"/g;

/**
 * RFC 4180 with every cell quoted (OWASP's advice): inside quotes only a quote needs escaping (as
 * two quotes); commas and line breaks are literal. The metrics summary's rows, as a string; the
 * item rows, which run to 100,000, are written as bytes by `writeRow` in the same format. (A
 * library's unparse took 3.4 s of CPU for 100,000 item rows here.) The tests parse both back
 * with papaparse.
 */
function csvRow(cells: readonly string[]): string {
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i]!;
    if (c.indexOf('"') !== -1) (cells as string[])[i] = c.replace(QUOTE, '""');
  }
  return `"${cells.join('","')}"`;
}

export interface CsvOptions extends LongTaskOptions {
  /** Start with a byte-order mark so spreadsheet programs read UTF-8 (default true). */
  bom?: boolean;
  /** Bytes written before they are handed to a Blob (default 4 MiB; the tests use small ones). */
  bufferBytes?: number;
}

/** One row of quoted cells in csvRow's format, written as UTF-8 and ended with CRLF. */
function writeRow(out: Utf8Writer, cells: readonly string[]): void {
  for (let i = 0; i < cells.length; i++) {
    if (i > 0) out.ascii(',');
    out.quoted(cells[i]!);
  }
  out.ascii('\r\n');
}

/**
 * The items as a UTF-8 CSV file (a Blob, type text/csv), one row per item after a header row,
 * written in chunks that yield to the event loop (progress and cancel between chunks).
 *
 * The rows go straight to bytes (Utf8Writer): building strings and letting the Blob encode them
 * took longer than building them. Each few megabytes become a Blob as they are written
 * (`utf8BlobWriter`), instead of all 57 MB of a 100,000-item file at the end.
 */
export async function itemsToCsv(items: readonly HandledItem[], options: CsvOptions = {}): Promise<Blob> {
  const chunkSize = Math.max(1, options.chunkSize ?? 5000);
  const file = utf8BlobWriter(options.bufferBytes);
  const out = file.out;
  if (options.bom !== false) out.text('\uFEFF');
  writeRow(out, ITEM_CSV_COLUMNS);
  const total = items.length;
  const cells = new Array<string>(ITEM_CSV_COLUMNS.length);
  options.onProgress?.({ done: 0, total });
  for (let start = 0; start < total; start += chunkSize) {
    throwIfAborted(options.signal);
    const end = Math.min(total, start + chunkSize);
    for (let i = start; i < end; i++) {
      if (FAST_PATH) fastCells(items[i]!, cells);
      else referenceCells(items[i]!, cells);
      writeRow(out, cells);
    }
    options.onProgress?.({ done: end, total });
    if (end < total) await yieldToEventLoop();
  }
  throwIfAborted(options.signal);
  return file.finish('text/csv;charset=utf-8');
}

type Row = [section: string, key: string, label: string, metric: string, value: string | number];

function statsRows(section: string, key: string, label: string, prefix: string, s: DurationStats): Row[] {
  return (['count', 'mean', 'median', 'p90', 'min', 'max'] as const).map((f) => [section, key, label, `${prefix}_${f}${f === 'count' ? '' : '_seconds'}`, s[f] ?? '']);
}

function groupRows(section: string, groups: readonly GroupMetrics[]): Row[] {
  const out: Row[] = [];
  for (const g of groups) {
    out.push(
      [section, g.key, g.label, 'items', g.items],
      [section, g.key, g.label, 'replied', g.replied],
      [section, g.key, g.label, 'handled_without_reply', g.withoutReply],
      [section, g.key, g.label, 'target_measured', g.targetMeasured],
      [section, g.key, g.label, 'target_met', g.targetMet],
      [section, g.key, g.label, 'within_target_share', g.withinTargetShare ?? ''],
      ...statsRows(section, g.key, g.label, 'first_response', g.response),
      ...statsRows(section, g.key, g.label, 'first_response_business', g.responseBusiness),
      ...statsRows(section, g.key, g.label, 'handle_time', g.handle),
    );
  }
  return out;
}

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/**
 * The metrics summary as a long-format CSV: section, key, label, metric, value. Durations in
 * seconds, shares as fractions (0.8 = 80 %), empty when not defined.
 */
export function metricsToCsv(summary: MetricsSummary, options: { bom?: boolean } = {}): string {
  const s = summary;
  const rows: Row[] = [
    ['view', 'mode', '', 'mode', s.mode],
    ['view', 'time_zone', '', 'time_zone', s.timeZone],
    ['view', 'range', '', 'from', Number.isFinite(s.range.fromMs) ? new Date(s.range.fromMs).toISOString() : ''],
    ['view', 'range', '', 'to_exclusive', Number.isFinite(s.range.toMs) ? new Date(s.range.toMs).toISOString() : ''],
    ['totals', 'all', '', 'items', s.totals.items],
    ['totals', 'all', '', 'replied', s.totals.replied],
    ['totals', 'all', '', 'handled_without_reply', s.totals.withoutReply],
    ...Object.entries(s.totals.withoutReplyByReason).map(([k, v]): Row => ['totals', k, k, 'handled_without_reply', v]),
    ['totals', 'all', '', 'replies', s.totals.replies],
    ['totals', 'all', '', 'replies_per_replied_item', s.totals.repliesPerRepliedItem ?? ''],
    ['response_rate', 'all', '', 'seen', s.responseRate.seen],
    ['response_rate', 'all', '', 'answered', s.responseRate.answered],
    ['response_rate', 'all', '', 'rate', s.responseRate.rate ?? ''],
    ['within_target', 'all', '', 'measured', s.withinTarget.measured],
    ['within_target', 'all', '', 'met', s.withinTarget.met],
    ['within_target', 'all', '', 'missed', s.withinTarget.missed],
    ['within_target', 'all', '', 'share', s.withinTarget.share ?? ''],
    ...statsRows('first_response', 'all', '', 'first_response', s.firstResponse),
    ...statsRows('first_response', 'all', '', 'first_response_business', s.firstResponseBusiness),
    ...statsRows('handle_time', 'all', '', 'handle_time', s.handleTime),
    ...groupRows('by_day', s.byDay),
    ...groupRows('by_hour', s.byHour),
    ...groupRows('by_channel', s.byChannel),
    ...groupRows('by_intent', s.byIntent),
    ...groupRows('by_urgency', s.byUrgency),
    ...groupRows('by_sentiment', s.bySentiment),
    ...groupRows('by_flag', s.byFlag),
    ...groupRows('by_agent', s.byAgent),
    ...groupRows('by_template', s.byTemplate),
    ...groupRows('by_reason', s.byReason),
  ];
  for (const basis of ['calendar', 'business'] as const) {
    for (const b of s.responseBuckets[basis]) {
      rows.push([`response_buckets_${basis}`, b.key, b.label, 'count', b.count], [`response_buckets_${basis}`, b.key, b.label, 'share', b.share ?? '']);
    }
  }
  for (const t of s.templates) {
    rows.push(
      ['templates', t.templateId, t.templateId, 'uses', t.uses],
      ['templates', t.templateId, t.templateId, 'median_edit_distance', t.medianEditDistance ?? ''],
      ['templates', t.templateId, t.templateId, 'median_first_response_seconds', t.medianResponseSeconds ?? ''],
      ['templates', t.templateId, t.templateId, 'with_sentiment', t.withSentiment],
      ['templates', t.templateId, t.templateId, 'negative_share', t.negativeShare ?? ''],
    );
  }
  for (const axis of ['intent', 'sentiment'] as const) {
    const a = s.classifierAgreement[axis];
    const section = `classifier_${axis}`;
    rows.push([section, 'all', '', 'labelled', a.labelled], [section, 'all', '', 'corrected', a.corrected], [section, 'all', '', 'agreement', a.agreement ?? '']);
    for (const l of a.byLabel) {
      rows.push([section, l.label, l.label, 'predicted', l.predicted], [section, l.label, l.label, 'corrected', l.corrected], [section, l.label, l.label, 'correction_rate', l.correctionRate ?? '']);
    }
    for (const c of a.confusions) rows.push([section, `${c.from}->${c.to}`, `${c.from} → ${c.to}`, 'corrections', c.count]);
  }
  for (const kind of ['posted', 'answered'] as const) {
    s.heatmap[kind].forEach((hours, d) =>
      hours.forEach((v, h) => rows.push([`heatmap_${kind}`, `${d}-${String(h).padStart(2, '0')}`, `${WEEKDAYS[d]} ${String(h).padStart(2, '0')}:00`, 'count', v])),
    );
  }
  const lines = [csvRow(['section', 'key', 'label', 'metric', 'value'])];
  for (const r of rows) lines.push(csvRow(r.map((v) => (typeof v === 'string' ? neutraliseCell(v) : String(v)))));
  return `${options.bom === false ? '' : '\uFEFF'}${lines.join('\r\n')}\r\n`;
}
