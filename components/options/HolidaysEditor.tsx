import { useState } from 'react';
import { dangerButton, inputClass, secondaryButton } from './classes';

/** Whole days without business hours, as YYYY-MM-DD dates. */
export function HolidaysEditor({ holidays, onChange, disabled }: { holidays: string[]; onChange: (next: string[]) => void; disabled?: boolean }) {
  const [day, setDay] = useState('');
  return (
    <fieldset className="space-y-2" disabled={disabled}>
      <legend className="text-sm font-semibold text-ink">Holidays (closed all day)</legend>
      <div className="flex items-end gap-2">
        <label className="text-xs text-muted">
          Date
          <input type="date" className={`${inputClass} w-44!`} value={day} onChange={(e) => setDay(e.target.value)} aria-label="Holiday date" />
        </label>
        <button
          type="button"
          className={secondaryButton}
          disabled={!day || holidays.includes(day)}
          onClick={() => {
            onChange([...holidays, day].sort());
            setDay('');
          }}
        >
          Add holiday
        </button>
      </div>
      {holidays.length === 0 ? (
        <p className="text-sm text-muted">No holidays.</p>
      ) : (
        <ul className="flex flex-wrap gap-2" aria-label="Holidays">
          {holidays.map((h) => (
            <li key={h} className="flex items-center gap-1 rounded border border-line px-2 py-0.5 text-sm text-ink">
              <span data-testid="holiday">{h}</span>
              <button type="button" className={`${dangerButton} border-0 px-1`} aria-label={`Remove holiday ${h}`} onClick={() => onChange(holidays.filter((x) => x !== h))}>
                ✕
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
