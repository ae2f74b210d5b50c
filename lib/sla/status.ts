import type { Site } from '../post';
import type { Urgency } from '../classify/types';
import { addBusinessMs, calendarFor, elapsedBusinessMs, isOpenAt } from './business-hours';
import { targetFor, type SlaSettings } from './settings';

export type SlaState = 'on_track' | 'due_soon' | 'breached' | 'unknown';

export interface SlaStatusInput {
  /** When the customer posted; undefined or NaN when the page did not say (state 'unknown'). */
  postedAtMs: number | undefined;
  nowMs: number;
  site: Site;
  urgency?: Urgency | undefined;
  settings: SlaSettings;
}

export interface SlaStatus {
  state: SlaState;
  /** Calendar time since the post (0 if the post claims to be in the future). */
  elapsedMs: number;
  /** Business time since the post; equals `elapsedMs` when business hours are off. */
  elapsedBusinessMs: number;
  /** True when the clock counts business time only. */
  countsBusinessTime: boolean;
  /** True when business hours are on and the team is closed now: the timer is paused. */
  isPaused: boolean;
  targetMs: number;
  /** Absolute instant of the breach (deadline as data, for alarms). Infinity if never. */
  dueAtMs: number;
  /** Absolute instant the post turns "due soon". */
  dueSoonAtMs: number;
  /**
   * Time left before the breach on the clock that counts (business time when business hours are
   * on); negative once breached: how far over.
   */
  remainingMs: number;
}

/**
 * The live response timer of one post. Cheap enough to call for every queued post every second:
 * the business calendar is compiled once per settings object and cached per day.
 */
export function slaStatus(input: SlaStatusInput): SlaStatus {
  const { postedAtMs, nowMs, site, urgency, settings } = input;
  const targetMs = targetFor(settings, site, urgency) * 1000;
  const hours = settings.businessHours;
  const countsBusinessTime = hours.enabled;
  const cal = countsBusinessTime ? calendarFor(hours) : undefined;
  const isPaused = cal !== undefined && !isOpenAt(nowMs, cal);
  if (postedAtMs === undefined || !Number.isFinite(postedAtMs)) {
    return {
      state: 'unknown',
      elapsedMs: 0,
      elapsedBusinessMs: 0,
      countsBusinessTime,
      isPaused,
      targetMs,
      dueAtMs: Number.NaN,
      dueSoonAtMs: Number.NaN,
      remainingMs: Number.NaN,
    };
  }
  const elapsedMs = Math.max(0, nowMs - postedAtMs);
  const business = cal ? elapsedBusinessMs(postedAtMs, nowMs, cal) : elapsedMs;
  const dueSoonMs = Math.round(targetMs * settings.dueSoonShare);
  const dueAtMs = cal ? addBusinessMs(postedAtMs, targetMs, cal) : postedAtMs + targetMs;
  const dueSoonAtMs = cal ? addBusinessMs(postedAtMs, dueSoonMs, cal) : postedAtMs + dueSoonMs;
  const counted = cal ? business : elapsedMs;
  const state: SlaState = counted >= targetMs ? 'breached' : counted >= dueSoonMs ? 'due_soon' : 'on_track';
  return {
    state,
    elapsedMs,
    elapsedBusinessMs: business,
    countsBusinessTime,
    isPaused,
    targetMs,
    dueAtMs,
    dueSoonAtMs,
    remainingMs: targetMs - counted,
  };
}

export interface ResponseFigures {
  /** Calendar seconds from posted to responded (undefined without a posted time). */
  responseSeconds?: number;
  /** Business seconds from posted to responded (equals calendar when business hours are off). */
  responseBusinessSeconds?: number;
  /** Seconds from the agent first having the post in focus to the reply going out. */
  handleSeconds?: number;
  targetSeconds: number;
  targetMet?: boolean;
}

/**
 * The figures a HandledItem stores when a reply goes out (or the post is marked handled):
 * response time (calendar and business), handle time, target and whether it was met, judged on
 * the clock the team counts (business time when business hours are on).
 */
export function responseFigures(input: {
  postedAtMs: number | undefined;
  firstSeenAtMs: number | undefined;
  respondedAtMs: number;
  site: Site;
  urgency?: Urgency | undefined;
  settings: SlaSettings;
}): ResponseFigures {
  const { postedAtMs, firstSeenAtMs, respondedAtMs, site, urgency, settings } = input;
  const targetSeconds = targetFor(settings, site, urgency);
  const out: ResponseFigures = { targetSeconds };
  if (firstSeenAtMs !== undefined && Number.isFinite(firstSeenAtMs)) {
    out.handleSeconds = Math.max(0, respondedAtMs - firstSeenAtMs) / 1000;
  }
  if (postedAtMs !== undefined && Number.isFinite(postedAtMs)) {
    const calendar = Math.max(0, respondedAtMs - postedAtMs);
    const hours = settings.businessHours;
    const business = hours.enabled ? elapsedBusinessMs(postedAtMs, respondedAtMs, hours) : calendar;
    out.responseSeconds = calendar / 1000;
    out.responseBusinessSeconds = business / 1000;
    out.targetMet = (hours.enabled ? business : calendar) <= targetSeconds * 1000;
  }
  return out;
}

/** Handle time in ms: first in focus to reply sent (0 if the order is reversed by clock skew). */
export function handleTimeMs(firstSeenAtMs: number, sentAtMs: number): number {
  return Math.max(0, sentAtMs - firstSeenAtMs);
}
