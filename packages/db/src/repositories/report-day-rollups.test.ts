// Issue 18, a year as fast as four weeks: the coarser rollups (migration `report_day_rollups`) that the
// dashboard reads, kept by triggers on the hourly and per-bucket rollups. Their rows after a create, a
// transfer, a decided clock that changes and is undone; the answer for ranges that cross months, the
// year and the end of daylight time equals the scan; and the migration's backfill counts as the
// triggers do.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { and, eq, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  buildDashboard,
  dashboardOf,
  diffIncident,
  effects,
  incidentAudit,
  incidentEvent,
  incidentUpdate,
  type Incident,
} from '@handoff/domain';
import { commitSync } from '../commit';
import {
  incidents,
  reportClockTimesDay,
  reportClockTimesMonth,
  reportClockWeeks,
  reportDayContacts,
  reportDayHours,
  slaClocks,
  teams,
  users,
} from '../schema';
import { seedDemoHistory } from '../seed/demo-history';
import { buildIncident, buildTeam } from '../testing/builders';
import { createTestDb, migrationsFolder, type TestDb } from '../testing';
import { loadTotals, splitDays } from './report-totals';
import { load, names } from './reports';

// Eleven weeks of history before mid-January: November (after daylight time ended on the 1st),
// December and January.
const now = '2027-01-20T16:00:00.000Z';
let t: TestDb;
beforeAll(() => {
  t = createTestDb({ now });
  seedDemoHistory(t.db, { now, days: 80 });
}, 120_000);
afterAll(() => t.close());

const coarse = () => ({
  contacts: t.db.select().from(reportDayContacts).where(ne(reportDayContacts.n, 0)).all(),
  hours: t.db.select().from(reportDayHours).where(ne(reportDayHours.n, 0)).all(),
  weeks: t.db.select().from(reportClockWeeks).where(ne(reportClockWeeks.n, 0)).all(),
  timesDay: t.db.select().from(reportClockTimesDay).where(ne(reportClockTimesDay.n, 0)).all(),
  timesMonth: t.db.select().from(reportClockTimesMonth).where(ne(reportClockTimesMonth.n, 0)).all(),
});

const write = (id: number, desired: Partial<Incident>, at: string) =>
  commitSync(t.db, (read) => {
    const current = read.select().from(incidents).where(eq(incidents.id, id)).get()!;
    const actor = read.select().from(users).get()!;
    const { changes, audit } = diffIncident(
      { incident: current, actor: { id: actor.id }, now: at },
      desired,
    );
    return effects(at, {
      writes: [incidentUpdate(current, changes, current.version)],
      audit: incidentAudit(current.id, audit),
      events: [incidentEvent(current.id, 'edited', actor.id, current, { ...current, ...changes })],
    });
  });

