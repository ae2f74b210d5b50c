import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Db } from './db';
import { csvHeader, csvRow } from './csv';
import { BadCursorError, listItems, upsertItems } from './items';
import { RateLimiter, type RateLimitOptions } from './rate-limit';
import { BatchRequestSchema, describeIssues, ListQuerySchema, MAX_BATCH_ITEMS } from './schema';
import { authenticate, hashToken, type TokenInfo } from './tokens';

export interface AppOptions {
  db: Db;
  /** Largest request body, bytes (413 above). Default 1 MiB. */
  maxBodyBytes?: number;
  /** Per-token (or per-address) request rate. Default: bursts of 120, 4 per second sustained. */
  rateLimit?: RateLimitOptions;
  /** Failed-authentication rate per client address. Default: bursts of 20, one per 5 s. */
  authFailureLimit?: RateLimitOptions;
  /** Read the client address from X-Forwarded-For (only behind a proxy you run). */
  trustProxy?: boolean;
  now?: () => number;
}

type Env = { Variables: { token: TokenInfo } };

export function createApp(options: AppOptions): Hono<Env> {
  const { db } = options;
  const now = options.now ?? Date.now;
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const limiter = new RateLimiter(options.rateLimit ?? { burst: 120, perSecond: 4 }, now);
  const authFailures = new RateLimiter(options.authFailureLimit ?? { burst: 20, perSecond: 0.2 }, now);
  const app = new Hono<Env>();

  const clientAddress = (c: Context): string => {
    if (options.trustProxy) {
      const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
      if (forwarded) return forwarded;
    }
    try {
      return getConnInfo(c).remote.address ?? 'unknown';
    } catch {
      return 'unknown';
    }
  };

  const tooMany = (c: Context, retryAfterSeconds: number) => {
    c.header('Retry-After', String(retryAfterSeconds));
    return c.json({ error: { code: 'rate_limited', message: `Too many requests; retry after ${retryAfterSeconds} s.` } }, 429);
  };

  // Every response carries Date: clients measure Retry-After dates against it, not their own clock.
  app.use('*', async (c, next) => {
    await next();
    c.header('Date', new Date(now()).toUTCString());
    if (c.req.path.startsWith('/v1/')) c.header('Cache-Control', 'no-store');
  });

  app.get('/health', async (c) => {
    try {
      await db.query('SELECT 1');
      return c.json({ status: 'ok', database: db.kind });
    } catch {
      c.header('Retry-After', '5');
      return c.json({ status: 'unavailable', database: db.kind }, 503);
    }
  });

  app.use('/v1/*', async (c, next) => {
    const bearer = readBearer(c.req.header('authorization'));
    const decision = limiter.take(bearer ? `t:${hashToken(bearer)}` : `a:${clientAddress(c)}`);
    if (!decision.allowed) return tooMany(c, decision.retryAfterSeconds);
    const token = bearer ? await authenticate(db, bearer) : null;
    if (!token) {
      const failure = authFailures.take(clientAddress(c));
      if (!failure.allowed) return tooMany(c, failure.retryAfterSeconds);
      c.header('WWW-Authenticate', 'Bearer realm="careline"');
      return c.json({ error: { code: 'token_refused', message: 'Missing, unknown or revoked token.' } }, 401);
    }
    c.set('token', token);
    await next();
  });

  app.get('/v1/me', (c) => {
    const token = c.get('token');
    return c.json({ tokenId: token.id, kind: token.kind, agentId: token.agentId, name: token.name });
  });

  app.post(
    '/v1/items/batch',
    bodyLimit({
      maxSize: maxBodyBytes,
      onError: (c) =>
        c.json({ error: { code: 'too_large', message: `The request body is over ${maxBodyBytes} bytes; send fewer items.` } }, 413),
    }),
    async (c) => {
      const token = c.get('token');
      if (token.kind !== 'agent' || !token.agentId) {
        return c.json({ error: { code: 'forbidden', message: 'Only agent tokens write items; this token reads.' } }, 403);
      }
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        return c.json({ error: { code: 'bad_request', message: 'The body is not JSON.' } }, 400);
      }
      const parsed = BatchRequestSchema.safeParse(body);
      if (!parsed.success) {
        return c.json({ error: { code: 'bad_request', message: `Expected {"items": [...]}: ${describeIssues(parsed.error)}` } }, 400);
      }
      const { items } = parsed.data;
      if (items.length > MAX_BATCH_ITEMS) {
        return c.json({ error: { code: 'too_large', message: `At most ${MAX_BATCH_ITEMS} items per batch.` } }, 413);
      }
      const results = await upsertItems(db, token.agentId, items);
      return c.json({ results });
    },
  );

  const readQuery = (c: Context) => ListQuerySchema.safeParse(c.req.query());

  app.get('/v1/items', async (c) => {
    const token = c.get('token');
    const query = readQuery(c);
    if (!query.success) return c.json({ error: { code: 'bad_request', message: describeIssues(query.error) } }, 400);
    const scope = token.kind === 'agent' ? (token.agentId ?? '') : undefined;
    return c.json(await listItems(db, query.data, scope));
  });

  app.get('/v1/items.csv', async (c) => {
    const token = c.get('token');
    const query = readQuery(c);
    if (!query.success) return c.json({ error: { code: 'bad_request', message: describeIssues(query.error) } }, 400);
    const scope = token.kind === 'agent' ? (token.agentId ?? '') : undefined;
    // The first page is read before answering, so a bad cursor or a database error gets a proper status.
    let page = await listItems(db, { ...query.data, limit: 1000 }, scope);
    const encoder = new TextEncoder();
    let headerSent = false;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (!headerSent) {
          headerSent = true;
          controller.enqueue(encoder.encode(`\uFEFF${csvHeader()}`));
        }
        controller.enqueue(encoder.encode(page.items.map(csvRow).join('')));
        if (!page.nextCursor) {
          controller.close();
          return;
        }
        page = await listItems(db, { ...query.data, limit: 1000, cursor: page.nextCursor }, scope);
      },
    });
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', 'attachment; filename="careline-items.csv"');
    return c.body(body);
  });

  app.notFound((c) => c.json({ error: { code: 'not_found', message: `No route for ${c.req.method} ${c.req.path}.` } }, 404));

  app.onError((error, c) => {
    if (error instanceof BadCursorError) return c.json({ error: { code: 'bad_request', message: error.message } }, 400);
    if (isConnectionError(error)) {
      c.header('Retry-After', '5');
      return c.json({ error: { code: 'unavailable', message: 'The database is unavailable; retry shortly.' } }, 503);
    }
    console.error('careline-server: unhandled error', error);
    return c.json({ error: { code: 'internal', message: 'The server failed on this request; it was not stored.' } }, 500);
  });

  return app;
}

function readBearer(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1] ?? null;
}

/** Connection-level failures (refused, reset, shutting down): worth a retry, unlike a bug. */
function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return false;
  return ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '53300'].includes(code) || code.startsWith('08');
}
