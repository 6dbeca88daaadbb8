// The change tests' kit (issue 12): every "commits exactly these events" and "a failure half-way
// leaves nothing" test opens an empty database, makes a later write fail and counts rows the same
// way, so each does it through these instead of a copy of its own.
import { afterEach, beforeEach } from 'vitest';
import { count } from 'drizzle-orm';
import { type SQLiteTable } from 'drizzle-orm/sqlite-core';
import { type Db } from '../client';
import * as schema from '../schema';
import { createTestDb, type TestDb } from '../testing';

/**
 * Registers hooks that give every test of the file its own empty, migrated database (no demo seed:
 * the test builds its rows); `use` receives it before each test.
 */
export function useEmptyDb(use: (db: Db) => void): void {
  let t: TestDb | undefined;
  beforeEach(() => {
    t = createTestDb({ seed: false });
    use(t.db);
  });
  afterEach(() => {
    t?.close();
    t = undefined;
  });
}

/**
 * A commit failing half-way: from now on every INSERT (or DELETE) on `table` aborts with
 * "disk full", as a full disk would, so the steps of a commit before it must roll back.
 */
export function refuseWrites(db: Db, table: string, on: 'INSERT' | 'DELETE' = 'INSERT'): void {
  const name = `refuse_${on.toLowerCase()}_${table}`;
  db.$client.exec(
    `CREATE TRIGGER ${name} BEFORE ${on} ON ${table} BEGIN SELECT RAISE(ABORT, 'disk full'); END;`,
  );
}

type TableKey = {
  [K in keyof typeof schema]: (typeof schema)[K] extends SQLiteTable ? K : never;
}[keyof typeof schema];

/** How many rows each of `tables` (schema names) holds, for "nothing was left behind". */
export function rowCounts<K extends TableKey>(db: Db, tables: readonly K[]): Record<K, number> {
  return Object.fromEntries(
    tables.map((k) => [
      k,
      db
        .select({ n: count() })
        .from(schema[k] as SQLiteTable)
        .get()!.n,
    ]),
  ) as Record<K, number>;
}
