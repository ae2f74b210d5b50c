/** The Web Locks name every Careline context uses for sync. */
export const SYNC_LOCK_NAME = 'careline-sync';

interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

let tail: Promise<unknown> = Promise.resolve();

/**
 * Runs `fn` while holding the sync lock: a Web Lock when the context has one (it spans the
 * service worker and every extension page of the profile), else an in-memory mutex for this
 * context. Calls queue; none is dropped.
 */
export function withSyncLock<T>(fn: () => Promise<T>, locks: LockManagerLike | null | undefined = defaultLocks()): Promise<T> {
  if (locks) return locks.request(SYNC_LOCK_NAME, fn);
  const run = tail.then(fn, fn);
  tail = run.catch(() => undefined);
  return run;
}

function defaultLocks(): LockManagerLike | undefined {
  const nav = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator;
  return nav?.locks;
}

/**
 * Coalesces sync requests in one context: while a pass runs, any number of further requests
 * share one follow-up pass (it picks up items written meanwhile). `force` sticks to the follow-up.
 */
export function createSyncRunner<R>(pass: (options: { force: boolean }) => Promise<R>, locks?: LockManagerLike | null) {
  let running: Promise<R> | undefined;
  let queued: { promise: Promise<R>; force: boolean } | undefined;

  const start = (force: boolean): Promise<R> => {
    const p = withSyncLock(() => pass({ force }), locks === undefined ? defaultLocks() : locks);
    running = p;
    void p.finally(() => {
      if (running === p) running = undefined;
    }).catch(() => undefined);
    return p;
  };

  return {
    /** Starts a pass, or joins the one queued behind the running pass. */
    request(options: { force?: boolean } = {}): Promise<R> {
      const force = options.force ?? false;
      if (!running) return start(force);
      if (queued) {
        queued.force ||= force;
        return queued.promise;
      }
      const entry: { promise: Promise<R>; force: boolean } = { promise: undefined as unknown as Promise<R>, force };
      entry.promise = running
        .catch(() => undefined)
        .then(() => {
          queued = undefined;
          return start(entry.force);
        });
      queued = entry;
      return entry.promise;
    },
    isRunning(): boolean {
      return running !== undefined;
    },
  };
}
