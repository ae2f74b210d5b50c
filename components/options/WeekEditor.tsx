import type { Period } from '../../lib/sla/settings';
import { dangerButton, inputClass, secondaryButton } from './classes';

/** A weekly calendar, Monday first: each day holds zero or more opening periods (HH:MM–HH:MM). */
export function WeekEditor({ week, dayNames, onChange, disabled }: { week: Period[][]; dayNames: readonly string[]; onChange: (next: Period[][]) => void; disabled?: boolean }) {
  const setDay = (d: number, periods: Period[]) => onChange(week.map((p, i) => (i === d ? periods : p)));
  return (
    <fieldset className="space-y-2" disabled={disabled}>
      <legend className="text-sm font-semibold text-ink">Opening hours (24-hour clock; 24:00 is midnight)</legend>
      {week.map((periods, d) => (
        <div key={d} className="flex flex-wrap items-center gap-2 border-t border-line pt-2" data-testid={`day-${d}`}>
          <span className="w-24 text-sm font-semibold text-ink">{dayNames[d]}</span>
          {periods.length === 0 ? <span className="text-sm text-muted">Closed</span> : null}
          {periods.map((period, i) => (
            <span key={i} className="flex items-center gap-1">
              <input
                className={`${inputClass} mt-0 w-20!`}
                aria-label={`${dayNames[d]} period ${i + 1} opens`}
                value={period.start}
                placeholder="09:00"
                onChange={(e) => setDay(d, periods.map((p, j) => (j === i ? { ...p, start: e.target.value } : p)))}
              />
              <span aria-hidden="true">–</span>
              <input
                className={`${inputClass} mt-0 w-20!`}
                aria-label={`${dayNames[d]} period ${i + 1} closes`}
                value={period.end}
                placeholder="17:00"
                onChange={(e) => setDay(d, periods.map((p, j) => (j === i ? { ...p, end: e.target.value } : p)))}
              />
              <button type="button" className={`${dangerButton} px-2`} aria-label={`Remove ${dayNames[d]} period ${i + 1}`} onClick={() => setDay(d, periods.filter((_, j) => j !== i))}>
                ✕
              </button>
            </span>
          ))}
          <button
            type="button"
            className={`${secondaryButton} px-2 text-sm`}
            aria-label={`Add a period on ${dayNames[d]}`}
            onClick={() => {
              const last = periods.at(-1);
              setDay(d, [...periods, last ? { start: last.end === '24:00' ? '23:00' : last.end, end: '24:00' } : { start: '09:00', end: '17:00' }]);
            }}
          >
            + period
          </button>
          {d > 0 ? (
            <button type="button" className="text-xs text-accent underline" onClick={() => setDay(d, week[d - 1]!.map((p) => ({ ...p })))} aria-label={`Copy ${dayNames[d - 1]} to ${dayNames[d]}`}>
              same as {dayNames[d - 1]}
            </button>
          ) : null}
        </div>
      ))}
    </fieldset>
  );
}
