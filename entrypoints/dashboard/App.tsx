import { lazy, memo, Suspense, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { getDb } from '../../lib/db/database';
import type { HandledItem, SeenRecord } from '../../lib/db/schema';
import type { ReadProgress } from '../../lib/db/read-log';
import { itemsToCsv, metricsToCsv } from '../../lib/export/csv';
import { itemsToJsonParts } from '../../lib/export/json';
import { utf8Blob } from '../../lib/export/utf8-writer';
import { digestAgents, digestWithItems } from '../../lib/db/digest';
import { itemColumnsOf } from '../../lib/metrics/columns';
import { computeHeadline, computeMetrics, headlineOfParts, metricsIndexFor } from '../../lib/metrics/compute';
import { indexFromColumns, indexWithRows } from '../../lib/metrics/metrics-index';
import { defaultTimeZone, type DashboardFilter } from '../../lib/metrics/filter';
import { selectRows } from '../../lib/metrics/select';
import { progressOverSessions, traineeSummariesFromLog, type PassMarks, DEFAULT_PASS_MARKS } from '../../lib/practice/summary';
import { EmptyState } from '../../components/EmptyState';
import { applyTheme } from '../../components/theme';
import { createValueStore, type ValueStore } from '../../components/value-store';
import { AgreementTables as AgreementTablesView, Breakdowns as BreakdownsView, TemplateTable as TemplateTableView } from '../../components/dashboard/Breakdowns';
import { createTaskStore, ExportPanel, type TaskMessage } from '../../components/dashboard/ExportPanel';
import { FilterBar as FilterBarView } from '../../components/dashboard/FilterBar';
import { HeatmapGrid as HeatmapGridView } from '../../components/dashboard/HeatmapGrid';
import { ItemDetail } from '../../components/dashboard/ItemDetail';
import { ItemTable as ItemTableView, type ItemRowView } from '../../components/dashboard/ItemTable';
import { MetricCards as MetricCardsView, type TimeBasis } from '../../components/dashboard/MetricCards';
import { PassMarksForm, SessionProgress, TraineeProgressChart, TraineeTable } from '../../components/dashboard/PracticePanel';
import { downloadFile, exportFileName } from './download';
import { importAndMerge } from './import-merge';
import { itemsNotIn, mergeById } from './merge-items';
import { loadPassMarks, passMarksItem, savePassMarks } from './pass-marks';
import { completedSessionsOf } from './practice-sessions';
import { columnRowView, itemRowView } from './item-rows';
import { DEFAULT_ITEM_SORT, shareOrders, sortableWithoutRows, sortRows, type ItemSort } from './sort-rows';
import { useItemsById } from './use-items-by-id';
import { useDigest, useDigestCheck, useDigestIds, useDigestRepair, useLog } from './use-log';
import { useTeamItems } from './use-team-items';
import { useUrlView } from './use-url-filter';

// The figures' components re-render only when their figures change: not for a keystroke in the
// search box (the deferred render comes later), nor for progress of an export.
const AgreementTables = memo(AgreementTablesView);
const Breakdowns = memo(BreakdownsView);
const TemplateTable = memo(TemplateTableView);
// The charts' library (recharts) is a chunk of its own, loaded with the first chart: the figures
// and tables show first, the charts follow a moment later in frames of the same size.
const charts = () => import('../../components/dashboard/Charts');
const BucketsChart = memo(lazy(() => charts().then((m) => ({ default: m.BucketsChart }))));
const HourChart = memo(lazy(() => charts().then((m) => ({ default: m.HourChart }))));
const TrendChart = memo(lazy(() => charts().then((m) => ({ default: m.TrendChart }))));

function ChartSlot({ children }: { children: React.ReactNode }) {
  return (
    <Suspense fallback={<div className="h-[19rem] rounded-lg border border-line" role="status" aria-label="Loading the chart" />}>
      {children}
    </Suspense>
  );
}

/**
 * `work()`, with its time as a performance measure of that name (read by scripts/bench/dashboard.ts
 * and scripts/profile-dashboard.ts).
 */
function measured<T>(name: string, work: () => T): T {
  const start = performance.now();
  const out = work();
  performance.measure(name, { start });
  return out;
}

/** Marks when the charts first show (read by scripts/bench/dashboard.ts). */
function ChartsShown() {
  useEffect(() => {
    if (performance.getEntriesByName('careline:first-charts').length === 0) performance.mark('careline:first-charts');
  }, []);
  return null;
}
const HeatmapGrid = memo(HeatmapGridView);
const ItemTable = memo(ItemTableView);
const ALL_SORTABLE = () => true;
const MetricCards = memo(MetricCardsView);
const FilterBar = memo(FilterBarView);

const NO_ITEMS: HandledItem[] = [];
const LIVE_SITES = ['x', 'facebook'] as const;
const NO_SITES: readonly string[] = [];
const NO_SEEN: SeenRecord[] = [];
const THEME_KEY = 'careline.dashboard.theme';
type ThemeChoice = 'system' | 'light' | 'dark';

/**
 * "Loading the items…" while the log's rows are read, with how many are in (items and seen
 * records together) once the first page has come, out of the digest's count when there is one.
 * It alone re-renders for each page. Above the list when the list is shown from the digest
 * (`listShown`): the read is then for search and exports.
 */
function ItemsLoading({ progress, total, listShown }: { progress: ValueStore<ReadProgress | undefined>; total: number | undefined; listShown: boolean }) {
  const p = useSyncExternalStore(progress.subscribe, progress.get);
  const read = p ? p.items + p.seen : undefined;
  // Out of the digest's count, unless the log has grown past it since.
  const outOf = read !== undefined && total !== undefined && total >= read ? total : undefined;
  return (
    <div role="status" className="space-y-1 text-sm text-muted" data-testid="items-loading">
      <p>
        {listShown ? 'Reading every item for search and exports…' : 'Loading the items…'}
        {read !== undefined ? (
          <span data-testid="items-loading-count">
            {' '}
            {read.toLocaleString()}
            {outOf !== undefined ? ` of ${outOf.toLocaleString()}` : ''} records read
          </span>
        ) : null}
      </p>
      {read !== undefined && outOf !== undefined ? (
        <progress className="h-1.5 w-48" max={outOf} value={read} aria-label="Log records read" />
      ) : null}
    </div>
  );
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

export function App() {
  const [view, setView] = useUrlView();
  const timeZone = useMemo(defaultTimeZone, []);
  // First the log digest (every figure, no rows: fast), then the whole log (live).
  const digest = useDigest();
  const { items: team, error: teamError } = useTeamItems();
  // The rows are read once the digest's figures are all shown (or at once when the digest can't
  // be used, or the view needs rows: a text search, an item's details): read alongside, their
  // 100,000 rows slowed the first figures down.
  const [figuresShown, setFiguresShown] = useState(false);
  const needRows = figuresShown || digest.status === 'unusable' || view.filter.q.trim() !== '' || view.itemId !== null;
  // Once wanted, the rows stay read (and live).
  const [rowsWanted, setRowsWanted] = useState(false);
  useEffect(() => {
    if (needRows) setRowsWanted(true);
  }, [needRows]);
  const readRows = needRows || rowsWanted;
  const readProgress = useMemo(() => createValueStore<ReadProgress | undefined>(undefined), []);
  // The item list is first shown from the digest (its columns and ids), its rows in view read by
  // id; that first screen is read before the log's rows, which would queue it behind a page of
  // 10,000 (see `previewOrder` below). The log's read waits for it at most a second.
  const listFromDigest = digest.status === 'ready' && team.length === 0 && view.filter.q.trim() === '';
  const itemsById = useItemsById(listFromDigest && readRows);
  const [firstScreenWait, setFirstScreenWait] = useState(true);
  useEffect(() => {
    if (!readRows || !firstScreenWait) return;
    const timer = setTimeout(() => setFirstScreenWait(false), 1000);
    return () => clearTimeout(timer);
  }, [readRows, firstScreenWait]);
  const log = useLog(readRows && !(listFromDigest && firstScreenWait), readProgress);
  // Read with the rows (the check against them needs both), or at once when team items need them.
  const [idsDone, setIdsDone] = useState(false);
  const { items: digestItemIds, all: digestIds } = useDigestIds(digest, readRows || team.length > 0, idsDone);
  const digestChecked = useDigestCheck(digest, digestIds, log);
  // Once the rows are in and checked, nothing needs the ids: the list and the figures come from
  // the rows, and team items are merged into the rows.
  useEffect(() => {
    if (digestChecked !== null) setIdsDone(true);
  }, [digestChecked]);
  useDigestRepair(digestChecked, log);
  // The digest's ids matter to the figures only when team items are merged in.
  const idsForTeam = team.length ? digestIds : undefined;
  const [basis, setBasis] = useState<TimeBasis>('calendar');
  const [itemSort, setItemSort] = useState<ItemSort>(DEFAULT_ITEM_SORT);
  const [busy, setBusy] = useState(false);
  const taskStore = useMemo(createTaskStore, []);
  const [message, setMessage] = useState<TaskMessage | null>(null);
  const controllerRef = useRef<AbortController | null>(null);
  const filterChangedAt = useRef<number | null>(null);
  const [theme, setTheme] = useState<ThemeChoice>(() => (localStorage.getItem(THEME_KEY) as ThemeChoice | null) ?? 'system');
  useEffect(() => {
    applyTheme(theme === 'system' ? null : theme);
    localStorage.setItem(THEME_KEY, theme);
  }, [theme]);

  // Typing in the search box or clicking chips never waits on the figures: React renders the
  // previous figures until the new ones are ready.
  const filter = useDeferredValue(view.filter);
  const complete = log.status === 'ready';
  const items = useMemo(() => (log.status === 'ready' ? mergeById(log.items, team) : NO_ITEMS), [log, team]) as HandledItem[];
  const seen = log.status === 'ready' ? log.seen : NO_SEEN;
  // Until the whole log is in, the digest answers every filter but a text search (which needs
  // the rows); team items from sync are added to it the way mergeById adds them to the log,
  // which needs the digest's ids (read after its columns). Its blocks are put together into one
  // index a render after the first figures, which come from the blocks as they are.
  const digestReady = !complete && digest.status === 'ready';
  const together = useDeferredValue(digest.status === 'ready', false);
  const localDigestIndex = useMemo(
    () => (together && digest.status === 'ready' ? measured('careline:digest-index', () => indexFromColumns(digest.digest.items, digest.digest.seen, timeZone)) : null),
    [together, digest, timeZone],
  );
  const digestIndex = useMemo(() => {
    if (complete || localDigestIndex === null || digest.status !== 'ready') return null;
    if (!team.length) return localDigestIndex;
    if (!idsForTeam) return null;
    const local = digestWithItems(digest.digest, idsForTeam, itemsNotIn(idsForTeam.items, team), itemColumnsOf);
    return measured('careline:digest-index', () => indexFromColumns(local.items, local.seen, timeZone));
  }, [complete, localDigestIndex, digest, idsForTeam, team, timeZone]);
  // Once the rows are in: when they are the digest's rows (no write since it was read), the
  // digest's index takes them as they are, in its order; else the index is built from the rows.
  const fullIndex = useMemo(() => {
    if (log.status === 'ready' && team.length === 0 && localDigestIndex !== null && digestChecked?.verdict === 'same') {
      return measured('careline:rows-index', () => {
        const joined = indexWithRows(localDigestIndex, digestChecked.rows);
        shareOrders(localDigestIndex, joined);
        return joined;
      });
    }
    return metricsIndexFor(items, seen, timeZone);
  }, [log.status, team.length, localDigestIndex, digestChecked, items, seen, timeZone]);
  const index = digestIndex ?? fullIndex;
  // The headline cards straight from the digest's blocks (`headlineOfParts`: the same figures),
  // until they are put together.
  const partsDigest = digestReady && digestIndex === null && team.length === 0 && filter.q.trim() === '' && digest.status === 'ready' ? digest.digest : null;
  const ready = complete || ((digestIndex !== null || partsDigest !== null) && filter.q.trim() === '');
  // A text search needs the rows: until they are in, the search waits (`ready` is false) and the
  // figures behind the notice are those without it.
  const selection = useMemo(
    () => selectRows(index, index.hasRows || filter.q.trim() === '' ? filter : { ...filter, q: '' }, { timeZone }),
    [index, filter, timeZone],
  );
  // The headline figures first (a tenth of the work), then every breakdown a render later, so
  // the cards never wait on the charts and tables (nor on a filter's breakdowns).
  const headline = useMemo(
    () =>
      measured('careline:headline', () =>
        partsDigest ? headlineOfParts(partsDigest.parts, filter, { timeZone }) : computeHeadline(index, NO_SEEN, filter, { timeZone, selection }),
      ),
    [partsDigest, index, filter, timeZone, selection],
  );
  const itemCount = partsDigest ? partsDigest.itemCount : index.itemCount;
  // How many rows the whole log holds, from the digest (for the read's progress).
  const rowTotal = digest.status === 'ready' ? digest.digest.itemCount + digest.digest.seenCount : undefined;
  const detailInput = useMemo(() => (ready && partsDigest === null ? { index, filter, selection } : null), [ready, partsDigest, index, filter, selection]);
  const detail = useDeferredValue(detailInput, null);
  const summary = useMemo(() => {
    if (detail === null) return null;
    return measured('careline:compute', () => computeMetrics(detail.index, NO_SEEN, detail.filter, { timeZone, selection: detail.selection }));
  }, [detail, timeZone]);
  // The breakdowns shown are those of the current view (else of the previous filter, while the
  // new ones are worked out).
  const detailCurrent = detail !== null && detail === detailInput;
  const shownItems = useMemo(
    () => (index.hasRows ? Array.from(sortRows(index, selection.items, itemSort), (r) => index.items[r]!) : NO_ITEMS),
    [index, selection, itemSort],
  );
  // Until the rows are in, the list is shown from the digest's columns and ids, and the items in
  // view are read by id (a screenful at a time) for their author and post.
  const previewIds = !complete && digestIndex !== null && team.length === 0 && digestItemIds ? digestItemIds : null;
  // Sorting by author waits for the rows: until then the list is newest first.
  const listSort = previewIds && !sortableWithoutRows(itemSort.key) ? DEFAULT_ITEM_SORT : itemSort;
  const previewOrder = useMemo(
    () => (previewIds && digestIndex ? sortRows(digestIndex, selection.items, listSort) : null),
    [previewIds, digestIndex, selection, listSort],
  );
  // The log's read goes ahead once the list's first screen is read, or there is none to read.
  useEffect(() => {
    if (firstScreenWait && (itemsById.reads > 0 || digestItemIds === null || previewOrder?.length === 0)) setFirstScreenWait(false);
  }, [firstScreenWait, itemsById, digestItemIds, previewOrder]);
  const rowAt = useCallback(
    (i: number): ItemRowView => {
      if (previewOrder && previewIds && digestIndex) {
        const r = previewOrder[i]!;
        const it = itemsById.get(previewIds[r]!);
        return it ? itemRowView(it) : columnRowView(digestIndex, r, previewIds[r]!);
      }
      return itemRowView(shownItems[i]!);
    },
    [previewOrder, previewIds, digestIndex, itemsById, shownItems],
  );
  const requestRows = useCallback(
    (from: number, to: number) => {
      if (previewOrder && previewIds) itemsById.request(Array.from(previewOrder.subarray(from, to), (r) => previewIds[r]!));
    },
    [previewOrder, previewIds, itemsById],
  );
  // An item opened before the rows are in (from the list, or a link) is read by id.
  useEffect(() => {
    if (view.itemId && previewIds) itemsById.request([view.itemId]);
  }, [view.itemId, previewIds, itemsById]);
  const openItem = useMemo(
    () => (view.itemId ? (items.find((it) => it.id === view.itemId) ?? itemsById.get(view.itemId) ?? null) : null),
    [items, itemsById, view.itemId],
  );

  // Timing marks read by scripts/bench/dashboard.ts in Chromium: first figures after opening,
  // first breakdowns, every item's figures, and the latest filter change from click to every
  // figure committed.
  const marked = useRef(false);
  const markedDetail = useRef(false);
  const markedComplete = useRef(false);
  useEffect(() => {
    if (!ready || marked.current) return;
    marked.current = true;
    performance.mark('careline:first-metrics', { detail: { items: itemCount, complete, volume: headline.totals.items, responseRate: headline.responseRate } });
  }, [ready, complete, headline, itemCount]);
  useEffect(() => {
    if (!detailCurrent) return;
    if (!markedDetail.current) {
      markedDetail.current = true;
      performance.mark('careline:first-breakdowns');
      setFiguresShown(true);
    } else if (filterChangedAt.current !== null) {
      performance.measure('careline:filter-change', { start: filterChangedAt.current, end: performance.now() });
      filterChangedAt.current = null;
    }
    if (complete && !markedComplete.current) {
      markedComplete.current = true;
      performance.mark('careline:complete-metrics', { detail: { items: index.itemCount } });
    }
  }, [detailCurrent, complete, index, summary]);

  // When the item list first shows items with their authors and posts (read by the bench).
  const markedRows = useRef(false);
  useEffect(() => {
    if (markedRows.current) return;
    const count = previewOrder ? previewOrder.length : complete ? shownItems.length : 0;
    if (count > 0 && rowAt(0).loaded) {
      markedRows.current = true;
      performance.mark('careline:first-rows', { detail: { fromDigest: !complete } });
    }
  }, [previewOrder, complete, shownItems, rowAt]);

  const setFilter = useCallback(
    (next: DashboardFilter) => {
      filterChangedAt.current = performance.now();
      setView({ filter: next, itemId: view.itemId });
    },
    [setView, view.itemId],
  );

  const onSortItems = useCallback(
    (key: ItemSort['key']) => setItemSort((s) => (s.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: key === 'handledAt' ? 'desc' : 'asc' })),
    [],
  );
  const openItemDetail = useCallback((id: string) => setView({ filter: view.filter, itemId: id }), [setView, view.filter]);

  const agents = useMemo(
    () => (partsDigest ? digestAgents(partsDigest) : index.agents.keys.map((id, i) => ({ id, name: index.agentNames[i] ?? id }))),
    [partsDigest, index],
  );

  // Practice: trainee summaries from every practice item in the log (local, imported, synced).
  const trainees = useMemo(() => traineeSummariesFromLog(items), [items]);
  const [traineeId, setTraineeId] = useState<string | null>(null);
  const trainee = trainees.find((t) => t.agentId === traineeId) ?? trainees[0] ?? null;
  const sessionProgress = useMemo(() => progressOverSessions(log.status === 'ready' ? completedSessionsOf(log.sessions) : []), [log]);
  const [passMarks, setPassMarks] = useState<PassMarks>(DEFAULT_PASS_MARKS);
  useEffect(() => {
    void loadPassMarks().then(setPassMarks);
    return passMarksItem.watch(() => void loadPassMarks().then(setPassMarks));
  }, []);

  async function runTask(label: string, work: (signal: AbortSignal, progress: (done: number, total: number, label?: string) => void) => Promise<TaskMessage>) {
    const controller = new AbortController();
    controllerRef.current = controller;
    setMessage(null);
    setBusy(true);
    taskStore.set({ label, done: 0, total: 0 });
    try {
      setMessage(await work(controller.signal, (done, total, l) => taskStore.set({ label: l ?? label, done, total })));
    } catch (error) {
      setMessage(
        isAbort(error)
          ? { tone: 'neutral', lines: [`${label} cancelled. Nothing was saved or changed.`] }
          : { tone: 'bad', lines: [`${label} failed: ${error instanceof Error ? error.message : String(error)}. Nothing was changed.`] },
      );
    } finally {
      controllerRef.current = null;
      taskStore.set(null);
      setBusy(false);
    }
  }

  const exportItemsCsv = () =>
    void runTask('CSV export', async (signal, progress) => {
      const started = performance.now();
      const file = await itemsToCsv(shownItems, { signal, onProgress: (p) => progress(p.done, p.total) });
      performance.measure('careline:csv-build', { start: started });
      const name = exportFileName('items', 'csv');
      measured('careline:csv-save', () => downloadFile([file], file.type, name));
      return { tone: 'good', lines: [`Exported ${shownItems.length.toLocaleString()} items to ${name}.`] };
    });
  const exportItemsJson = () =>
    void runTask('JSON export', async (signal, progress) => {
      const exportedBy = agents.length === 1 ? agents[0]!.id : undefined;
      const parts = await itemsToJsonParts(shownItems, { signal, onProgress: (p) => progress(p.done, p.total), ...(exportedBy ? { exportedBy } : {}) });
      const name = exportFileName('items', 'json');
      downloadFile([utf8Blob(parts, 'application/json')], 'application/json', name);
      return { tone: 'good', lines: [`Exported ${shownItems.length.toLocaleString()} items to ${name}.`] };
    });
  const exportMetrics = () => {
    // The button waits for the current view's breakdowns (metricsReady below).
    if (!summary || !detailCurrent) return;
    const name = exportFileName('metrics', 'csv');
    downloadFile([metricsToCsv(summary)], 'text/csv;charset=utf-8', name);
    setMessage({ tone: 'good', lines: [`Exported the metrics summary of ${summary.totals.items.toLocaleString()} items to ${name}.`] });
  };
  const importFile = (file: File) =>
    void runTask('Import', async (signal, progress) => {
      const text = await file.text();
      const out = await importAndMerge(getDb(), text, {
        signal,
        onProgress: (p) => progress(p.done, p.total, p.phase === 'validating' ? `Checking ${file.name}` : `Adding items from ${file.name}`),
      });
      return out.ok
        ? { tone: 'good', lines: [...out.messages, `Added ${out.added.toLocaleString()}, skipped ${out.skipped.toLocaleString()}, rejected ${out.rejected.toLocaleString()}.`] }
        : { tone: 'bad', lines: out.messages };
    });

  const mode = view.filter.mode;
  const setMode = (m: DashboardFilter['mode']) => setFilter({ ...view.filter, mode: m });
  const tabKeys = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      e.preventDefault();
      const next = mode === 'live' ? 'practice' : 'live';
      setMode(next);
      document.getElementById(`tab-${next}`)?.focus();
    }
  };

  return (
    <div className="mx-auto max-w-7xl space-y-4 p-6">
      <header className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-bold">Careline · Dashboard</h1>
        <div role="tablist" aria-label="Which items" className="flex overflow-hidden rounded border border-line" onKeyDown={tabKeys}>
          {(['live', 'practice'] as const).map((m) => (
            <button key={m} id={`tab-${m}`} type="button" role="tab" aria-selected={mode === m} aria-controls="dashboard-panel" tabIndex={mode === m ? 0 : -1}
              onClick={() => setMode(m)} className={`px-3 py-1 text-sm ${mode === m ? 'bg-accent text-accent-ink' : 'hover:bg-surface-2'}`}>
              {m === 'live' ? 'Live' : 'Practice'}
            </button>
          ))}
        </div>
        <label className="ml-auto text-xs text-muted">
          Theme{' '}
          <select value={theme} onChange={(e) => setTheme(e.target.value as ThemeChoice)} className="rounded border border-line bg-surface px-1 py-0.5 text-ink">
            <option value="system">System</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
        </label>
      </header>

      <main id="dashboard-panel" role="tabpanel" aria-labelledby={`tab-${mode}`} className="space-y-4">
        {log.status === 'error' ? (
          <EmptyState title="The log could not be read" tone="error">{log.message}</EmptyState>
        ) : !complete && digestIndex === null && partsDigest === null ? (
          <p role="status" className="text-muted">Loading the log…</p>
        ) : (
          <>
            {!complete ? <p role="status" className="text-xs text-muted">Figures are complete; loading the items themselves for {previewOrder ? 'search and exports' : 'the list, search and exports'}…</p> : null}
            {teamError ? <p role="alert" className="text-sm text-warn" data-testid="team-error">{teamError}</p> : null}
            {itemCount === 0 ? (
              <EmptyState title="No handled items yet">Items appear here when you reply to a post or mark it handled, or when you import a team member's export below.</EmptyState>
            ) : (
              <>
                <FilterBar filter={view.filter} onChange={setFilter} agents={agents} sites={mode === 'live' ? LIVE_SITES : NO_SITES} />
                {view.filter !== filter ? <p role="status" className="text-xs text-muted">Updating…</p> : null}
                {mode === 'practice' ? (
                  <section aria-labelledby="practice-heading" className="space-y-3 rounded-lg border border-line p-3">
                    <h2 id="practice-heading" className="text-lg font-semibold">Practice</h2>
                    <p className="text-xs text-muted">Practice items are logged in practice mode and never count in the live figures.</p>
                    {complete ? (
                      <>
                        <TraineeTable trainees={trainees} selected={trainee?.agentId ?? null} onSelect={setTraineeId} />
                        {trainee ? <TraineeProgressChart trainee={trainee} /> : null}
                        <SessionProgress progress={sessionProgress} passMarks={passMarks} />
                      </>
                    ) : (
                      <p role="status" className="text-sm text-muted">Loading trainees' scores and sessions…</p>
                    )}
                    <PassMarksForm marks={passMarks} onSave={async (m) => setPassMarks(await savePassMarks(m))} />
                  </section>
                ) : null}
                {!ready ? (
                  <p role="status" className="text-muted">Loading the log's text for this search…</p>
                ) : (
                  <>
                  <MetricCards summary={headline} basis={basis} onBasis={setBasis} />
                  {headline.totals.items === 0 ? (
                    <EmptyState title="No items match this filter">Widen the date range or clear some filters.</EmptyState>
                  ) : (
                    <>
                      {summary === null ? (
                        <p role="status" className="text-sm text-muted" data-testid="breakdowns-loading">Working out the charts and breakdowns…</p>
                      ) : (
                      <>
                      {!detailCurrent ? <p role="status" className="text-xs text-muted">Updating the charts and breakdowns…</p> : null}
                      <div className="grid gap-3 lg:grid-cols-2">
                        <ChartSlot>
                          <TrendChart byDay={summary.byDay} basis={basis} />
                          <ChartsShown />
                        </ChartSlot>
                        <ChartSlot><BucketsChart buckets={summary.responseBuckets[basis]} /></ChartSlot>
                        <ChartSlot><HourChart byHour={summary.byHour} basis={basis} /></ChartSlot>
                        <HeatmapGrid heatmap={summary.heatmap} />
                      </div>
                      <Breakdowns summary={summary} basis={basis} />
                      <div className="grid gap-3 lg:grid-cols-2">
                        <TemplateTable templates={summary.templates} />
                        <AgreementTables agreement={summary.classifierAgreement} />
                      </div>
                      </>
                      )}
                      <section aria-labelledby="items-heading" className="space-y-2">
                        <h2 id="items-heading" className="text-lg font-semibold">Items <span className="text-sm font-normal text-muted">({headline.totals.items.toLocaleString()})</span></h2>
                        {!complete ? <ItemsLoading progress={readProgress} total={rowTotal} listShown={previewOrder !== null} /> : null}
                        {complete || previewOrder ? (
                          <ItemTable count={previewOrder ? previewOrder.length : shownItems.length} rowAt={rowAt} onRange={previewOrder ? requestRows : undefined}
                            sort={listSort} canSort={previewOrder ? sortableWithoutRows : ALL_SORTABLE}
                            selectedId={view.itemId} onSort={onSortItems} onOpen={openItemDetail} />
                        ) : null}
                      </section>
                    </>
                  )}
                </>
                )}
              </>
            )}
            <ExportPanel itemCount={headline.totals.items} exportsReady={complete} metricsReady={ready && detailCurrent} busy={busy} taskStore={taskStore} message={message} onExportItemsCsv={exportItemsCsv} onExportItemsJson={exportItemsJson}
              onExportMetricsCsv={exportMetrics} onImport={importFile} onCancel={() => controllerRef.current?.abort()} />
          </>
        )}
      </main>
      {openItem ? <ItemDetail item={openItem} onClose={() => setView({ filter: view.filter, itemId: null })} /> : null}
    </div>
  );
}
