// The move from SQLite to PostgreSQL (issue 20): `pnpm db:to-pg -- --from data/handoff.db --to postgres://…`.
// Migrates the target, refuses one that holds any row, copies every table of the schema in foreign-key
// order in batches, in one transaction (a failure leaves the target as empty as it was), resets the
// identity sequences, then counts both sides.
//
// Rows travel as drizzle row objects: the pg schema's row types equal the SQLite schema's table by table
// (schema-pg.test.ts), so a SQLite row read through src/schema is a valid insert into its src/schema-pg
// twin: booleans, json → jsonb, epoch-ms bigints and blobs → bytea are converted by the two schemas.
// The derived tables (queue counts, dashboard rollups) are copied as they are, with the target's own
// triggers switched off for the copy (ALTER TABLE … DISABLE TRIGGER USER, undone before COMMIT), so they
// are neither counted twice nor recomputed; the generated search vectors fill themselves.
import { getTableColumns, getTableName, is, sql, Table } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { type SQLiteTable } from 'drizzle-orm/sqlite-core';
import { type Db } from '../client';
import * as liteSchema from '../schema';
import { migratePg, type PgDb } from './client';
import { pgTwin } from './tables';

export interface TableCount {
  table: string;
  sqlite: number;
  pg: number;
}

/** Refused before anything was written (the target already holds rows). */
export class MoveRefused extends Error {}

/** Every table of the schema, each after the tables its foreign keys point at. */
export function tablesInDependencyOrder(): { lite: SQLiteTable; pg: PgTable; name: string }[] {
  const all = (Object.values(liteSchema) as unknown[])
    .filter((t): t is SQLiteTable => is(t, Table))
    .map((lite) => ({ lite, pg: pgTwin(lite), name: getTableName(lite) }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const byName = new Map(all.map((t) => [t.name, t]));
  const ordered: typeof all = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, path: string[]) => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting')
      throw new Error(`Foreign keys form a cycle: ${[...path, name].join(' → ')}.`);
    state.set(name, 'visiting');
    const t = byName.get(name)!;
    for (const fk of getTableConfig(t.pg).foreignKeys) {
      const target = getTableName(fk.reference().foreignTable);
      // A table pointing at itself is copied in key order (parents have smaller ids).
      if (target !== name) visit(target, [...path, name]);
    }
    state.set(name, 'done');
    ordered.push(t);
  };
  for (const t of all) visit(t.name, []);
  return ordered;
}

/** pg allows 65,535 parameters per statement; a batch stays well under it. */
const batchRows = (columns: number, wanted: number) =>
  Math.max(1, Math.min(wanted, Math.floor(60_000 / columns)));

