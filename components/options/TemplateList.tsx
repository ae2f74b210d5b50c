import type { Template } from '../../lib/templates/schema';
import { dangerButton, secondaryButton } from './classes';

function channelsOf(template: Template): string {
  const out: string[] = [];
  if (template.bodies.x?.trim()) out.push('X');
  if (template.bodies.facebook?.trim()) out.push('Facebook');
  if (template.bodies.any?.trim()) out.push('both');
  return out.join(' · ');
}

/** The templates as a list with Edit, Duplicate and Delete per row. */
export function TemplateList({
  templates,
  onEdit,
  onDuplicate,
  onDelete,
}: {
  templates: readonly Template[];
  onEdit: (t: Template) => void;
  onDuplicate: (t: Template) => void;
  onDelete: (t: Template) => void;
}) {
  return (
    <ul className="divide-y divide-line rounded-lg border border-line" aria-label="Templates">
      {templates.map((t) => (
        <li key={t.id} className="flex flex-wrap items-start gap-3 p-3" data-testid="template-row">
          <div className="min-w-0 flex-1">
            <p className="font-semibold text-ink" data-testid="template-name">{t.name}</p>
            <p className="text-xs text-muted">
              {channelsOf(t)}
              {t.shortcut ? ` · shortcut ${t.shortcut}` : ''}
              {t.tones.length ? ` · ${t.tones.join(', ')}` : ''}
              {t.tags.length ? ` · tags: ${t.tags.join(', ')}` : ''}
              {t.blanks.length ? ` · ${t.blanks.length} blank${t.blanks.length === 1 ? '' : 's'}` : ''}
            </p>
            <p className="mt-1 line-clamp-2 text-sm whitespace-pre-wrap text-muted">{t.bodies.x ?? t.bodies.any ?? t.bodies.facebook}</p>
          </div>
          <div className="flex gap-2">
            <button type="button" className={secondaryButton} onClick={() => onEdit(t)} aria-label={`Edit ${t.name}`}>
              Edit
            </button>
            <button type="button" className={secondaryButton} onClick={() => onDuplicate(t)} aria-label={`Duplicate ${t.name}`}>
              Duplicate
            </button>
            <button type="button" className={dangerButton} onClick={() => onDelete(t)} aria-label={`Delete ${t.name}`}>
              Delete
            </button>
          </div>
        </li>
      ))}
    </ul>
  );
}
