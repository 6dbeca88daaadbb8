// The SQLite → PostgreSQL move on the demo database: every table's count equal on both sides, an
// incident with its journal reading the same on both, the types (booleans, jsonb, bigints, bytea)
// intact, the identity sequences continuing after the copied ids, and a second run refused.
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { asc, eq, sql } from 'drizzle-orm';
import { createTestDb, type TestDb } from '../testing';
import { seedDemoData } from '../seed/demo';
import * as lite from '../schema';
import * as pgs from '../schema-pg';
import { formatCounts, moveSqliteToPg, MoveRefused, tablesInDependencyOrder } from './to-pg';
import { createPgTestDb, type PgTestDb } from './testing';

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

let sqlite: TestDb;
let pg: PgTestDb;
beforeAll(async () => {
  sqlite = createTestDb({ seed: false });
  seedDemoData(sqlite.db, { now: '2026-11-24T16:00:00.000Z' });
  pg = await createPgTestDb();
}, 60_000);
afterAll(async () => {
  sqlite.close();
  await pg.close();
});

describe('the move from SQLite to PostgreSQL', () => {
  test('tables come after the tables their foreign keys point at', () => {
    const order = tablesInDependencyOrder().map((t) => t.name);
    expect(order.indexOf('teams')).toBeLessThan(order.indexOf('incidents'));
    expect(order.indexOf('incidents')).toBeLessThan(order.indexOf('journal_entries'));
    expect(new Set(order).size).toBe(order.length);
  });

  test('copies every table of the demo database with equal counts, the same rows and working ids', async () => {
    const counts = await moveSqliteToPg(sqlite.db, pg.db, { batchSize: 7 });
    expect(counts.filter((c) => c.sqlite !== c.pg)).toEqual([]);
    const count = (table: string) => counts.find((c) => c.table === table)!;
    for (const table of ['incidents', 'journal_entries', 'audit_events', 'users', 'queue_counts'])
      expect(count(table).pg).toBeGreaterThan(0);
    expect(formatCounts(counts)).not.toContain('DIFFERENT');

    // An incident with a journal reads the same on both sides (row types are equal per table).
    const [withJournal] = sqlite.db.all<{ id: number }>(
      sql`SELECT incident_id AS id FROM journal_entries GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
    );
    const id = withJournal!.id;
    const liteIncident = sqlite.db
      .select()
      .from(lite.incidents)
      .where(eq(lite.incidents.id, id))
      .get();
    const [pgIncident] = await pg.db.select().from(pgs.incidents).where(eq(pgs.incidents.id, id));
    expect(pgIncident).toEqual(liteIncident);
    const liteJournal = sqlite.db
      .select()
      .from(lite.journalEntries)
      .where(eq(lite.journalEntries.incidentId, id))
      .orderBy(asc(lite.journalEntries.id))
      .all();
    expect(liteJournal.length).toBeGreaterThan(1);
    expect(
      await pg.db
        .select()
        .from(pgs.journalEntries)
        .where(eq(pgs.journalEntries.incidentId, id))
        .orderBy(asc(pgs.journalEntries.id)),
    ).toEqual(liteJournal);
    // Whole tables with booleans, json and bigints compare equal too.
    expect(await pg.db.select().from(pgs.users).orderBy(asc(pgs.users.id))).toEqual(
      sqlite.db.select().from(lite.users).orderBy(asc(lite.users.id)).all(),
    );
    expect(await pg.db.select().from(pgs.slaClocks).orderBy(asc(pgs.slaClocks.id))).toEqual(
      sqlite.db.select().from(lite.slaClocks).orderBy(asc(lite.slaClocks.id)).all(),
    );
    // The derived counts were copied, not counted again by the target's triggers.
    expect(
      await pg.db
        .select()
        .from(pgs.queueCounts)
        .orderBy(asc(pgs.queueCounts.teamId), asc(pgs.queueCounts.status)),
    ).toEqual(
      sqlite.db
        .select()
        .from(lite.queueCounts)
        .orderBy(asc(lite.queueCounts.teamId), asc(lite.queueCounts.status))
        .all(),
    );
    // The search vectors were generated for the copied rows.
    const { rows } = await pg.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM incidents WHERE search_vector IS NULL OR search_vector = ''::tsvector`,
    );
    expect(rows[0]!.n).toBe(0);
    // The planner has statistics for the copied rows at once, and their pages are marked all-visible
    // (the move vacuumed and analysed them): autovacuum has nothing left to do after a move.
    const maintained = await pg.db.execute<{ table: string }>(
      sql`SELECT relname AS table FROM pg_stat_user_tables
          WHERE last_analyze IS NOT NULL AND last_vacuum IS NOT NULL`,
    );
    expect(maintained.rows.map((r) => r.table)).toEqual(
      expect.arrayContaining(['incidents', 'journal_entries', 'audit_events']),
    );
    const visible = await pg.db.execute<{ pages: number; visible: number }>(
      sql`SELECT relpages AS pages, relallvisible AS visible FROM pg_class WHERE relname = 'incidents'`,
    );
    expect(visible.rows[0]!.pages).toBeGreaterThan(0);
    expect(visible.rows[0]!.visible).toBe(visible.rows[0]!.pages);
    // The identity sequences continue after the copied ids, and the triggers are back on.
    const max = sqlite.db.get<{ n: number }>(sql`SELECT max(id) AS n FROM journal_entries`).n;
    const [entry] = await pg.db
      .insert(pgs.journalEntries)
      .values({
        incidentId: id,
        kind: 'note',
        visibility: 'internal',
        body: 'After the move',
        createdAt: '2026-11-25T00:00:00.000Z',
      })
      .returning();
    expect(entry!.id).toBe(max + 1);
    const before = await pg.db.select().from(pgs.queueCounts);
    const [inc] = await pg.db.select().from(pgs.incidents).where(eq(pgs.incidents.id, id));
    await pg.db
      .update(pgs.incidents)
      .set({ status: inc!.status === 'new' ? 'in_progress' : 'new' })
      .where(eq(pgs.incidents.id, id));
    expect(await pg.db.select().from(pgs.queueCounts)).not.toEqual(before);
  });

  test('a second run is refused with a clear message and writes nothing', async () => {
    const before = await pg.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM incidents`,
    );
    const run = moveSqliteToPg(sqlite.db, pg.db);
    await expect(run).rejects.toBeInstanceOf(MoveRefused);
    await expect(run).rejects.toThrow(/not empty .*nothing was written/);
    const after = await pg.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM incidents`);
    expect(after.rows).toEqual(before.rows);
  });

  test('the command prints the counts, exits 0 on a fresh target and 2 on a used one', async () => {
    const target = await createPgTestDb();
    try {
      const run = () =>
        spawnSync(
          'node_modules/.bin/tsx',
          ['src/pg/to-pg-cli.ts', '--', '--from', sqlite.path, '--to', target.url],
          { cwd: packageDir, encoding: 'utf8', timeout: 60_000 },
        );
      const first = run();
      expect(first.stderr).toBe('');
      expect(first.status).toBe(0);
      expect(first.stdout).toMatch(/^incidents\s+\d+\s+\d+$/m);
      expect(first.stdout).toContain('have the same counts on both sides');
      const second = run();
      expect(second.status).toBe(2);
      expect(second.stderr).toContain('The target PostgreSQL database is not empty');
      const missing = spawnSync(
        'node_modules/.bin/tsx',
        ['src/pg/to-pg-cli.ts', '--from', '/nonexistent/handoff.db', '--to', target.url],
        { cwd: packageDir, encoding: 'utf8', timeout: 60_000 },
      );
      expect(missing.status).toBe(2);
      expect(missing.stderr).toContain('No SQLite database at /nonexistent/handoff.db');
    } finally {
      await target.close();
    }
  }, 120_000);
});
