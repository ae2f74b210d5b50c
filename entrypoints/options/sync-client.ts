/**
 * The options page's side of the sync messages the background answers (lib/worker/sync-wiring.ts).
 * Replies are checked for shape here: the page shows them in words and must not crash on a
 * worker that is older or still starting.
 */
import { browser } from 'wxt/browser';
import { makeMessage, type MessageType, type Payload } from '../../lib/messaging';
import type { ConnectionResult } from '../../lib/sync/connection';
import type { SetAsideItem, SyncStatus } from '../../lib/sync/status';

/** `sync.status`'s reply (lib/worker/sync-wiring.ts statusReport). */
export type SyncStatusReport = SyncStatus & {
  enabled: boolean;
  endpoint: string;
  hasToken: boolean;
  hasSupervisorToken: boolean;
  blocker: string | null;
};

async function send<T extends MessageType>(type: T, payload: Payload<T>): Promise<unknown> {
  return browser.runtime.sendMessage(makeMessage(type, payload));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export async function fetchSyncStatus(): Promise<SyncStatusReport> {
  const reply = await send('sync.status', {});
  if (!isRecord(reply) || typeof reply.queued !== 'number') throw new Error('The background worker did not answer with the sync status. Reload the extension if this lasts.');
  return {
    queued: reply.queued,
    lastSuccessAt: typeof reply.lastSuccessAt === 'string' ? reply.lastSuccessAt : undefined,
    lastError: typeof reply.lastError === 'string' ? reply.lastError : undefined,
    lastErrorAt: typeof reply.lastErrorAt === 'string' ? reply.lastErrorAt : undefined,
    nextAttemptAt: typeof reply.nextAttemptAt === 'string' ? reply.nextAttemptAt : undefined,
    tokenRefused: reply.tokenRefused === true,
    setAside: Array.isArray(reply.setAside) ? (reply.setAside as SetAsideItem[]) : [],
    enabled: reply.enabled === true,
    endpoint: typeof reply.endpoint === 'string' ? reply.endpoint : '',
    hasToken: reply.hasToken === true,
    hasSupervisorToken: reply.hasSupervisorToken === true,
    blocker: typeof reply.blocker === 'string' ? reply.blocker : null,
  };
}

/** Saves the sync settings; tokens are sent only when typed (absent keeps the stored one). */
export async function configureSync(input: Payload<'sync.configure'>): Promise<void> {
  const reply = await send('sync.configure', input);
  if (isRecord(reply) && reply.ok === false) throw new Error(typeof reply.error === 'string' ? reply.error : 'The settings were not saved.');
  if (!isRecord(reply)) throw new Error('The background worker did not confirm the settings. Try again.');
}

export async function testSyncConnection(endpoint: string, token?: string): Promise<ConnectionResult> {
  const reply = await send('sync.test', { endpoint, ...(token ? { token } : {}) });
  if (isRecord(reply) && typeof reply.status === 'string') return reply as ConnectionResult;
  return { status: 'error', message: 'The background worker did not answer the test.' };
}

export async function retrySetAside(seqs?: number[]): Promise<void> {
  await send('sync.retry', seqs ? { seqs } : {});
}

export async function syncNow(): Promise<{ outcome?: string; error?: string }> {
  const reply = await send('sync.now', {});
  return isRecord(reply) ? { outcome: typeof reply.outcome === 'string' ? reply.outcome : undefined, error: typeof reply.error === 'string' ? reply.error : undefined } : {};
}

/** A test result in the agent's words. */
export function connectionInWords(result: ConnectionResult): { tone: 'good' | 'bad'; text: string } {
  switch (result.status) {
    case 'ok':
      return { tone: 'good', text: `Connected: the server knows this token as ${result.name}${result.kind === 'supervisor' ? ' (supervisor)' : ''}${result.agentId ? `, agent id ${result.agentId}` : ''}.` };
    case 'unreachable':
      return { tone: 'bad', text: `Unreachable: ${result.message}` };
    case 'token_refused':
      // Either the server refused the token (the message says so) or no token was given.
      return { tone: 'bad', text: result.message };
    case 'error':
      return { tone: 'bad', text: result.message };
    default: {
      const never: never = result;
      return never;
    }
  }
}
