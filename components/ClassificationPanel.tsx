import { useId } from 'react';
import type { Classification, Intent, Sentiment } from '../lib/classify/types';
import { INTENTS, SENTIMENTS } from '../lib/classify/types';
import { languageName } from '../lib/classify/language';
import { isFlagReason } from '../lib/classify/classify-post';

const FLAG_LABEL: Record<string, string> = {
  legal: 'Legal threat',
  safety: 'Safety',
  churn: 'Churn risk',
  personal_data: 'Personal data in public',
  abuse: 'Abuse',
  repeat_contact: 'Repeat contact',
  press: 'Press / viral',
};

const URGENCY_STYLE = { high: 'bg-bad text-white', normal: 'bg-surface-2 text-ink', low: 'bg-surface-2 text-muted' } as const;
const SENTIMENT_STYLE = { negative: 'text-bad', neutral: 'text-muted', positive: 'text-good' } as const;

export function flagLabel(name: string): string {
  return FLAG_LABEL[name] ?? name;
}

export interface ClassificationPanelProps {
  classification: Classification;
  corrected?: { intent?: Intent; sentiment?: Sentiment };
  onCorrect(correction: { intent?: Intent; sentiment?: Sentiment }): void;
}

export function ClassificationPanel({ classification: c, onCorrect, corrected }: ClassificationPanelProps) {
  const intentId = useId();
  const sentimentId = useId();
  if (!c.classified) {
    return (
      <section aria-label="Classification" className="border-b border-line p-3 text-sm" data-testid="classification">
        <p className="text-muted">
          Not classified: this post looks like <strong>{languageName(c.language)}</strong>, a language Careline's model does not know. Read it yourself.
        </p>
        {c.flags.length ? <FlagList c={c} /> : null}
      </section>
    );
  }
  const pct = (n: number | undefined) => `${Math.round((n ?? 0) * 100)}%`;
  // The flags are shown above with their words: their reason lines would say it twice.
  const why = c.reasons.filter((r) => !isFlagReason(r));
  return (
    <section aria-label="Classification" className="space-y-2 border-b border-line p-3 text-sm" data-testid="classification">
      <div className="flex flex-wrap items-center gap-2">
        <span className={`rounded px-2 py-0.5 text-xs font-bold uppercase ${URGENCY_STYLE[c.urgency]}`} data-testid="urgency" title={c.urgencyRule}>
          {c.urgency} urgency
        </span>
        <span className="font-semibold" data-testid="intent">{c.intent}</span>
        <span className="text-muted">({pct(c.scores.intent[c.intent])})</span>
        <span className={SENTIMENT_STYLE[c.sentiment]} data-testid="sentiment">{c.sentiment}</span>
        <span className="text-muted">({pct(c.scores.sentiment[c.sentiment])})</span>
      </div>
      <p className="text-xs text-muted">{c.urgencyRule}</p>
      {c.flags.length ? <FlagList c={c} /> : null}
      {why.length ? (
        <p className="text-xs text-muted" data-testid="reasons">
          Why: {why.slice(0, 5).join(' · ')}
        </p>
      ) : null}
      <details className="text-xs">
        <summary className="cursor-pointer text-muted">Correct the labels{corrected?.intent || corrected?.sentiment ? ' (corrected)' : ''}</summary>
        <div className="mt-2 flex gap-2">
          <label htmlFor={intentId} className="sr-only">Correct intent</label>
          <select id={intentId} data-testid="correct-intent" className="rounded border border-line bg-surface px-1" value={corrected?.intent ?? c.intent} onChange={(e) => onCorrect({ intent: e.target.value as Intent })}>
            {INTENTS.map((i) => <option key={i} value={i}>{i}</option>)}
          </select>
          <label htmlFor={sentimentId} className="sr-only">Correct sentiment</label>
          <select id={sentimentId} data-testid="correct-sentiment" className="rounded border border-line bg-surface px-1" value={corrected?.sentiment ?? c.sentiment} onChange={(e) => onCorrect({ sentiment: e.target.value as Sentiment })}>
            {SENTIMENTS.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </div>
        <p className="mt-1 text-muted">Corrections teach this browser's Careline; reset them in Options.</p>
      </details>
    </section>
  );
}

function FlagList({ c }: { c: Classification }) {
  return (
    <ul className="flex flex-wrap gap-1" aria-label="Flags" data-testid="flags">
      {c.flags.map((flag) => (
        <li key={flag.name} className="rounded border border-warn/50 bg-warn/10 px-1.5 py-0.5 text-xs text-warn" data-flag={flag.name} title={`Raised by: ${flag.evidence.join(', ')}`}>
          {flagLabel(flag.name)}
          {flag.evidence.length ? <span className="text-muted">: “{flag.evidence.slice(0, 2).join('”, “')}”</span> : null}
        </li>
      ))}
    </ul>
  );
}
