import { useEffect, useState } from 'react';
import { initialsOf, loadProfile, profileItem, type Profile } from '../../lib/settings';

export function App() {
  const [profile, setProfile] = useState<Profile>();
  const [saved, setSaved] = useState(false);
  useEffect(() => void loadProfile().then(setProfile), []);
  if (!profile) return <p role="status" className="p-6 text-muted">Loading…</p>;
  const set = (patch: Partial<Profile>) => {
    setSaved(false);
    setProfile({ ...profile, ...patch });
  };
  return (
    <div className="mx-auto max-w-2xl p-6">
      <h1 className="text-xl font-bold">Careline · Options</h1>
      <form
        className="mt-4 space-y-3"
        aria-label="Agent profile"
        onSubmit={async (e) => {
          e.preventDefault();
          await profileItem.setValue(profile);
          setSaved(true);
        }}
      >
        <label className="block">
          <span className="text-sm font-semibold">Display name</span>
          <input
            className="mt-1 block w-full rounded border border-line bg-surface px-2 py-1"
            name="displayName"
            value={profile.displayName}
            onChange={(e) => set({ displayName: e.target.value, initials: profile.initials || initialsOf(e.target.value) })}
          />
        </label>
        <label className="block">
          <span className="text-sm font-semibold">Initials (for sign-offs like ^JS)</span>
          <input
            className="mt-1 block w-32 rounded border border-line bg-surface px-2 py-1"
            name="initials"
            maxLength={6}
            value={profile.initials}
            onChange={(e) => set({ initials: e.target.value })}
          />
        </label>
        <button type="submit" className="rounded bg-accent px-3 py-1 font-semibold text-accent-ink">Save</button>
        {saved ? <span role="status" className="ml-3 text-good">Saved.</span> : null}
      </form>
    </div>
  );
}
