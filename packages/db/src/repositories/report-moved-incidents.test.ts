// Issue 18: the dashboard's routes (transfers per incident, ping-pong, misroutes by service) read one
// row per moved incident (`report_moved_incidents`, kept by the triggers of migration
// `report_moved_incident_triggers`) instead of the audit rows: the row follows moves, a service
// change and a deletion, the migration's backfill builds the same rows, and the dashboard equals the
// scan (the oracle) over whole-day, partial-day and team-filtered ranges.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  buildDashboard,
  dashboardOf,
  diffIncident,
  effects,
  type Incident,
  incidentAudit,
  incidentEvent,
  incidentUpdate,
} from '@handoff/domain';
import { commitSync } from '../commit';
import { incidents, reportMovedIncidents } from '../schema';
import { createTestDb, migrationsFolder, type TestDb } from '../testing';
import { buildIncident, buildService, buildTeam, buildUser } from '../testing/builders';
import { loadTotals } from './report-totals';
import { load, names } from './reports';

const now = '2026-11-24T16:00:00.000Z';
let t: TestDb;
beforeAll(() => {
  t = createTestDb({ seed: false, now });
});
afterAll(() => t.close());

const write = (id: number, desired: Partial<Incident>, actorId: number) =>
  commitSync(t.db, (read) => {
    const current = read.select().from(incidents).where(eq(incidents.id, id)).get()!;
    const { changes, audit } = diffIncident(
      { incident: current, actor: { id: actorId }, now },
      desired,
    );
    return effects(now, {
      writes: [incidentUpdate(current, changes, current.version)],
      audit: incidentAudit(current.id, audit),
      events: [incidentEvent(current.id, 'edited', actorId, current, { ...current, ...changes })],
    });
  });

const rowOf = (id: number) =>
  t.db.select().from(reportMovedIncidents).where(eq(reportMovedIncidents.incidentId, id)).get();

const ranges = [
  { from: '2026-11-01T00:00:00.000Z', to: '2026-11-25T00:00:00.000Z' },
  { from: '2026-11-10T13:30:00.000Z', to: '2026-11-20T09:15:00.000Z' },
  { from: '2026-11-12T00:00:00.000Z', to: '2026-11-13T00:00:00.000Z' },
];
const expectSame = async (teamIds: readonly number[]) => {
  for (const range of ranges)
    for (const teamId of [undefined, ...teamIds]) {
      const f = { ...range, teamId };
      const rollup = dashboardOf(await loadTotals(t.db, f, now), await names(t.db));
      expect(rollup, JSON.stringify(f)).toEqual(buildDashboard(await load(t.db, f), now));
    }
};

describe('report_moved_incidents', () => {
  test('keeps the moves A → B → A, a service change and a deletion; the routes equal the scan', async () => {
    const [a, b, c] = [await buildTeam(t.db), await buildTeam(t.db), await buildTeam(t.db)];
    const actor = await buildUser(t.db, {}, [a.id]);
    const service = await buildService(t.db);
    const pingPong = await buildIncident(t.db, {
      ownerTeamId: a.id,
      createdAt: '2026-11-12T10:00:00.000Z',
    });
    const twice = await buildIncident(t.db, {
      ownerTeamId: a.id,
      createdAt: '2026-11-15T10:00:00.000Z',
    });
    const gone = await buildIncident(t.db, {
      ownerTeamId: b.id,
      createdAt: '2026-11-16T10:00:00.000Z',
    });
    await buildIncident(t.db, { ownerTeamId: a.id, createdAt: '2026-11-17T10:00:00.000Z' });
    expect(rowOf(pingPong.id)).toBeUndefined();

    write(pingPong.id, { ownerTeamId: b.id }, actor.id);
    write(pingPong.id, { ownerTeamId: a.id }, actor.id);
    expect(rowOf(pingPong.id)).toEqual({
      incidentId: pingPong.id,
      createdAt: pingPong.createdAt,
      serviceId: pingPong.serviceId,
      ownerTeamId: a.id,
      path: `${a.id}>${b.id},${b.id}>${a.id}`,
    });
    write(twice.id, { ownerTeamId: b.id }, actor.id);
    write(twice.id, { ownerTeamId: c.id }, actor.id);
    write(twice.id, { serviceId: service.id }, actor.id);
    expect(rowOf(twice.id)).toMatchObject({ serviceId: service.id, ownerTeamId: c.id });
    write(gone.id, { ownerTeamId: c.id }, actor.id);
    expect(rowOf(gone.id)?.path).toBe(`${b.id}>${c.id}`);

    const dashboard = dashboardOf(await loadTotals(t.db, ranges[0]!, now), await names(t.db));
    expect(dashboard.pingPong).toEqual([{ route: `${a.name} → ${b.name} → ${a.name}`, count: 1 }]);
    expect(dashboard.transfersPerIncident).toEqual([
      { transfers: '0', incidents: 1 },
      { transfers: '1', incidents: 1 },
      { transfers: '2', incidents: 2 },
      { transfers: '3 or more', incidents: 0 },
    ]);
    await expectSame([a.id, b.id, c.id]);

    t.db.delete(incidents).where(eq(incidents.id, gone.id)).run();
    expect(rowOf(gone.id)).toBeUndefined();
    await expectSame([a.id, b.id, c.id]);
  });

  test("the migration's backfill builds the rows the triggers keep", () => {
    const kept = t.db.select().from(reportMovedIncidents).all();
    expect(kept.length).toBeGreaterThan(0);
    const backfill = readFileSync(
      join(migrationsFolder, '0025_report_moved_incident_triggers.sql'),
      'utf8',
    )
      .split('--> statement-breakpoint')
      .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
      .filter((s) => s.startsWith('INSERT INTO `report_moved_incidents`'));
    expect(backfill).toHaveLength(1);
    t.db.delete(reportMovedIncidents).run();
    t.db.$client.exec(backfill[0]!);
    expect(t.db.select().from(reportMovedIncidents).all()).toEqual(kept);
  });
});
