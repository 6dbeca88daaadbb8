// A server's PostgreSQL database made ready (issue 20): migrated and, when it is new, loaded with the
// same initial data as a new SQLite database (the demo, or the reference data only). The data is
// built by the SQLite seed in a temporary file and copied with the move command's code, so both
// engines start from the same rows; an advisory lock makes servers starting together seed once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count } from 'drizzle-orm';
import { createDb, migrateDb } from '../client';
import { loadInitialData } from '../seed/initial-data';
import { teams } from '../schema-pg';
import { createPgDb, migratePg, pgMigrationsFolder, type PgDb } from './client';
import { moveSqliteToPg } from './to-pg';

/** Advisory lock key of the first start's seed (the namespace of `migrateLockKey`). */
export const seedLockKey = 0x48_44_00_02;

export interface PgSetupOptions {
  now: string;
  /** The demo data and its logins, or (false) the reference data only. */
  demo: boolean;
  /** The SQLite migrations the temporary seed database is built with. */
  sqliteMigrations: string;
  /** The PostgreSQL migrations (default: the package's `drizzle-pg`). */
  pgMigrations?: string;
}

/** True when no team exists yet: the first start of a new database (as SQLite's `isEmpty`). */
async function isEmptyPg(db: PgDb): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(teams);
  return (row?.n ?? 0) === 0;
}

/**
 * Migrates `db` and, when it holds no data yet, loads the initial data. Safe from several servers at
 * once: the second waits on the lock, then finds the data there. Returns what was done.
 */
export async function setupPg(
  db: PgDb,
  options: PgSetupOptions,
): Promise<'demo' | 'reference' | 'existing'> {
  await migratePg(db, options.pgMigrations ?? pgMigrationsFolder);
  const client = await db.$client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [seedLockKey]);
    try {
      if (!(await isEmptyPg(db))) return 'existing';
      const dir = mkdtempSync(join(tmpdir(), 'handoff-pg-seed-'));
      try {
        const lite = createDb(join(dir, 'seed.db'));
        try {
          migrateDb(lite, options.sqliteMigrations);
          const loaded = loadInitialData(lite, { now: options.now, demo: options.demo });
          await moveSqliteToPg(lite, db, { pgMigrations: options.pgMigrations });
          return loaded;
        } finally {
          lite.$client.close();
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [seedLockKey]);
    }
  } finally {
    client.release();
  }
}

/** A pool on `url`, set up as `setupPg` does; the caller closes it (`db.$client.end()`). */
export async function openPg(
  url: string,
  options: PgSetupOptions,
): Promise<{ db: PgDb; loaded: 'demo' | 'reference' | 'existing' }> {
  const db = createPgDb(url);
  try {
    return { db, loaded: await setupPg(db, options) };
  } catch (error) {
    await db.$client.end();
    throw error;
  }
}
