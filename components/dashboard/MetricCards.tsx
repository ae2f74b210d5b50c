import type { ReactNode } from 'react';
import type { Headline } from '../../lib/metrics/compute';
import { DEFINITIONS } from './definitions';
import { formatCount, formatNumber, formatSeconds, formatShare, humanise } from './format';

export type TimeBasis = 'calendar' | 'business';

function Card({ title, testId, value, detail, definition }: { title: string; testId: string; value: ReactNode; detail?: ReactNode; definition: string }) {
  return (
    <div className="rounded-lg border border-line p-3" data-testid={testId}>
      <h3 className="text-xs font-semibold text-muted">{title}</h3>
      <p className="mt-1 text-2xl font-bold tabular-nums" data-testid={`${testId}-value`}>{value}</p>
      {detail ? <div className="mt-1 text-xs tabular-nums">{detail}</div> : null}
      <p className="mt-2 text-xs text-muted">{definition}</p>
    </div>
  );
}

/** The headline figures, each with its definition. */
export function MetricCards({ summary, basis, onBasis }: { summary: Headline; basis: TimeBasis; onBasis(b: TimeBasis): void }) {
  const s = summary;
  const fr = basis === 'calendar' ? s.firstResponse : s.firstResponseBusiness;
  const reasons = Object.entries(s.totals.withoutReplyByReason).filter(([, n]) => n > 0);
  return (
    <section aria-labelledby="headline-heading">
      <div className="flex items-center justify-between">
        <h2 id="headline-heading" className="text-lg font-semibold">Overview</h2>
        <div role="radiogroup" aria-label="Response times in" className="flex overflow-hidden rounded border border-line text-xs">
          {(['calendar', 'business'] as const).map((b) => (
            <button key={b} type="button" role="radio" aria-checked={basis === b} onClick={() => onBasis(b)}
              className={`px-2 py-1 ${basis === b ? 'bg-accent text-accent-ink' : 'hover:bg-surface-2'}`}>
              {b === 'calendar' ? 'Calendar time' : 'Business hours'}
            </button>
          ))}
        </div>
      </div>
      <div className="mt-2 grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Card title="Volume handled" testId="metric-volume" value={formatCount(s.totals.items)}
          detail={<>{formatCount(s.totals.replied)} replied · {formatCount(s.totals.withoutReply)} without reply</>} definition={DEFINITIONS.volume} />
        <Card title="Response rate" testId="metric-response-rate" value={formatShare(s.responseRate.rate)}
          detail={<>{formatCount(s.responseRate.answered)} of {formatCount(s.responseRate.seen)} seen posts</>} definition={DEFINITIONS.responseRate} />
        <Card title={`First response (${basis === 'calendar' ? 'calendar' : 'business hours'})`} testId="metric-first-response" value={formatSeconds(fr.median)}
          detail={<>median · mean {formatSeconds(fr.mean)} · p90 {formatSeconds(fr.p90)} · {formatCount(fr.count)} timed</>} definition={DEFINITIONS.firstResponse} />
        <Card title="Within target" testId="metric-within-target" value={formatShare(s.withinTarget.share)}
          detail={<>{formatCount(s.withinTarget.met)} met · {formatCount(s.withinTarget.missed)} missed</>} definition={DEFINITIONS.withinTarget} />
        <Card title="Handle time" testId="metric-handle-time" value={formatSeconds(s.handleTime.median)}
          detail={<>median · mean {formatSeconds(s.handleTime.mean)} · p90 {formatSeconds(s.handleTime.p90)}</>} definition={DEFINITIONS.handleTime} />
        <Card title="Replies per item" testId="metric-replies" value={formatNumber(s.totals.repliesPerRepliedItem, 2)}
          detail={<>{formatCount(s.totals.replies)} replies in all</>} definition={DEFINITIONS.repliesPerItem} />
        <Card title="Handled without reply" testId="metric-without-reply" value={formatCount(s.totals.withoutReply)}
          detail={reasons.length ? <ul>{reasons.map(([r, n]) => <li key={r}>{humanise(r)}: {formatCount(n)}</li>)}</ul> : 'None'} definition={DEFINITIONS.withoutReply} />
      </div>
    </section>
  );
}
