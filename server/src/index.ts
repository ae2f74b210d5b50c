export { createApp, type AppOptions } from './app';
export { openDb, type Db, type OpenDbOptions, type Queryable } from './db';
export { listItems, upsertItems } from './items';
export { migrate } from './migrations';
export { startServer, type RunningServer, type StartServerOptions } from './server';
export { authenticate, createToken, listTokens, revokeToken, type CreatedToken, type TokenInfo } from './tokens';
export { WireItemSchema, type ItemResult, type WireItem } from './schema';
