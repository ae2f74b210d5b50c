import type { BlankDraft } from '../../entrypoints/options/template-draft';
import { inputClass, secondaryButton, dangerButton } from './classes';

/** Fill-in blanks of a template: key, label, kind (text/choice/date), options, required, hint. */
export function BlanksEditor({ blanks, onChange, onAdd }: { blanks: BlankDraft[]; onChange: (next: BlankDraft[]) => void; onAdd: () => void }) {
  const update = (i: number, patch: Partial<BlankDraft>) => onChange(blanks.map((b, j) => (j === i ? { ...b, ...patch } : b)));
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-semibold text-ink">Fill-in blanks</legend>
      <p className="text-xs text-muted">
        Asked in the sidebar before inserting. Use a blank in a body as <code>{'{{blank.KEY}}'}</code>.
      </p>
      {blanks.length === 0 ? <p className="text-sm text-muted">No blanks.</p> : null}
      {blanks.map((blank, i) => (
        <div key={i} className="grid grid-cols-1 gap-2 rounded border border-line p-2 sm:grid-cols-6" data-testid="blank-row">
          <label className="text-xs text-muted sm:col-span-1">
            Key
            <input className={inputClass} value={blank.key} aria-label={`Blank ${i + 1} key`} onChange={(e) => update(i, { key: e.target.value })} />
          </label>
          <label className="text-xs text-muted sm:col-span-2">
            Label
            <input className={inputClass} value={blank.label} aria-label={`Blank ${i + 1} label`} onChange={(e) => update(i, { label: e.target.value })} />
          </label>
          <label className="text-xs text-muted sm:col-span-1">
            Kind
            <select className={inputClass} value={blank.kind} aria-label={`Blank ${i + 1} kind`} onChange={(e) => update(i, { kind: e.target.value as BlankDraft['kind'] })}>
              <option value="text">text</option>
              <option value="choice">choice</option>
              <option value="date">date</option>
            </select>
          </label>
          <label className="flex items-end gap-1 text-xs text-ink sm:col-span-1">
            <input type="checkbox" checked={blank.required} onChange={(e) => update(i, { required: e.target.checked })} aria-label={`Blank ${i + 1} required`} />
            required
          </label>
          <div className="flex items-end sm:col-span-1">
            <button type="button" className={dangerButton} onClick={() => onChange(blanks.filter((_, j) => j !== i))} aria-label={`Remove blank ${i + 1}`}>
              Remove
            </button>
          </div>
          {blank.kind === 'choice' ? (
            <label className="text-xs text-muted sm:col-span-3">
              Options (comma-separated, at least two)
              <input className={inputClass} value={blank.optionsText} aria-label={`Blank ${i + 1} options`} onChange={(e) => update(i, { optionsText: e.target.value })} />
            </label>
          ) : null}
          <label className="text-xs text-muted sm:col-span-3">
            Hint (optional)
            <input className={inputClass} value={blank.hint} aria-label={`Blank ${i + 1} hint`} onChange={(e) => update(i, { hint: e.target.value })} />
          </label>
        </div>
      ))}
      <button type="button" className={secondaryButton} onClick={onAdd} disabled={blanks.length >= 10}>
        Add a blank
      </button>
    </fieldset>
  );
}
