import type { ToneFinding } from '../lib/templates/tone-check';
import type { ChannelCount } from '../lib/templates/channel';

/** Advice on the draft in the composer: never a block. */
export function ToneCheck({ draft, findings, count }: { draft: string; findings: ToneFinding[]; count: ChannelCount }) {
  return (
    <section aria-label="Tone check" aria-live="polite" className="border-t border-line p-3 text-sm" data-testid="tone-check">
      <div className="flex items-center justify-between">
        <h3 className="font-semibold">Your draft</h3>
        <span data-testid="char-count" className={`text-xs ${count.over ? 'font-bold text-bad' : 'text-muted'}`}>
          {count.weighted} / {count.limit}
        </span>
      </div>
      {draft.trim() === '' ? (
        <p className="text-xs text-muted">Start typing in the reply box (or insert a suggestion): Careline checks the tone as you write.</p>
      ) : findings.length === 0 ? (
        <p className="text-xs text-good" data-testid="tone-ok">No tone issues found.</p>
      ) : (
        <ul className="mt-1 space-y-1">
          {findings.map((f, i) => (
            <li key={`${f.rule}-${i}`} data-rule={f.rule} className={`text-xs ${f.severity === 'warn' ? 'text-warn' : 'text-muted'}`}>
              {f.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
