// Issue 18 at a million incidents: the dashboard from the rollups equals the dashboard by scan (the
// oracle) on the seeded history, for whole-day and partial-day ranges and every team filter, after
// later writes (moves, ping-pong, resolve, a failed commit, a deletion), and after the migration's
// backfill recounts existing rows.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  buildDashboard,
  dashboardOf,
  diffIncident,
  type Incident,
  effects,
  incidentAudit,
  incidentEvent,
  incidentUpdate,
} from '@handoff/domain';
import { commitSync } from '../commit';
import {
  incidents,
  reportClocks,
  reportContacts,
  reportIncidentTeams,
  teams,
  users,
} from '../schema';
import { seedDemoHistory } from '../seed/demo-history';
import { createTestDb, migrationsFolder, type TestDb } from '../testing';
import { loadTotals, splitRange } from './report-totals';
import { load, names } from './reports';

const now = '2026-11-24T16:00:00.000Z';
let t: TestDb;
beforeAll(() => {
  t = createTestDb({ now });
  seedDemoHistory(t.db, { now });
}, 120_000);
afterAll(() => t.close());

const ranges = [
  // What the page asks: whole UTC days.
  { from: '2026-10-27T00:00:00.000Z', to: '2026-11-25T00:00:00.000Z' },
  // Starting and ending inside a day: the partial days are scanned.
  { from: '2026-11-03T13:30:00.000Z', to: '2026-11-20T09:15:00.000Z' },
  // Inside one day.
  { from: '2026-11-10T08:00:00.000Z', to: '2026-11-10T20:00:00.000Z' },
];

const both = async (f: { from: string; to: string; teamId?: number }) => ({
  rollup: dashboardOf(await loadTotals(t.db, f, now), await names(t.db)),
  scan: buildDashboard(await load(t.db, f), now),
});

const expectSame = async () => {
  const teamIds = t.db
    .select({ id: teams.id })
    .from(teams)
    .all()
    .map((r) => r.id);
  for (const range of ranges)
    for (const teamId of [undefined, ...teamIds]) {
      const { rollup, scan } = await both({ ...range, teamId });
      expect(rollup, JSON.stringify({ ...range, teamId })).toEqual(scan);
    }
};

describe('the dashboard from rollups', () => {
  test('splits a range into whole UTC days and partial ends', () => {
    expect(splitRange('2026-11-03T13:30:00.000Z', '2026-11-20T09:15:00.000Z')).toEqual({
      days: { from: '2026-11-04', to: '2026-11-20' },
      edges: [
        { from: '2026-11-03T13:30:00.000Z', to: '2026-11-04T00:00:00.000Z' },
        { from: '2026-11-20T00:00:00.000Z', to: '2026-11-20T09:15:00.000Z' },
      ],
    });
    expect(splitRange('2026-11-03T00:00:00.000Z', '2026-11-05T00:00:00.000Z')).toEqual({
      days: { from: '2026-11-03', to: '2026-11-05' },
      edges: [],
    });
  });

  test(
    'equals the scan on the seeded history, every range and team',
    { timeout: 120_000 },
    async () => {
      const { rollup } = await both(ranges[0]!);
      // The history is meaningful: contacts, SLA weeks, kept promises, ping-pong, misroutes.
      expect(rollup.summary.contacts).toBeGreaterThan(200);
      expect(rollup.slaByTeamWeek.length).toBeGreaterThan(4);
      expect(rollup.responseTimes.length).toBeGreaterThan(2);
      expect(rollup.pingPong.length).toBeGreaterThan(0);
      expect(rollup.summary.open).toBeGreaterThan(0);
      await expectSame();
    },
  );

  test(
    'follows later writes: moves, a ping-pong, a resolve; a failed commit changes nothing',
    { timeout: 120_000 },
    async () => {
      const db = t.db;
      const team = (name: string) => db.select().from(teams).where(eq(teams.name, name)).get()!.id;
      const [l1, cps, es] = [team('US - Help Desk'), team('US - Help Desk CPS'), team('HD ES')];
      const actor = db.select().from(users).get()!;
      const at = '2026-11-24T15:00:00.000Z';
      const write = (i: { id: number }, desired: Partial<Incident>, actorId = actor.id) =>
        commitSync(db, (read) => {
          const current = read.select().from(incidents).where(eq(incidents.id, i.id)).get()!;
          const { changes, audit } = diffIncident(
            { incident: current, actor: { id: actorId }, now: at },
            desired,
          );
          return effects(at, {
            writes: [incidentUpdate(current, changes, current.version)],
            audit: incidentAudit(current.id, audit),
            events: [
              incidentEvent(current.id, 'edited', actorId, current, { ...current, ...changes }),
            ],
          });
        });
      const inRange = db
        .select()
        .from(incidents)
        .where(sql`${incidents.createdAt} >= '2026-11-05' and ${incidents.ownerTeamId} = ${l1}`)
        .limit(3)
        .all();
      expect(inRange).toHaveLength(3);
      const [a, b, c] = [inRange[0]!, inRange[1]!, inRange[2]!];
      write(a, { ownerTeamId: cps });
      write(a, { ownerTeamId: l1 }); // L1 → CPS → L1
      write(b, { ownerTeamId: es, channel: 'email' });
      write(c, { status: 'resolved' });

      const contactsBefore = db.select().from(reportContacts).all();
      const movedBefore = db.select().from(reportIncidentTeams).all();
      // The audit row's actor does not exist: the commit fails after the incident's update, and the
      // trigger-kept counts roll back with it.
      expect(() => write(b, { ownerTeamId: cps }, 999_999)).toThrow();
      expect(db.select().from(reportContacts).all()).toEqual(contactsBefore);
      expect(db.select().from(reportIncidentTeams).all()).toEqual(movedBefore);
      await expectSame();

      db.delete(incidents).where(eq(incidents.id, c.id)).run();
      await expectSame();
    },
  );

  test(
    "the migration's backfill counts the existing rows as the triggers do",
    { timeout: 120_000 },
    async () => {
      const db = t.db;
      const kept = {
        contacts: db
          .select()
          .from(reportContacts)
          .where(sql`n <> 0`)
          .all(),
        clocks: db
          .select()
          .from(reportClocks)
          .where(sql`n <> 0`)
          .all(),
        teams: db.select().from(reportIncidentTeams).all(),
      };
      const migration = readFileSync(
        join(migrationsFolder, '0018_report_rollup_triggers.sql'),
        'utf8',
      );
      const backfill = migration
        .split('--> statement-breakpoint')
        .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
        .filter((s) => s.startsWith('INSERT INTO `report_'));
      expect(backfill).toHaveLength(4);
      // The migration counts before it creates the triggers; here they exist, and the insert trigger
      // of report_incident_teams counts those rows into report_contacts: so empty that one after it.
      db.delete(reportIncidentTeams).run();
      db.$client.exec(backfill[0]!);
      db.delete(reportContacts).run();
      db.delete(reportClocks).run();
      for (const statement of backfill.slice(1)) db.$client.exec(statement);
      const sort = <T>(xs: T[]) => xs.map((x) => JSON.stringify(x)).sort();
      expect(sort(db.select().from(reportContacts).all())).toEqual(sort(kept.contacts));
      expect(sort(db.select().from(reportClocks).all())).toEqual(sort(kept.clocks));
      expect(sort(db.select().from(reportIncidentTeams).all())).toEqual(sort(kept.teams));
      await expectSame();
    },
  );
});
