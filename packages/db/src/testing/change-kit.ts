// The change tests' kit (issue 12): every "commits exactly these events" and "a failure half-way
// leaves nothing" test opens an empty database, makes a later write fail and counts rows the same
// way, so each does it through these instead of a copy of its own. On either engine: with
// HANDOFF_TEST_ENGINE=pg the empty database is a PostgreSQL one (issue 20).
import { afterEach, beforeEach } from 'vitest';
import { count, sql } from 'drizzle-orm';
import { type SQLiteTable } from 'drizzle-orm/sqlite-core';
import { type Reader } from '../client';
import { asPg, first, perEngine, pgReader, tablesOf } from '../reader';
import type * as schema from '../schema';
import { createTestDb } from '../testing';

/** The engine the tests run on: SQLite, or PostgreSQL with HANDOFF_TEST_ENGINE=pg. */
export const testEngine = (): 'sqlite' | 'pg' =>
  process.env.HANDOFF_TEST_ENGINE === 'pg' ? 'pg' : 'sqlite';

/** An empty, migrated database of the test engine (no demo seed), and how to close it. */
export async function openEmptyDb(): Promise<{ db: Reader; close: () => void | Promise<void> }> {
  if (testEngine() === 'sqlite') return createTestDb({ seed: false });
  // Loaded only on pg: the SQLite suite never needs the pg driver or a cluster.
  const { createPgTestDb } = await import('../pg/testing');
  const copy = await createPgTestDb();
  return { db: pgReader(copy.db), close: copy.close };
}

/**
 * Registers hooks that give every test of the file its own empty, migrated database (no demo seed:
 * the test builds its rows); `use` receives it before each test.
 */
export function useEmptyDb(use: (db: Reader) => void | Promise<void>): void {
  let close: (() => void | Promise<void>) | undefined;
  beforeEach(async () => {
    const opened = await openEmptyDb();
    close = opened.close;
    await use(opened.db);
  });
  afterEach(async () => {
    await close?.();
    close = undefined;
  });
}

/**
 * A commit failing half-way: from now on every INSERT (or DELETE) on `table` (its SQL name) aborts
 * with "disk full", as a full disk would, so the steps of a commit before it must roll back.
 */
export async function refuseWrites(
  db: Reader,
  table: string,
  on: 'INSERT' | 'DELETE' = 'INSERT',
): Promise<void> {
  const name = `refuse_${on.toLowerCase()}_${table}`;
  await perEngine(db, {
    sqlite: () => {
      db.$client.exec(
        `CREATE TRIGGER ${name} BEFORE ${on} ON ${table} BEGIN SELECT RAISE(ABORT, 'disk full'); END;`,
      );
      return Promise.resolve();
    },
    pg: async () => {
      await asPg(db).execute(
        sql.raw(
          `CREATE OR REPLACE FUNCTION handoff_refuse_write() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$`,
        ),
      );
      await asPg(db).execute(
        sql.raw(
          `CREATE TRIGGER ${name} BEFORE ${on} ON ${table} FOR EACH ROW EXECUTE FUNCTION handoff_refuse_write()`,
        ),
      );
    },
  })();
}

type TableKey = {
  [K in keyof typeof schema]: (typeof schema)[K] extends SQLiteTable ? K : never;
}[keyof typeof schema];

/** How many rows each of `tables` (schema names) holds, for "nothing was left behind". */
export async function rowCounts<K extends TableKey>(
  db: Reader,
  tables: readonly K[],
): Promise<Record<K, number>> {
  const t = tablesOf(db);
  const counts: [K, number][] = [];
  for (const k of tables) {
    const row = await first(db.select({ n: count() }).from(t[k] as SQLiteTable));
    counts.push([k, row!.n]);
  }
  return Object.fromEntries(counts) as Record<K, number>;
}
