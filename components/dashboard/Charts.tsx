import { Bar, BarChart, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ResponseBucket } from '../../lib/metrics/buckets';
import type { GroupMetrics } from '../../lib/metrics/compute';
import { DEFINITIONS } from './definitions';
import { formatSeconds } from './format';
import type { TimeBasis } from './MetricCards';
import { tickInterval } from './tick-interval';

// Colours come from the theme's CSS variables, so charts follow light and dark mode.
const AXIS = { stroke: 'var(--cl-muted)', fontSize: 11 };
const TOOLTIP = { contentStyle: { background: 'var(--cl-surface)', border: '1px solid var(--cl-line)', color: 'var(--cl-ink)' } };

function Figure({ title, description, children, testId }: { title: string; description: string; children: React.ReactNode; testId: string }) {
  return (
    <figure className="rounded-lg border border-line p-3" data-testid={testId}>
      <figcaption>
        <h3 className="text-sm font-semibold">{title}</h3>
        <p className="text-xs text-muted">{description}</p>
      </figcaption>
      <div className="mt-2 h-56">{children}</div>
    </figure>
  );
}

/** Items handled per day, with the day's median first response (minutes) on a second axis. */
export function TrendChart({ byDay, basis }: { byDay: readonly GroupMetrics[]; basis: TimeBasis }) {
  const data = byDay.map((d) => ({
    day: d.key.slice(5),
    items: d.items,
    medianMinutes: (basis === 'calendar' ? d.response.median : d.responseBusiness.median) === null ? null : Math.round(((basis === 'calendar' ? d.response.median : d.responseBusiness.median) ?? 0) / 60),
  }));
  return (
    <Figure testId="chart-trend" title="Trend by day" description="Items handled per day (bars) and the day's median first response in minutes (line).">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 4, right: 8, bottom: 0, left: -12 }}>
          <CartesianGrid stroke="var(--cl-line)" strokeDasharray="3 3" />
          <XAxis dataKey="day" interval={tickInterval(data.length, 10)} tick={AXIS} stroke="var(--cl-line)" />
          <YAxis yAxisId="items" interval={0} tick={AXIS} stroke="var(--cl-line)" allowDecimals={false} />
          <YAxis yAxisId="minutes" orientation="right" interval={0} tick={AXIS} stroke="var(--cl-line)" />
          <Tooltip {...TOOLTIP} />
          <Legend wrapperStyle={{ fontSize: 11 }} />
          <Bar yAxisId="items" dataKey="items" name="Items" fill="var(--cl-accent)" isAnimationActive={false} />
          <Line yAxisId="minutes" dataKey="medianMinutes" name="Median first response (min)" stroke="var(--cl-warn)" dot={false} connectNulls isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </Figure>
  );
}

export function BucketsChart({ buckets }: { buckets: readonly ResponseBucket[] }) {
  const data = buckets.map((b) => ({ label: b.label, count: b.count }));
  return (
    <Figure testId="chart-buckets" title="First response buckets" description={DEFINITIONS.buckets}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 4, right: 8, bottom: 0, left: -12 }}>
          <CartesianGrid stroke="var(--cl-line)" strokeDasharray="3 3" />
          <XAxis dataKey="label" interval={0} tick={AXIS} stroke="var(--cl-line)" />
          <YAxis interval={0} tick={AXIS} stroke="var(--cl-line)" allowDecimals={false} />
          <Tooltip {...TOOLTIP} />
          <Bar dataKey="count" name="Items" fill="var(--cl-accent)" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </Figure>
  );
}

export function HourChart({ byHour, basis }: { byHour: readonly GroupMetrics[]; basis: TimeBasis }) {
  const data = byHour.map((h) => ({ hour: h.key, items: h.items, median: basis === 'calendar' ? h.response.median : h.responseBusiness.median }));
  return (
    <Figure testId="chart-hours" title="By hour of handling" description="Items handled per local hour of the day.">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 4, right: 8, bottom: 0, left: -12 }}>
          <CartesianGrid stroke="var(--cl-line)" strokeDasharray="3 3" />
          <XAxis dataKey="hour" interval={tickInterval(data.length, 12)} tick={AXIS} stroke="var(--cl-line)" />
          <YAxis interval={0} tick={AXIS} stroke="var(--cl-line)" allowDecimals={false} />
          <Tooltip {...TOOLTIP} formatter={(value, name, entry) => (name === 'Items' ? [`${String(value)} (median ${formatSeconds((entry.payload as { median: number | null }).median)})`, name] : [String(value), String(name)])} />
          <Bar dataKey="items" name="Items" fill="var(--cl-accent)" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </Figure>
  );
}
