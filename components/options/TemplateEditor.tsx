import { FLAG_NAMES, INTENTS, SENTIMENTS } from '../../lib/classify/types';
import { TONES } from '../../lib/templates/schema';
import { TEMPLATE_VARIABLES, VARIABLE_DESCRIPTIONS } from '../../lib/templates/variables';
import { formatIssue } from '../../lib/templates/render';
import { bodyIssues, emptyBlank, type DraftChannel, type TemplateDraft } from '../../entrypoints/options/template-draft';
import { BlanksEditor } from './BlanksEditor';
import { CheckboxGroup, ErrorList, TextAreaField, TextField } from './FormControls';
import { TemplatePreview, type PreviewProfile } from './TemplatePreview';
import { primaryButton, secondaryButton } from './classes';

const BODY_LABELS: Record<DraftChannel, string> = {
  x: 'Body for X',
  facebook: 'Body for Facebook',
  any: 'Body for both (used where a channel has no body of its own)',
};

/** The template form: fields, live body checks with line and column, blanks, and a live preview. */
export function TemplateEditor({
  draft,
  onChange,
  onSave,
  onCancel,
  saveErrors,
  saving,
  profile,
}: {
  draft: TemplateDraft;
  onChange: (next: TemplateDraft) => void;
  onSave: () => void;
  onCancel: () => void;
  saveErrors: readonly string[];
  saving: boolean;
  profile: PreviewProfile;
}) {
  const set = (patch: Partial<TemplateDraft>) => onChange({ ...draft, ...patch });
  return (
    <form
      aria-label={draft.isNew ? 'New template' : `Edit template ${draft.name}`}
      className="space-y-4 rounded-lg border border-line p-4"
      onSubmit={(e) => {
        e.preventDefault();
        onSave();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <h3 className="text-base font-bold text-ink">{draft.isNew ? 'New template' : 'Edit template'}</h3>
      <div className="grid gap-4 lg:grid-cols-[1fr_22rem]">
        <div className="space-y-3">
          <TextField label="Name" value={draft.name} onChange={(e) => set({ name: e.target.value })} maxLength={120} autoFocus />
          {(['x', 'facebook', 'any'] as const).map((channel) => {
            const issues = bodyIssues(draft, channel);
            return (
              <TextAreaField
                key={channel}
                label={BODY_LABELS[channel]}
                rows={channel === 'facebook' ? 4 : 3}
                value={draft.bodies[channel]}
                onChange={(e) => set({ bodies: { ...draft.bodies, [channel]: e.target.value } })}
                error={issues.length ? issues.map(formatIssue).join(' ') : undefined}
              />
            );
          })}
          <details className="text-sm">
            <summary className="cursor-pointer text-accent">Variables you can use</summary>
            <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
              {TEMPLATE_VARIABLES.map((v) => (
                <div key={v} className="contents">
                  <dt className="font-mono text-ink">{`{{${v}}}`}</dt>
                  <dd className="text-muted">{VARIABLE_DESCRIPTIONS[v]}</dd>
                </div>
              ))}
              <dt className="font-mono text-ink">{'{{blank.KEY}}'}</dt>
              <dd className="text-muted">A fill-in blank declared below.</dd>
            </dl>
            <p className="mt-1 text-xs text-muted">
              Fallbacks: {'{{customer.firstName | "there"}}'} writes "there" when no first name is known. See docs/templates.md.
            </p>
          </details>
          <CheckboxGroup legend="Tones" options={TONES} selected={draft.tones} onChange={(tones) => set({ tones })} hint="At least one." />
          <CheckboxGroup legend="Intents" options={INTENTS} selected={draft.intents} onChange={(intents) => set({ intents })} hint="None ticked: fits any intent." />
          <CheckboxGroup legend="Sentiments" options={SENTIMENTS} selected={draft.sentiments} onChange={(sentiments) => set({ sentiments })} hint="None ticked: fits any." />
          <CheckboxGroup
            legend="Flags"
            options={FLAG_NAMES}
            selected={draft.flags}
            onChange={(flags) => set({ flags })}
            hint="Only for posts the classifier flags this way (e.g. a legal holding reply)."
          />
          <div className="grid gap-3 sm:grid-cols-3">
            <TextField label="Tags" hint="Comma-separated, for search." value={draft.tagsText} onChange={(e) => set({ tagsText: e.target.value })} />
            <TextField label="Language" hint="en, en-GB, de…" value={draft.language} onChange={(e) => set({ language: e.target.value })} />
            <TextField label="Shortcut" hint="Optional, e.g. /thanks" value={draft.shortcut} onChange={(e) => set({ shortcut: e.target.value })} />
          </div>
          <BlanksEditor blanks={draft.blanks} onChange={(blanks) => set({ blanks })} onAdd={() => set({ blanks: [...draft.blanks, emptyBlank()] })} />
        </div>
        <div>
          <TemplatePreview
            bodies={draft.bodies}
            blanks={draft.blanks.map((b) => ({ key: b.key.trim(), kind: b.kind, label: b.label }))}
            language={draft.language}
            profile={profile}
          />
        </div>
      </div>
      <ErrorList title="The template was not saved:" errors={saveErrors} testId="template-errors" />
      <div className="flex gap-2">
        <button type="submit" className={primaryButton} disabled={saving}>
          {saving ? 'Saving…' : 'Save template'}
        </button>
        <button type="button" className={secondaryButton} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
