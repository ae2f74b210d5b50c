/** A toast at the bottom of the page with an optional Undo button (reachable by keyboard, announced). */
export function UndoToast({ message, onUndo, onDismiss }: { message: string; onUndo?: () => void; onDismiss: () => void }) {
  return (
    <div role="status" aria-live="polite" className="fixed bottom-4 left-1/2 z-50 flex -translate-x-1/2 items-center gap-3 rounded-lg border border-line bg-surface-2 px-4 py-2 text-sm text-ink shadow-lg" data-testid="toast">
      <span>{message}</span>
      {onUndo ? (
        <button type="button" className="font-semibold text-accent underline" onClick={onUndo}>
          Undo
        </button>
      ) : null}
      <button type="button" aria-label="Dismiss" className="text-muted" onClick={onDismiss}>
        ✕
      </button>
    </div>
  );
}
