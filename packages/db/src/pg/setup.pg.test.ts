// A server's first start on PostgreSQL (issue 20): setupPg migrates and loads the same initial data a
// new SQLite database gets (the demo, or the reference data only), once, even when servers start
// together; a database with data is left as it is.
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { count, sql } from 'drizzle-orm';
import { createTestDb, migrationsFolder, type TestDb } from '../testing';
import { loadInitialData } from '../seed/initial-data';
import * as pgs from '../schema-pg';
import { createPgDb } from './client';
import { setupPg } from './setup';
import { createAdminLogin } from '../seed/create-admin';
import { pgReader } from '../reader';
import { verifyPassword } from '../password';
import { tablesInDependencyOrder } from './to-pg';
import { createPgTestDb, type PgTestDb } from './testing';

const now = '2026-11-24T16:00:00.000Z';
const opened: PgTestDb[] = [];
const fresh = async () => {
  const t = await createPgTestDb();
  opened.push(t);
  return t;
};
afterEach(async () => {
  for (const t of opened.splice(0)) await t.close();
});

let lite: TestDb | undefined;
afterAll(() => lite?.close());

/** Rows per table on the pg side. */
async function pgCounts(t: PgTestDb): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tablesInDependencyOrder()) {
    const { rows } = await t.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM ${table.pg}`,
    );
    counts[table.name] = rows[0]!.n;
  }
  return counts;
}

describe('setupPg: the first start of a PostgreSQL database', () => {
  test('a new database gets the demo data a new SQLite database gets, table by table', async () => {
    lite = createTestDb({ seed: false });
    expect(loadInitialData(lite.db, { now, demo: true })).toBe('demo');
    const liteCounts: Record<string, number> = {};
    for (const table of tablesInDependencyOrder())
      liteCounts[table.name] = lite.db.get<{ n: number }>(
        sql`SELECT count(*) AS n FROM ${table.lite}`,
      ).n;

    const t = await fresh();
    const loaded = await setupPg(t.db, { now, demo: true, sqliteMigrations: migrationsFolder });
    expect(loaded).toBe('demo');
    expect(await pgCounts(t)).toEqual(liteCounts);
    expect(liteCounts.users).toBeGreaterThan(5);
    // A second start finds the data and leaves it as it is.
    expect(await setupPg(t.db, { now, demo: true, sqliteMigrations: migrationsFolder })).toBe(
      'existing',
    );
    expect(await pgCounts(t)).toEqual(liteCounts);
    // Ids continue after the copied rows: a new team gets the next id, not a taken one.
    const highest = lite.db.get<{ id: number }>(sql`SELECT max(id) AS id FROM teams`).id;
    const [team] = await t.db
      .insert(pgs.teams)
      .values({ name: 'After the seed', kind: 'support' })
      .returning();
    expect(team!.id).toBe(highest + 1);
  }, 60_000);

  test('HANDOFF_DEMO_DATA=0: the reference data only, and no login', async () => {
    const t = await fresh();
    expect(await setupPg(t.db, { now, demo: false, sqliteMigrations: migrationsFolder })).toBe(
      'reference',
    );
    const [teams] = await t.db.select({ n: count() }).from(pgs.teams);
    const [users] = await t.db.select({ n: count() }).from(pgs.users);
    expect(teams!.n).toBeGreaterThan(3);
    expect(users!.n).toBe(0);
    // The first administrator (npm run admin:create) on pg, audited; a second one refused.
    const strong = 'correct horse battery staple';
    const made = await createAdminLogin(
      pgReader(t.db),
      { email: 'Boss@Wisc.edu', name: 'Boss', password: strong },
      now,
    );
    const [boss] = await t.db.select().from(pgs.users);
    expect(boss).toMatchObject({ id: made.id, email: 'boss@wisc.edu', role: 'admin' });
    expect(await verifyPassword(strong, boss!.passwordHash)).toBe(true);
    const audit = await t.db.select().from(pgs.adminAudit);
    expect(audit).toMatchObject([{ actorId: made.id, field: 'created', toValue: 'administrator' }]);
    await expect(
      createAdminLogin(
        pgReader(t.db),
        { email: 'two@wisc.edu', name: 'Two', password: strong },
        now,
      ),
    ).rejects.toThrow(/exists already/);
  }, 60_000);

  test('two servers starting together on one new database seed it once', async () => {
    const t = await fresh();
    const other = createPgDb(t.url);
    try {
      const results = await Promise.all([
        setupPg(t.db, { now, demo: false, sqliteMigrations: migrationsFolder }),
        setupPg(other, { now, demo: false, sqliteMigrations: migrationsFolder }),
      ]);
      expect(results.sort()).toEqual(['existing', 'reference']);
      const single = await fresh();
      await setupPg(single.db, { now, demo: false, sqliteMigrations: migrationsFolder });
      expect(await pgCounts(t)).toEqual(await pgCounts(single));
    } finally {
      await other.$client.end();
    }
  }, 60_000);
});
