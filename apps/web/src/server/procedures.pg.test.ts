// Procedures on PostgreSQL (issue 20, stage 2): the seeded demo database moved to pg, and the real
// router called as demo users on both engines through the one Reader; the reads must be equal.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { queueSorts } from '@handoff/domain';
import { schema, type Db } from '@handoff/db';
import { copyToPg, type PgCopy } from '@handoff/db/pg/testing';
// The SQLite database these tests compare PostgreSQL with: opened on purpose in the pg run.
import { createTestDb, type TestDb } from '@handoff/db/testing';
import { callerFor, fixedClock, loginOf } from './test-callers';

let lite: TestDb;
let pgDb: PgCopy;
let pg: Db;
beforeAll(async () => {
  lite = createTestDb();
  pgDb = await copyToPg(lite.db);
  pg = pgDb.reader;
}, 60_000);
afterAll(async () => {
  lite?.close();
  await pgDb?.close();
});

type Caller = Awaited<ReturnType<typeof callerFor>>;

/** The same call as the same person on both engines, with the same clock; returns SQLite's. */
async function same<T>(email: string, call: (c: Caller) => Promise<T>): Promise<T> {
  const now = fixedClock();
  const onLite = await call(await callerFor(lite.db, email, now));
  const onPg = await call(await callerFor(pg, email, now));
  expect(onPg).toEqual(onLite);
  return onLite;
}

describe('the incident page and the queues read the same on PostgreSQL', () => {
  test('incident.byNumber for each incident, as L1 and as CPS', async () => {
    const incidents = lite.db.select().from(schema.incidents).all();
    expect(incidents.length).toBeGreaterThan(5);
    for (const { number } of incidents)
      for (const email of [loginOf.l1, loginOf.cps]) {
        const page = await same(email, (c) => c.incident.byNumber({ number }));
        expect(page.incident.number).toBe(number);
      }
  });

  test("queue.grid in every sort and queue.counts, for each of the CPS agent's teams", async () => {
    const cps = await callerFor(lite.db, loginOf.cps);
    const teams = await cps.queue.teams();
    expect(teams.length).toBeGreaterThan(0);
    let rows = 0;
    for (const { id: teamId } of teams) {
      await same(loginOf.cps, (c) => c.queue.counts({ teamId }));
      for (const sort of queueSorts) {
        const grid = await same(loginOf.cps, (c) => c.queue.grid({ teamId, sort, limit: 5 }));
        rows += grid.items.length;
      }
    }
    expect(rows).toBeGreaterThan(0);
  });
});

describe('administration reads the same on PostgreSQL', () => {
  test('admin.overview: the teams and every login by name', async () => {
    const overview = await same(loginOf.admin, (c) => c.admin.overview());
    expect(overview.users.length).toBeGreaterThan(5);
  });
});