async function countsOf(sqlite: Db, pg: PgDb) {
  const counts: TableCount[] = [];
  for (const t of tablesInDependencyOrder()) {
    const lite = sqlite.get<{ n: number }>(sql`SELECT count(*) AS n FROM ${t.lite}`);
    const { rows } = await pg.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${t.pg}`);
    counts.push({ table: t.name, sqlite: lite.n, pg: rows[0]!.n });
  }
  return counts;
}

export interface MoveOptions {
  /** Rows per insert (fewer for wide tables); default 1,000. */
  batchSize?: number;
  /** Progress lines (default: none). */
  log?: (line: string) => void;
  /** The PostgreSQL migrations applied first (default: the package's `drizzle-pg`). */
  pgMigrations?: string;
}

/**
 * Copies the SQLite database into the (migrated, empty) PostgreSQL one; returns the per-table counts
 * of both sides after the copy. Throws MoveRefused when the target holds any row.
 */
export async function moveSqliteToPg(
  sqlite: Db,
  pg: PgDb,
  options: MoveOptions = {},
): Promise<TableCount[]> {
  const log = options.log ?? (() => {});
  await migratePg(pg, options.pgMigrations);
  const tables = tablesInDependencyOrder();
  const filled: string[] = [];
  for (const t of tables) {
    const { rows } = await pg.execute<{ any: boolean }>(
      sql`SELECT EXISTS (SELECT 1 FROM ${t.pg}) AS any`,
    );
    if (rows[0]!.any) filled.push(t.name);
  }
  if (filled.length > 0)
    throw new MoveRefused(
      `The target PostgreSQL database is not empty (rows in ${filled.slice(0, 5).join(', ')}${
        filled.length > 5 ? ` and ${filled.length - 5} more tables` : ''
      }). Move into a new, empty database (CREATE DATABASE … LC_COLLATE 'C' TEMPLATE template0); nothing was written.`,
    );
  const wanted = options.batchSize ?? 1000;
  const withTriggers = (
    await pg.execute<{ table: string }>(sql`
      SELECT DISTINCT c.relname AS table FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid
      JOIN pg_namespace s ON s.oid = c.relnamespace
      WHERE NOT g.tgisinternal AND s.nspname = current_schema() ORDER BY 1`)
  ).rows.map((r) => r.table);
  await pg.transaction(async (tx) => {
    // The move is durable when it says so, whatever the server's synchronous_commit: the commit
    // waits for its WAL to reach the disk (and only then can the VACUUM below mark the copied pages
    // all-visible, which needs the inserting transaction's commit flushed).
    await tx.execute(sql`SET LOCAL synchronous_commit = on`);
    for (const table of withTriggers)
      await tx.execute(sql`ALTER TABLE ${sql.identifier(table)} DISABLE TRIGGER USER`);
    for (const t of tables) {
      const columns = getTableColumns(t.lite);
      const size = batchRows(Object.keys(columns).length, wanted);
      let after = 0;
      let copied = 0;
      for (;;) {
        const batch = sqlite
          .select({ ...columns, rowid__: sql<number>`rowid` })
          .from(t.lite)
          .where(sql`rowid > ${after}`)
          .orderBy(sql`rowid`)
          .limit(size)
          .all() as (Record<string, unknown> & { rowid__: number })[];
        if (batch.length === 0) break;
        after = batch.at(-1)!.rowid__;
        await tx.insert(t.pg).values(batch.map(({ rowid__: _, ...row }) => row));
        copied += batch.length;
      }
      if (copied > 0) log(`  copied ${t.name}: ${copied.toLocaleString('en-US')} rows`);
    }
    for (const table of withTriggers)
      await tx.execute(sql`ALTER TABLE ${sql.identifier(table)} ENABLE TRIGGER USER`);
    // Identity columns continue after the highest copied id (pg_get_serial_sequence names their sequence).
    const identities = await tx.execute<{ table: string; column: string }>(sql`
      SELECT table_name AS table, column_name AS column FROM information_schema.columns
      WHERE table_schema = current_schema() AND is_identity = 'YES'`);
    for (const { table, column } of identities.rows)
      await tx.execute(sql`
        SELECT setval(pg_get_serial_sequence(${table}, ${column}),
          coalesce((SELECT max(${sql.identifier(column)}) FROM ${sql.identifier(table)}), 0) + 1, false)`);
  });
  // Vacuumed and analysed now, not when autovacuum gets round to them: a moved database of a million
  // incidents otherwise serves its first minutes on row-count guesses, with no index-only scans (the
  // visibility map is empty) and with autovacuum's insert-triggered passes over every copied table
  // competing for the CPU (the benchmark's first PostgreSQL run after a move: its bare ceilings fell
  // to half while they ran). VACUUM cannot run in a transaction; this is after the commit.
  await pg.execute(sql`VACUUM (ANALYZE)`);
  return countsOf(sqlite, pg);
}

/** The counts as a table for the terminal, with a mark on every table whose counts differ. */
export function formatCounts(counts: TableCount[]): string {
  const width = Math.max(...counts.map((c) => c.table.length), 5);
  const lines = [`${'table'.padEnd(width)}  ${'sqlite'.padStart(10)}  ${'postgres'.padStart(10)}`];
  for (const c of counts)
    lines.push(
      `${c.table.padEnd(width)}  ${String(c.sqlite).padStart(10)}  ${String(c.pg).padStart(10)}${
        c.sqlite === c.pg ? '' : '  DIFFERENT'
      }`,
    );
  return lines.join('\n');
}
