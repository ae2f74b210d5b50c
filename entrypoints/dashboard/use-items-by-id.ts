import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { getDb } from '../../lib/db/database';
import type { HandledItem } from '../../lib/db/schema';

export interface ItemsById {
  /** The items read so far, by id (a new object after each read). */
  readonly get: (id: string) => HandledItem | undefined;
  /** Reads these items, unless already read or being read. */
  readonly request: (ids: readonly string[]) => void;
  /** How many reads have ended (read or failed). */
  readonly reads: number;
}

/**
 * Log items read by id, a screenful at a time: the item list shown from the log digest before
 * the whole log is read asks for the rows in view. Each read is one `bulkGet` in a read
 * transaction of its own, beside the log's paged read. After a failed read its rows stay as they
 * were shown (from the digest) and are not asked for again. While `enabled` is false nothing is
 * read, and the items read are let go.
 */
export function useItemsById(enabled: boolean): ItemsById {
  // Null for an id with no item (deleted since the digest was read) or whose read failed: not
  // asked for again.
  const found = useRef(new Map<string, HandledItem | null>());
  const pending = useRef(new Set<string>());
  const [version, setVersion] = useState(0);
  const live = useRef(true);
  useEffect(() => {
    live.current = enabled;
    if (!enabled) {
      found.current = new Map();
      pending.current = new Set();
    }
  }, [enabled]);
  useEffect(
    () => () => {
      live.current = false;
    },
    [],
  );
  const request = useCallback(
    (ids: readonly string[]) => {
      if (!enabled) return;
      const missing = ids.filter((id) => !found.current.has(id) && !pending.current.has(id));
      if (missing.length === 0) return;
      const into = found.current;
      for (const id of missing) pending.current.add(id);
      getDb()
        .items.bulkGet(missing)
        .then(
          (rows) => {
            if (!live.current || into !== found.current) return;
            rows.forEach((row, i) => into.set(missing[i]!, row ?? null));
            setVersion((v) => v + 1);
          },
          (error: unknown) => {
            console.warn('Careline: the items in view could not be read', error);
            if (!live.current || into !== found.current) return;
            // Not asked for again (a retry on every render would never end): the rows keep their
            // digest columns until the log's own read replaces the list, or fails with a message.
            for (const id of missing) into.set(id, null);
            setVersion((v) => v + 1);
          },
        )
        .finally(() => {
          for (const id of missing) pending.current.delete(id);
        });
    },
    [enabled],
  );
  // A new object after each read, so that what shows the items renders again.
  return useMemo(() => ({ get: (id: string) => found.current.get(id) ?? undefined, request, reads: version }), [request, version]);
}
