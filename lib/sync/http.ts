import type { FetchLike, SyncConfig } from './types';
import { ErrorBodySchema } from './types';

/** Below the 30 s a Chrome MV3 worker gives a fetch before it may be stopped. */
export const DEFAULT_TIMEOUT_MS = 20_000;

export interface HttpReply {
  status: number;
  headers: Headers;
  text: string;
}

export type NetworkFailure = { kind: 'offline'; message: string } | { kind: 'timeout'; message: string };

export class NetworkError extends Error {
  constructor(readonly failure: NetworkFailure) {
    super(failure.message);
    this.name = 'NetworkError';
  }
}

/** The endpoint's URL for an API path, keeping any path prefix the endpoint has. */
export function endpointUrl(endpoint: string, path: string): string {
  const base = endpoint.trim().endsWith('/') ? endpoint.trim() : `${endpoint.trim()}/`;
  return new URL(path.replace(/^\/+/, ''), base).toString();
}

/**
 * One request with a timeout covering the headers and the body. Throws NetworkError when the
 * server could not be reached or did not answer in time; any HTTP status is a reply.
 */
export async function request(
  config: SyncConfig,
  path: string,
  init: RequestInit,
  deps: { fetch: FetchLike; timeoutMs?: number },
): Promise<HttpReply> {
  let url: string;
  try {
    url = endpointUrl(config.endpoint, path);
  } catch {
    throw new NetworkError({ kind: 'offline', message: `The sync address "${config.endpoint}" is not a valid URL.` });
  }
  const timeoutMs = deps.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    const headers = new Headers(init.headers);
    headers.set('Authorization', `Bearer ${config.token}`);
    headers.set('Accept', 'application/json');
    const response = await deps.fetch(url, { ...init, headers, signal: controller.signal, credentials: 'omit', cache: 'no-store' });
    const text = await response.text();
    return { status: response.status, headers: response.headers, text };
  } catch (error) {
    if (timedOut) {
      throw new NetworkError({ kind: 'timeout', message: `The sync server did not answer within ${Math.round(timeoutMs / 1000)} s.` });
    }
    const detail = error instanceof Error && error.message ? ` (${error.message})` : '';
    throw new NetworkError({ kind: 'offline', message: `Couldn't reach the sync server: offline, or the address is wrong${detail}.` });
  } finally {
    clearTimeout(timer);
  }
}

/** The server's own error message when it sent one, else a status line. */
export function serverMessage(reply: HttpReply): string {
  try {
    const parsed = ErrorBodySchema.safeParse(JSON.parse(reply.text));
    if (parsed.success) return parsed.data.error.message;
  } catch {
    // not JSON: fall through
  }
  return `HTTP ${reply.status}`;
}
