import * as z from 'zod/mini';
import type { Site } from '../post';
import type { Urgency } from '../classify/types';
import { isValidTimeZone } from './time-zone';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** Minutes since midnight of 'HH:MM' ('24:00' is 1440). */
export function minutesOfHhmm(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/**
 * One opening period of a day, local wall-clock time. A period never crosses midnight: a night
 * shift 22:00–02:00 is written as 22:00–24:00 on one day and 00:00–02:00 on the next, so that a
 * holiday or a weekday clearly owns each hour.
 */
export const PeriodSchema = z
  .object({
    start: z.string().check(z.regex(HHMM, 'Use 24-hour HH:MM, e.g. 09:00.')),
    end: z.string().check(z.regex(HHMM, 'Use 24-hour HH:MM, e.g. 17:00 (24:00 for midnight).')),
  })
  .check(
    z.refine((p) => !HHMM.test(p.start) || !HHMM.test(p.end) || minutesOfHhmm(p.end) > minutesOfHhmm(p.start), {
      message:
        'A period must end after it starts. For a shift across midnight (e.g. 22:00–02:00), add 22:00–24:00 on the first day and 00:00–02:00 on the next.',
    }),
  );
export type Period = z.infer<typeof PeriodSchema>;

function periodsOverlap(periods: readonly Period[]): boolean {
  const sorted = periods
    .filter((p) => HHMM.test(p.start) && HHMM.test(p.end))
    .map((p) => [minutesOfHhmm(p.start), minutesOfHhmm(p.end)] as const)
    .sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]![0] < sorted[i - 1]![1]) return true;
  }
  return false;
}

const DayPeriodsSchema = z
  .array(PeriodSchema)
  .check(z.refine((ps) => !periodsOverlap(ps), { message: 'Periods of one day must not overlap.' }));

const ISO_DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export const BusinessHoursSchema = z.object({
  enabled: z.boolean(),
  /** IANA time zone the calendar is written in, e.g. 'Europe/London'. */
  timeZone: z.string().check(z.refine(isValidTimeZone, 'Unknown time zone: use an IANA name such as Europe/London.')),
  /** Seven days, Monday first (ISO order): week[0] is Monday, week[6] is Sunday. */
  week: z.array(DayPeriodsSchema).check(z.length(7, 'The week needs seven days, Monday first.')),
  /** Whole local days with no business hours, 'YYYY-MM-DD'. */
  holidays: z.array(z.string().check(z.regex(ISO_DAY, 'Holidays are dates written YYYY-MM-DD.'))),
});
export type BusinessHours = z.infer<typeof BusinessHoursSchema>;

const seconds = z.number().check(z.positive('A target must be more than zero seconds.'));
const UrgencyTargetsSchema = z.object({ high: seconds, normal: seconds, low: seconds });
export type UrgencyTargets = z.infer<typeof UrgencyTargetsSchema>;

export const SlaSettingsSchema = z.object({
  /** Response targets in seconds per channel and urgency. Practice uses the X targets unless set. */
  targets: z.object({
    x: UrgencyTargetsSchema,
    facebook: UrgencyTargetsSchema,
    practice: z.optional(UrgencyTargetsSchema),
  }),
  /** Share of the target after which a post is "due soon" (0 < share < 1). */
  dueSoonShare: z.number().check(z.gt(0, 'Must be more than 0.'), z.lt(1, 'Must be less than 1.')),
  businessHours: BusinessHoursSchema,
});
export type SlaSettings = z.infer<typeof SlaSettingsSchema>;

const MIN = 60;
const HOUR = 3600;
const NINE_TO_FIVE: Period[] = [{ start: '09:00', end: '17:00' }];

export const DEFAULT_BUSINESS_HOURS: BusinessHours = {
  enabled: false,
  timeZone: 'UTC',
  week: [NINE_TO_FIVE, NINE_TO_FIVE, NINE_TO_FIVE, NINE_TO_FIVE, NINE_TO_FIVE, [], []],
  holidays: [],
};

export const DEFAULT_SLA_SETTINGS: SlaSettings = {
  targets: {
    x: { high: 15 * MIN, normal: 60 * MIN, low: 4 * HOUR },
    facebook: { high: 60 * MIN, normal: 4 * HOUR, low: 24 * HOUR },
  },
  dueSoonShare: 0.75,
  businessHours: DEFAULT_BUSINESS_HOURS,
};

/** Target in seconds for a post on `site` at `urgency` (missing urgency counts as normal). */
export function targetFor(settings: SlaSettings, site: Site, urgency: Urgency | undefined): number {
  const u: Urgency = urgency ?? 'normal';
  switch (site) {
    case 'x':
      return settings.targets.x[u];
    case 'facebook':
      return settings.targets.facebook[u];
    case 'practice':
      return (settings.targets.practice ?? settings.targets.x)[u];
    default: {
      const never: never = site;
      throw new Error(`Unknown site ${String(never)}`);
    }
  }
}
