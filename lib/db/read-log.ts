import type { CarelineDB, PracticeSessionRow } from './database';
import { GENERATION_KEY, generationOf } from './digest';
import type { HandledItem, SeenRecord } from './schema';

/** The whole local log: what the dashboard's list, text search, exports and checks read. */
export interface LogRows {
  items: HandledItem[];
  seen: SeenRecord[];
  sessions: PracticeSessionRow[];
  /**
   * The log digest's generation while the rows were read (lib/db/digest.ts): whether a digest
   * read earlier describes these rows (`digestCheck`). Null when the log was written during the
   * read.
   */
  digestGeneration: number | null;
}

/** Rows read so far, per store. */
export interface ReadProgress {
  items: number;
  seen: number;
}

/**
 * Rows per request. One request per store deserializes every row in one task: with 100,000 items
 * and 120,000 seen records the page froze for 2.0 s on the test machine (no click, key or
 * scroll). Pages of 10,000 keep each task at 155–222 ms and let the page show how far the read
 * is, for 10 % more time in all (12.6 s against 11.5 s, medians of 3 alternating rounds in one
 * page; pages of 20,000: 12.0 s, tasks up to 264–500 ms). `npm run bench -- dashboard` prints
 * the read and its longest task.
 */
export const LOG_PAGE_SIZE = 10_000;

/**
 * Reads every item, seen record and practice session, `pageSize` rows per request in id order
 * (the same rows in the same order as `toArray()` on each store), and calls `onProgress` after
 * each page. Each page is a read transaction of its own, so a write (an agent logging a reply
 * while the dashboard reads a large log) waits for one page, not for the whole read: in one
 * transaction, a write waited for the rest of the read (the whole read: 2.2–14.7 s at 100,000
 * items, depending on the machine's load). Whether the pages are one snapshot of the log is
 * known from the digest's generation (every digest writer moves it on; lib/db/digest.ts), read
 * before the first page and after the last: `digestGeneration` is null when it moved. The rows
 * may then hold some of a write and not the rest; a live reader (`liveQuery`) reads again after
 * such a write anyway.
 */
export async function readLogInPages(
  db: CarelineDB,
  onProgress?: (progress: ReadProgress) => void,
  pageSize = LOG_PAGE_SIZE,
): Promise<LogRows> {
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError(`readLogInPages: page size must be a positive integer, got ${pageSize}`);
  const progress: ReadProgress = { items: 0, seen: 0 };
  const generation = async () => generationOf(await db.digest.get(GENERATION_KEY));
  const before = await generation();
  // Each store's pages follow one another; the two stores' requests interleave.
  const pages = async <T extends { id: string }>(table: CarelineDB['items'] | CarelineDB['seen'], key: keyof ReadProgress): Promise<T[]> => {
    const rows: T[] = [];
    let last: string | undefined;
    for (;;) {
      const from = last;
      // An explicit transaction per page: inside a live query, Dexie keeps the results of
      // requests made outside one in its query cache. In one bench run at 100,000 items without
      // it, the dashboard's heap was 207 MB (175 MB with it, as in one transaction: 163–175) and
      // its longest task during the read 406 ms (108 ms with it; that run's machine was slower:
      // seeding took 53 s against 38 s).
      const read = (): Promise<unknown[]> => (from === undefined ? table.orderBy(':id') : table.where(':id').above(from)).limit(pageSize).toArray();
      const page = (await db.transaction('r', table.name, read)) as T[];
      for (let i = 0; i < page.length; i++) rows.push(page[i]!);
      progress[key] = rows.length;
      onProgress?.({ ...progress });
      if (page.length < pageSize) return rows;
      last = page[page.length - 1]!.id;
    }
  };
  const [items, seen, sessions] = await Promise.all([
    pages<HandledItem>(db.items, 'items'),
    pages<SeenRecord>(db.seen, 'seen'),
    db.transaction('r', db.practiceSessions, () => db.practiceSessions.toArray()),
  ]);
  const after = await generation();
  return { items, seen, sessions, digestGeneration: before === after ? before : null };
}
