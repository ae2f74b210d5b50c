/**
 * Choosing a practice session: length, difficulty or focus, the pack; importing and exporting
 * packs; the trainee's recent sessions.
 */
import { useId, useState, type FormEvent } from 'react';
import { DIFFICULTIES, type Difficulty } from '../../lib/practice/scenario';
import type { SessionFocus } from '../../lib/practice/session';

export type PickerKind = 'quick3' | '10' | '20' | 'shift15';

export interface PickerSettings {
  kind: PickerKind;
  difficulty?: Difficulty;
  focus: SessionFocus;
  seed: string;
  pack: 'builtin' | 'imported';
}

export interface PackInfo {
  name: string;
  count: number;
}

export type ImportStatus =
  | { state: 'idle' }
  | { state: 'busy' }
  | { state: 'ok'; message: string }
  | { state: 'error'; errors: string[] };

export interface PastSession {
  id: string;
  endedAt: string;
  title: string;
  average: number | null;
  count: number;
}

export interface SessionPickerProps {
  initial: PickerSettings;
  builtin: PackInfo | null;
  imported: PackInfo | null;
  importStatus: ImportStatus;
  past: PastSession[];
  onStart(settings: PickerSettings): void;
  onImportFile(file: File): void;
  onExport(pack: 'builtin' | 'imported'): void;
  onForgetImported(): void;
  onCancel?(): void;
}

const KINDS: Array<{ kind: PickerKind; label: string; hint: string }> = [
  { kind: 'quick3', label: 'Quick look', hint: '3 posts, all waiting' },
  { kind: '10', label: '10 posts', hint: 'about 6 minutes of arrivals' },
  { kind: '20', label: '20 posts', hint: 'about 13 minutes of arrivals' },
  { kind: 'shift15', label: 'Timed shift', hint: '15 minutes, posts keep arriving' },
];

const FOCUS_LABELS: Record<SessionFocus, string> = { all: 'All posts', complaints: 'Complaints only', escalations: 'Escalations only' };

function newSeed(): string {
  return String(Math.floor(Math.random() * 1_000_000));
}

