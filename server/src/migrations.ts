import type { Db } from './db';

/**
 * Schema migrations, applied in order at start. Append; never edit a shipped one.
 * Several instances may start at once against one PostgreSQL: an advisory lock serialises them.
 */
export const MIGRATIONS: ReadonlyArray<{ version: number; name: string; sql: string }> = [
  {
    version: 1,
    name: 'tokens and items',
    sql: `
      CREATE TABLE tokens (
        id text PRIMARY KEY,
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('agent', 'supervisor')),
        agent_id text,
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        CHECK (kind <> 'agent' OR agent_id IS NOT NULL)
      );
      CREATE TABLE items (
        id text PRIMARY KEY,
        agent_id text NOT NULL,
        site text NOT NULL,
        mode text NOT NULL,
        reason text NOT NULL,
        handled_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        payload jsonb NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        revision integer NOT NULL DEFAULT 1
      );
      CREATE INDEX items_handled_idx ON items (handled_at DESC, id DESC);
      CREATE INDEX items_agent_handled_idx ON items (agent_id, handled_at DESC, id DESC);
      CREATE INDEX items_updated_idx ON items (updated_at);
    `,
  },
];

const MIGRATION_LOCK_KEY = 74_203_117;

export async function migrate(db: Db): Promise<number[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY,
    name text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    const rows = await tx.query<{ version: number }>('SELECT version FROM schema_migrations');
    const done = new Set(rows.map((r) => Number(r.version)));
    const applied: number[] = [];
    for (const migration of MIGRATIONS) {
      if (done.has(migration.version)) continue;
      for (const statement of splitStatements(migration.sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      applied.push(migration.version);
    }
    return applied;
  });
}

/** Our migrations hold no semicolons inside literals or bodies, so a plain split is enough. */
function splitStatements(sql: string): string[] {
  return sql
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
