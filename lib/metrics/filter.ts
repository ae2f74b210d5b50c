import * as z from 'zod/mini';
import { SiteSchema } from '../post';
import { FlagNameSchema, IntentSchema, UrgencySchema } from '../classify/types';
import { ModeSchema, type HandledItem } from '../db/schema';
import { DAY_MS, dayOfIsoDate, localDayIndex, wallToInstant } from '../sla/time-zone';

export const RANGE_PRESETS = ['today', 'yesterday', 'last_7_days', 'last_30_days', 'last_90_days', 'this_month', 'last_month', 'all', 'custom'] as const;
export const RangePresetSchema = z.enum(RANGE_PRESETS);
export type RangePreset = z.infer<typeof RangePresetSchema>;

const IsoDay = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'Dates are YYYY-MM-DD.'));

/**
 * What the dashboard shows. Empty lists mean "all". Live and practice are never mixed: `mode`
 * picks one. The date range applies to when an item was handled (`handledAt`) and, for the
 * response rate's denominator, to when a post was first seen (`firstSeenAt`). `from`/`to` are
 * inclusive local dates used when `range` is 'custom' (either may be left open).
 */
export const DashboardFilterSchema = z.object({
  mode: ModeSchema,
  range: RangePresetSchema,
  from: z.optional(IsoDay),
  to: z.optional(IsoDay),
  sites: z.array(SiteSchema),
  agents: z.array(z.string()),
  intents: z.array(IntentSchema),
  urgencies: z.array(UrgencySchema),
  flags: z.array(FlagNameSchema),
  met: z.enum(['any', 'met', 'missed']),
  /** Case-insensitive text search in the post, author, reply, notes, tags and template id. */
  q: z.string(),
});
export type DashboardFilter = z.infer<typeof DashboardFilterSchema>;

export const DEFAULT_FILTER: DashboardFilter = {
  mode: 'live',
  range: 'last_30_days',
  sites: [],
  agents: [],
  intents: [],
  urgencies: [],
  flags: [],
  met: 'any',
  q: '',
};

/** Where "today" is: the clock and the time zone the dashboard reads dates in. */
export interface FilterContext {
  nowMs?: number;
  /** IANA zone for date ranges, days and hours (default: the runtime's own zone). */
  timeZone?: string;
}

export function defaultTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

const LIST_KEYS = [
  ['sites', 'site'],
  ['agents', 'agent'],
  ['intents', 'intent'],
  ['urgencies', 'urgency'],
  ['flags', 'flag'],
] as const;

/** The filter as URL search params, defaults left out; lists as repeated keys (site=x&site=facebook). */
export function filterToSearchParams(filter: DashboardFilter): URLSearchParams {
  const p = new URLSearchParams();
  if (filter.mode !== DEFAULT_FILTER.mode) p.set('mode', filter.mode);
  if (filter.range !== DEFAULT_FILTER.range) p.set('range', filter.range);
  if (filter.range === 'custom') {
    if (filter.from) p.set('from', filter.from);
    if (filter.to) p.set('to', filter.to);
  }
  for (const [key, param] of LIST_KEYS) {
    for (const v of filter[key]) p.append(param, v);
  }
  if (filter.met !== 'any') p.set('met', filter.met);
  if (filter.q) p.set('q', filter.q);
  return p;
}

/**
 * Reads a bookmarked filter. Unknown or malformed values are dropped (a hand-edited URL never
 * breaks the dashboard); missing ones take the defaults.
 */
