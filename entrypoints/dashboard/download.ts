import { datedFileName } from '../../lib/export/download';

export { downloadFile } from '../../lib/export/download';

/** careline-items-2026-11-02.csv (local date). */
export function exportFileName(kind: 'items' | 'metrics', ext: 'csv' | 'json', now = new Date()): string {
  return datedFileName(kind, ext, now);
}
