/**
 * The score of one practice reply: the total, each rubric part with what it measured and why, and
 * the trainee's reply beside the brand's real one (a reference, not the only right answer).
 */
import { SKILL_LABELS, type ScoreResult } from '../../lib/practice/score';
import { SkillBar } from './SkillBar';

export interface ScoreCardProps {
  result: ScoreResult;
  reply: string;
  brand: string;
  brandReply?: string;
}

function verdict(total: number): string {
  if (total >= 85) return 'Excellent';
  if (total >= 70) return 'Good';
  if (total >= 50) return 'Getting there';
  return 'Needs work';
}

export function ScoreCard({ result, reply, brand, brandReply }: ScoreCardProps) {
  const tone = result.total >= 70 ? 'text-good' : result.total >= 50 ? 'text-warn' : 'text-bad';
  return (
    <section data-testid="score-card" aria-label="Score for your reply" className="mx-4 my-3 rounded-xl border border-line bg-surface-2 p-3">
      <header className="flex items-baseline justify-between gap-2">
        <h3 className="font-semibold">Your score</h3>
        <p>
          <span data-testid="score-total" className={`text-2xl font-bold tabular-nums ${tone}`}>
            {result.total}
          </span>
          <span className="text-muted"> / 100 · {verdict(result.total)}</span>
        </p>
      </header>
      {result.cappedBy ? (
        <p role="note" className="mt-1 text-sm font-semibold text-bad">
          {result.cappedBy}
        </p>
      ) : null}
      <ul className="mt-3 space-y-3">
        {result.parts.map((part) => (
          <li key={part.skill} data-testid="score-part" data-skill={part.skill}>
            <SkillBar label={`${SKILL_LABELS[part.skill]} (${Math.round(part.weight * 100)}%)`} score={part.score} />
            <p className="mt-1 text-sm text-muted">{part.explanation}</p>
          </li>
        ))}
      </ul>
      <div className="mt-3 grid gap-3 sm:grid-cols-2">
        <figure className="rounded-lg border border-line bg-surface p-2">
          <figcaption className="text-xs font-semibold uppercase tracking-wide text-muted">Your reply</figcaption>
          <p className="mt-1 whitespace-pre-wrap text-sm">{reply}</p>
        </figure>
        <figure data-testid="brand-reply" className="rounded-lg border border-dashed border-line bg-surface p-2">
          <figcaption className="text-xs font-semibold uppercase tracking-wide text-muted">
            What @{brand} actually replied: a reference, not the only right answer
          </figcaption>
          <p className="mt-1 whitespace-pre-wrap text-sm">{brandReply ?? 'This scenario has no recorded brand reply.'}</p>
        </figure>
      </div>
    </section>
  );
}
