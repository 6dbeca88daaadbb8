// The pool's connections keep each parameterised query prepared (statement-cache.ts): PostgreSQL
// parses and analyses a query text once per connection instead of on every request.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import * as pgs from '../schema-pg';
import { createPgDb, type PgDb } from './client';
import { statementCachingClient, statementName } from './statement-cache';
import { createPgTestDb, type PgTestDb } from './testing';

let t: PgTestDb;
const pools: PgDb[] = [];
/** A pool of one connection, so every query below runs on the connection it then asks about. */
const onePool = (limit?: number) => {
  const db = createPgDb(t.url, {
    max: 1,
    ...(limit === undefined ? {} : { Client: statementCachingClient(limit) }),
  });
  pools.push(db);
  return db;
};
beforeAll(async () => {
  t = await createPgTestDb();
});
afterAll(async () => {
  for (const db of pools) await db.$client.end();
  await t.close();
});

/** The statements prepared on the pool's one connection (asked without parameters: not one itself). */
async function prepared(db: PgDb): Promise<{ name: string; statement: string }[]> {
  const { rows } = await db.$client.query<{ name: string; statement: string }>(
    'SELECT name, statement FROM pg_prepared_statements ORDER BY prepare_time',
  );
  return rows;
}

const byNumber = (db: PgDb, number: string) =>
  db
    .select({ id: pgs.incidents.id, number: pgs.incidents.number })
    .from(pgs.incidents)
    .where(eq(pgs.incidents.number, number));

describe('the statement cache', () => {
  test('a drizzle query with parameters is prepared under its text’s name, and later runs reuse it', async () => {
    const db = onePool();
    const text = byNumber(db, 'INC-X').toSQL().sql;
    expect(await byNumber(db, 'INC-X')).toEqual([]);
    expect(await byNumber(db, 'INC-Y')).toEqual([]);
    const rows = (await prepared(db)).filter((r) => r.statement === text);
    expect(rows).toEqual([{ name: statementName(text), statement: text }]);
  });

  test('inside a transaction too, and the rows come back as before (array row mode, types)', async () => {
    const db = onePool();
    const rows = await db.transaction(async (tx) =>
      tx.select({ n: sql<number>`${sql.param(41)}::int + 1` }).from(sql`(SELECT 1) AS one`),
    );
    expect(rows).toEqual([{ n: 42 }]);
    expect((await prepared(db)).map((r) => r.statement)).toEqual([
      expect.stringContaining('$1::int'),
    ]);
  });

  test('queries without parameters, and queries drizzle already named, are left as they are', async () => {
    const db = onePool();
    await db.execute(sql`SELECT 1`);
    await db.$client.query('SELECT 2');
    const named = db
      .select({ id: pgs.incidents.id })
      .from(pgs.incidents)
      .where(eq(pgs.incidents.id, sql.placeholder('id')))
      .prepare('by_id_for_the_cache_test');
    await named.execute({ id: 1 });
    expect((await prepared(db)).map((r) => r.name)).toEqual(['by_id_for_the_cache_test']);
  });

  test('past its limit a connection runs new texts unnamed, with the same results', async () => {
    const db = onePool(2);
    for (const n of [1, 2, 3, 4])
      expect((await db.$client.query(`SELECT $1::int + ${n} AS v`, [10])).rows).toEqual([
        { v: 10 + n },
      ]);
    // The first two stay prepared and are still reused.
    expect((await db.$client.query('SELECT $1::int + 1 AS v', [20])).rows).toEqual([{ v: 21 }]);
    expect((await prepared(db)).map((r) => r.statement)).toEqual([
      'SELECT $1::int + 1 AS v',
      'SELECT $1::int + 2 AS v',
    ]);
  });

  test('a query that fails to parse fails the same way again, and the connection goes on', async () => {
    const db = onePool();
    for (let i = 0; i < 2; i++)
      await expect(db.$client.query('SELECT nope FROM nowhere WHERE x = $1', [1])).rejects.toThrow(
        /relation "nowhere" does not exist/,
      );
    expect((await db.$client.query('SELECT $1::text AS v', ['ok'])).rows).toEqual([{ v: 'ok' }]);
    expect((await prepared(db)).map((r) => r.statement)).toEqual(['SELECT $1::text AS v']);
  });
});
