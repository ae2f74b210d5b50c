/** Small pieces both site adapters use. */
import type { ReadContext, ReadFailure, ReadResult } from './types';

/** The context of a read with no signed-in agent known: no post is the agent's own. */
export const EMPTY_CTX: ReadContext = { ownHandles: new Set() };

/** A failed read: the field that failed and, for the agent, what to do. */
export function fail(field: ReadFailure['field'], message: string): ReadResult {
  return { ok: false, failure: { field, message } };
}

export function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
