import type { Heatmap } from '../../lib/metrics/heatmap';
import { DEFINITIONS } from './definitions';

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function Grid({ title, cells, max }: { title: string; cells: number[][]; max: number }) {
  return (
    <table className="border-separate border-spacing-px text-[10px]">
      <caption className="pb-1 text-left text-xs font-semibold">{title}</caption>
      <thead>
        <tr>
          <th scope="col"><span className="sr-only">Day</span></th>
          {Array.from({ length: 24 }, (_, h) => (
            <th key={h} scope="col" className="w-5 font-normal text-muted">{h % 3 === 0 ? String(h).padStart(2, '0') : <span className="sr-only">{h}</span>}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {cells.map((hours, d) => (
          <tr key={d}>
            <th scope="row" className="pr-1 text-right font-normal text-muted">{DAYS[d]}</th>
            {hours.map((v, h) => {
              const pct = max ? Math.round((v / max) * 100) : 0;
              return (
                <td key={h} title={`${DAYS[d]} ${String(h).padStart(2, '0')}:00 — ${v}`} className="h-4 w-5 rounded-sm border border-line/40"
                  style={{ backgroundColor: `color-mix(in srgb, var(--cl-accent) ${pct}%, transparent)` }}>
                  <span className="sr-only">{v}</span>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** When customers post (left) versus when they are answered (right), on one colour scale. */
export function HeatmapGrid({ heatmap }: { heatmap: Heatmap }) {
  return (
    <figure className="rounded-lg border border-line p-3" data-testid="heatmap">
      <figcaption>
        <h3 className="text-sm font-semibold">Posted versus answered</h3>
        <p className="text-xs text-muted">{DEFINITIONS.heatmap} ({heatmap.timeZone})</p>
      </figcaption>
      <div className="mt-2 flex flex-wrap gap-6 overflow-x-auto">
        <Grid title="Customers posted" cells={heatmap.posted} max={heatmap.max} />
        <Grid title="Agents answered" cells={heatmap.answered} max={heatmap.max} />
      </div>
    </figure>
  );
}
