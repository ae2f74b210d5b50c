import { useCallback, useEffect, useState } from 'react';
import { privacyItem, PrivacySchema, type Privacy } from '../../lib/settings';
import { useSaveState } from './use-save-state';
import { SectionCard, Panel } from '../../components/options/SectionCard';
import { CheckboxField, SaveStatus } from '../../components/options/FormControls';
import { StorageReport, type StorageFacts } from '../../components/options/StorageReport';
import { primaryButton } from '../../components/options/classes';

const POST_TEXT_CHOICES: Array<{ value: Privacy['postText']; label: string; hint: string }> = [
  { value: 'full', label: 'The full post text', hint: 'Best for reviewing and exporting the log.' },
  { value: 'first280', label: 'The first 280 characters', hint: 'Enough to recognise a post; long Facebook posts are cut.' },
  { value: 'none', label: 'No post text', hint: 'Only who posted, where, when, and the classification.' },
];

async function readStorageFacts(): Promise<StorageFacts> {
  const storage = navigator.storage as StorageManager | undefined;
  const persisted = storage?.persisted ? await storage.persisted() : null;
  const estimate = storage?.estimate ? await storage.estimate() : undefined;
  return { persisted, usage: estimate?.usage, quota: estimate?.quota };
}

export function PrivacySection() {
  const [privacy, setPrivacy] = useState<Privacy>();
  const { state, setState, save } = useSaveState();
  const [facts, setFacts] = useState<StorageFacts>();
  const [persistMessage, setPersistMessage] = useState('');
  const refreshFacts = useCallback(() => void readStorageFacts().then(setFacts), []);
  useEffect(() => {
    void privacyItem.getValue().then((raw) => {
      const parsed = PrivacySchema.safeParse(raw);
      setPrivacy(parsed.success ? parsed.data : { postText: 'full', keepReplyText: true });
    });
    refreshFacts();
  }, [refreshFacts]);
  if (!privacy) return <p role="status" className="text-muted">Loading privacy settings…</p>;
  const set = (patch: Partial<Privacy>) => {
    setState({ kind: 'idle' });
    setPrivacy({ ...privacy, ...patch });
  };
  return (
    <SectionCard id="privacy" title="Privacy & storage" intro="What Careline keeps in this browser's log about each handled post. Changes apply to posts handled from now on.">
      <form
        aria-label="Privacy"
        className="space-y-4"
        onSubmit={async (e) => {
          e.preventDefault();
          await save(() => privacyItem.setValue(privacy));
        }}
      >
        <Panel>
          <fieldset>
            <legend className="text-sm font-semibold text-ink">Keep the customer’s post text</legend>
            <div className="mt-1 space-y-1">
              {POST_TEXT_CHOICES.map((choice) => (
                <label key={choice.value} className="flex items-start gap-2">
                  <input type="radio" name="postText" className="mt-1" value={choice.value} checked={privacy.postText === choice.value} onChange={() => set({ postText: choice.value })} />
                  <span>
                    <span className="text-sm text-ink">{choice.label}</span>
                    <span className="block text-xs text-muted">{choice.hint}</span>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
          <div className="mt-3">
            <CheckboxField
              label="Keep the text of my replies"
              hint="Used to see how much of a template you kept; off keeps only the template used and the edit distance."
              checked={privacy.keepReplyText}
              onChange={(keepReplyText) => set({ keepReplyText })}
            />
          </div>
        </Panel>
        <div className="flex items-center gap-3">
          <button type="submit" className={primaryButton}>
            Save privacy settings
          </button>
          <SaveStatus state={state} />
        </div>
      </form>

      <Panel title="Storage in this browser">
        <StorageReport
          facts={facts}
          persistMessage={persistMessage}
          onPersist={() => {
            // From a click on this extension page; Chrome grants it to extensions without a prompt.
            void navigator.storage
              .persist()
              .then((granted) => {
                setPersistMessage(granted ? 'Granted: Careline’s data is now persistent.' : 'The browser said no for now. It may agree later, e.g. once Careline is used more often.');
                refreshFacts();
              })
              .catch((error: unknown) => setPersistMessage(`The browser refused: ${String(error)}`));
          }}
        />
        <h4 className="mt-4 text-sm font-semibold text-ink">When the disk is full</h4>
        <p className="mt-1 max-w-prose text-sm text-muted">
          Careline writes each handled item in one step: when there is no room, nothing is half-written, the sidebar says the item could not be saved, and the items
          already logged stay intact. Free some disk space, or export the log from the dashboard and clear old items, then mark the post handled again. Sync keeps
          its queue until the server has each item, so nothing already queued is lost.
        </p>
      </Panel>
    </SectionCard>
  );
}
