// Inserts the commit module runs on every write, prepared once per connection and row shape.
// drizzle otherwise builds each INSERT's SQL anew on every call, and in a create that building cost
// more than SQLite's own work (issue 16).
import { sql } from 'drizzle-orm';
import { type SQLiteTable } from 'drizzle-orm/sqlite-core';
import { type Db } from '../client';

type Row = Record<string, unknown>;
interface Prepared {
  get: (values: Row) => unknown;
  run: (values: Row) => unknown;
}

const cache = new WeakMap<Db, WeakMap<SQLiteTable, Map<string, Prepared>>>();

/**
 * The shape of a row: its keys, and which of them are null. A null is written into the SQL rather
 * than bound, because drizzle maps a bound value through the column's encoder, and a json column
 * would store the text `null` where an unprepared insert stores SQL NULL. Keys left undefined take
 * the column's default, as in an unprepared insert (no column has a per-call `$defaultFn`, which a
 * prepared statement would freeze).
 */
function shapeOf(values: Row): { key: string; bound: string[]; nulls: string[] } {
  const bound: string[] = [];
  const nulls: string[] = [];
  for (const k of Object.keys(values).sort()) {
    const v = values[k];
    if (v === null) nulls.push(k);
    else if (v !== undefined) bound.push(k);
  }
  return { key: `${bound.join(',')}|${nulls.join(',')}`, bound, nulls };
}

function statementFor(db: Db, table: SQLiteTable, values: Row, returning: boolean): Prepared {
  let byTable = cache.get(db);
  if (!byTable) cache.set(db, (byTable = new WeakMap()));
  let byShape = byTable.get(table);
  if (!byShape) byTable.set(table, (byShape = new Map<string, Prepared>()));
  const shape = shapeOf(values);
  const key = `${returning ? 'r' : 'n'}|${shape.key}`;
  let statement = byShape.get(key);
  if (!statement) {
    const row: Row = {};
    for (const k of shape.bound) row[k] = sql.placeholder(k);
    for (const k of shape.nulls) row[k] = null;
    const insert = db.insert(table).values(row as never);
    statement = returning ? insert.returning().prepare() : insert.prepare();
    byShape.set(key, statement);
  }
  return statement;
}

/** INSERT … RETURNING * of one row. */
export const insertReturning = <T>(db: Db, table: SQLiteTable, values: Row): T =>
  statementFor(db, table, values, true).get(values) as T;

/** INSERT of one row. */
export const insertRow = (db: Db, table: SQLiteTable, values: Row): void => {
  statementFor(db, table, values, false).run(values);
};
