import { useCallback, useEffect, useRef, useState } from 'react';
import { UNDO_MS } from './template-store';

export interface ToastRequest {
  message: string;
  /** Puts things back; offered until the toast goes. */
  undo?: () => Promise<void> | void;
  /** Runs when the toast goes without Undo (e.g. purge a soft-deleted template). */
  commit?: () => Promise<void> | void;
}

/**
 * One toast at a time. A new toast commits the previous one (its undo window has ended in the
 * user's eyes); leaving the page leaves soft-deleted rows for the next purge.
 */
export function useUndoToast(durationMs = UNDO_MS) {
  const [toast, setToast] = useState<ToastRequest | null>(null);
  const current = useRef<ToastRequest | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const finish = useCallback((undo: boolean) => {
    const t = current.current;
    current.current = null;
    clearTimeout(timer.current);
    setToast(null);
    if (!t) return;
    void Promise.resolve(undo ? t.undo?.() : t.commit?.()).catch((e: unknown) => console.error('[Careline]', e));
  }, []);

  const show = useCallback(
    (request: ToastRequest) => {
      if (current.current) finish(false);
      current.current = request;
      setToast(request);
      timer.current = setTimeout(() => finish(false), durationMs);
    },
    [durationMs, finish],
  );

  useEffect(() => () => clearTimeout(timer.current), []);

  return {
    toast,
    show,
    undo: () => finish(true),
    dismiss: () => finish(false),
  };
}
export type UndoToastApi = ReturnType<typeof useUndoToast>;
