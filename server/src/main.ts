import { startServer } from './server';

/**
 * `npm run server`: PORT (default 8787), HOST (default 127.0.0.1), DATABASE_URL (PostgreSQL;
 * embedded PGlite when unset), PGLITE_DIR (PGlite's data directory; in memory when unset),
 * MAX_BODY_BYTES, RATE_BURST, RATE_PER_SECOND, TRUST_PROXY=1 (behind your own reverse proxy).
 */
const env = process.env;
const numberFrom = (value: string | undefined, fallback: number): number => {
  const n = Number(value);
  return value !== undefined && value !== '' && Number.isFinite(n) ? n : fallback;
};

const server = await startServer({
  port: numberFrom(env.PORT, 8787),
  host: env.HOST || '127.0.0.1',
  databaseUrl: env.DATABASE_URL || undefined,
  pgliteDir: env.PGLITE_DIR || undefined,
  maxBodyBytes: numberFrom(env.MAX_BODY_BYTES, 1024 * 1024),
  rateLimit: { burst: numberFrom(env.RATE_BURST, 120), perSecond: numberFrom(env.RATE_PER_SECOND, 4) },
  trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
});

const database = server.db.kind === 'postgres' ? 'PostgreSQL' : env.PGLITE_DIR ? `PGlite in ${env.PGLITE_DIR}` : 'PGlite in memory';
console.log(`Careline sync server ready at ${server.url} (database: ${database})`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
