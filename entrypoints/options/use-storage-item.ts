import { useCallback, useEffect, useState } from 'react';
import type { WxtStorageItem } from 'wxt/utils/storage';

/**
 * A settings item's value, kept current when another page changes it. `value` is undefined while
 * loading; `save` writes it and resolves once stored.
 */
export function useStorageItem<T>(item: WxtStorageItem<T, Record<string, unknown>>): { value: T | undefined; save: (next: T) => Promise<void> } {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    let alive = true;
    void item.getValue().then((v) => alive && setValue(v));
    const unwatch = item.watch((v) => setValue(v));
    return () => {
      alive = false;
      unwatch();
    };
  }, [item]);
  const save = useCallback(
    async (next: T) => {
      await item.setValue(next);
      setValue(next);
    },
    [item],
  );
  return { value, save };
}
