import type { HandledItem } from '../db/schema';

export interface BatchLimits {
  /** Most items in one request. */
  maxItems: number;
  /** Most bytes in one request body (UTF-8). */
  maxBytes: number;
}

export const DEFAULT_BATCH_LIMITS: BatchLimits = { maxItems: 100, maxBytes: 256 * 1024 };

const encoder = new TextEncoder();
/** Bytes of `{"items":[` and `]}` around the items. */
const ENVELOPE_BYTES = encoder.encode('{"items":[]}').length;

export interface Batch {
  items: HandledItem[];
  body: string;
  bytes: number;
}

/**
 * The longest prefix of `items` that fits the limits, as the request body. The first item always
 * goes, even alone over the byte limit: the server's own limit (413) decides then.
 */
export function takeBatch(items: readonly HandledItem[], limits: BatchLimits): Batch {
  const taken: HandledItem[] = [];
  const parts: string[] = [];
  let bytes = ENVELOPE_BYTES;
  for (const item of items) {
    if (taken.length >= limits.maxItems) break;
    const json = JSON.stringify(item);
    const size = encoder.encode(json).length + (parts.length > 0 ? 1 : 0);
    if (taken.length > 0 && bytes + size > limits.maxBytes) break;
    taken.push(item);
    parts.push(json);
    bytes += size;
  }
  return { items: taken, body: `{"items":[${parts.join(',')}]}`, bytes };
}
