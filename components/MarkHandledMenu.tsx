import { useState } from 'react';
import type { HandledReason } from '../lib/db/schema';

const REASONS: Array<{ reason: Exclude<HandledReason, 'replied'>; label: string }> = [
  { reason: 'no_reply_needed', label: 'No reply needed' },
  { reason: 'moved_to_dm', label: 'Moved to private messages' },
  { reason: 'escalated', label: 'Escalated' },
  { reason: 'spam', label: 'Spam' },
];

/** "Mark handled" without replying, with a reason. */
export function MarkHandledMenu({ onMark, disabled }: { onMark(reason: HandledReason): Promise<void>; disabled?: boolean }) {
  const [reason, setReason] = useState<HandledReason>('no_reply_needed');
  const [busy, setBusy] = useState(false);
  return (
    <div className="flex items-center gap-2">
      <label className="sr-only" htmlFor="handled-reason">Reason</label>
      <select
        id="handled-reason"
        className="min-w-0 flex-1 rounded border border-line bg-surface px-2 py-1 text-sm"
        value={reason}
        onChange={(e) => setReason(e.target.value as HandledReason)}
      >
        {REASONS.map((r) => (
          <option key={r.reason} value={r.reason}>{r.label}</option>
        ))}
      </select>
      <button
        type="button"
        disabled={disabled || busy}
        className="rounded bg-accent px-3 py-1 text-sm font-semibold text-accent-ink disabled:opacity-50"
        onClick={async () => {
          setBusy(true);
          try {
            await onMark(reason);
          } finally {
            setBusy(false);
          }
        }}
      >
        Mark handled
      </button>
    </div>
  );
}
