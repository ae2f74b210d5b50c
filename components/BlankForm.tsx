import { useState } from 'react';
import type { Blank } from '../lib/templates/schema';

export interface BlankFormProps {
  templateName: string;
  blanks: readonly Blank[];
  errors: Record<string, string>;
  onSubmit(values: Record<string, string>): void;
  onCancel(): void;
}

/** The small form a template with blanks asks for before it is inserted. */
export function BlankForm({ templateName, blanks, errors, onSubmit, onCancel }: BlankFormProps) {
  const [values, setValues] = useState<Record<string, string>>({});
  return (
    <form
      aria-label={`Fill in ${templateName}`}
      data-testid="blank-form"
      className="m-3 space-y-2 rounded-lg border border-accent/50 bg-surface-2 p-3 text-sm"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(values);
      }}
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
    >
      <p className="font-semibold">Fill in “{templateName}”</p>
      {blanks.map((blank, i) => {
        const id = `blank-${blank.key}`;
        const common = {
          id,
          name: blank.key,
          autoFocus: i === 0,
          'aria-invalid': errors[blank.key] ? true : undefined,
          'aria-describedby': errors[blank.key] ? `${id}-error` : undefined,
          className: 'mt-1 block w-full rounded border border-line bg-surface px-2 py-1',
          value: values[blank.key] ?? '',
          onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [blank.key]: e.target.value })),
        };
        return (
          <label key={blank.key} htmlFor={id} className="block">
            <span>{blank.label}{blank.required ? ' *' : ''}</span>
            {blank.kind === 'choice' ? (
              <select {...common}>
                <option value="">Choose…</option>
                {(blank.options ?? []).map((o) => <option key={o} value={o}>{o}</option>)}
              </select>
            ) : (
              <input {...common} type={blank.kind === 'date' ? 'date' : 'text'} />
            )}
            {blank.hint ? <span className="text-xs text-muted">{blank.hint}</span> : null}
            {errors[blank.key] ? <span id={`${id}-error`} role="alert" className="block text-xs text-bad">{errors[blank.key]}</span> : null}
          </label>
        );
      })}
      <div className="flex gap-2">
        <button type="submit" className="rounded bg-accent px-3 py-1 font-semibold text-accent-ink">Insert</button>
        <button type="button" className="rounded border border-line px-3 py-1" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
