import { useCallback, useState } from 'react';
import type { SaveState } from '../../components/options/FormControls';

/** A form's save status: `save(work)` shows Saving…, then Saved at … or the error in words. */
export function useSaveState() {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const save = useCallback(async (work: () => Promise<void>) => {
    setState({ kind: 'saving' });
    try {
      await work();
      setState({ kind: 'saved', at: new Date() });
    } catch (error) {
      setState({ kind: 'error', message: `Not saved: ${String((error as Error)?.message ?? error)}` });
    }
  }, []);
  return { state, setState, save };
}
