import { afterAll, beforeAll } from 'vitest';
import type { Db } from '../src/db';
import { cliSuite } from './cli-suite';
import { openTestPglite } from './pglite-template';
import { serverSuite } from './server-suite';

// One PGlite for the file: it takes seconds to start, and every test empties the tables it uses.
let db: Db;
beforeAll(async () => {
  db = await openTestPglite();
}, 120_000);
afterAll(async () => db?.close());

serverSuite('PGlite', async () => ({ db, dispose: async () => {} }));
cliSuite(() => db);
