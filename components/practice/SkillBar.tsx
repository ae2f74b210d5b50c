/** A 0..1 score as a labelled bar (the number is in the text too, for screen readers and print). */
export function SkillBar({ label, score, hint }: { label: string; score: number | null; hint?: string }) {
  const percent = score === null ? null : Math.round(score * 100);
  const tone = percent === null ? 'bg-line' : percent >= 80 ? 'bg-good' : percent >= 50 ? 'bg-warn' : 'bg-bad';
  return (
    <div className="flex items-center gap-2 text-sm">
      <span className="w-40 shrink-0">{label}</span>
      <div
        className="h-2 flex-1 overflow-hidden rounded bg-surface-2"
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? undefined}
        aria-valuetext={percent === null ? 'not measured' : `${percent} out of 100`}
      >
        <div className={`h-full ${tone}`} style={{ width: `${percent ?? 0}%` }} />
      </div>
      <span className="w-16 shrink-0 text-right tabular-nums text-muted">{percent === null ? '—' : `${percent}%`}</span>
      {hint ? <span className="sr-only">{hint}</span> : null}
    </div>
  );
}
