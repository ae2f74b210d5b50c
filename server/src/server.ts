import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { createApp, type AppOptions } from './app';
import { openDb, type Db } from './db';
import { migrate } from './migrations';

export interface StartServerOptions extends Omit<AppOptions, 'db'> {
  /** 0 picks a free port. Default 8787. */
  port?: number;
  /** Default 127.0.0.1; set 0.0.0.0 to listen on every interface (in a container, behind TLS). */
  host?: string;
  databaseUrl?: string;
  pgliteDir?: string;
  /** Use an already open database instead (tests). */
  db?: Db;
}

export interface RunningServer {
  url: string;
  port: number;
  db: Db;
  close(): Promise<void>;
}

/** Opens the database, migrates it, and listens. Resolves when requests can be served. */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const db = options.db ?? (await openDb({ databaseUrl: options.databaseUrl, pgliteDir: options.pgliteDir }));
  const ownsDb = !options.db;
  try {
    await migrate(db);
  } catch (error) {
    if (ownsDb) await db.close();
    throw error;
  }
  const app = createApp({ ...options, db });
  const host = options.host ?? '127.0.0.1';
  const server: ServerType = await new Promise((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port ?? 8787, hostname: host }, () => resolve(s));
    s.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    db,
    close() {
      closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          (server as { closeAllConnections?: () => void }).closeAllConnections?.();
        });
        if (ownsDb) await db.close();
      })();
      return closing;
    },
  };
}
