import type { SyncStatus } from '../../lib/sync/status';
import { formatDuration } from '../../lib/sla/format-duration';
import { primaryButton, secondaryButton } from './classes';

/** What the panel shows: the sync status plus whether sync is on and what stops it. */
export type SyncStatusView = SyncStatus & { enabled: boolean; blocker: string | null };

function ago(iso: string, now: number): string {
  const ms = now - Date.parse(iso);
  const when = new Date(iso).toLocaleString();
  return ms < 60_000 ? `just now (${when})` : `${formatDuration(ms)} ago (${when})`;
}

/** Sync's state in words: queue, last success, last error, pauses, and items set aside with Retry. */
export function SyncStatusPanel({
  status,
  now,
  onRetry,
  onSyncNow,
  busy,
}: {
  status: SyncStatusView;
  now: number;
  onRetry: (seqs?: number[]) => void;
  onSyncNow: () => void;
  busy: boolean;
}) {
  const paused = status.enabled && status.blocker;
  return (
    <div className="space-y-2 text-sm text-ink" data-testid="sync-status">
      <p className="font-semibold" data-testid="sync-state">
        {!status.enabled ? (
          <span className="text-muted">Sync is off. Handled items stay in this browser{status.queued ? ' and in the queue for later' : ''}.</span>
        ) : paused ? (
          <span className="text-warn">{status.blocker}</span>
        ) : status.tokenRefused ? (
          <span className="text-bad">Paused: the server refused the token. Replace it, then press Sync now.</span>
        ) : (
          <span className="text-good">Sync is on.</span>
        )}
      </p>
      <ul className="space-y-1">
        <li data-testid="sync-queued">
          {status.queued === 0 ? 'Nothing waiting to be sent.' : `${status.queued.toLocaleString()} item${status.queued === 1 ? '' : 's'} waiting to be sent.`}
        </li>
        <li>{status.lastSuccessAt ? `Last successful sync: ${ago(status.lastSuccessAt, now)}.` : 'No successful sync yet.'}</li>
        {status.lastError ? (
          <li className="text-bad" data-testid="sync-last-error">
            Last problem{status.lastErrorAt ? ` (${ago(status.lastErrorAt, now)})` : ''}: {status.lastError}
          </li>
        ) : null}
        {status.nextAttemptAt && Date.parse(status.nextAttemptAt) > now ? (
          <li className="text-muted">Next automatic try in {formatDuration(Date.parse(status.nextAttemptAt) - now)}.</li>
        ) : null}
      </ul>
      {status.setAside.length ? (
        <div className="rounded border border-warn/50 p-2" data-testid="sync-set-aside">
          <p className="font-semibold text-warn">
            {status.setAside.length} item{status.setAside.length === 1 ? ' was' : 's were'} set aside: the server did not accept {status.setAside.length === 1 ? 'it' : 'them'}.
          </p>
          <ul className="mt-1 space-y-1">
            {status.setAside.map((item) => (
              <li key={item.seq} className="flex flex-wrap items-center gap-2">
                <span className="font-mono text-xs">{item.itemId}</span>
                <span className="text-muted">
                  {item.reason || 'no reason given'} · {item.attempts} attempt{item.attempts === 1 ? '' : 's'}
                </span>
                <button type="button" className={`${secondaryButton} px-2 py-0 text-xs`} onClick={() => onRetry([item.seq])} disabled={busy}>
                  Retry
                </button>
              </li>
            ))}
          </ul>
          <button type="button" className={`${secondaryButton} mt-2`} onClick={() => onRetry()} disabled={busy}>
            Retry all set-aside items
          </button>
        </div>
      ) : null}
      <button type="button" className={primaryButton} onClick={onSyncNow} disabled={busy || !status.enabled}>
        {busy ? 'Syncing…' : 'Sync now'}
      </button>
    </div>
  );
}
