import { datedFileName, downloadFile } from '../../lib/export/download';

/** Saves a text as a file. */
export function downloadText(text: string, type: string, filename: string): void {
  downloadFile([text], type, filename);
}

/** careline-templates-2026-11-02.json (local date). */
export function packFileName(now = new Date()): string {
  return datedFileName('templates', 'json', now);
}
