import { useState } from 'react';
import type { GroupMetrics, MetricsSummary } from '../../lib/metrics/compute';
import type { TemplateEffectiveness } from '../../lib/metrics/templates';
import type { AxisAgreement } from '../../lib/metrics/agreement';
import { DEFINITIONS } from './definitions';
import { formatCount, formatSeconds, formatShare, humanise } from './format';
import type { TimeBasis } from './MetricCards';
import { SortableTable, type Column } from './SortableTable';

const DIMENSIONS = [
  ['byChannel', 'Channel'],
  ['byAgent', 'Agent'],
  ['byIntent', 'Intent'],
  ['byUrgency', 'Urgency'],
  ['bySentiment', 'Sentiment'],
  ['byFlag', 'Flag'],
  ['byTemplate', 'Template'],
  ['byReason', 'Reason'],
  ['byDay', 'Day'],
  ['byHour', 'Hour'],
] as const satisfies ReadonlyArray<readonly [keyof MetricsSummary, string]>;
type Dimension = (typeof DIMENSIONS)[number][0];

function groupColumns(basis: TimeBasis, dimension: string, humanLabels: boolean): Column<GroupMetrics>[] {
  const fr = (g: GroupMetrics) => (basis === 'calendar' ? g.response : g.responseBusiness);
  return [
    { key: 'label', label: dimension, value: (g) => g.label, render: (g) => (humanLabels ? humanise(g.label) : g.label) },
    { key: 'items', label: 'Items', value: (g) => g.items, render: (g) => formatCount(g.items), align: 'right' },
    { key: 'withoutReply', label: 'Without reply', value: (g) => g.withoutReply, render: (g) => formatCount(g.withoutReply), align: 'right' },
    { key: 'median', label: 'Median first response', value: (g) => fr(g).median, render: (g) => formatSeconds(fr(g).median), align: 'right' },
    { key: 'mean', label: 'Mean', value: (g) => fr(g).mean, render: (g) => formatSeconds(fr(g).mean), align: 'right' },
    { key: 'p90', label: 'p90', value: (g) => fr(g).p90, render: (g) => formatSeconds(fr(g).p90), align: 'right' },
    { key: 'target', label: 'Within target', value: (g) => g.withinTargetShare, render: (g) => formatShare(g.withinTargetShare), align: 'right' },
    { key: 'handle', label: 'Median handle time', value: (g) => g.handle.median, render: (g) => formatSeconds(g.handle.median), align: 'right' },
  ];
}

/** Every breakdown of the summary in one sortable table, the dimension picked from a list. */
export function Breakdowns({ summary, basis }: { summary: MetricsSummary; basis: TimeBasis }) {
  const [dimension, setDimension] = useState<Dimension>('byChannel');
  const label = DIMENSIONS.find(([k]) => k === dimension)![1];
  const humanLabels = dimension !== 'byAgent' && dimension !== 'byTemplate' && dimension !== 'byDay' && dimension !== 'byHour';
  return (
    <section aria-labelledby="breakdown-heading" className="rounded-lg border border-line p-3">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="breakdown-heading" className="text-lg font-semibold">Breakdown</h2>
        <label className="text-sm">
          <span className="sr-only">Break down by</span>
          <select data-testid="breakdown-dimension" value={dimension} onChange={(e) => setDimension(e.target.value as Dimension)} className="rounded border border-line bg-surface px-2 py-1">
            {DIMENSIONS.map(([k, l]) => <option key={k} value={k}>By {l.toLowerCase()}</option>)}
          </select>
        </label>
      </div>
      <div className="mt-2">
        <SortableTable key={dimension} testId="breakdown-table" caption={`Figures by ${label.toLowerCase()}`} columns={groupColumns(basis, label, humanLabels)}
          rows={summary[dimension]} rowKey={(g) => g.key} />
      </div>
    </section>
  );
}

const TEMPLATE_COLUMNS: Column<TemplateEffectiveness>[] = [
  { key: 'id', label: 'Template', value: (t) => t.templateId },
  { key: 'uses', label: 'Uses', value: (t) => t.uses, render: (t) => formatCount(t.uses), align: 'right' },
  { key: 'edit', label: 'Median edit distance', value: (t) => t.medianEditDistance, render: (t) => formatCount(t.medianEditDistance), align: 'right' },
  { key: 'resp', label: 'Median first response', value: (t) => t.medianResponseSeconds, render: (t) => formatSeconds(t.medianResponseSeconds), align: 'right' },
  { key: 'neg', label: 'Negative sentiment', value: (t) => t.negativeShare, render: (t) => formatShare(t.negativeShare), align: 'right' },
];

export function TemplateTable({ templates }: { templates: readonly TemplateEffectiveness[] }) {
  return (
    <section aria-labelledby="templates-heading" className="rounded-lg border border-line p-3">
      <h2 id="templates-heading" className="text-lg font-semibold">Template effectiveness</h2>
      <p className="text-xs text-muted">{DEFINITIONS.templates}</p>
      <div className="mt-2"><SortableTable testId="template-table" caption="Template effectiveness" columns={TEMPLATE_COLUMNS} rows={templates} rowKey={(t) => t.templateId} /></div>
    </section>
  );
}

const LABEL_COLUMNS: Column<AxisAgreement['byLabel'][number]>[] = [
  { key: 'label', label: 'Predicted label', value: (l) => l.label, render: (l) => humanise(l.label) },
  { key: 'predicted', label: 'Predicted', value: (l) => l.predicted, render: (l) => formatCount(l.predicted), align: 'right' },
  { key: 'corrected', label: 'Corrected', value: (l) => l.corrected, render: (l) => formatCount(l.corrected), align: 'right' },
  { key: 'rate', label: 'Correction rate', value: (l) => l.correctionRate, render: (l) => formatShare(l.correctionRate), align: 'right' },
];

export function AgreementTables({ agreement }: { agreement: MetricsSummary['classifierAgreement'] }) {
  return (
    <section aria-labelledby="agreement-heading" className="rounded-lg border border-line p-3" data-testid="agreement">
      <h2 id="agreement-heading" className="text-lg font-semibold">Classifier agreement</h2>
      <p className="text-xs text-muted">{DEFINITIONS.agreement}</p>
      <div className="mt-2 grid gap-4 md:grid-cols-2">
        {(['intent', 'sentiment'] as const).map((axis) => {
          const a = agreement[axis];
          return (
            <div key={axis}>
              <h3 className="text-sm font-semibold">{humanise(axis)}: {formatShare(a.agreement)} agreement <span className="font-normal text-muted">({formatCount(a.corrected)} of {formatCount(a.labelled)} corrected)</span></h3>
              <SortableTable caption={`${axis} corrections by label`} columns={LABEL_COLUMNS} rows={a.byLabel.filter((l) => l.predicted > 0)} rowKey={(l) => l.label} />
              {a.confusions.length ? (
                <p className="mt-1 text-xs text-muted">Most corrected: {a.confusions.slice(0, 3).map((c) => `${humanise(c.from)} → ${humanise(c.to)} (${c.count})`).join(', ')}</p>
              ) : null}
            </div>
          );
        })}
      </div>
    </section>
  );
}
