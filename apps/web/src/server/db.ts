import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  createDb,
  isEmpty,
  migrateDb,
  seedDemoData,
  seedDemoHistory,
  seedPartnerDemoTickets,
  type Db,
} from '@handoff/db';
import { env } from '../env';

// One connection per server process, kept across hot reloads in development.
const globalForDb = globalThis as unknown as { handoffDb?: Db };

/** The app's database: migrated on first use, and loaded with demo data when it is empty. */
export function getDb(): Db {
  if (globalForDb.handoffDb) return globalForDb.handoffDb;
  const { DATABASE_PATH, MIGRATIONS_DIR } = env();
  mkdirSync(dirname(DATABASE_PATH), { recursive: true });
  const db = createDb(DATABASE_PATH);
  migrateDb(db, MIGRATIONS_DIR);
  if (isEmpty(db)) {
    const now = new Date().toISOString();
    seedDemoData(db, { now });
    seedPartnerDemoTickets(db, { now });
    seedDemoHistory(db, { now });
  }
  globalForDb.handoffDb = db;
  return db;
}
