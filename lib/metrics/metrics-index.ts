import { FLAG_NAMES, INTENTS, SENTIMENTS, type FlagName, type Urgency } from '../classify/types';
import type { HandledItem, HandledReason, SeenRecord } from '../db/schema';
import type { Site } from '../post';
import { DAY_MS, toWallMs, weekdayOfDay } from '../sla/time-zone';
import { defaultTimeZone } from './filter';
import { parseIsoMs } from './iso-time';

export const SITES: readonly Site[] = ['x', 'facebook', 'practice'];
export const URGENCIES: readonly Urgency[] = ['high', 'normal', 'low'];
export const REASONS: readonly HandledReason[] = ['replied', 'no_reply_needed', 'moved_to_dm', 'escalated', 'spam'];
/** Code of a missing label in the Uint8 label columns. */
export const NONE = 255;

function codeOf<T extends string>(labels: readonly T[]): Map<string, number> {
  return new Map(labels.map((l, i) => [l, i]));
}
const SITE_CODE = codeOf(SITES);
const INTENT_CODE = codeOf(INTENTS);
const SENTIMENT_CODE = codeOf(SENTIMENTS);
const URGENCY_CODE = codeOf(URGENCIES);
const REASON_CODE = codeOf(REASONS);
const FLAG_BIT = new Map(FLAG_NAMES.map((f, i) => [f as string, 1 << i]));

/** Interns strings (agent ids, template ids) to small integer codes. */
export class Interner {
  readonly codes = new Map<string, number>();
  readonly keys: string[] = [];
  code(key: string): number {
    let c = this.codes.get(key);
    if (c === undefined) {
      c = this.keys.length;
      this.codes.set(key, c);
      this.keys.push(key);
    }
    return c;
  }
}

const label = (map: Map<string, number>, v: string | undefined) => (v === undefined ? NONE : (map.get(v) ?? NONE));

function flagMask(flags: ReadonlyArray<{ name: FlagName }> | undefined): number {
  let m = 0;
  if (flags) for (const f of flags) m |= FLAG_BIT.get(f.name) ?? 0;
  return m;
}

/**
 * The log in columns: every field the dashboard filters or aggregates on, parsed once, so a
 * filter change only scans typed arrays. Build it when the log is loaded (or changes) and pass
 * it to `computeMetrics` / `applyFilter`; the raw arrays are kept, not copied.
 */
export interface MetricsIndex {
  readonly items: readonly HandledItem[];
  readonly seen: readonly SeenRecord[];
  readonly timeZone: string;
  readonly agents: Interner;
  /** Display name per agent code (the last name seen in the log; the id when none). */
  readonly agentNames: string[];
  readonly templates: Interner;
  /** Item columns (length = items.length). Times in ms, NaN when missing. */
  readonly item: {
    handledMs: Float64Array;
    /** Local day index (days since 1970-01-01) and hour of handling, in `timeZone`. */
    day: Int32Array;
    hour: Uint8Array;
    /** weekday × 24 + hour of the customer's post and of the answer; -1 when unknown. */
    postedCell: Int16Array;
    answeredCell: Int16Array;
    practice: Uint8Array;
    site: Uint8Array;
    /** Effective labels (the agent's correction when there is one); NONE when missing. */
    intent: Uint8Array;
    sentiment: Uint8Array;
    urgency: Uint8Array;
    /** Classifier's own labels and the agent's corrections, for agreement. */
    predictedIntent: Uint8Array;
    correctedIntent: Uint8Array;
    predictedSentiment: Uint8Array;
    correctedSentiment: Uint8Array;
    flags: Uint8Array;
    agent: Int32Array;
    /** -1 without a template. */
    template: Int32Array;
    reason: Uint8Array;
    replyCount: Float64Array;
    resp: Float64Array;
    respB: Float64Array;
    handle: Float64Array;
    editDistance: Float64Array;
    /** -1 unknown, 0 missed, 1 met. */
    met: Int8Array;
  };
  /** Lower-cased text per row for the search box; filled on the first search. */
  searchText?: { items: string[]; seen: string[] };
  readonly seenCols: {
    firstSeenMs: Float64Array;
    practice: Uint8Array;
    site: Uint8Array;
    intent: Uint8Array;
    urgency: Uint8Array;
    flags: Uint8Array;
    agent: Int32Array;
    /** 1 when the record says handled or a log item exists for the post. */
    answered: Uint8Array;
  };
}

function cellOf(timeZone: string, ms: number): number {
  if (Number.isNaN(ms)) return -1;
  const wall = toWallMs(timeZone, ms);
  const day = Math.floor(wall / DAY_MS);
  return weekdayOfDay(day) * 24 + Math.floor((wall - day * DAY_MS) / 3_600_000);
}