export function filterFromSearchParams(params: URLSearchParams | string): DashboardFilter {
  const p = typeof params === 'string' ? new URLSearchParams(params) : params;
  const pick = <T>(schema: z.ZodMiniType<T>, value: string | null, fallback: T): T => {
    if (value === null) return fallback;
    const r = schema.safeParse(value);
    return r.success ? r.data : fallback;
  };
  const list = <T>(schema: z.ZodMiniType<T>, param: string): T[] => {
    const out: T[] = [];
    for (const v of p.getAll(param)) {
      const r = schema.safeParse(v);
      if (r.success && !out.includes(r.data)) out.push(r.data);
    }
    return out;
  };
  const range = pick(RangePresetSchema, p.get('range'), DEFAULT_FILTER.range);
  const filter: DashboardFilter = {
    mode: pick(ModeSchema, p.get('mode'), DEFAULT_FILTER.mode),
    range,
    sites: list(SiteSchema, 'site'),
    agents: list(z.string().check(z.minLength(1)), 'agent'),
    intents: list(IntentSchema, 'intent'),
    urgencies: list(UrgencySchema, 'urgency'),
    flags: list(FlagNameSchema, 'flag'),
    met: pick(z.enum(['any', 'met', 'missed']), p.get('met'), 'any'),
    q: p.get('q') ?? '',
  };
  if (range === 'custom') {
    const from = pick(IsoDay, p.get('from'), undefined);
    const to = pick(IsoDay, p.get('to'), undefined);
    if (from && !Number.isNaN(dayOfIsoDate(from))) filter.from = from;
    if (to && !Number.isNaN(dayOfIsoDate(to))) filter.to = to;
  }
  return filter;
}

export interface ResolvedRange {
  /** Inclusive start instant (ms), -Infinity when open. */
  fromMs: number;
  /** Exclusive end instant (ms), +Infinity when open. */
  toMs: number;
}

/** The filter's date range as instants: whole local days in `timeZone`. */
export function resolveRange(filter: Pick<DashboardFilter, 'range' | 'from' | 'to'>, ctx: FilterContext = {}): ResolvedRange {
  const tz = ctx.timeZone ?? defaultTimeZone();
  const now = ctx.nowMs ?? Date.now();
  const today = localDayIndex(tz, now);
  const startOf = (day: number) => wallToInstant(tz, day * DAY_MS);
  const monthStart = (day: number, monthsBack: number) => {
    const d = new Date(day * DAY_MS);
    return Math.floor(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - monthsBack, 1) / DAY_MS);
  };
  switch (filter.range) {
    case 'today':
      return { fromMs: startOf(today), toMs: startOf(today + 1) };
    case 'yesterday':
      return { fromMs: startOf(today - 1), toMs: startOf(today) };
    case 'last_7_days':
      return { fromMs: startOf(today - 6), toMs: startOf(today + 1) };
    case 'last_30_days':
      return { fromMs: startOf(today - 29), toMs: startOf(today + 1) };
    case 'last_90_days':
      return { fromMs: startOf(today - 89), toMs: startOf(today + 1) };
    case 'this_month':
      return { fromMs: startOf(monthStart(today, 0)), toMs: startOf(today + 1) };
    case 'last_month':
      return { fromMs: startOf(monthStart(today, 1)), toMs: startOf(monthStart(today, 0)) };
    case 'all':
      return { fromMs: Number.NEGATIVE_INFINITY, toMs: Number.POSITIVE_INFINITY };
    case 'custom': {
      const from = filter.from ? dayOfIsoDate(filter.from) : Number.NaN;
      const to = filter.to ? dayOfIsoDate(filter.to) : Number.NaN;
      return {
        fromMs: Number.isNaN(from) ? Number.NEGATIVE_INFINITY : startOf(from),
        toMs: Number.isNaN(to) ? Number.POSITIVE_INFINITY : startOf(to + 1),
      };
    }
    default: {
      const never: never = filter.range;
      throw new Error(`Unknown range ${String(never)}`);
    }
  }
}

/** The intent the metrics count: the agent's correction when there is one. */
export function effectiveIntent(item: Pick<HandledItem, 'intent' | 'correctedIntent'>) {
  return item.correctedIntent ?? item.intent;
}

/** The sentiment the metrics count: the agent's correction when there is one. */
export function effectiveSentiment(item: Pick<HandledItem, 'sentiment' | 'correctedSentiment'>) {
  return item.correctedSentiment ?? item.sentiment;
}