describe('the day and month rollups', () => {
  test('splits whole days into whole UTC months and the days at either end', () => {
    expect(splitDays('2026-11-20', '2027-01-15')).toEqual({
      months: { from: '2026-12', to: '2027-01' },
      days: [
        { from: '2026-11-20', to: '2026-12-01' },
        { from: '2027-01-01', to: '2027-01-15' },
      ],
    });
    expect(splitDays('2026-01-01', '2027-01-01')).toEqual({
      months: { from: '2026-01', to: '2027-01' },
      days: [],
    });
    expect(splitDays('2026-11-03', '2026-11-20')).toEqual({
      months: null,
      days: [{ from: '2026-11-03', to: '2026-11-20' }],
    });
  });

  test('a new incident, then its transfer: counted by day, by CPS hour and by every team it touched', async () => {
    const [x, y] = [(await buildTeam(t.db)).id, (await buildTeam(t.db)).id];
    // 23:30 UTC on New Year's Eve is 17:30 in Chicago (CST, UTC-6).
    const i = await buildIncident(t.db, {
      ownerTeamId: x,
      channel: 'chat',
      createdAt: '2026-12-31T23:30:00.000Z',
    });
    const day = '2026-12-31';
    const contactsOf = (team: number) =>
      t.db
        .select({ owner: reportDayContacts.ownerTeamId, n: reportDayContacts.n })
        .from(reportDayContacts)
        .where(
          and(
            eq(reportDayContacts.day, day),
            eq(reportDayContacts.teamId, team),
            eq(reportDayContacts.channel, 'chat'),
          ),
        )
        .orderBy(reportDayContacts.ownerTeamId)
        .all();
    const hourOf = (team: number) =>
      t.db
        .select({ hour: reportDayHours.cpsHour, n: reportDayHours.n })
        .from(reportDayHours)
        .where(and(eq(reportDayHours.day, day), eq(reportDayHours.teamId, team)))
        .orderBy(reportDayHours.cpsHour)
        .all();
    expect(contactsOf(x)).toEqual([{ owner: x, n: 1 }]);
    expect(hourOf(x)).toEqual([{ hour: 17, n: 1 }]);
    const everyone = hourOf(0).find((h) => h.hour === 17)?.n ?? 0;

    write(i.id, { ownerTeamId: y }, '2027-01-02T15:00:00.000Z');
    // Both teams touched it, Y owns it; the all-teams hour counts it once, still.
    expect(contactsOf(x)).toEqual([
      { owner: x, n: 0 },
      { owner: y, n: 1 },
    ]);
    expect(contactsOf(y)).toEqual([{ owner: y, n: 1 }]);
    expect(hourOf(x)).toEqual([{ hour: 17, n: 1 }]);
    expect(hourOf(y)).toEqual([{ hour: 17, n: 1 }]);
    expect(hourOf(0).find((h) => h.hour === 17)?.n).toBe(everyone);
  });

  test('a decided clock counts by week and by bucket, moves when it changes, leaves when undone', async () => {
    const x = (await buildTeam(t.db)).id;
    const i = await buildIncident(t.db, { ownerTeamId: x, createdAt: '2026-12-15T15:00:00.000Z' });
    const clock = t.db
      .insert(slaClocks)
      .values({
        incidentId: i.id,
        teamId: x,
        kind: 'resolution',
        cycle: 1,
        calendar: 'cps',
        targetMs: 8 * 3_600_000,
        targetLabel: '8 business hours',
        landing: 'close',
        startedAt: '2026-12-15T15:00:00.000Z',
        usedMs: 5_400_000, // 1.5 hours: bucket 15
        outcome: 'met',
      })
      .returning()
      .get();
    const mine = () => ({
      weeks: t.db
        .select({
          outcome: reportClockWeeks.outcome,
          week: reportClockWeeks.week,
          n: reportClockWeeks.n,
        })
        .from(reportClockWeeks)
        .where(eq(reportClockWeeks.teamId, x))
        .orderBy(reportClockWeeks.outcome)
        .all(),
      days: t.db
        .select({
          day: reportClockTimesDay.day,
          bucket: reportClockTimesDay.bucket,
          n: reportClockTimesDay.n,
        })
        .from(reportClockTimesDay)
        .where(eq(reportClockTimesDay.teamId, x))
        .orderBy(reportClockTimesDay.bucket)
        .all(),
      months: t.db
        .select({
          month: reportClockTimesMonth.month,
          bucket: reportClockTimesMonth.bucket,
          n: reportClockTimesMonth.n,
        })
        .from(reportClockTimesMonth)
        .where(eq(reportClockTimesMonth.teamId, x))
        .orderBy(reportClockTimesMonth.bucket)
        .all(),
    });
    expect(mine()).toEqual({
      weeks: [{ outcome: 'met', week: '2026-W51', n: 1 }],
      days: [{ day: '2026-12-15', bucket: 15, n: 1 }],
      months: [{ month: '2026-12', bucket: 15, n: 1 }],
    });

    // Resolved later than thought: breached at 9 hours.
    t.db
      .update(slaClocks)
      .set({ outcome: 'breached', usedMs: 9 * 3_600_000 })
      .where(eq(slaClocks.id, clock.id))
      .run();
    expect(mine()).toEqual({
      weeks: [
        { outcome: 'breached', week: '2026-W51', n: 1 },
        { outcome: 'met', week: '2026-W51', n: 0 },
      ],
      days: [
        { day: '2026-12-15', bucket: 15, n: 0 },
        { day: '2026-12-15', bucket: 90, n: 1 },
      ],
      months: [
        { month: '2026-12', bucket: 15, n: 0 },
        { month: '2026-12', bucket: 90, n: 1 },
      ],
    });

    // Reopened: the clock runs again, undecided, and counts nowhere.
    t.db.update(slaClocks).set({ outcome: null }).where(eq(slaClocks.id, clock.id)).run();
    const all = mine();
    expect([...all.weeks, ...all.days, ...all.months].every((r) => r.n === 0)).toBe(true);
  });

  test(
    'equals the scan for ranges across months, the year and the end of daylight time',
    { timeout: 120_000 },
    async () => {
      const ranges = [
        // Whole days: November's end, all December, half of January.
        { from: '2026-11-20T00:00:00.000Z', to: '2027-01-15T00:00:00.000Z' },
        // From before the end of daylight time (1 November) through the new year, partial ends.
        { from: '2026-10-31T17:45:00.000Z', to: '2027-01-19T06:30:00.000Z' },
        // One whole month.
        { from: '2026-12-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' },
      ];
      const teamIds = t.db
        .select({ id: teams.id })
        .from(teams)
        .all()
        .map((r) => r.id);
      const { from, to } = ranges[0]!;
      const d = dashboardOf(await loadTotals(t.db, { from, to }, now), await names(t.db));
      expect(d.summary.contacts).toBeGreaterThan(300);
      expect(d.responseTimes.length).toBeGreaterThan(2);
      expect(d.slaByTeamWeek.map((w) => w.week)).toContain('2026-W53');
      for (const range of ranges)
        for (const teamId of [undefined, ...teamIds]) {
          const f = { ...range, teamId };
          expect(
            dashboardOf(await loadTotals(t.db, f, now), await names(t.db)),
            JSON.stringify(f),
          ).toEqual(buildDashboard(await load(t.db, f), now));
        }
    },
  );

  test("the migration's backfill counts the finer rollups as the triggers do", () => {
    const kept = coarse();
    expect(kept.hours.length).toBeGreaterThan(0);
    expect(kept.timesMonth.length).toBeGreaterThan(0);
    const migration = readFileSync(
      join(migrationsFolder, '0023_report_day_rollup_triggers.sql'),
      'utf8',
    );
    const backfill = migration
      .split('--> statement-breakpoint')
      .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
      .filter((s) => s.startsWith('INSERT INTO `report_'));
    expect(backfill).toHaveLength(5);
    for (const table of [
      reportDayContacts,
      reportDayHours,
      reportClockWeeks,
      reportClockTimesDay,
      reportClockTimesMonth,
    ])
      t.db.delete(table).run();
    for (const statement of backfill) t.db.$client.exec(statement);
    const sort = (xs: readonly object[]) => xs.map((x) => JSON.stringify(x)).sort();
    const again = coarse();
    for (const key of Object.keys(kept) as (keyof typeof kept)[])
      expect(sort(again[key]), key).toEqual(sort(kept[key]));
  });
});
