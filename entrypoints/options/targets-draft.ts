/**
 * The response-targets form: targets typed as a number and a unit (minutes or hours), the due-soon
 * share as a percentage, and business hours as the settings hold them. Saving validates the whole
 * with SlaSettingsSchema and names each problem in the form's words.
 */
import { DEFAULT_SLA_SETTINGS, SlaSettingsSchema, type BusinessHours, type SlaSettings } from '../../lib/sla/settings';

export type TargetUnit = 'minutes' | 'hours';
export interface TargetDraft {
  amount: string;
  unit: TargetUnit;
}
export const CHANNELS = ['x', 'facebook'] as const;
export const URGENCIES = ['high', 'normal', 'low'] as const;
export type Channel = (typeof CHANNELS)[number];
export type UrgencyLevel = (typeof URGENCIES)[number];

export interface TargetsDraft {
  targets: Record<Channel, Record<UrgencyLevel, TargetDraft>>;
  dueSoonPercent: string;
  businessHours: BusinessHours;
  /** Kept as stored (the practice feed's own targets have no field here). */
  practice?: SlaSettings['targets']['practice'];
}

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
const CHANNEL_NAMES: Record<Channel, string> = { x: 'X', facebook: 'Facebook' };

function targetDraftOf(seconds: number): TargetDraft {
  if (seconds >= 3600 && seconds % 3600 === 0) return { amount: String(seconds / 3600), unit: 'hours' };
  return { amount: String(Math.round((seconds / 60) * 100) / 100), unit: 'minutes' };
}

/** The stored settings (validated) or the defaults. */
export function storedSlaSettings(raw: unknown): SlaSettings {
  const parsed = SlaSettingsSchema.safeParse(raw);
  return parsed.success ? parsed.data : DEFAULT_SLA_SETTINGS;
}

export function targetsDraftOf(settings: SlaSettings): TargetsDraft {
  const per = (c: Channel) => ({
    high: targetDraftOf(settings.targets[c].high),
    normal: targetDraftOf(settings.targets[c].normal),
    low: targetDraftOf(settings.targets[c].low),
  });
  return {
    targets: { x: per('x'), facebook: per('facebook') },
    dueSoonPercent: String(Math.round(settings.dueSoonShare * 100)),
    businessHours: structuredClone(settings.businessHours),
    ...(settings.targets.practice ? { practice: settings.targets.practice } : {}),
  };
}

export type TargetsCheck = { ok: true; settings: SlaSettings } | { ok: false; errors: string[] };

function pathInWords(path: readonly PropertyKey[]): string {
  const [head, a, b, c, d] = path.map(String);
  if (head === 'targets' && a && b) return `${CHANNEL_NAMES[a as Channel] ?? a}, ${b} urgency`;
  if (head === 'dueSoonShare') return 'Due soon';
  if (head === 'businessHours') {
    if (a === 'timeZone') return 'Time zone';
    if (a === 'holidays') return b === undefined ? 'Holidays' : `Holiday ${Number(b) + 1}`;
    if (a === 'week' && b !== undefined) {
      const day = WEEKDAYS[Number(b)] ?? `Day ${b}`;
      return c === undefined ? day : `${day}, period ${Number(c) + 1}${d ? ` (${d})` : ''}`;
    }
  }
  return path.join('.');
}

export function checkTargets(draft: TargetsDraft): TargetsCheck {
  const errors: string[] = [];
  const seconds = (c: Channel, u: UrgencyLevel): number => {
    const t = draft.targets[c][u];
    const n = Number(t.amount.replace(',', '.'));
    if (!t.amount.trim() || !Number.isFinite(n) || n <= 0) {
      errors.push(`${CHANNEL_NAMES[c]}, ${u} urgency: enter a number of ${t.unit} above zero.`);
      return 1;
    }
    return Math.round(n * (t.unit === 'hours' ? 3600 : 60));
  };
  const targets = {
    x: { high: seconds('x', 'high'), normal: seconds('x', 'normal'), low: seconds('x', 'low') },
    facebook: { high: seconds('facebook', 'high'), normal: seconds('facebook', 'normal'), low: seconds('facebook', 'low') },
    ...(draft.practice ? { practice: draft.practice } : {}),
  };
  const percent = Number(draft.dueSoonPercent);
  if (!Number.isFinite(percent) || percent <= 0 || percent >= 100) errors.push('Due soon: enter a percentage between 1 and 99.');
  for (const c of CHANNELS) {
    const t = targets[c];
    if (t.high > t.normal || t.normal > t.low) errors.push(`${CHANNEL_NAMES[c]}: a high-urgency target should not be longer than normal, nor normal longer than low.`);
  }
  const candidate = { targets, dueSoonShare: percent / 100, businessHours: draft.businessHours };
  const parsed = SlaSettingsSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.path[0] === 'targets' || issue.path[0] === 'dueSoonShare') continue; // said above, in the form's words
      errors.push(`${pathInWords(issue.path)}: ${issue.message}`);
    }
  }
  if (errors.length || !parsed.success) return { ok: false, errors: [...new Set(errors)] };
  return { ok: true, settings: parsed.data };
}

/** Time zones for the select: the runtime's list, with UTC. */
export function timeZoneList(): string[] {
  const supported = (Intl as unknown as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  return [...new Set(['UTC', ...supported])];
}
