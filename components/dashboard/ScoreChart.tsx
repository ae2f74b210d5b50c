import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { tickInterval } from './tick-interval';

/** Scores (0–100) over sessions, one line per series. */
export interface ScoreChartProps {
  data: Array<Record<string, string | number | null>>;
  series: Array<{ key: string; name: string; color: string }>;
  legend?: boolean;
}

export default function ScoreChart({ data, series, legend }: ScoreChartProps) {
  return (
    <div className="mt-2 h-48">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 4, right: 8, bottom: 0, left: -12 }}>
          <CartesianGrid stroke="var(--cl-line)" strokeDasharray="3 3" />
          <XAxis dataKey="when" interval={tickInterval(data.length, 8)} tick={{ stroke: 'var(--cl-muted)', fontSize: 11 }} stroke="var(--cl-line)" />
          <YAxis domain={[0, 100]} interval={0} tick={{ stroke: 'var(--cl-muted)', fontSize: 11 }} stroke="var(--cl-line)" />
          <Tooltip contentStyle={{ background: 'var(--cl-surface)', border: '1px solid var(--cl-line)' }} />
          {legend ? <Legend wrapperStyle={{ fontSize: 11 }} /> : null}
          {series.map((l) => <Line key={l.key} dataKey={l.key} name={l.name} stroke={l.color} connectNulls isAnimationActive={false} />)}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

