import { afterAll, beforeAll, describe, it } from 'vitest';
import { openDb } from '../src/db';
import { realPostgresPolicy, startRealPostgres, type RealPostgres } from './pg-harness';
import { serverSuite } from './server-suite';

const policy = realPostgresPolicy();

if (policy.run && policy.binDir) {
  const binDir = policy.binDir;
  let pg: RealPostgres;
  beforeAll(async () => {
    pg = await startRealPostgres(binDir);
  }, 90_000);
  afterAll(async () => pg?.stop());

  serverSuite('PostgreSQL', async () => {
    const db = await openDb({ databaseUrl: pg.url });
    return { db, dispose: () => db.close() };
  });
} else {
  describe.skip(`PostgreSQL (skipped: ${policy.reason})`, () => {
    it('needs initdb and pg_ctl', () => {});
  });
}
