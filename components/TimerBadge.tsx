import type { SlaStatus } from '../lib/sla/status';
import { formatDuration } from '../lib/sla/format-duration';

const STYLE = {
  on_track: 'border-good/40 text-good',
  due_soon: 'border-warn/60 bg-warn/10 text-warn',
  breached: 'border-bad/60 bg-bad/10 text-bad',
  unknown: 'border-line text-muted',
} as const;

const LABEL = { on_track: 'On track', due_soon: 'Due soon', breached: 'Breached', unknown: 'No post time' } as const;

/** The response timer against the target: age, state, time left or over. */
export function TimerBadge({ status, compact }: { status: SlaStatus; compact?: boolean }) {
  const left = status.remainingMs >= 0 ? `${formatDuration(status.remainingMs)} left` : `${formatDuration(-status.remainingMs)} over`;
  const text =
    status.state === 'unknown'
      ? LABEL.unknown
      : compact
        ? `${formatDuration(status.elapsedMs)} · ${left}`
        : `${LABEL[status.state]} · ${formatDuration(status.elapsedMs)} old · ${left}${status.isPaused ? ' (paused: outside business hours)' : ''}`;
  return (
    <span
      role="timer"
      data-testid="sla-timer"
      data-state={status.state}
      className={`inline-block rounded border px-1.5 py-0.5 text-xs font-semibold ${STYLE[status.state]}`}
      title={`Target ${formatDuration(status.targetMs)}${status.countsBusinessTime ? ' of business time' : ''}`}
    >
      {text}
    </span>
  );
}
