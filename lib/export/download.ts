/** Saving generated files from an extension page: one place for the dashboard, options and practice pages. */

/** Saves file parts through a temporary object URL and a download link. */
export function downloadFile(parts: BlobPart[], type: string, filename: string): void {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started by the time the click returns; keep the URL a little for slow disks.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** `careline-<kind>-2026-11-02.<ext>` (local date). */
export function datedFileName(kind: string, ext: string, now = new Date()): string {
  const d = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  return `careline-${kind}-${d}.${ext}`;
}
