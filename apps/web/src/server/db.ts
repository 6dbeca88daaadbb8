import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { asPg, createDb, engineOf, loadInitialData, migrateDb, type Db } from '@handoff/db';
import { env } from '../env';

// One database handle per server process, kept across hot reloads in development (and shared by
// the API server's bundle and Next's, which load this module each on their own).
const globalForDb = globalThis as unknown as { handoffDb?: Db; handoffDbReady?: Promise<Db> };

/**
 * The app's database. SQLite (the default): opened, migrated and, when empty, loaded with the demo
 * data — or, with HANDOFF_DEMO_DATA=0 (a deployment), the reference data only and no login — on
 * first use. PostgreSQL (DATABASE_URL=postgres://…): opened by `initDb()`, which the server awaits
 * before it serves anything.
 */
export function getDb(): Db {
  if (globalForDb.handoffDb) return globalForDb.handoffDb;
  const { DATABASE_PATH, DATABASE_URL, MIGRATIONS_DIR, HANDOFF_DEMO_DATA } = env();
  if (DATABASE_URL)
    throw new Error('The PostgreSQL database is not open yet: await initDb() before serving.');
  mkdirSync(dirname(DATABASE_PATH), { recursive: true });
  const db = createDb(DATABASE_PATH);
  migrateDb(db, MIGRATIONS_DIR);
  loadInitialData(db, { now: new Date().toISOString(), demo: HANDOFF_DEMO_DATA });
  globalForDb.handoffDb = db;
  return db;
}

/**
 * Opens the database and makes it ready (migrated, seeded when new) on either engine; the server's
 * start awaits it once. On PostgreSQL servers starting together migrate and seed once (locks).
 */
export function initDb(): Promise<Db> {
  if (globalForDb.handoffDb) return Promise.resolve(globalForDb.handoffDb);
  globalForDb.handoffDbReady ??= (async () => {
    const { DATABASE_URL, MIGRATIONS_DIR, PG_MIGRATIONS_DIR, HANDOFF_DEMO_DATA } = env();
    if (!DATABASE_URL) return getDb();
    // Loaded only on PostgreSQL: a SQLite server never loads the pg driver.
    const { openPg, pgReader } = await import('@handoff/db/pg');
    const { db } = await openPg(DATABASE_URL, {
      now: new Date().toISOString(),
      demo: HANDOFF_DEMO_DATA,
      sqliteMigrations: MIGRATIONS_DIR,
      pgMigrations: PG_MIGRATIONS_DIR,
    });
    globalForDb.handoffDb = pgReader(db);
    return globalForDb.handoffDb;
  })();
  return globalForDb.handoffDbReady;
}

/** What a pg handle holds (its pool), without loading the pg types here. */
type PgClientHolder = { $client: { end(): Promise<void> } };

/** Closes the process's database handle (the supervisor, after the first start's migration). */
export async function closeDb(): Promise<void> {
  const db = globalForDb.handoffDb;
  globalForDb.handoffDb = undefined;
  globalForDb.handoffDbReady = undefined;
  if (!db) return;
  if (engineOf(db) === 'pg') await (asPg(db) as PgClientHolder).$client.end();
  else db.$client.close();
}