export function SessionPicker(props: SessionPickerProps) {
  const { initial, builtin, imported, importStatus, past } = props;
  const [kind, setKind] = useState<PickerKind>(initial.kind);
  const [difficulty, setDifficulty] = useState<Difficulty | 'mixed'>(initial.difficulty ?? 'mixed');
  const [focus, setFocus] = useState<SessionFocus>(initial.focus);
  const [pack, setPack] = useState<'builtin' | 'imported'>(imported ? initial.pack : 'builtin');
  const [seed, setSeed] = useState('');
  const fileId = useId();

  const chosenPack = pack === 'imported' && imported ? imported : builtin;
  function submit(event: FormEvent) {
    event.preventDefault();
    props.onStart({
      kind,
      focus,
      pack: pack === 'imported' && imported ? 'imported' : 'builtin',
      seed: seed.trim() || newSeed(),
      ...(difficulty === 'mixed' ? {} : { difficulty }),
    });
  }

  return (
    <section data-testid="session-picker" aria-labelledby="picker-title" className="p-4">
      <h2 id="picker-title" className="text-lg font-bold">
        Start a practice session
      </h2>
      <p className="text-sm text-muted">
        Real customer posts arrive in the feed as they would on X. Answer them with the Careline sidebar beside the feed; each reply is scored and explained.
      </p>
      <form onSubmit={submit} className="mt-3 space-y-4">
        <fieldset>
          <legend className="font-semibold">Length</legend>
          <div className="mt-1 grid grid-cols-2 gap-2">
            {KINDS.map((k) => (
              <label key={k.kind} className={`cursor-pointer rounded-lg border p-2 ${kind === k.kind ? 'border-accent bg-surface-2' : 'border-line'}`}>
                <input type="radio" name="kind" value={k.kind} checked={kind === k.kind} onChange={() => setKind(k.kind)} className="mr-2" />
                <span className="font-semibold">{k.label}</span>
                <span className="block text-xs text-muted">{k.hint}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="flex flex-wrap gap-4">
          <label className="flex flex-col text-sm">
            <span className="font-semibold">Difficulty</span>
            <select value={difficulty} onChange={(e) => setDifficulty(e.target.value as Difficulty | 'mixed')} className="mt-1 rounded border border-line bg-surface p-1">
              <option value="mixed">Mixed</option>
              {DIFFICULTIES.map((d) => (
                <option key={d} value={d}>
                  {d[0]?.toUpperCase()}
                  {d.slice(1)}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col text-sm">
            <span className="font-semibold">Focus</span>
            <select value={focus} onChange={(e) => setFocus(e.target.value as SessionFocus)} className="mt-1 rounded border border-line bg-surface p-1">
              {(Object.keys(FOCUS_LABELS) as SessionFocus[]).map((f) => (
                <option key={f} value={f}>
                  {FOCUS_LABELS[f]}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col text-sm">
            <span className="font-semibold">Seed (optional)</span>
            <input
              value={seed}
              onChange={(e) => setSeed(e.target.value)}
              placeholder="random"
              pattern="[\w.\-]{1,40}"
              title="Letters, digits, . _ or -: the same seed gives the same session."
              className="mt-1 w-28 rounded border border-line bg-surface p-1"
            />
          </label>
        </div>
        <fieldset>
          <legend className="font-semibold">Scenario pack</legend>
          <label className="mt-1 block text-sm">
            <input type="radio" name="pack" checked={pack === 'builtin'} onChange={() => setPack('builtin')} className="mr-2" />
            Built-in: {builtin ? `${builtin.name} (${builtin.count} scenarios)` : 'loading…'}
          </label>
          <label className={`block text-sm ${imported ? '' : 'text-muted'}`}>
            <input type="radio" name="pack" checked={pack === 'imported'} disabled={!imported} onChange={() => setPack('imported')} className="mr-2" />
            Imported: {imported ? `${imported.name} (${imported.count} scenarios)` : 'none yet'}
          </label>
        </fieldset>
        <button type="submit" disabled={!chosenPack} className="rounded-full bg-accent px-5 py-2 font-bold text-accent-ink disabled:opacity-50">
          Start session
        </button>
        {props.onCancel ? (
          <button type="button" onClick={props.onCancel} className="ml-2 rounded-full border border-line px-4 py-2 font-semibold">
            Back to the feed
          </button>
        ) : null}
      </form>

      <section aria-labelledby="packs-title" className="mt-6 border-t border-line pt-4">
        <h3 id="packs-title" className="font-semibold">
          Packs
        </h3>
        <p className="text-sm text-muted">
          A team lead can write scenarios from their own brand’s history (the format is in docs/practice.md). Import is all or nothing: if any scenario is wrong,
          nothing is imported and every problem is listed.
        </p>
        <div className="mt-2 flex flex-wrap items-center gap-2 text-sm">
          <label htmlFor={fileId} className="cursor-pointer rounded-full border border-line px-3 py-1 font-semibold focus-within:outline">
            Import a pack…
          </label>
          <input
            id={fileId}
            data-testid="pack-import"
            type="file"
            accept="application/json,.json"
            className="sr-only"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) props.onImportFile(file);
            }}
          />
          <button type="button" disabled={!builtin} onClick={() => props.onExport('builtin')} className="rounded-full border border-line px-3 py-1 disabled:opacity-50">
            Export the built-in pack
          </button>
          {imported ? (
            <>
              <button type="button" onClick={() => props.onExport('imported')} className="rounded-full border border-line px-3 py-1">
                Export the imported pack
              </button>
              <button type="button" onClick={props.onForgetImported} className="rounded-full border border-line px-3 py-1">
                Remove the imported pack
              </button>
            </>
          ) : null}
        </div>
        {importStatus.state === 'busy' ? (
          <p role="status" className="mt-2 text-sm">
            Reading the pack…
          </p>
        ) : importStatus.state === 'ok' ? (
          <p role="status" data-testid="import-result" className="mt-2 text-sm text-good">
            {importStatus.message}
          </p>
        ) : importStatus.state === 'error' ? (
          <div role="alert" data-testid="import-result" className="mt-2 rounded border border-bad/40 bg-bad/5 p-2 text-sm">
            <p className="font-semibold text-bad">Nothing was imported. Fix these and import the file again:</p>
            <ul className="mt-1 list-disc pl-5">
              {importStatus.errors.map((e, i) => (
                <li key={i}>{e}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>

      {past.length > 0 ? (
        <section aria-labelledby="past-title" className="mt-6 border-t border-line pt-4">
          <h3 id="past-title" className="font-semibold">
            Your recent sessions
          </h3>
          <ul className="mt-1 space-y-1 text-sm" data-testid="past-sessions">
            {past.map((s) => (
              <li key={s.id} className="flex justify-between gap-2">
                <span>
                  {new Date(s.endedAt).toLocaleString()} · {s.title}
                </span>
                <span className="tabular-nums text-muted">{s.average === null ? 'no replies' : `${s.average} avg over ${s.count}`}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </section>
  );
}
