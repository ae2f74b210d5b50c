import type { ImportPlan } from '../../lib/templates/import-export';

/** What an import would do: added, replaced and unchanged templates by name. */
export function ImportPreview({ plan, fileName }: { plan: ImportPlan; fileName: string }) {
  const group = (title: string, list: ImportPlan['added'], testId: string) => (
    <div data-testid={testId}>
      <p className="font-semibold">
        {title}: {list.length}
      </p>
      {list.length ? (
        <ul className="max-h-32 list-disc overflow-auto pl-5 text-muted">
          {list.map((t) => (
            <li key={t.id}>{t.name}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
  return (
    <div className="space-y-2">
      <p>
        <span className="font-mono">{fileName}</span> is valid. Importing it will:
      </p>
      {group('Add', plan.added, 'import-added')}
      {group('Replace (same id, new content)', plan.replaced, 'import-replaced')}
      {group('Leave unchanged', plan.unchanged, 'import-unchanged')}
      <p className="text-muted">Templates not in the file stay as they are.</p>
    </div>
  );
}
