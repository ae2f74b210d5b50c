import * as z from 'zod/mini';
import { HandledItemSchema, type HandledItem } from '../db/schema';
import { DEFAULT_TIMEOUT_MS, NetworkError, request, serverMessage } from './http';
import type { FetchLike, SyncConfig } from './types';

export interface TeamFilters {
  agentId?: string;
  site?: HandledItem['site'];
  mode?: HandledItem['mode'];
  reason?: HandledItem['reason'];
  /** handledAt ≥ from (ISO). */
  from?: string;
  /** handledAt < to (ISO). */
  to?: string;
  /** Only items changed after this (ISO): for incremental refreshes. */
  updatedSince?: string;
  /** Page size, 1–1000 (server default 200). */
  limit?: number;
  cursor?: string;
}

export interface TeamPage {
  items: HandledItem[];
  /** Pass as `cursor` for the next page; null on the last. */
  nextCursor: string | null;
  /** Items in the reply that failed the local schema and were left out. */
  invalid: number;
}

export type SyncRequestErrorKind = 'unreachable' | 'token_refused' | 'http' | 'bad_reply';

/** A failed read, with a message for the person looking at the dashboard. */
export class SyncRequestError extends Error {
  constructor(
    readonly kind: SyncRequestErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'SyncRequestError';
  }
}

export interface ClientDeps {
  fetch?: FetchLike;
  timeoutMs?: number;
}

const PageSchema = z.object({ items: z.array(z.unknown()), nextCursor: z.nullable(z.string()) });

const defaultFetch: FetchLike = (url, init) => globalThis.fetch(url, init);

/** One page of the team's items from the server (supervisor token: the team; agent token: own items). */
export async function fetchTeamItems(config: SyncConfig, filters: TeamFilters = {}, deps: ClientDeps = {}): Promise<TeamPage> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const query = params.toString();
  let reply;
  try {
    reply = await request(config, `/v1/items${query ? `?${query}` : ''}`, { method: 'GET' }, {
      fetch: deps.fetch ?? defaultFetch,
      timeoutMs: deps.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    });
  } catch (error) {
    if (error instanceof NetworkError) throw new SyncRequestError('unreachable', error.message);
    throw error;
  }
  if (reply.status === 401 || reply.status === 403) {
    throw new SyncRequestError('token_refused', `Token refused: the sync server did not accept this token (${reply.status}).`, reply.status);
  }
  if (reply.status < 200 || reply.status >= 300) {
    throw new SyncRequestError('http', `The sync server answered ${reply.status}: ${serverMessage(reply)}`, reply.status);
  }
  let parsed;
  try {
    parsed = PageSchema.safeParse(JSON.parse(reply.text));
  } catch {
    parsed = undefined;
  }
  if (!parsed?.success) throw new SyncRequestError('bad_reply', 'The sync server sent a reply Careline cannot read.');
  const items: HandledItem[] = [];
  let invalid = 0;
  for (const raw of parsed.data.items) {
    const item = HandledItemSchema.safeParse(raw);
    if (item.success) items.push(item.data);
    else invalid += 1;
  }
  return { items, nextCursor: parsed.data.nextCursor, invalid };
}

/** Every page for these filters, up to `maxItems` (default 50,000). */
export async function fetchAllTeamItems(
  config: SyncConfig,
  filters: Omit<TeamFilters, 'cursor'> = {},
  deps: ClientDeps & { maxItems?: number } = {},
): Promise<TeamPage & { truncated: boolean }> {
  const maxItems = deps.maxItems ?? 50_000;
  const items: HandledItem[] = [];
  let invalid = 0;
  let cursor: string | undefined;
  do {
    const page = await fetchTeamItems(config, { limit: 1000, ...filters, cursor }, deps);
    items.push(...page.items);
    invalid += page.invalid;
    cursor = page.nextCursor ?? undefined;
  } while (cursor && items.length < maxItems);
  return { items: items.slice(0, maxItems), nextCursor: cursor ?? null, invalid, truncated: Boolean(cursor) || items.length > maxItems };
}

/**
 * Local and team items as one list, one entry per id (the newer updatedAt wins, local on a tie),
 * newest handledAt first: the dashboard's merged view.
 */
export function mergeTeamItems(local: readonly HandledItem[], team: readonly HandledItem[]): HandledItem[] {
  const byId = new Map<string, HandledItem>();
  for (const item of team) {
    const seen = byId.get(item.id);
    if (!seen || Date.parse(item.updatedAt) > Date.parse(seen.updatedAt)) byId.set(item.id, item);
  }
  for (const item of local) {
    const seen = byId.get(item.id);
    if (!seen || Date.parse(item.updatedAt) >= Date.parse(seen.updatedAt)) byId.set(item.id, item);
  }
  return [...byId.values()].sort((a, b) => Date.parse(b.handledAt) - Date.parse(a.handledAt) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}
