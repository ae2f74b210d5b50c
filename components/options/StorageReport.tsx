import { primaryButton } from './classes';

export interface StorageFacts {
  persisted: boolean | null;
  usage?: number;
  quota?: number;
}

function bytesInWords(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(0)} KB`;
  if (bytes < 1_000_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
  return `${(bytes / 1_000_000_000).toFixed(1)} GB`;
}

/** Persistent storage status, usage and quota in words, and the "keep my data" button. */
export function StorageReport({ facts, onPersist, persistMessage }: { facts: StorageFacts | undefined; onPersist: () => void; persistMessage?: string }) {
  if (!facts) return <p role="status" className="text-sm text-muted">Checking storage…</p>;
  return (
    <div className="space-y-2 text-sm text-ink" data-testid="storage-report">
      <p data-testid="storage-persisted">
        {facts.persisted === null
          ? 'This browser does not say whether Careline’s storage is persistent.'
          : facts.persisted
            ? 'Persistent: the browser will not clear Careline’s data to free space; only you can (by removing the extension or clearing site data).'
            : 'Best effort: under disk pressure the browser may clear Careline’s data. Ask for persistent storage to prevent that.'}
      </p>
      {facts.usage !== undefined && facts.quota !== undefined ? (
        <p data-testid="storage-usage">
          Careline uses {bytesInWords(facts.usage)} of the {bytesInWords(facts.quota)} this browser allows it ({facts.quota ? ((facts.usage / facts.quota) * 100).toFixed(facts.usage / facts.quota < 0.01 ? 2 : 0) : 0}%).
        </p>
      ) : (
        <p>This browser does not report how much space Careline uses.</p>
      )}
      {facts.persisted === false ? (
        <button type="button" className={primaryButton} onClick={onPersist}>
          Ask for persistent storage
        </button>
      ) : null}
      {persistMessage ? <p role="status" className="text-muted">{persistMessage}</p> : null}
    </div>
  );
}