export function buildMetricsIndex(items: readonly HandledItem[], seen: readonly SeenRecord[] = [], timeZone = defaultTimeZone()): MetricsIndex {
  const n = items.length;
  const agents = new Interner();
  const templates = new Interner();
  const col = {
    handledMs: new Float64Array(n),
    day: new Int32Array(n),
    hour: new Uint8Array(n),
    postedCell: new Int16Array(n),
    answeredCell: new Int16Array(n),
    practice: new Uint8Array(n),
    site: new Uint8Array(n),
    intent: new Uint8Array(n),
    sentiment: new Uint8Array(n),
    urgency: new Uint8Array(n),
    predictedIntent: new Uint8Array(n),
    correctedIntent: new Uint8Array(n),
    predictedSentiment: new Uint8Array(n),
    correctedSentiment: new Uint8Array(n),
    flags: new Uint8Array(n),
    agent: new Int32Array(n),
    template: new Int32Array(n),
    reason: new Uint8Array(n),
    replyCount: new Float64Array(n),
    resp: new Float64Array(n),
    respB: new Float64Array(n),
    handle: new Float64Array(n),
    editDistance: new Float64Array(n),
    met: new Int8Array(n),
  };
  const agentNames: string[] = [];
  for (let i = 0; i < n; i++) {
    const it = items[i]!;
    const handled = parseIsoMs(it.handledAt);
    col.handledMs[i] = handled;
    const wall = toWallMs(timeZone, handled);
    const day = Math.floor(wall / DAY_MS);
    col.day[i] = day;
    col.hour[i] = Math.floor((wall - day * DAY_MS) / 3_600_000);
    col.postedCell[i] = cellOf(timeZone, parseIsoMs(it.postedAt));
    col.answeredCell[i] = cellOf(timeZone, it.repliedAt !== undefined ? parseIsoMs(it.repliedAt) : handled);
    col.practice[i] = it.mode === 'practice' ? 1 : 0;
    col.site[i] = label(SITE_CODE, it.site);
    col.predictedIntent[i] = label(INTENT_CODE, it.intent);
    col.correctedIntent[i] = label(INTENT_CODE, it.correctedIntent);
    col.intent[i] = it.correctedIntent !== undefined ? col.correctedIntent[i]! : col.predictedIntent[i]!;
    col.predictedSentiment[i] = label(SENTIMENT_CODE, it.sentiment);
    col.correctedSentiment[i] = label(SENTIMENT_CODE, it.correctedSentiment);
    col.sentiment[i] = it.correctedSentiment !== undefined ? col.correctedSentiment[i]! : col.predictedSentiment[i]!;
    col.urgency[i] = label(URGENCY_CODE, it.urgency);
    col.flags[i] = flagMask(it.flags);
    const agent = agents.code(it.agentId);
    col.agent[i] = agent;
    if (it.agentName) agentNames[agent] = it.agentName;
    col.template[i] = it.templateId === undefined ? -1 : templates.code(it.templateId);
    col.reason[i] = label(REASON_CODE, it.reason);
    col.replyCount[i] = it.replyCount;
    col.resp[i] = it.responseSeconds ?? Number.NaN;
    col.respB[i] = it.responseBusinessSeconds ?? Number.NaN;
    col.handle[i] = it.handleSeconds ?? Number.NaN;
    col.editDistance[i] = it.editDistance ?? Number.NaN;
    col.met[i] = it.targetMet === undefined ? -1 : it.targetMet ? 1 : 0;
  }
  const m = seen.length;
  const s = {
    firstSeenMs: new Float64Array(m),
    practice: new Uint8Array(m),
    site: new Uint8Array(m),
    intent: new Uint8Array(m),
    urgency: new Uint8Array(m),
    flags: new Uint8Array(m),
    agent: new Int32Array(m),
    answered: new Uint8Array(m),
  };
  let itemIds: Set<string> | undefined;
  for (let i = 0; i < m; i++) {
    const r = seen[i]!;
    s.firstSeenMs[i] = parseIsoMs(r.firstSeenAt);
    s.practice[i] = r.mode === 'practice' ? 1 : 0;
    s.site[i] = label(SITE_CODE, r.site);
    s.intent[i] = label(INTENT_CODE, r.intent);
    s.urgency[i] = label(URGENCY_CODE, r.urgency);
    s.flags[i] = flagMask(r.flags);
    s.agent[i] = agents.code(r.agentId);
    if (r.handled) {
      s.answered[i] = 1;
      continue;
    }
    // Not marked handled: answered if the log has an item for the post. Item ids are
    // `${agentId}:${site}:${postId}` (lib/db/schema.ts). The id set is built only when needed.
    itemIds ??= new Set(items.map((it) => it.id));
    s.answered[i] = itemIds.has(r.id) || itemIds.has(`${r.agentId}:${r.site}:${r.postId}`) ? 1 : 0;
  }
  for (let a = 0; a < agents.keys.length; a++) agentNames[a] ??= agents.keys[a]!;
  return { items, seen, timeZone, agents, agentNames, templates, item: col, seenCols: s };
}

export const codes = { SITE_CODE, INTENT_CODE, SENTIMENT_CODE, URGENCY_CODE, REASON_CODE, FLAG_BIT };

/** Every item row of an index (for the helpers that take plain items). */
export function allRows(index: MetricsIndex): Int32Array {
  const rows = new Int32Array(index.items.length);
  for (let i = 0; i < rows.length; i++) rows[i] = i;
  return rows;
}
