import type { Queryable } from './db';
import { describeIssues, WireItemSchema, type ItemResult, type ListQuery, type WireItem } from './schema';

interface Candidate {
  index: number;
  item: WireItem;
  updatedMs: number;
}

interface UpsertRow {
  id: string;
  agent_id: string;
  site: string;
  mode: string;
  reason: string;
  handled_at: string;
  updated_at: string;
  payload: WireItem;
}

const UPSERT_SQL = `
  INSERT INTO items AS cur (id, agent_id, site, mode, reason, handled_at, updated_at, payload)
  SELECT x.id, x.agent_id, x.site, x.mode, x.reason, x.handled_at, x.updated_at, x.payload
  FROM jsonb_to_recordset($1::jsonb) AS x(
    id text, agent_id text, site text, mode text, reason text,
    handled_at timestamptz, updated_at timestamptz, payload jsonb)
  ON CONFLICT (id) DO UPDATE SET
    site = EXCLUDED.site, mode = EXCLUDED.mode, reason = EXCLUDED.reason,
    handled_at = EXCLUDED.handled_at, updated_at = EXCLUDED.updated_at,
    payload = EXCLUDED.payload, received_at = now(), revision = cur.revision + 1
  WHERE cur.updated_at < EXCLUDED.updated_at AND cur.agent_id = EXCLUDED.agent_id
  RETURNING cur.id, (cur.xmax = 0) AS inserted`;

/**
 * Stores a batch idempotently by item id, one result per input item in input order:
 * created (new id), updated (same id, newer updatedAt), duplicate (same id, same or older
 * updatedAt), rejected (invalid, not this writer's, or unstorable; with the reason).
 */
export async function upsertItems(db: Queryable, writerAgentId: string, rawItems: readonly unknown[]): Promise<ItemResult[]> {
  const results: ItemResult[] = rawItems.map((raw, index) => ({ index, id: readId(raw), status: 'rejected' }));
  const winners = new Map<string, Candidate>();
  const superseded: number[] = [];

  rawItems.forEach((raw, index) => {
    const result = results[index]!;
    const parsed = WireItemSchema.safeParse(raw);
    if (!parsed.success) {
      result.reason = `Invalid item: ${describeIssues(parsed.error)}`;
      return;
    }
    const item = parsed.data;
    if (item.agentId !== writerAgentId) {
      result.reason = `This token writes only agent "${writerAgentId}"'s items, not "${item.agentId}".`;
      return;
    }
    if (JSON.stringify(item).includes('\\u0000')) {
      result.reason = 'The item contains a NUL character, which the server cannot store.';
      return;
    }
    const candidate = { index, item, updatedMs: Date.parse(item.updatedAt) };
    const previous = winners.get(item.id);
    // The same id twice in one batch: keep the newest; the other counts as a duplicate.
    if (!previous) winners.set(item.id, candidate);
    else if (candidate.updatedMs > previous.updatedMs) {
      superseded.push(previous.index);
      winners.set(item.id, candidate);
    } else superseded.push(index);
  });
  for (const index of superseded) {
    results[index]!.status = 'duplicate';
    results[index]!.reason = 'The same id came twice in this batch; the newest was kept.';
  }
  if (winners.size === 0) return results;

  const candidates = [...winners.values()];
  let written: Map<string, boolean>;
  try {
    written = await writeRows(db, candidates);
  } catch (error) {
    if (!isDataError(error) || candidates.length === 1) throw error;
    // One unstorable item must not hold the batch back: store them one by one and reject the bad ones.
    written = new Map();
    for (const candidate of candidates) {
      try {
        for (const [id, inserted] of await writeRows(db, [candidate])) written.set(id, inserted);
      } catch (itemError) {
        if (!isDataError(itemError)) throw itemError;
        const result = results[candidate.index]!;
        result.reason = `The server could not store this item: ${(itemError as Error).message}`;
        winners.delete(candidate.item.id);
      }
    }
  }

  const unwritten = [...winners.keys()].filter((id) => !written.has(id));
  const owners = new Map<string, string>();
  if (unwritten.length > 0) {
    const rows = await db.query<{ id: string; agent_id: string }>('SELECT id, agent_id FROM items WHERE id = ANY($1::text[])', [unwritten]);
    for (const row of rows) owners.set(row.id, row.agent_id);
  }
  for (const [id, candidate] of winners) {
    const result = results[candidate.index]!;
    const inserted = written.get(id);
    if (inserted !== undefined) {
      result.status = inserted ? 'created' : 'updated';
      continue;
    }
    const owner = owners.get(id);
    if (owner !== undefined && owner !== candidate.item.agentId) {
      result.status = 'rejected';
      result.reason = "This id already belongs to another agent's item.";
    } else {
      result.status = 'duplicate';
      delete result.reason;
    }
  }
  return results;
}

