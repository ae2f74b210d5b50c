import { useId, type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes } from 'react';
import { inputClass } from './classes';

/** A labelled text input with an optional hint and error (tied with aria-describedby). */
export function TextField({
  label,
  hint,
  error,
  className,
  ...input
}: { label: ReactNode; hint?: ReactNode; error?: string } & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id} className="text-sm font-semibold text-ink">{label}</label>
      <input id={id} className={inputClass} aria-invalid={error ? true : undefined} aria-describedby={hint || error ? `${id}-note` : undefined} {...input} />
      <FieldNote id={`${id}-note`} hint={hint} error={error} />
    </div>
  );
}

export function TextAreaField({
  label,
  hint,
  error,
  className,
  ...area
}: { label: ReactNode; hint?: ReactNode; error?: string } & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id} className="text-sm font-semibold text-ink">{label}</label>
      <textarea id={id} className={`${inputClass} font-mono text-[13px]`} aria-invalid={error ? true : undefined} aria-describedby={hint || error ? `${id}-note` : undefined} {...area} />
      <FieldNote id={`${id}-note`} hint={hint} error={error} />
    </div>
  );
}

function FieldNote({ id, hint, error }: { id: string; hint?: ReactNode; error?: string }) {
  if (!hint && !error) return null;
  return (
    <div id={id} className="mt-1 text-xs">
      {error ? <p className="text-bad">{error}</p> : null}
      {hint ? <div className="text-muted">{hint}</div> : null}
    </div>
  );
}

export function CheckboxField({ label, hint, checked, onChange, disabled }: { label: ReactNode; hint?: ReactNode; checked: boolean; onChange: (checked: boolean) => void; disabled?: boolean }) {
  return (
    <label className="flex items-start gap-2">
      <input type="checkbox" className="mt-1 accent-[var(--cl-accent)]" checked={checked} disabled={disabled} onChange={(e) => onChange(e.target.checked)} />
      <span>
        <span className="text-sm text-ink">{label}</span>
        {hint ? <span className="block text-xs text-muted">{hint}</span> : null}
      </span>
    </label>
  );
}

/** A set of checkboxes over a list of values (intents, tones, …). */
export function CheckboxGroup<T extends string>({
  legend,
  options,
  selected,
  onChange,
  hint,
}: {
  legend: string;
  options: readonly T[];
  selected: readonly string[];
  onChange: (next: T[]) => void;
  hint?: string;
}) {
  return (
    <fieldset>
      <legend className="text-sm font-semibold text-ink">{legend}</legend>
      {hint ? <p className="text-xs text-muted">{hint}</p> : null}
      <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
        {options.map((option) => (
          <label key={option} className="flex items-center gap-1 text-sm text-ink">
            <input
              type="checkbox"
              checked={selected.includes(option)}
              onChange={(e) => onChange(e.target.checked ? [...(selected as T[]), option] : (selected as T[]).filter((s) => s !== option))}
            />
            {option.replace(/_/gu, ' ')}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** "Saved." after a save, or the save's error. */
export function SaveStatus({ state }: { state: { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: Date } | { kind: 'error'; message: string } }) {
  switch (state.kind) {
    case 'idle':
      return <span role="status" aria-live="polite" />;
    case 'saving':
      return <span role="status" className="text-sm text-muted">Saving…</span>;
    case 'saved':
      return <span role="status" className="text-sm text-good">Saved at {state.at.toLocaleTimeString()}.</span>;
    case 'error':
      return <span role="alert" className="text-sm text-bad">{state.message}</span>;
    default: {
      const never: never = state;
      return never;
    }
  }
}
export type SaveState = Parameters<typeof SaveStatus>[0]['state'];

/** A list of errors, announced when it appears. */
export function ErrorList({ title, errors, testId }: { title: string; errors: readonly string[]; testId?: string }) {
  if (errors.length === 0) return null;
  return (
    <div role="alert" className="rounded border border-bad/50 bg-bad/5 p-3 text-sm" data-testid={testId}>
      <p className="font-semibold text-bad">{title}</p>
      <ul className="mt-1 list-disc pl-5 text-ink">
        {errors.map((e, i) => (
          <li key={i}>{e}</li>
        ))}
      </ul>
    </div>
  );
}
