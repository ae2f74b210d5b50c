import { useEffect, useRef, type ReactNode } from 'react';
import { dangerButton, primaryButton, secondaryButton } from './classes';

/** A modal confirmation (native <dialog>: focus is trapped and Escape cancels). */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  danger,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby="confirm-title"
      className="m-auto max-w-lg rounded-lg border border-line bg-surface p-5 text-ink backdrop:bg-black/40"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      {open ? (
        <>
          <h2 id="confirm-title" className="text-lg font-bold">{title}</h2>
          <div className="mt-2 text-sm">{children}</div>
          <div className="mt-4 flex justify-end gap-2">
            <button type="button" className={secondaryButton} onClick={onCancel} autoFocus>
              Cancel
            </button>
            <button type="button" className={danger ? dangerButton : primaryButton} onClick={onConfirm}>
              {confirmLabel}
            </button>
          </div>
        </>
      ) : null}
    </dialog>
  );
}
