import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { openDb, type Db } from '../src/db';
import { migrate, MIGRATIONS } from '../src/migrations';

/**
 * An in-memory PGlite for tests, started from a cached, already migrated data directory:
 * initdb inside PGlite takes seconds (tens on a busy machine), loading a dump a fraction of that.
 * The cache is keyed by PGlite's version and the migrations, so a change rebuilds it.
 */
export async function openTestPglite(): Promise<Db> {
  const version = pgliteVersion();
  const key = createHash('sha256').update(version).update(JSON.stringify(MIGRATIONS)).digest('hex').slice(0, 16);
  const file = join(tmpdir(), `careline-pglite-template-${key}.tar.gz`);
  if (existsSync(file)) {
    try {
      const db = await openDb({ pgliteTemplate: new Blob([readFileSync(file)]) });
      await migrate(db);
      return db;
    } catch {
      // A truncated or foreign file: rebuild it below.
    }
  }
  const db = await openDb();
  await migrate(db);
  const dump = await (db as Db & { dumpDataDir(): Promise<Blob> }).dumpDataDir();
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, Buffer.from(await dump.arrayBuffer()));
  renameSync(temp, file);
  return db;
}

function pgliteVersion(): string {
  let dir = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  for (let i = 0; i < 5; i++, dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const parsed = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string };
      if (parsed.name === '@electric-sql/pglite') return parsed.version ?? 'unknown';
    }
  }
  return 'unknown';
}
