import type { ReactNode } from 'react';

export function EmptyState({ title, children, tone = 'neutral' }: { title: string; children?: ReactNode; tone?: 'neutral' | 'error' }) {
  return (
    <div role={tone === 'error' ? 'alert' : 'status'} className={`m-3 rounded-lg border p-4 text-sm ${tone === 'error' ? 'border-bad/40 bg-bad/5' : 'border-line bg-surface-2'}`}>
      <p className={`font-semibold ${tone === 'error' ? 'text-bad' : 'text-ink'}`}>{title}</p>
      {children ? <div className="mt-1 text-muted">{children}</div> : null}
    </div>
  );
}
