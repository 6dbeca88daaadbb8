// PostgreSQL (issue 20), imported as `@handoff/db/pg` so the SQLite-only server never loads the pg driver.
export * from './client';
export * from './commit';
export * from './change-feed';
export * from './lease';
export { pgEntityTables, pgTwin } from './tables';
export * as pgSchema from '../schema-pg';
export * from './search';
export { formatCounts, moveSqliteToPg, MoveRefused, tablesInDependencyOrder } from './to-pg';
export { pgReader } from '../reader';
export { openPg, seedLockKey, setupPg, type PgSetupOptions } from './setup';
