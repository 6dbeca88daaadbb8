// One Reader for both engines (issue 20, stage 2). A repository function takes the handle first, asks
// it for its tables (`tablesOf(db)`) and awaits drizzle's builders, which both engines' drizzle
// databases run: a select awaited is its rows on SQLite and on PostgreSQL alike.
//
// The handle keeps the SQLite drizzle type on both engines: the pg schema's `$inferSelect` equals
// the SQLite schema's table by table (schema-pg/schema-pg.test.ts), so a query typed against the
// SQLite tables returns the rows it returns on pg. The casts that say so are here, and only here
// (`pgReader`, `tablesOf`, `asPg`). What the SQLite type allows but pg lacks (`.get()`, `.all()`,
// `.run()`, `db.all(sql…)`) stays out of functions that take a Reader; the repository tests on pg
// (repositories/repositories.pg.test.ts) run them there.
import { is } from 'drizzle-orm';
import { PgDatabase } from 'drizzle-orm/pg-core';
import type { Db } from './client';
// Type-only: a SQLite-only server never loads the pg driver.
import type { PgRead } from './pg/client';
import * as schema from './schema';
import * as pgSchema from './schema-pg';

export type Engine = 'sqlite' | 'pg';
/** The tables a repository queries: the SQLite schema's types, the engine's own tables. */
export type Tables = typeof schema;
type SqliteTx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** What repository functions read through: a database or an open transaction, of either engine. */
export type Reader = Db;
type Handle = Reader | SqliteTx;

/** Which engine a handle runs on (a pg transaction is a PgDatabase too). */
export const engineOf = (db: Handle): Engine => (is(db, PgDatabase) ? 'pg' : 'sqlite');

/** The handle's tables: the pg twins on PostgreSQL (same SQL names, same row types). */
export const tablesOf = (db: Handle): Tables =>
  engineOf(db) === 'pg' ? (pgSchema as unknown as Tables) : schema;

/** A PostgreSQL database or transaction as a Reader (the one cast in; see the top of this file). */
export const pgReader = (db: PgRead): Reader => db as unknown as Reader;

/** The PostgreSQL handle behind a Reader, for pg-only code (search's pg twin). */
export const asPg = (db: Handle): PgRead => db as unknown as PgRead;

/** The engine's implementation of one piece of engine-specific SQL (json_each, FTS, strftime…). */
export const perEngine = <T>(db: Handle, impl: { readonly [E in Engine]: T }): T =>
  impl[engineOf(db)];

/** The first row of a query (`.get()` on both engines): add `.limit(1)` where more could match. */
export async function first<T>(rows: PromiseLike<T[]>): Promise<T | undefined> {
  return (await rows)[0];
}

// SQLite's prepare takes no name; pg's names the server-side statement (one per connection).
type Preparable = { prepare(name: string): unknown };

/**
 * A query built and compiled once per handle, run with placeholders (`sql.placeholder`) on either
 * engine: SQLite's compiled statement, a named PostgreSQL prepared statement. For queries on every
 * request (drizzle otherwise rebuilds the SQL per call). `name` must be unique in the process.
 * `await statement.execute(values)` is its rows on both engines; the SQLite-only `…Sync` twins call
 * the same statement's `.get(values)` / `.all(values)`.
 */
export function prepared<P extends Preparable>(
  name: string,
  build: (db: Reader, t: Tables) => P,
): (db: Handle) => ReturnType<P['prepare']> {
  const built = new WeakMap<object, ReturnType<P['prepare']>>();
  return (db) => {
    let statement = built.get(db);
    if (statement === undefined) {
      statement = build(db as Reader, tablesOf(db)).prepare(name) as ReturnType<P['prepare']>;
      built.set(db, statement);
    }
    return statement;
  };
}

/** The largest id a keyset cursor may name on both engines (pg ids are 32-bit `integer`). */
export const noCursor = 2 ** 31 - 1;

/**
 * Something built once per engine from its tables (column maps, aliases), for the queries that
 * share it: `const columnsOf = perTables((t) => ({ id: t.incidents.id, … }))`, then `columnsOf(db)`.
 */
export function perTables<T>(build: (t: Tables) => T): (db: Handle) => T {
  const built = new Map<Tables, T>();
  return (db) => {
    const t = tablesOf(db);
    let value = built.get(t);
    if (value === undefined) {
      value = build(t);
      built.set(t, value);
    }
    return value;
  };
}
