/** End of a practice session: the average, a bar per skill, the weakest skills and what to retry. */
import { SKILL_LABELS, SKILLS } from '../../lib/practice/score';
import type { SessionSummary } from '../../lib/practice/summary';
import { SkillBar } from './SkillBar';

export interface RetryItem {
  id: string;
  brand: string;
  text: string;
  /** The reply's total, or null when the post was not answered. */
  total: number | null;
}

export interface SessionSummaryPanelProps {
  title: string;
  summary: SessionSummary;
  unansweredCount: number;
  retry: RetryItem[];
  onRetry(): void;
  onNewSession(): void;
  /** Set when the summary could not be saved for the progress view. */
  saveError?: string | null;
}

function snippet(text: string, max = 110): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function SessionSummaryPanel({ title, summary, unansweredCount, retry, onRetry, onNewSession, saveError }: SessionSummaryPanelProps) {
  return (
    <section data-testid="session-summary" aria-labelledby="summary-title" className="border-b border-line p-4" tabIndex={-1}>
      <h2 id="summary-title" className="text-lg font-bold">
        Session summary · {title}
      </h2>
      {summary.count === 0 ? (
        <p className="mt-2 text-sm text-muted">No reply was scored in this session, so there is nothing to summarise yet.</p>
      ) : (
        <p className="mt-2">
          Average <span data-testid="summary-average" className="text-2xl font-bold tabular-nums">{summary.average}</span>
          <span className="text-muted"> / 100 over {summary.count} {summary.count === 1 ? 'reply' : 'replies'}</span>
          {unansweredCount > 0 ? <span className="text-muted"> · {unansweredCount} not answered</span> : null}
        </p>
      )}
      {summary.count > 0 ? (
        <div className="mt-3 space-y-1" aria-label="Average per skill" role="group">
          {SKILLS.map((skill) => (
            <div key={skill} data-testid="summary-skill" data-skill={skill}>
              <SkillBar label={SKILL_LABELS[skill]} score={summary.bySkill[skill]} />
            </div>
          ))}
        </div>
      ) : null}
      <div className="mt-3 text-sm" data-testid="weakest-skills">
        {summary.weakestSkills.length > 0 ? (
          <p>
            <span className="font-semibold">Work on: </span>
            {summary.weakestSkills.map((s) => SKILL_LABELS[s]).join(' and ')}.
          </p>
        ) : summary.count > 0 ? (
          <p className="text-good">Every skill averaged 90% or more. Try a harder session.</p>
        ) : null}
      </div>
      <div className="mt-3">
        <h3 className="font-semibold">Scenarios to retry</h3>
        {retry.length === 0 ? (
          <p className="text-sm text-muted">Nothing to retry: every reply scored well.</p>
        ) : (
          <ul className="mt-1 space-y-1 text-sm" data-testid="retry-list">
            {retry.map((r) => (
              <li key={r.id} className="rounded border border-line p-2">
                <span className="font-semibold">@{r.brand}</span> <span className="text-muted">({r.total === null ? 'not answered' : `${r.total}/100`})</span>
                <span className="block">{snippet(r.text)}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
      {saveError ? (
        <p role="alert" className="mt-2 text-sm text-bad">
          {saveError}
        </p>
      ) : null}
      <div className="mt-4 flex flex-wrap gap-2">
        {retry.length > 0 ? (
          <button type="button" onClick={onRetry} className="rounded-full bg-accent px-4 py-1.5 font-bold text-accent-ink">
            Retry these ({retry.length})
          </button>
        ) : null}
        <button type="button" onClick={onNewSession} className="rounded-full border border-line px-4 py-1.5 font-semibold">
          New session
        </button>
      </div>
    </section>
  );
}
