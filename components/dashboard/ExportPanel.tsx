import { useRef, useSyncExternalStore } from 'react';
import { createValueStore, type ValueStore } from '../value-store';

export interface RunningTask {
  label: string;
  done: number;
  total: number;
}

/**
 * The running task's progress, outside React state: a long export reports progress many times,
 * and only the progress bar should re-render for it, not the whole dashboard.
 */
export type TaskStore = ValueStore<RunningTask | null>;

export function createTaskStore(): TaskStore {
  return createValueStore<RunningTask | null>(null);
}

function TaskProgress({ store, button, onCancel }: { store: TaskStore; button: string; onCancel(): void }) {
  const task = useSyncExternalStore(store.subscribe, store.get);
  if (!task) return null;
  return (
    <div className="mt-3 flex items-center gap-2" data-testid="task-progress">
      <label className="flex flex-1 flex-col text-xs">
        {task.label} ({task.done.toLocaleString()} of {task.total.toLocaleString()})
        <progress className="w-full" max={Math.max(1, task.total)} value={task.done} />
      </label>
      <button type="button" className={button} onClick={onCancel}>Cancel</button>
    </div>
  );
}

export interface TaskMessage {
  tone: 'good' | 'bad' | 'neutral';
  lines: string[];
}

/** Export and import controls, with progress and cancel for the long ones, and what happened. */
export function ExportPanel({
  itemCount,
  exportsReady = true,
  metricsReady = exportsReady,
  busy,
  taskStore,
  message,
  onExportItemsCsv,
  onExportItemsJson,
  onExportMetricsCsv,
  onImport,
  onCancel,
}: {
  itemCount: number;
  /** False while the figures for this filter are still loading: exports would be incomplete. */
  exportsReady?: boolean;
  /** False while this filter's figures are loading (they may be ready before the items are). */
  metricsReady?: boolean;
  /** True while an export or import runs; its progress is in `taskStore`. */
  busy: boolean;
  taskStore: TaskStore;
  message: TaskMessage | null;
  onExportItemsCsv(): void;
  onExportItemsJson(): void;
  onExportMetricsCsv(): void;
  onImport(file: File): void;
  onCancel(): void;
}) {
  const fileRef = useRef<HTMLInputElement>(null);
  const cannotExport = busy || !exportsReady;
  const button = 'rounded border border-line px-2 py-1 text-sm hover:bg-surface-2 disabled:opacity-50';
  return (
    <section aria-labelledby="export-heading" className="rounded-lg border border-line p-3">
      <h2 id="export-heading" className="text-lg font-semibold">Export and import</h2>
      <p className="text-xs text-muted">Exports hold the {itemCount.toLocaleString()} items of the current filter. CSV: one row per item, ISO times, durations in seconds, safe for spreadsheets. JSON: every field, lossless, for importing into another Careline.</p>
      <div className="mt-2 flex flex-wrap gap-2">
        <button type="button" className={button} disabled={cannotExport} onClick={onExportItemsCsv} data-testid="export-csv">Export items (CSV)</button>
        <button type="button" className={button} disabled={cannotExport} onClick={onExportItemsJson} data-testid="export-json">Export items (JSON)</button>
        <button type="button" className={button} disabled={busy || !metricsReady} onClick={onExportMetricsCsv} data-testid="export-metrics">Export metrics summary (CSV)</button>
        <button type="button" className={button} disabled={busy} onClick={() => fileRef.current?.click()} data-testid="import-button">Import a JSON export…</button>
        <input ref={fileRef} type="file" accept="application/json,.json" className="sr-only" tabIndex={-1} aria-label="JSON export to import" data-testid="import-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) onImport(file);
          }} />
      </div>
      <TaskProgress store={taskStore} button={button} onCancel={onCancel} />
      {message ? (
        <div role={message.tone === 'bad' ? 'alert' : 'status'} data-testid="task-message"
          className={`mt-3 rounded border p-2 text-sm ${message.tone === 'bad' ? 'border-bad/40 text-bad' : message.tone === 'good' ? 'border-good/40' : 'border-line'}`}>
          {message.lines.map((l, i) => <p key={i}>{l}</p>)}
        </div>
      ) : null}
    </section>
  );
}
