import { DEFAULT_TIMEOUT_MS, NetworkError, request, serverMessage } from './http';
import { MeResponseSchema, type FetchLike, type MeResponse, type SyncConfig } from './types';

export type ConnectionResult =
  | { status: 'ok'; kind: MeResponse['kind']; agentId: string | null; name: string }
  | { status: 'unreachable'; message: string }
  | { status: 'token_refused'; message: string }
  | { status: 'error'; httpStatus?: number; message: string };

/** The options page's "Test connection": unreachable, token refused, or ok with who the token is. */
export async function testConnection(
  config: SyncConfig,
  deps: { fetch?: FetchLike; timeoutMs?: number } = {},
): Promise<ConnectionResult> {
  if (!config.endpoint.trim()) return { status: 'error', message: 'Enter the sync server address first.' };
  if (!config.token.trim()) return { status: 'token_refused', message: 'Enter the token your supervisor gave you.' };
  let reply;
  try {
    reply = await request(config, '/v1/me', { method: 'GET' }, {
      fetch: deps.fetch ?? ((url, init) => globalThis.fetch(url, init)),
      timeoutMs: deps.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    });
  } catch (error) {
    if (error instanceof NetworkError) return { status: 'unreachable', message: error.message };
    throw error;
  }
  if (reply.status === 401 || reply.status === 403) {
    return { status: 'token_refused', message: `Token refused: the sync server did not accept this token (${reply.status}).` };
  }
  if (reply.status !== 200) {
    const hint = reply.status === 404 ? ' Is this the address of a Careline sync server?' : '';
    return { status: 'error', httpStatus: reply.status, message: `The server answered ${reply.status} (${serverMessage(reply)}).${hint}` };
  }
  let parsed;
  try {
    parsed = MeResponseSchema.safeParse(JSON.parse(reply.text));
  } catch {
    parsed = undefined;
  }
  if (!parsed?.success) {
    return { status: 'error', httpStatus: reply.status, message: 'The server answered, but not as a Careline sync server does.' };
  }
  return { status: 'ok', kind: parsed.data.kind, agentId: parsed.data.agentId, name: parsed.data.name };
}
