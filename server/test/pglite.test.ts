import { openDb } from '../src/db';
import { serverSuite } from './server-suite';

serverSuite('PGlite', async () => {
  const db = await openDb();
  return { db, dispose: () => db.close() };
});
