import { useEffect, useState } from 'react';
import { UndoToast } from '../../components/options/UndoToast';
import { ProfileSection } from './ProfileSection';
import { TemplatesSection } from './TemplatesSection';
import { TargetsSection } from './TargetsSection';
import { PrivacySection } from './PrivacySection';
import { CorrectionsSection } from './CorrectionsSection';
import { SyncSection } from './SyncSection';
import { useUndoToast } from './use-undo-toast';

const SECTIONS = [
  { id: 'profile', label: 'Profile' },
  { id: 'templates', label: 'Templates' },
  { id: 'targets', label: 'Response targets' },
  { id: 'privacy', label: 'Privacy & storage' },
  { id: 'corrections', label: 'Classifier corrections' },
  { id: 'sync', label: 'Team sync' },
] as const;
type SectionId = (typeof SECTIONS)[number]['id'];

function sectionFromHash(): SectionId {
  const wanted = location.hash.replace(/^#/u, '');
  return SECTIONS.find((s) => s.id === wanted)?.id ?? 'profile';
}

/** The options page: a left nav of sections; the URL hash keeps the section across reloads. */
export function App() {
  const [section, setSection] = useState<SectionId>(sectionFromHash);
  const toasts = useUndoToast();
  useEffect(() => {
    const onHash = () => setSection(sectionFromHash());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    document.title = `Careline · ${SECTIONS.find((s) => s.id === section)!.label}`;
  }, [section]);
  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-6 p-6 md:flex-row">
      <nav aria-label="Options sections" className="md:w-52 md:shrink-0">
        <h1 className="mb-3 text-xl font-bold text-ink">Careline · Options</h1>
        <ul className="flex flex-wrap gap-1 md:flex-col">
          {SECTIONS.map((s) => (
            <li key={s.id}>
              <a
                href={`#${s.id}`}
                aria-current={s.id === section ? 'page' : undefined}
                className={`block rounded px-3 py-1.5 text-sm ${s.id === section ? 'bg-accent font-semibold text-accent-ink' : 'text-ink hover:bg-surface-2'}`}
              >
                {s.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="min-w-0 flex-1">
        {section === 'profile' ? <ProfileSection /> : null}
        {section === 'templates' ? <TemplatesSection toasts={toasts} /> : null}
        {section === 'targets' ? <TargetsSection /> : null}
        {section === 'privacy' ? <PrivacySection /> : null}
        {section === 'corrections' ? <CorrectionsSection toasts={toasts} /> : null}
        {section === 'sync' ? <SyncSection /> : null}
      </main>
      {toasts.toast ? <UndoToast message={toasts.toast.message} onUndo={toasts.toast.undo ? toasts.undo : undefined} onDismiss={toasts.dismiss} /> : null}
    </div>
  );
}
