export { backoffDelayMs, retryAfterMs, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
export { takeBatch, DEFAULT_BATCH_LIMITS, type BatchLimits } from './batch';
export { testConnection, type ConnectionResult } from './connection';
export { createDexieOutboxStore, SYNC_STATE_KEY, type SyncTables } from './dexie-store';
export {
  runSyncPass,
  configFingerprint,
  DEFAULT_SYNC_OPTIONS,
  TOKEN_REFUSED,
  type PassOptions,
  type PassOutcome,
  type PassResult,
  type SyncDeps,
  type SyncOptions,
} from './engine';
export { endpointUrl, DEFAULT_TIMEOUT_MS } from './http';
export { createSyncRunner, withSyncLock, SYNC_LOCK_NAME } from './lock';
export { MemoryOutboxStore } from './memory-store';
export { getSyncStatus, retrySetAside, type SetAsideItem, type SyncStatus } from './status';
export { fetchAllTeamItems, fetchTeamItems, mergeTeamItems, SyncRequestError, type TeamFilters, type TeamPage } from './team';
export type { AckEntry, FetchLike, OutboxStore, SetAsideEntry, SyncConfig, SyncState } from './types';
export { createSyncService, nextSyncAlarmAt, MIN_ALARM_DELAY_MS, type SyncService, type SyncServiceDeps } from './service';
