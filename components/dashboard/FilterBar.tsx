import { useEffect, useId, useState } from 'react';
import { FLAG_NAMES, INTENTS } from '../../lib/classify/types';
import { DEFAULT_FILTER, RANGE_PRESETS, type DashboardFilter, type RangePreset } from '../../lib/metrics/filter';
import { humanise } from './format';

const RANGE_LABEL: Record<RangePreset, string> = {
  today: 'Today',
  yesterday: 'Yesterday',
  last_7_days: 'Last 7 days',
  last_30_days: 'Last 30 days',
  last_90_days: 'Last 90 days',
  this_month: 'This month',
  last_month: 'Last month',
  all: 'All time',
  custom: 'Custom dates…',
};

type ListKey = 'sites' | 'intents' | 'urgencies' | 'flags' | 'agents';

function ChipGroup({ legend, options, selected, onToggle }: { legend: string; options: Array<{ value: string; label: string }>; selected: readonly string[]; onToggle(value: string): void }) {
  if (options.length === 0) return null;
  return (
    <fieldset className="flex flex-wrap items-center gap-1">
      <legend className="mr-1 float-left text-xs font-semibold text-muted">{legend}</legend>
      {options.map((o) => {
        const on = selected.includes(o.value);
        return (
          <button
            key={o.value}
            type="button"
            aria-pressed={on}
            onClick={() => onToggle(o.value)}
            className={`rounded-full border px-2 py-0.5 text-xs ${on ? 'border-accent bg-accent text-accent-ink' : 'border-line hover:bg-surface-2'}`}
          >
            {o.label}
          </button>
        );
      })}
    </fieldset>
  );
}

/** Filters for the dashboard: date range, channel, agent, intent, urgency, flag, met/missed, text. */
export function FilterBar({ filter, onChange, agents, sites }: { filter: DashboardFilter; onChange(f: DashboardFilter): void; agents: Array<{ id: string; name: string }>; sites: readonly string[] }) {
  const id = useId();
  const [q, setQ] = useState(filter.q);
  useEffect(() => setQ(filter.q), [filter.q]);
  // The search box writes the filter a moment after typing stops: one recompute per word, not per key.
  useEffect(() => {
    if (q === filter.q) return;
    const t = setTimeout(() => onChange({ ...filter, q }), 200);
    return () => clearTimeout(t);
  }, [q, filter, onChange]);

  const toggle = (key: ListKey, value: string) => {
    const list = filter[key] as readonly string[];
    const next = list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
    onChange({ ...filter, [key]: next } as DashboardFilter);
  };
  const isDefault = JSON.stringify({ ...filter, mode: DEFAULT_FILTER.mode }) === JSON.stringify(DEFAULT_FILTER);

  return (
    <section aria-label="Filters" className="space-y-2 rounded-lg border border-line p-3">
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col text-xs font-semibold text-muted">
          Date range
          <select
            data-testid="filter-range"
            className="mt-0.5 rounded border border-line bg-surface px-2 py-1 text-sm font-normal text-ink"
            value={filter.range}
            onChange={(e) => {
              const range = e.target.value as RangePreset;
              const next: DashboardFilter = { ...filter, range };
              if (range !== 'custom') {
                delete next.from;
                delete next.to;
              }
              onChange(next);
            }}
          >
            {RANGE_PRESETS.map((r) => (
              <option key={r} value={r}>{RANGE_LABEL[r]}</option>
            ))}
          </select>
        </label>
        {filter.range === 'custom' ? (
          <>
            <label className="flex flex-col text-xs font-semibold text-muted">
              From
              <input type="date" data-testid="filter-from" className="mt-0.5 rounded border border-line bg-surface px-2 py-1 text-sm font-normal text-ink" value={filter.from ?? ''} max={filter.to}
                onChange={(e) => { const next = { ...filter }; if (e.target.value) next.from = e.target.value; else delete next.from; onChange(next); }} />
            </label>
            <label className="flex flex-col text-xs font-semibold text-muted">
              To
              <input type="date" data-testid="filter-to" className="mt-0.5 rounded border border-line bg-surface px-2 py-1 text-sm font-normal text-ink" value={filter.to ?? ''} min={filter.from}
                onChange={(e) => { const next = { ...filter }; if (e.target.value) next.to = e.target.value; else delete next.to; onChange(next); }} />
            </label>
          </>
        ) : null}
        <label className="flex flex-col text-xs font-semibold text-muted">
          Target
          <select data-testid="filter-met" className="mt-0.5 rounded border border-line bg-surface px-2 py-1 text-sm font-normal text-ink" value={filter.met}
            onChange={(e) => onChange({ ...filter, met: e.target.value as DashboardFilter['met'] })}>
            <option value="any">Met or missed</option>
            <option value="met">Met</option>
            <option value="missed">Missed</option>
          </select>
        </label>
        <label className="flex min-w-56 flex-1 flex-col text-xs font-semibold text-muted" htmlFor={`${id}-q`}>
          Search
          <input id={`${id}-q`} type="search" data-testid="filter-search" placeholder="Post, author, reply, notes, tags, template"
            className="mt-0.5 rounded border border-line bg-surface px-2 py-1 text-sm font-normal text-ink" value={q} onChange={(e) => setQ(e.target.value)} />
        </label>
        <button type="button" disabled={isDefault} onClick={() => onChange({ ...DEFAULT_FILTER, mode: filter.mode })}
          className="rounded border border-line px-2 py-1 text-sm hover:bg-surface-2 disabled:opacity-50">
          Reset filters
        </button>
      </div>
      <ChipGroup legend="Channel" options={sites.map((s) => ({ value: s, label: humanise(s) }))} selected={filter.sites} onToggle={(v) => toggle('sites', v)} />
      {agents.length ? <ChipGroup legend="Agent" options={agents.map((a) => ({ value: a.id, label: a.name }))} selected={filter.agents} onToggle={(v) => toggle('agents', v)} /> : null}
      <ChipGroup legend="Intent" options={INTENTS.map((v) => ({ value: v, label: humanise(v) }))} selected={filter.intents} onToggle={(v) => toggle('intents', v)} />
      <ChipGroup legend="Urgency" options={['high', 'normal', 'low'].map((v) => ({ value: v, label: humanise(v) }))} selected={filter.urgencies} onToggle={(v) => toggle('urgencies', v)} />
      <ChipGroup legend="Flag" options={FLAG_NAMES.map((v) => ({ value: v, label: humanise(v) }))} selected={filter.flags} onToggle={(v) => toggle('flags', v)} />
    </section>
  );
}
