import { useEffect, useMemo, useState } from 'react';
import { slaSettingsItem } from '../../lib/settings';
import { formatDuration } from '../../lib/sla/format-duration';
import { useSaveState } from './use-save-state';
import { SectionCard, Panel } from '../../components/options/SectionCard';
import { CheckboxField, ErrorList, SaveStatus } from '../../components/options/FormControls';
import { WeekEditor } from '../../components/options/WeekEditor';
import { HolidaysEditor } from '../../components/options/HolidaysEditor';
import { inputClass, primaryButton, secondaryButton } from '../../components/options/classes';
import { DEFAULT_SLA_SETTINGS } from '../../lib/sla/settings';
import { CHANNELS, checkTargets, storedSlaSettings, targetsDraftOf, timeZoneList, URGENCIES, WEEKDAYS, type TargetsDraft, type TargetUnit } from './targets-draft';

const CHANNEL_LABEL = { x: 'X', facebook: 'Facebook' } as const;

export function TargetsSection() {
  const [draft, setDraft] = useState<TargetsDraft>();
  const [errors, setErrors] = useState<string[]>([]);
  const { state, setState, save } = useSaveState();
  const zones = useMemo(timeZoneList, []);
  useEffect(() => void slaSettingsItem.getValue().then((raw) => setDraft(targetsDraftOf(storedSlaSettings(raw)))), []);
  if (!draft) return <p role="status" className="text-muted">Loading response targets…</p>;
  const change = (next: TargetsDraft) => {
    setState({ kind: 'idle' });
    setDraft(next);
  };
  const hours = draft.businessHours;
  const setHours = (patch: Partial<TargetsDraft['businessHours']>) => change({ ...draft, businessHours: { ...hours, ...patch } });
  return (
    <SectionCard
      id="targets"
      title="Response targets"
      intro="How fast the team aims to answer, by channel and urgency. The sidebar's timer turns amber when a share of the target has passed, and red when it is over."
    >
      <form
        aria-label="Response targets"
        className="space-y-4"
        onSubmit={async (e) => {
          e.preventDefault();
          const result = checkTargets(draft);
          if (!result.ok) {
            setErrors(result.errors);
            setState({ kind: 'error', message: 'Not saved: see the problems above.' });
            return;
          }
          setErrors([]);
          await save(() => slaSettingsItem.setValue(result.settings));
        }}
      >
        <Panel title="Targets">
          <table className="text-sm">
            <thead>
              <tr className="text-left text-muted">
                <th className="pr-4 font-normal">Channel</th>
                {URGENCIES.map((u) => (
                  <th key={u} className="pr-4 font-normal">
                    {u[0]!.toUpperCase() + u.slice(1)} urgency
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {CHANNELS.map((c) => (
                <tr key={c}>
                  <th scope="row" className="pr-4 text-left font-semibold text-ink">
                    {CHANNEL_LABEL[c]}
                  </th>
                  {URGENCIES.map((u) => {
                    const t = draft.targets[c][u];
                    const set = (patch: Partial<typeof t>) =>
                      change({ ...draft, targets: { ...draft.targets, [c]: { ...draft.targets[c], [u]: { ...t, ...patch } } } });
                    return (
                      <td key={u} className="py-1 pr-4">
                        <span className="flex items-center gap-1">
                          <input
                            className={`${inputClass} mt-0 w-20!`}
                            inputMode="decimal"
                            aria-label={`${CHANNEL_LABEL[c]} ${u} urgency target`}
                            value={t.amount}
                            onChange={(e) => set({ amount: e.target.value })}
                          />
                          <select
                            className={`${inputClass} mt-0 w-24!`}
                            aria-label={`${CHANNEL_LABEL[c]} ${u} urgency unit`}
                            value={t.unit}
                            onChange={(e) => set({ unit: e.target.value as TargetUnit })}
                          >
                            <option value="minutes">minutes</option>
                            <option value="hours">hours</option>
                          </select>
                        </span>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
          <label className="mt-3 block text-sm font-semibold text-ink">
            Due soon after (% of the target)
            <input
              className={`${inputClass} w-24!`}
              inputMode="numeric"
              value={draft.dueSoonPercent}
              onChange={(e) => change({ ...draft, dueSoonPercent: e.target.value })}
              aria-describedby="due-soon-hint"
            />
          </label>
          <p id="due-soon-hint" className="text-xs text-muted">
            E.g. 75: with a 15-minute target, a post is "due soon" after {formatDuration(15 * 60_000 * (Number(draft.dueSoonPercent) / 100 || 0))}.
          </p>
        </Panel>

        <Panel title="Business hours">
          <div className="space-y-3">
            <CheckboxField
              label="Count response time in business hours only"
              hint="Off: the clock always runs. On: nights, closed days and holidays do not count against the target."
              checked={hours.enabled}
              onChange={(enabled) => setHours({ enabled })}
            />
            <label className="block text-sm font-semibold text-ink">
              Time zone of these hours
              <select className={`${inputClass} max-w-xs`} value={hours.timeZone} onChange={(e) => setHours({ timeZone: e.target.value })} disabled={!hours.enabled}>
                {(zones.includes(hours.timeZone) ? zones : [hours.timeZone, ...zones]).map((z) => (
                  <option key={z} value={z}>
                    {z}
                  </option>
                ))}
              </select>
            </label>
            <WeekEditor week={hours.week} dayNames={WEEKDAYS} onChange={(week) => setHours({ week })} disabled={!hours.enabled} />
            <HolidaysEditor holidays={hours.holidays} onChange={(holidays) => setHours({ holidays })} disabled={!hours.enabled} />
          </div>
        </Panel>

        <ErrorList title="Please fix:" errors={errors} testId="targets-errors" />
        <div className="flex items-center gap-3">
          <button type="submit" className={primaryButton}>
            Save targets
          </button>
          <button
            type="button"
            className={secondaryButton}
            onClick={() => {
              setErrors([]);
              change(targetsDraftOf(DEFAULT_SLA_SETTINGS));
            }}
          >
            Use Careline's defaults
          </button>
          <SaveStatus state={state} />
        </div>
      </form>
    </SectionCard>
  );
}
