import { useEffect, useState } from 'react';
import { loadProfile, profileItem, ProfileSchema, type Profile } from '../../lib/settings';
import { initialsOf } from '../../lib/templates/variables';
import { useSaveState } from './use-save-state';
import { SectionCard } from '../../components/options/SectionCard';
import { CheckboxField, SaveStatus, TextAreaField, TextField } from '../../components/options/FormControls';
import { primaryButton } from '../../components/options/classes';

function handlesOf(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/u).map((h) => h.trim().replace(/^@/u, '')).filter(Boolean))];
}

export function ProfileSection() {
  const [profile, setProfile] = useState<Profile>();
  const [handlesText, setHandlesText] = useState('');
  const { state, setState, save } = useSaveState();
  const [initialsTouched, setInitialsTouched] = useState(false);
  useEffect(() => {
    void loadProfile().then((p) => {
      setProfile(p);
      setHandlesText(p.ownHandles.join('\n'));
      setInitialsTouched(Boolean(p.initials));
    });
  }, []);
  if (!profile) return <p role="status" className="text-muted">Loading your profile…</p>;
  const set = (patch: Partial<Profile>) => {
    setState({ kind: 'idle' });
    setProfile({ ...profile, ...patch });
  };
  const next: Profile = { ...profile, ownHandles: handlesOf(handlesText) };
  const parsed = ProfileSchema.safeParse(next);
  const signOff = profile.initials.trim() ? `^${profile.initials.trim()}` : '';
  return (
    <SectionCard id="profile" title="Profile" intro="Who you are in replies: templates fill in your name, initials and brand from here.">
      <form
        aria-label="Agent profile"
        className="max-w-xl space-y-4"
        onSubmit={async (e) => {
          e.preventDefault();
          if (!parsed.success) return setState({ kind: 'error', message: 'Some fields are too long: names up to 80 characters, initials up to 6.' });
          await save(() => profileItem.setValue(parsed.data));
        }}
      >
        <TextField
          label="Display name"
          name="displayName"
          maxLength={80}
          value={profile.displayName}
          onChange={(e) => set({ displayName: e.target.value, ...(initialsTouched ? {} : { initials: initialsOf(e.target.value) }) })}
          hint="Used by {{agent.name}}."
        />
        <TextField
          label="Initials"
          name="initials"
          className="max-w-xs"
          maxLength={6}
          value={profile.initials}
          onChange={(e) => {
            setInitialsTouched(true);
            set({ initials: e.target.value });
          }}
          hint={
            signOff ? (
              <>
                Your sign-off: <strong className="font-mono text-ink" data-testid="signoff-preview">{signOff}</strong> (used by {'{{agent.initials}}'} and {'{{agent.signature}}'}).
              </>
            ) : (
              'Without initials, templates that sign off cannot be inserted.'
            )
          }
        />
        <TextField label="Brand or team name" name="brandName" maxLength={80} value={profile.brandName} onChange={(e) => set({ brandName: e.target.value })} hint="Used by {{brand.name}}." />
        <CheckboxField
          label="My team signs replies"
          hint="The tone check warns when a reply has no sign-off such as ^JS."
          checked={profile.teamSigns}
          onChange={(teamSigns) => set({ teamSigns })}
        />
        <TextAreaField
          label="My own handles on X and Facebook"
          name="ownHandles"
          rows={3}
          value={handlesText}
          onChange={(e) => {
            setState({ kind: 'idle' });
            setHandlesText(e.target.value);
          }}
          hint="One per line, e.g. AcmeSupport or acmeco (the @ is optional). Posts by these accounts are never treated as customer posts."
        />
        <div className="flex items-center gap-3">
          <button type="submit" className={primaryButton}>Save profile</button>
          <SaveStatus state={state} />
        </div>
      </form>
    </SectionCard>
  );
}
