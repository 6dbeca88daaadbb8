// PostgreSQL connection (issue 20): drizzle's node-postgres driver on a `pg` Pool, with the pg
// schema (src/schema-pg), whose row types equal the SQLite schema's.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from '../schema-pg';
import { statementCachingClient } from './statement-cache';

export type PgDb = NodePgDatabase<typeof schema> & { $client: pg.Pool };
/** What a commit plan reads with: the open transaction (or the database itself outside one). */
export type PgTx = Parameters<Parameters<PgDb['transaction']>[0]>[0];
/** Anything that runs queries: the database or an open transaction. */
export type PgRead = PgDb | PgTx;

/** The checked-in PostgreSQL migrations (drizzle-kit, `drizzle.pg.config.ts`). */
export const pgMigrationsFolder = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../drizzle-pg',
);

/** Whether a DATABASE_URL names PostgreSQL (`postgres://` or `postgresql://`). */
export const isPostgresUrl = (url: string | undefined): url is string =>
  url !== undefined && /^postgres(ql)?:\/\//i.test(url);

/**
 * A pool on the database at `url`; close it with `db.$client.end()`. Its connections keep each
 * parameterised query prepared (statement-cache.ts) unless `config.Client` says otherwise.
 */
export function createPgDb(
  url: string,
  config: Omit<pg.PoolConfig, 'connectionString'> = {},
): PgDb {
  if (!/^postgres(ql)?:\/\//i.test(url))
    throw new Error(
      `A PostgreSQL DATABASE_URL starts with postgres:// or postgresql://, not "${url}".`,
    );
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    Client: statementCachingClient(),
    ...config,
  });
  // An idle client's error (the server restarted) must not crash the process: the pool drops it.
  pool.on('error', () => {});
  return drizzle(pool, { schema });
}

/**
 * Applies the checked-in PostgreSQL migrations; safe to run on every start and from several
 * servers at once (drizzle's migrator runs in one transaction; an advisory lock makes a second
 * server wait for the first instead of racing it).
 */
export async function migratePg(
  target: string | PgDb,
  migrationsFolder = pgMigrationsFolder,
): Promise<void> {
  const db = typeof target === 'string' ? createPgDb(target, { max: 1 }) : target;
  const client = await db.$client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [migrateLockKey]);
    try {
      await migrate(drizzle(client, { schema }), { migrationsFolder });
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [migrateLockKey]);
    }
  } finally {
    client.release();
    if (typeof target === 'string') await db.$client.end();
  }
}

/** Advisory lock keys Handoff takes (one namespace, so they never collide with each other). */
export const migrateLockKey = 0x48_44_00_01;
