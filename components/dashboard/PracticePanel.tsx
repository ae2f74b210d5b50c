import { lazy, Suspense, useEffect, useState } from 'react';
import type { ScoreChartProps } from './ScoreChart';
import { SKILLS, type Skill } from '../../lib/practice/skills';
import { passes, type PassMarks, type Progress, type TraineeSummary } from '../../lib/practice/summary';
import { formatNumber, formatShare, humanise } from './format';

const COLORS = ['var(--cl-accent)', 'var(--cl-warn)', 'var(--cl-good)', 'var(--cl-bad)', 'var(--cl-muted)', 'var(--cl-ink)'];

/** Trainees' practice summaries from the log (local, imported or synced): sessions, average, change. */
export function TraineeTable({ trainees, selected, onSelect }: { trainees: readonly TraineeSummary[]; selected: string | null; onSelect(id: string): void }) {
  if (trainees.length === 0) return <p className="text-sm text-muted">No scored practice replies in the log yet. Trainees' practice appears here from this browser, imported exports or sync.</p>;
  return (
    <table className="w-full text-left text-sm" data-testid="trainee-table">
      <caption className="sr-only">Trainees' practice summaries</caption>
      <thead className="text-muted"><tr><th scope="col" className="py-1">Trainee</th><th scope="col" className="text-right">Sessions</th><th scope="col" className="text-right">Replies</th><th scope="col" className="text-right">Average</th><th scope="col" className="text-right">Change</th><th scope="col" className="text-right">Latest</th></tr></thead>
      <tbody>
        {trainees.map((t) => {
          const last = t.sessions[t.sessions.length - 1];
          return (
            <tr key={t.agentId} className={`border-t border-line ${selected === t.agentId ? 'bg-surface-2' : ''}`}>
              <td className="py-1"><button type="button" aria-pressed={selected === t.agentId} className="underline-offset-2 hover:underline" onClick={() => onSelect(t.agentId)}>{t.agentName || t.agentId}</button></td>
              <td className="text-right tabular-nums">{t.sessions.length}</td>
              <td className="text-right tabular-nums">{t.sessions.reduce((a, s) => a + s.count, 0)}</td>
              <td className="text-right tabular-nums">{formatNumber(t.average)}</td>
              <td className={`text-right tabular-nums ${t.change !== null && t.change < 0 ? 'text-bad' : ''}`}>{t.change === null ? '—' : `${t.change > 0 ? '+' : ''}${formatNumber(t.change)}`}</td>
              <td className="text-right">{last ? new Date(last.endedAt).toLocaleDateString() : '—'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

// The chart library loads with the first chart, not with the page (lib: recharts).
const ScoreChartView = lazy(() => import('./ScoreChart'));

function ScoreChart(props: ScoreChartProps) {
  return (
    <Suspense fallback={<div className="mt-2 h-48" role="status" aria-label="Loading the chart" />}>
      <ScoreChartView {...props} />
    </Suspense>
  );
}

/** A trainee's session averages over time (0–100). */
export function TraineeProgressChart({ trainee }: { trainee: TraineeSummary }) {
  const data = trainee.sessions.map((s) => ({ when: new Date(s.endedAt).toLocaleDateString(), average: s.average }));
  return (
    <figure className="rounded-lg border border-line p-3" data-testid="trainee-progress">
      <figcaption className="text-sm font-semibold">{trainee.agentName || trainee.agentId}: average score per session</figcaption>
      <ScoreChart data={data} series={[{ key: 'average', name: 'Average', color: 'var(--cl-accent)' }]} />
    </figure>
  );
}

/** This browser's own practice sessions: skills over time, and each session against the pass marks. */
export function SessionProgress({ progress, passMarks }: { progress: Progress; passMarks: PassMarks }) {
  if (progress.points.length === 0) return <p className="text-sm text-muted">No practice sessions finished in this browser yet.</p>;
  const data = progress.points.map((p) => ({ when: new Date(p.at).toLocaleDateString(), ...Object.fromEntries(SKILLS.map((s) => [s, p.bySkill[s] === null ? null : Math.round((p.bySkill[s] ?? 0) * 100)])) }));
  return (
    <div className="space-y-2" data-testid="session-progress">
      <figure className="rounded-lg border border-line p-3">
        <figcaption className="text-sm font-semibold">Skills per session (%), this browser · best average {formatNumber(progress.bestAverage)} · change {formatNumber(progress.change.average)}</figcaption>
        <ScoreChart data={data} legend series={SKILLS.map((k, i) => ({ key: k, name: humanise(k), color: COLORS[i % COLORS.length]! }))} />
      </figure>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Sessions against the pass marks</caption>
        <thead className="text-muted"><tr><th scope="col">Session</th><th scope="col" className="text-right">Average</th><th scope="col">Result</th></tr></thead>
        <tbody>
          {progress.points.map((p) => {
            const r = passes(p, passMarks);
            return (
              <tr key={p.id} className="border-t border-line">
                <td className="py-1">{new Date(p.at).toLocaleString()}</td>
                <td className="text-right tabular-nums">{formatNumber(p.average)}</td>
                <td className={r.passed ? 'text-good' : 'text-bad'}>{r.passed ? 'Pass' : `Work on: ${r.failing.map(humanise).join(', ') || 'no skill measured'}`}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The supervisor's pass mark per skill, in percent; saved only when every mark is 0–100. */
export function PassMarksForm({ marks, onSave }: { marks: PassMarks; onSave(marks: PassMarks): Promise<void> }) {
  const [draft, setDraft] = useState<Record<Skill, string>>(() => toDraft(marks));
  const [status, setStatus] = useState<string | null>(null);
  useEffect(() => setDraft(toDraft(marks)), [marks]);
  const invalid = SKILLS.filter((s) => {
    const v = Number(draft[s]);
    return draft[s].trim() === '' || !Number.isFinite(v) || v < 0 || v > 100;
  });
  return (
    <form className="rounded-lg border border-line p-3" aria-labelledby="pass-marks-heading" data-testid="pass-marks"
      onSubmit={(e) => {
        e.preventDefault();
        if (invalid.length) return;
        const next = Object.fromEntries(SKILLS.map((s) => [s, Number(draft[s]) / 100])) as PassMarks;
        onSave(next).then(() => setStatus('Pass marks saved.'), (err: unknown) => setStatus(err instanceof Error ? err.message : String(err)));
      }}>
      <h3 id="pass-marks-heading" className="text-sm font-semibold">Pass marks per skill</h3>
      <p className="text-xs text-muted">A session passes when every measured skill reaches its mark. Similarity to the brand's reply is a reference: 0 by default.</p>
      <div className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-3">
        {SKILLS.map((s) => (
          <label key={s} className="flex flex-col text-xs">
            {humanise(s)} (%)
            <input type="number" min={0} max={100} step={1} value={draft[s]} aria-invalid={invalid.includes(s)}
              onChange={(e) => { setStatus(null); setDraft({ ...draft, [s]: e.target.value }); }}
              className={`mt-0.5 rounded border bg-surface px-2 py-1 text-sm ${invalid.includes(s) ? 'border-bad' : 'border-line'}`} />
          </label>
        ))}
      </div>
      {invalid.length ? <p role="alert" className="mt-1 text-xs text-bad">A pass mark is a percentage from 0 to 100.</p> : null}
      <div className="mt-2 flex items-center gap-2">
        <button type="submit" disabled={invalid.length > 0} className="rounded bg-accent px-2 py-1 text-sm text-accent-ink disabled:opacity-50">Save pass marks</button>
        {status ? <span role="status" className="text-xs">{status}</span> : null}
        <span className="text-xs text-muted">Current: {SKILLS.map((s) => `${humanise(s)} ${formatShare(marks[s])}`).join(' · ')}</span>
      </div>
    </form>
  );
}

function toDraft(marks: PassMarks): Record<Skill, string> {
  return Object.fromEntries(SKILLS.map((s) => [s, String(Math.round(marks[s] * 100))])) as Record<Skill, string>;
}
