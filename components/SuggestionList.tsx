import type { Template } from '../lib/templates/schema';

export interface SuggestionView {
  template: Template;
  preview: string;
  reasons: string[];
  /** Alt+N shortcut number, if it has one. */
  shortcut?: number;
}

export function SuggestionList({ items, onChoose, busyId }: { items: SuggestionView[]; onChoose(template: Template): void; busyId?: string }) {
  if (items.length === 0) return <p className="px-3 py-2 text-sm text-muted">No template fits this post. Search the library below.</p>;
  return (
    <ol className="space-y-2 px-3" aria-label="Suggested replies" data-testid="suggestions">
      {items.map((item) => (
        <li key={item.template.id}>
          <button
            type="button"
            data-testid="suggestion"
            data-template-id={item.template.id}
            disabled={busyId !== undefined}
            onClick={() => onChoose(item.template)}
            className="w-full rounded-lg border border-line bg-surface p-2 text-left hover:border-accent focus-visible:border-accent disabled:opacity-60"
            aria-keyshortcuts={item.shortcut ? `Alt+${item.shortcut}` : undefined}
          >
            <span className="flex items-baseline gap-2">
              {item.shortcut ? <kbd className="rounded border border-line px-1 text-[10px] text-muted">Alt+{item.shortcut}</kbd> : null}
              <span className="font-semibold">{item.template.name}</span>
              <span className="ml-auto text-[10px] uppercase text-muted">{item.template.tones.join(', ')}</span>
            </span>
            <span className="mt-1 block whitespace-pre-wrap text-xs text-ink/80">{item.preview}</span>
            {item.reasons.length ? <span className="mt-1 block text-[11px] text-muted">{item.reasons.join(' · ')}</span> : null}
          </button>
        </li>
      ))}
    </ol>
  );
}
