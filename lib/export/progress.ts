/** Progress of a long export or import, for a progress bar. */
export interface Progress {
  done: number;
  total: number;
}

export interface LongTaskOptions {
  onProgress?: (p: Progress) => void;
  /** Cancels the task: the promise rejects with an AbortError and nothing is returned. */
  signal?: AbortSignal;
  /** Rows per chunk between yields to the event loop (default 5,000). */
  chunkSize?: number;
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    throw signal.reason instanceof Error ? signal.reason : new DOMException('The operation was cancelled.', 'AbortError');
  }
}

/** Lets the page paint and handle input between chunks. */
export function yieldToEventLoop(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (s?.yield) return s.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
