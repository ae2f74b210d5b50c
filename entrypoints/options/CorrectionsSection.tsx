import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../lib/db/database';
import { SectionCard, Panel } from '../../components/options/SectionCard';
import { ConfirmDialog } from '../../components/options/ConfirmDialog';
import { EmptyState } from '../../components/EmptyState';
import { dangerButton } from '../../components/options/classes';
import { latestCorrections, resetCorrections, restoreCorrections } from './corrections-store';
import type { UndoToastApi } from './use-undo-toast';

export function CorrectionsSection({ toasts }: { toasts: UndoToastApi }) {
  const db = getDb();
  const data = useLiveQuery(async () => ({ count: await db.corrections.count(), latest: await latestCorrections(db, 20) }), []);
  const [confirm, setConfirm] = useState(false);
  const [error, setError] = useState('');
  return (
    <SectionCard
      id="corrections"
      title="Classifier corrections"
      intro="When you correct a post's intent or sentiment in the sidebar, Careline remembers it in this browser and classifies similar posts the same way. Nothing leaves the browser."
    >
      {data === undefined ? (
        <p role="status" className="text-muted">Loading corrections…</p>
      ) : (
        <>
          <p className="text-sm text-ink" data-testid="corrections-count" role="status">
            {data.count === 0
              ? 'No corrections yet: Careline uses the shipped model as is.'
              : `Careline has learnt ${data.count.toLocaleString()} correction${data.count === 1 ? '' : 's'} in this browser.`}
          </p>
          {data.count > 0 ? (
            <>
              <Panel title="Latest corrections">
                <ul className="divide-y divide-line text-sm" aria-label="Latest corrections">
                  {data.latest.map((c) => (
                    <li key={c.id} className="py-1.5" data-testid="correction-row">
                      <p className="line-clamp-2 text-ink">“{c.text}”</p>
                      <p className="text-xs text-muted">
                        {[c.intent ? `intent → ${c.intent}` : '', c.sentiment ? `sentiment → ${c.sentiment}` : ''].filter(Boolean).join(', ')} ·{' '}
                        {new Date(c.createdAt).toLocaleString()}
                      </p>
                    </li>
                  ))}
                </ul>
              </Panel>
              <button type="button" className={dangerButton} onClick={() => setConfirm(true)}>
                Reset to the shipped model
              </button>
            </>
          ) : (
            <EmptyState title="Nothing learnt yet">Use “Correct the labels” under a post’s classification in the sidebar when its intent or sentiment is wrong.</EmptyState>
          )}
          {error ? <p role="alert" className="text-sm text-bad">{error}</p> : null}
        </>
      )}
      <ConfirmDialog
        open={confirm}
        title="Reset to the shipped model?"
        confirmLabel="Forget all corrections"
        danger
        onCancel={() => setConfirm(false)}
        onConfirm={() => {
          setConfirm(false);
          void resetCorrections(db)
            .then((removed) =>
              toasts.show({
                message: `Forgot ${removed.length} correction${removed.length === 1 ? '' : 's'}.`,
                undo: () => restoreCorrections(db, removed),
              }),
            )
            .catch((e: unknown) => setError(`Could not reset: ${String(e)}`));
        }}
      >
        <p>
          Careline forgets the {data?.count ?? 0} corrections learnt in this browser and classifies with the model it shipped with. Items already logged keep their
          classification. You can undo for a few seconds.
        </p>
      </ConfirmDialog>
    </SectionCard>
  );
}
