import type { ReactNode } from 'react';

/** One section of the options page: a heading, a short explanation, and its content. */
export function SectionCard({ id, title, intro, children }: { id: string; title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} className="space-y-4">
      <header>
        <h2 id={`${id}-title`} className="text-lg font-bold text-ink">{title}</h2>
        {intro ? <div className="mt-1 max-w-prose text-sm text-muted">{intro}</div> : null}
      </header>
      {children}
    </section>
  );
}

/** A bordered group inside a section. */
export function Panel({ title, children, testId }: { title?: string; children: ReactNode; testId?: string }) {
  return (
    <div className="rounded-lg border border-line bg-surface p-4" data-testid={testId}>
      {title ? <h3 className="mb-2 font-semibold text-ink">{title}</h3> : null}
      {children}
    </div>
  );
}
