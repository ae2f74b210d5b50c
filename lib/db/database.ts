import Dexie, { type EntityTable } from 'dexie';
import { buildDigestInUpgrade, type DigestRow } from './digest';
import type { Correction, HandledItem, OutboxRow, SeenRecord } from './schema';

export interface MetaRow {
  key: string;
  value: unknown;
}

export interface StoredTemplate {
  id: string;
  updatedAt: string;
  deletedAt?: string;
  /** The template itself (validated by lib/templates on read). */
  data: unknown;
}

export interface PracticeSessionRow {
  id: string;
  startedAt: string;
  endedAt?: string;
  data: unknown;
}

export const DB_NAME = 'careline';

/**
 * Careline's database. It lives in the extension origin only and the background worker is its one
 * writer (pages read it). Every version below stays as it shipped; a change is a new version with
 * its upgrade, and a test that opens the previous version with rows and checks they arrive intact.
 */
export class CarelineDB extends Dexie {
  items!: EntityTable<HandledItem, 'id'>;
  seen!: EntityTable<SeenRecord, 'id'>;
  outbox!: EntityTable<OutboxRow, 'seq'>;
  meta!: EntityTable<MetaRow, 'key'>;
  corrections!: EntityTable<Correction, 'id'>;
  templates!: EntityTable<StoredTemplate, 'id'>;
  practiceSessions!: EntityTable<PracticeSessionRow, 'id'>;
  digest!: EntityTable<DigestRow, 'key'>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    declareVersions(this);
  }
}

/** v1, the foundation: handled items only. Kept verbatim so migrations can be tested from it. */
export const V1_STORES = {
  items: 'id, site, postId, handledAt',
};

/** v2, the full activity log (issue 6). Kept verbatim so the v3 migration can be tested from it. */
export const V2_STORES = {
  items: 'id, site, postId, handledAt, mode, agentId, updatedAt, [mode+handledAt]',
  seen: 'id, firstSeenAt, mode, [mode+firstSeenAt]',
  outbox: '++seq, itemId',
  meta: 'key',
  corrections: '++id, createdAt',
  templates: 'id, updatedAt',
  practiceSessions: 'id, startedAt',
};

export function declareVersions(db: Dexie): void {
  db.version(1).stores(V1_STORES);
  // v2: the full activity log (issue 6): seen records, sync outbox, settings/meta, corrections,
  // templates and practice sessions; items gain mode, agent, replies and timing fields.
  db.version(2)
    .stores(V2_STORES)
    .upgrade(async (tx) => {
      await tx
        .table('items')
        .toCollection()
        .modify((item: Record<string, unknown>) => {
          const handledAt = String(item.handledAt ?? new Date(0).toISOString());
          item.schemaVersion = 2;
          item.replyCount ??= 1;
          item.reason ??= 'replied';
          item.mode ??= 'live';
          item.agentId ??= 'local';
          item.agentName ??= '';
          item.authorName ??= '';
          item.authorHandle ??= '';
          item.permalink ??= '';
          item.repliedAt ??= handledAt;
          item.updatedAt ??= handledAt;
        });
    });
  // v3: the log digest (lib/db/digest.ts), the figures-only copy of items and seen records the
  // dashboard opens with; built here from the log as it is.
  db.version(3)
    .stores({ digest: 'key' })
    .upgrade((tx) => buildDigestInUpgrade(tx));
}

let shared: CarelineDB | undefined;
/** The database of this extension context (opened lazily). */
export function getDb(): CarelineDB {
  shared ??= new CarelineDB();
  return shared;
}
