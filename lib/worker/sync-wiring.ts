/**
 * The background worker's side of team sync: where the config lives, when a pass runs, and the
 * messages pages use. The token lives in the extension's IndexedDB (content scripts cannot open
 * it), is sent only to the configured origin, and is never logged or exported.
 */
import * as z from 'zod/mini';
import type { CarelineDB } from '../db/database';
import { createDexieOutboxStore, createSyncService, nextSyncAlarmAt, type SyncConfig, type SyncService } from '../sync';
import type { SyncSettings } from '../settings';

export const TOKEN_KEY = 'sync.token';
export const SUPERVISOR_TOKEN_KEY = 'sync.supervisorToken';
export const SYNC_ALARM = 'careline-sync';
export const SYNC_RETRY_ALARM = 'careline-sync-retry';

export const SyncConfigureSchema = z.object({
  enabled: z.boolean(),
  endpoint: z.string().check(z.maxLength(2000)),
  /** Absent: keep the stored token. Empty string: forget it. */
  token: z.optional(z.string().check(z.maxLength(2000))),
  supervisorToken: z.optional(z.string().check(z.maxLength(2000))),
});

/** The origin pattern the optional host permission is asked for. */
export function originPattern(endpoint: string): string | null {
  try {
    const url = new URL(endpoint);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    return `${url.origin}/*`;
  } catch {
    return null;
  }
}

export interface SyncWiringDeps {
  db: CarelineDB;
  loadSettings(): Promise<SyncSettings>;
  saveSettings(settings: SyncSettings): Promise<void>;
  hasPermission(pattern: string): Promise<boolean>;
  scheduleAlarm(name: string, whenMs: number): void;
  fetch?: (url: string, init: RequestInit) => Promise<Response>;
}

async function readSecret(db: CarelineDB, key: string): Promise<string> {
  const row = await db.meta.get(key);
  return typeof row?.value === 'string' ? row.value : '';
}

/** Why sync is not running, in words, or null when it is configured and allowed. */
export async function syncBlocker(deps: SyncWiringDeps): Promise<string | null> {
  const settings = await deps.loadSettings();
  if (!settings.enabled) return 'Sync is off.';
  const pattern = originPattern(settings.endpoint);
  if (!pattern) return 'The sync server address is not a valid http(s) URL.';
  if (!(await deps.hasPermission(pattern))) return 'Sync is paused: Careline no longer has permission to reach the server. Turn sync on again to grant it. Your queue is kept.';
  if (!(await readSecret(deps.db, TOKEN_KEY))) return 'Enter the token your supervisor gave you.';
  return null;
}

export function createSyncWiring(deps: SyncWiringDeps): {
  service: SyncService;
  loadConfig(): Promise<SyncConfig | null>;
  configure(input: z.infer<typeof SyncConfigureSchema>): Promise<void>;
  statusReport(): Promise<Record<string, unknown>>;
  /** "Test connection" with the form's endpoint and token (the stored token when none is typed). */
  test(endpoint: string, token?: string): ReturnType<SyncService['testConnection']>;
} {
  const loadConfig = async (): Promise<SyncConfig | null> => {
    if (await syncBlocker(deps)) return null;
    const settings = await deps.loadSettings();
    return { endpoint: settings.endpoint, token: await readSecret(deps.db, TOKEN_KEY) };
  };
  const service = createSyncService({
    store: createDexieOutboxStore(deps.db),
    loadConfig,
    fetch: deps.fetch,
    onPass: (result) => {
      const at = nextSyncAlarmAt(result, Date.now());
      if (at !== undefined) deps.scheduleAlarm(SYNC_RETRY_ALARM, at);
    },
  });
  return {
    service,
    loadConfig,
    async configure(input) {
      await deps.saveSettings({ enabled: input.enabled, endpoint: input.endpoint.trim() });
      if (input.token !== undefined) await deps.db.meta.put({ key: TOKEN_KEY, value: input.token.trim() });
      if (input.supervisorToken !== undefined) await deps.db.meta.put({ key: SUPERVISOR_TOKEN_KEY, value: input.supervisorToken.trim() });
    },
    async test(endpoint, token) {
      return service.testConnection({ endpoint, token: token || (await readSecret(deps.db, TOKEN_KEY)) });
    },
    async statusReport() {
      const settings = await deps.loadSettings();
      const status = await service.status();
      return {
        ...status,
        enabled: settings.enabled,
        endpoint: settings.endpoint,
        hasToken: Boolean(await readSecret(deps.db, TOKEN_KEY)),
        hasSupervisorToken: Boolean(await readSecret(deps.db, SUPERVISOR_TOKEN_KEY)),
        blocker: await syncBlocker(deps),
      };
    },
  };
}

/** The supervisor's read config (endpoint and supervisor token), for the dashboard's team view. */
export async function loadSupervisorConfig(db: CarelineDB, settings: SyncSettings): Promise<SyncConfig | null> {
  const token = await readSecret(db, SUPERVISOR_TOKEN_KEY);
  return settings.endpoint && token ? { endpoint: settings.endpoint, token } : null;
}