async function writeRows(db: Queryable, candidates: Candidate[]): Promise<Map<string, boolean>> {
  const rows: UpsertRow[] = candidates.map(({ item }) => ({
    id: item.id,
    agent_id: item.agentId,
    site: item.site,
    mode: item.mode,
    reason: item.reason,
    handled_at: new Date(item.handledAt).toISOString(),
    updated_at: new Date(item.updatedAt).toISOString(),
    payload: item,
  }));
  const returned = await db.query<{ id: string; inserted: boolean }>(UPSERT_SQL, [JSON.stringify(rows)]);
  return new Map(returned.map((r) => [r.id, r.inserted === true]));
}

/** SQLSTATE classes 22 (data exception) and 23 (integrity): the item's fault, not the database's. */
function isDataError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('22') || code.startsWith('23'));
}

function readId(raw: unknown): string | null {
  if (raw && typeof raw === 'object' && 'id' in raw) {
    const id = (raw as { id: unknown }).id;
    if (typeof id === 'string' && id.length > 0 && id.length <= 512) return id;
  }
  return null;
}

export interface ListedItems {
  items: WireItem[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

/** Items newest first by handledAt (then id), keyset-paged. `scopeAgentId` confines an agent token to its own items. */
export async function listItems(db: Queryable, query: ListQuery, scopeAgentId?: string): Promise<ListedItems> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(clause(`$${params.length}`));
  };
  if (scopeAgentId !== undefined) add((p) => `agent_id = ${p}`, scopeAgentId);
  if (query.agentId !== undefined) add((p) => `agent_id = ${p}`, query.agentId);
  if (query.site) add((p) => `site = ${p}`, query.site);
  if (query.mode) add((p) => `mode = ${p}`, query.mode);
  if (query.reason) add((p) => `reason = ${p}`, query.reason);
  if (query.from) add((p) => `handled_at >= ${p}::timestamptz`, new Date(query.from).toISOString());
  if (query.to) add((p) => `handled_at < ${p}::timestamptz`, new Date(query.to).toISOString());
  if (query.updatedSince) add((p) => `updated_at > ${p}::timestamptz`, new Date(query.updatedSince).toISOString());
  if (query.cursor) {
    const cursor = decodeCursor(query.cursor);
    params.push(cursor.handledAt, cursor.id);
    where.push(`(handled_at, id) < ($${params.length - 1}::timestamptz, $${params.length})`);
  }
  params.push(query.limit + 1);
  const sql = `SELECT payload, handled_at, id FROM items ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY handled_at DESC, id DESC LIMIT $${params.length}`;
  const rows = await db.query<{ payload: WireItem; handled_at: Date | string; id: string }>(sql, params);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > query.limit && last ? encodeCursor({ handledAt: new Date(last.handled_at).toISOString(), id: last.id }) : null;
  return { items: page.map((r) => (typeof r.payload === 'string' ? (JSON.parse(r.payload) as WireItem) : r.payload)), nextCursor };
}

export class BadCursorError extends Error {}

function encodeCursor(cursor: { handledAt: string; id: string }): string {
  return Buffer.from(JSON.stringify([cursor.handledAt, cursor.id]), 'utf8').toString('base64url');
}

function decodeCursor(text: string): { handledAt: string; id: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Array.isArray(value) && typeof value[0] === 'string' && typeof value[1] === 'string' && !Number.isNaN(Date.parse(value[0]))) {
      return { handledAt: value[0], id: value[1] };
    }
  } catch {
    // fall through
  }
  throw new BadCursorError('The paging cursor is not one this server gave out.');
}
