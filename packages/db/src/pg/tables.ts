// The PostgreSQL table of each aggregate, found by SQL name from the SQLite map (commit/tables.ts),
// so a new aggregate is registered once, there, and both engines store it.
import { getTableName, is, Table } from 'drizzle-orm';
import { type PgTable } from 'drizzle-orm/pg-core';
import { type AuditEntity, type EntityName, type JournalEntity } from '@handoff/domain';
import * as pgSchema from '../schema-pg';
import { auditTables, entityTables, journalTables } from '../commit/tables';

const byName = new Map<string, PgTable>(
  (Object.values(pgSchema) as unknown[])
    .filter((t): t is PgTable => is(t, Table))
    .map((t) => [getTableName(t), t] as const),
);

/** The pg twin of a SQLite table (the schema test keeps every table mirrored). */
export function pgTwin(table: Table): PgTable {
  const twin = byName.get(getTableName(table));
  if (!twin) throw new Error(`src/schema-pg has no table ${getTableName(table)}.`);
  return twin;
}

const mapValues = <K extends string, A, B>(o: { readonly [k in K]: A }, f: (a: A) => B) =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v as A)])) as { [k in K]: B };

export const pgEntityTables: { readonly [E in EntityName]: PgTable } = mapValues(
  entityTables,
  pgTwin,
);

export const pgJournalTables: {
  readonly [E in JournalEntity]: { table: PgTable; owner: string };
} = mapValues(journalTables, ({ table, owner }) => ({ table: pgTwin(table), owner }));

export const pgAuditTables: { readonly [E in AuditEntity]: { table: PgTable; owner: string } } =
  mapValues(auditTables, ({ table, owner }) => ({ table: pgTwin(table), owner }));
