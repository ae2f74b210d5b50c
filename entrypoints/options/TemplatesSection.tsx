import { useEffect, useMemo, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../lib/db/database';
import { searchTemplates } from '../../lib/templates/search';
import { DEFAULT_MAX_PACK_BYTES, parsePack, planImport, serializePack, type ImportPlan } from '../../lib/templates/import-export';
import type { Template } from '../../lib/templates/schema';
import { loadProfile, profileItem, type Profile } from '../../lib/settings';
import { SectionCard } from '../../components/options/SectionCard';
import { EmptyState } from '../../components/EmptyState';
import { TemplateList } from '../../components/options/TemplateList';
import { TemplateEditor } from '../../components/options/TemplateEditor';
import { ConfirmDialog } from '../../components/options/ConfirmDialog';
import { ImportPreview } from '../../components/options/ImportPreview';
import { ErrorList } from '../../components/options/FormControls';
import { dangerButton, inputClass, primaryButton, secondaryButton } from '../../components/options/classes';
import {
  adoptDefaultPack,
  duplicateOf,
  importTemplates,
  loadLibrary,
  newTemplateId,
  purgeDeleted,
  resetToDefaultPack,
  restoreTemplate,
  saveTemplate,
  softDeleteTemplate,
} from './template-store';
import { checkDraft, draftOf, emptyDraft, type TemplateDraft } from './template-draft';
import type { UndoToastApi } from './use-undo-toast';
import { downloadText, packFileName } from './download';

interface PendingImport {
  fileName: string;
  templates: Template[];
  plan: ImportPlan;
}

export function TemplatesSection({ toasts }: { toasts: UndoToastApi }) {
  const db = getDb();
  const library = useLiveQuery(() => loadLibrary(db), []);
  const [profile, setProfile] = useState<Profile>();
  const [query, setQuery] = useState('');
  const [draft, setDraft] = useState<TemplateDraft | null>(null);
  const [saveErrors, setSaveErrors] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const [importErrors, setImportErrors] = useState<{ fileName: string; errors: string[] } | null>(null);
  const [pendingImport, setPendingImport] = useState<PendingImport | null>(null);
  const [confirmReset, setConfirmReset] = useState(false);
  const [notice, setNotice] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void loadProfile().then(setProfile);
    return profileItem.watch((p) => setProfile(p));
  }, []);
  // Deletions older than the undo window (a page closed during one) are removed on arrival.
  useEffect(() => void purgeDeleted(db).catch(() => undefined), [db]);

  const shown = useMemo(() => (library ? searchTemplates(library.templates, query, 1000) : []), [library, query]);

  if (!library) return <p role="status" className="text-muted">Loading templates…</p>;

  const startEdit = (next: TemplateDraft) => {
    setSaveErrors([]);
    setNotice('');
    setDraft(next);
  };
  const save = async () => {
    if (!draft) return;
    const checked = checkDraft(draft);
    if (!checked.ok) return setSaveErrors(checked.errors);
    const duplicateShortcut = checked.template.shortcut
      ? library.templates.find((t) => t.id !== checked.template.id && t.shortcut && t.shortcut.replace(/^\//u, '').toLowerCase() === checked.template.shortcut!.replace(/^\//u, '').toLowerCase())
      : undefined;
    if (duplicateShortcut) return setSaveErrors([`Shortcut: "${checked.template.shortcut}" is already the shortcut of "${duplicateShortcut.name}".`]);
    setSaving(true);
    try {
      const wasDefault = library.source === 'default';
      await saveTemplate(db, checked.template);
      setDraft(null);
      setSaveErrors([]);
      setNotice(`Saved “${checked.template.name}”.${wasDefault ? ' The default pack is now your team’s own copy: your changes are kept.' : ''}`);
    } catch (error) {
      setSaveErrors([`Could not save: ${String((error as Error)?.message ?? error)}`]);
    } finally {
      setSaving(false);
    }
  };
  const remove = async (template: Template) => {
    await softDeleteTemplate(db, template.id);
    setNotice('');
    toasts.show({
      message: `Deleted “${template.name}”.`,
      undo: () => restoreTemplate(db, template.id),
      commit: () => purgeDeleted(db).then(() => undefined),
    });
  };
  const readImportFile = async (file: File) => {
    setImportErrors(null);
    setPendingImport(null);
    if (file.size > DEFAULT_MAX_PACK_BYTES) {
      return setImportErrors({ fileName: file.name, errors: [`The file is ${(file.size / 1_000_000).toFixed(1)} MB; a pack may be at most 1 MB. Split it into smaller packs.`] });
    }
    const result = parsePack(await file.text());
    if (!result.ok) return setImportErrors({ fileName: file.name, errors: result.errors });
    setPendingImport({ fileName: file.name, templates: result.pack.templates, plan: planImport(library.templates, result.pack.templates) });
  };

  return (
    <SectionCard
      id="templates"
      title="Templates"
      intro="The replies the sidebar suggests. Search, edit with a live preview, share as a pack file."
    >
      {library.source === 'default' ? (
        <div role="note" className="rounded-lg border border-accent/50 bg-accent/5 p-3 text-sm text-ink" data-testid="default-pack-banner">
          <p>
            <strong>You are using Careline’s default pack</strong> ({library.templates.length} templates). The first change you make (edit, new, duplicate, delete or import)
            makes the whole pack your team’s own copy, so your changes are kept. Reset to the default pack at any time.
          </p>
          <button type="button" className={`${secondaryButton} mt-2`} onClick={() => void adoptDefaultPack(db).then(() => setNotice('The default pack is now your team’s own copy.'))}>
            Start from the default pack
          </button>
        </div>
      ) : null}
      {library.unreadable.length ? (
        <ErrorList
          title={`${library.unreadable.length} stored template(s) can't be read and are not used:`}
          errors={library.unreadable.map((u) => `${u.id}: ${u.errors.join('; ')}`)}
        />
      ) : null}

      <div className="flex flex-wrap items-end gap-2">
        <label className="min-w-60 flex-1 text-sm font-semibold text-ink">
          Search templates
          <input type="search" className={inputClass} value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Name, tag, shortcut or words in the reply (typos forgiven)" />
        </label>
        <button type="button" className={primaryButton} onClick={() => startEdit(emptyDraft(newTemplateId()))}>
          New template
        </button>
        <button type="button" className={secondaryButton} onClick={() => fileInput.current?.click()}>
          Import pack…
        </button>
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          className="sr-only"
          aria-label="Template pack file to import"
          data-testid="import-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void readImportFile(file);
          }}
        />
        <button
          type="button"
          className={secondaryButton}
          disabled={library.templates.length === 0}
          onClick={() => downloadText(serializePack(library.templates, { name: profile?.brandName ? `${profile.brandName} templates` : 'Careline templates' }), 'application/json', packFileName())}
        >
          Export pack
        </button>
        <button type="button" className={dangerButton} disabled={library.source === 'default'} onClick={() => setConfirmReset(true)}>
          Reset to the default pack
        </button>
      </div>

      {notice ? (
        <p role="status" className="text-sm text-good">
          {notice}
        </p>
      ) : null}
      {importErrors ? (
        <div className="space-y-2">
          <ErrorList title={`Nothing was imported from ${importErrors.fileName}: fix these and import the file again.`} errors={importErrors.errors} testId="import-errors" />
          <button type="button" className={secondaryButton} onClick={() => setImportErrors(null)}>
            Close
          </button>
        </div>
      ) : null}

      {draft ? (
        <TemplateEditor
          draft={draft}
          onChange={setDraft}
          onSave={() => void save()}
          onCancel={() => {
            setDraft(null);
            setSaveErrors([]);
          }}
          saveErrors={saveErrors}
          saving={saving}
          profile={{ displayName: profile?.displayName ?? '', initials: profile?.initials ?? '', brandName: profile?.brandName ?? '' }}
        />
      ) : null}

      {library.templates.length === 0 ? (
        <EmptyState title="No templates">Your team deleted every template. Create one, import a pack, or reset to the default pack.</EmptyState>
      ) : shown.length === 0 ? (
        <EmptyState title={`No template matches “${query}”`}>Try fewer words, or another spelling.</EmptyState>
      ) : (
        <>
          <p className="text-sm text-muted" role="status">
            {query.trim() ? `${shown.length} of ${library.templates.length} templates match.` : `${library.templates.length} templates.`}
          </p>
          <TemplateList
            templates={shown}
            onEdit={(t) => startEdit(draftOf(t))}
            onDuplicate={(t) => startEdit(draftOf(duplicateOf(t, newTemplateId()), true))}
            onDelete={(t) => void remove(t)}
          />
        </>
      )}

      <ConfirmDialog
        open={pendingImport !== null}
        title="Import this template pack?"
        confirmLabel="Import"
        onCancel={() => setPendingImport(null)}
        onConfirm={() => {
          const pending = pendingImport;
          setPendingImport(null);
          if (!pending) return;
          void importTemplates(db, pending.templates)
            .then(() => setNotice(`Imported ${pending.fileName}: ${pending.plan.added.length} added, ${pending.plan.replaced.length} replaced, ${pending.plan.unchanged.length} unchanged.`))
            .catch((error: unknown) => setImportErrors({ fileName: pending.fileName, errors: [`Could not write the templates: ${String(error)}`] }));
        }}
      >
        {pendingImport ? <ImportPreview plan={pendingImport.plan} fileName={pendingImport.fileName} /> : null}
      </ConfirmDialog>
      <ConfirmDialog
        open={confirmReset}
        title="Reset to the default pack?"
        confirmLabel="Reset templates"
        danger
        onCancel={() => setConfirmReset(false)}
        onConfirm={() => {
          setConfirmReset(false);
          void resetToDefaultPack(db).then(() => setNotice('Back to Careline’s default pack.'));
        }}
      >
        <p>
          Your team’s {library.templates.length} templates are removed from this browser and the sidebar uses Careline’s default pack again. Export a pack first if you
          may want them back.
        </p>
      </ConfirmDialog>
    </SectionCard>
  );
}
