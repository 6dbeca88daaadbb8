// The pg migrations on a real PostgreSQL: every table and column of src/schema-pg, the queue-count
// triggers (SQLite migration 0014's twin) and full-text search (migration 0010's twin).
import { getTableColumns, getTableName, is, sql, Table } from 'drizzle-orm';
import pgJournal from '../../drizzle-pg/meta/_journal.json' with { type: 'json' };
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as pgSchema from '../schema-pg';
import { pgReader } from '../reader';
import { buildIncident, buildTeam } from '../testing/builders';
import { journalEntries, queueCounts } from '../schema-pg';
import { migratePg } from './client';
import { createPgTestDb, type PgTestDb } from './testing';

let t: PgTestDb;
beforeAll(async () => {
  t = await createPgTestDb();
});
afterAll(() => t.close());

const rows = async <T>(q: ReturnType<typeof sql>) => (await t.db.execute(q)).rows as T[];

describe('pg migrations', () => {
  test('create every table and column of the drizzle pg schema (plus the search vectors)', async () => {
    const found = await rows<{ table_name: string; column_name: string }>(
      sql`SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'`,
    );
    const byTable = new Map<string, string[]>();
    for (const r of found)
      byTable.set(r.table_name, [...(byTable.get(r.table_name) ?? []), r.column_name]);
    const tables = (Object.values(pgSchema) as unknown[]).filter((x): x is Table => is(x, Table));
    for (const table of tables) {
      const expected = Object.values(getTableColumns(table)).map((c) => c.name);
      const extra = ['incidents', 'journal_entries', 'problems', 'outages'].includes(
        getTableName(table),
      )
        ? ['search_vector']
        : [];
      expect(byTable.get(getTableName(table))?.sort(), getTableName(table)).toEqual(
        [...expected, ...extra].sort(),
      );
    }
    expect(tables.length).toBe(byTable.size);
  });

  test('run again, twice at once, change nothing', async () => {
    await Promise.all([migratePg(t.url), migratePg(t.url)]);
    const applied = await rows<{ n: string }>(
      sql`SELECT count(*) AS n FROM drizzle.__drizzle_migrations`,
    );
    // One row per migration in the journal: nothing ran twice.
    expect(applied).toEqual([{ n: String(pgJournal.entries.length) }]);
  });

  test('the generated queue keys compute as on SQLite', async () => {
    const i = await buildIncident(pgReader(t.db), {
      promises: { contactBy: '2026-11-25T15:00:00.000Z', respondBy: '2026-11-24T20:00:00.000Z' },
    });
    const [row] = await rows<{
      next_promise_at: string;
      owner_sort_id: number;
      next_breach_at: string;
    }>(
      sql`SELECT next_promise_at, owner_sort_id, next_breach_at FROM incidents WHERE id = ${i.id}`,
    );
    expect(row).toEqual({
      next_promise_at: '2026-11-24T20:00:00.000Z',
      owner_sort_id: 0,
      next_breach_at: '~',
    });
  });
});

describe('queue counts (trigger)', () => {
  const counts = async (teamId: number) =>
    Object.fromEntries(
      (
        await t.db
          .select()
          .from(queueCounts)
          .where(sql`${queueCounts.teamId} = ${teamId}`)
      ).map((r) => [r.status, r.n]),
    );

  test('follow inserts, status and team changes, and deletes; other edits leave them alone', async () => {
    const a = await buildTeam(pgReader(t.db));
    const b = await buildTeam(pgReader(t.db));
    const i = await buildIncident(pgReader(t.db), { ownerTeamId: a.id });
    await buildIncident(pgReader(t.db), { ownerTeamId: a.id });
    expect(await counts(a.id)).toEqual({ new: 2 });
    await t.db.execute(sql`UPDATE incidents SET status = 'in_progress' WHERE id = ${i.id}`);
    expect(await counts(a.id)).toEqual({ new: 1, in_progress: 1 });
    await t.db.execute(
      sql`UPDATE incidents SET description = 'edited', version = 2 WHERE id = ${i.id}`,
    );
    expect(await counts(a.id)).toEqual({ new: 1, in_progress: 1 });
    await t.db.execute(sql`UPDATE incidents SET owner_team_id = ${b.id} WHERE id = ${i.id}`);
    expect(await counts(a.id)).toEqual({ new: 1, in_progress: 0 });
    expect(await counts(b.id)).toEqual({ in_progress: 1 });
    await t.db.execute(sql`DELETE FROM incidents WHERE id = ${i.id}`);
    expect(await counts(b.id)).toEqual({ in_progress: 0 });
  });
});

describe('full-text search (tsvector, GIN)', () => {
  const matches = async (query: string) =>
    (
      await rows<{ id: number }>(
        sql`SELECT id FROM incidents WHERE search_vector @@ to_tsquery('simple', ${query}) ORDER BY id`,
      )
    ).map((r) => r.id);

  test('finds words and prefixes of the indexed fields, kept current on update', async () => {
    const i = await buildIncident(pgReader(t.db), {
      description: 'VPN drops every hour',
      computerName: 'DOIT-LT-4711',
    });
    expect(await matches('vpn')).toEqual([i.id]);
    expect(await matches('dro:*')).toEqual([i.id]);
    await t.db.execute(sql`UPDATE incidents SET description = 'Printer jam' WHERE id = ${i.id}`);
    expect(await matches('vpn')).toEqual([]);
    expect(await matches('printer')).toEqual([i.id]);
  });

  test("a customer's query (weights A and B) never matches the internal computer name", async () => {
    const i = await buildIncident(pgReader(t.db), {
      description: 'Laptop is slow',
      computerName: 'zebra-77',
    });
    expect(await matches('zebra:*')).toEqual([i.id]);
    expect(await matches('zebra:*AB')).toEqual([]);
    expect(await matches('laptop:AB')).toEqual([i.id]);
  });

  test('journal entries are indexed with their visibility beside them', async () => {
    const i = await buildIncident(pgReader(t.db));
    await t.db.insert(journalEntries).values([
      {
        incidentId: i.id,
        kind: 'note',
        visibility: 'internal',
        body: 'suspect firmware',
        createdAt: i.createdAt,
      },
      {
        incidentId: i.id,
        kind: 'note',
        visibility: 'customer',
        body: 'we are on it',
        createdAt: i.createdAt,
      },
    ]);
    const hit = await rows<{ visibility: string }>(
      sql`SELECT visibility FROM journal_entries WHERE search_vector @@ to_tsquery('simple', 'firmware')`,
    );
    expect(hit).toEqual([{ visibility: 'internal' }]);
  });
});
