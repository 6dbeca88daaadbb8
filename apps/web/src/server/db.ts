import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createDb, loadInitialData, migrateDb, type Db } from '@handoff/db';
import { env } from '../env';

// One connection per server process, kept across hot reloads in development.
const globalForDb = globalThis as unknown as { handoffDb?: Db };

/**
 * The app's database: migrated on first use and, when empty, loaded with the demo data — or, with
 * HANDOFF_DEMO_DATA=0 (a deployment), with the reference data only and no login.
 */
export function getDb(): Db {
  if (globalForDb.handoffDb) return globalForDb.handoffDb;
  const { DATABASE_PATH, MIGRATIONS_DIR, HANDOFF_DEMO_DATA } = env();
  mkdirSync(dirname(DATABASE_PATH), { recursive: true });
  const db = createDb(DATABASE_PATH);
  migrateDb(db, MIGRATIONS_DIR);
  loadInitialData(db, { now: new Date().toISOString(), demo: HANDOFF_DEMO_DATA });
  globalForDb.handoffDb = db;
  return db;
}
