// Issue 18: the dashboard, for team leads, HDQA and administrators, on seeded history.
import { afterEach, describe, expect, test } from 'vitest';
import { seedDemoHistory, type Db } from '@handoff/db';
import { createTestDb as createSqliteTestDb } from '@handoff/db/testing';
import { callerFor, fixedClock, rejectionOf, testEngine, useSeededDbs } from '../test-callers';

const dbs = useSeededDbs();
const now = '2026-11-24T16:00:00.000Z';

// The seeded demo with its history. seedDemoHistory writes SQLite (one sync transaction): on pg the
// history is seeded into a SQLite demo and that database moved to a PostgreSQL one of the test's own.
let closeHistory: (() => void | Promise<void>) | undefined;
afterEach(async () => {
  await closeHistory?.();
  closeHistory = undefined;
});
async function withHistory(): Promise<Db> {
  if (testEngine() === 'sqlite') {
    seedDemoHistory(dbs.db, { now });
    return dbs.db;
  }
  const lite = createSqliteTestDb();
  try {
    seedDemoHistory(lite.db, { now });
    const { copyToPg } = await import('@handoff/db/pg/testing');
    const copy = await copyToPg(lite.db);
    closeHistory = copy.close;
    return copy.reader;
  } finally {
    lite.close();
  }
}
const range = { from: '2026-10-20T00:00:00.000Z', to: '2026-11-25T00:00:00.000Z' };

describe('reports.dashboard', () => {
  test('HDQA sees every figure on the seeded history', { timeout: 120_000 }, async () => {
    const db = await withHistory();
    const d = await (
      await callerFor(db, 'hdqa@handoff.test', fixedClock(now))
    ).reports.dashboard(range);
    expect(d.summary.contacts).toBeGreaterThan(200);
    expect(d.contactsByHour).toHaveLength(24);
    expect(d.slaByTeamWeek.length).toBeGreaterThan(4);
    expect(d.promises[0]!.kept + d.promises[0]!.broken).toBeGreaterThan(10);
    expect(d.pingPong[0]!.route).toBe('US - Help Desk → US - Help Desk CPS → US - Help Desk');
    expect(d.misroutesByService.length).toBeGreaterThan(0);
  });

  test.each([
    ['admin@handoff.test', true],
    ['cps@handoff.test', true], // leads US - Help Desk CPS in the demo
    ['cps2@handoff.test', false],
    ['l1@handoff.test', false],
  ])('%s may see it: %s', async (email, allowed) => {
    const call = (await callerFor(dbs.db, email, fixedClock(now))).reports.dashboard(range);
    if (allowed) expect((await call).summary.open).toBeGreaterThan(0);
    else expect(await rejectionOf(call)).toMatchObject({ code: 'FORBIDDEN' });
  });

  test('a customer may not, and a backwards range is refused', async () => {
    expect(
      await rejectionOf(
        (await callerFor(dbs.db, 'customer@handoff.test')).reports.dashboard(range),
      ),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(
      await rejectionOf(
        (await callerFor(dbs.db, 'hdqa@handoff.test')).reports.dashboard({
          from: range.to,
          to: range.from,
        }),
      ),
    ).toMatchObject({ code: 'BAD_REQUEST' });
  });

  test('the team filter keeps that team’s incidents and clocks', { timeout: 120_000 }, async () => {
    const db = await withHistory();
    const hdqa = await callerFor(db, 'hdqa@handoff.test', fixedClock(now));
    const teams = await hdqa.catalog.teams();
    const cps = teams.find((t) => t.name === 'US - Help Desk CPS')!.id;
    const all = await hdqa.reports.dashboard(range);
    const only = await hdqa.reports.dashboard({ ...range, teamId: cps });
    expect(only.summary.contacts).toBeLessThan(all.summary.contacts);
    expect(new Set(only.slaByTeamWeek.map((r) => r.team))).toEqual(new Set(['US - Help Desk CPS']));
  });
});
